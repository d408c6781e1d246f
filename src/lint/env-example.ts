/** Reading `.env.example` and the variables a project references, for the env-example rules. */
import type { Project } from '../project/model.js';
import { parseTemplate, referencesIn } from '../project/references.js';
import type { DataPath, YamlSource } from '../project/yaml-source.js';
import type { EnvExample } from './rule.js';
import { forEachString } from './walk.js';

/** A variable listed in `.env.example`, with its 1-based line. */
export interface ListedVariable {
  readonly name: string;
  readonly line: number;
  readonly column: number;
}

/** Lists `NAME=` and `export NAME=` lines; comments and blank lines are skipped. */
export function listedVariables(example: EnvExample): ListedVariable[] {
  const listed: ListedVariable[] = [];
  example.text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((line, index) => {
      const match = /^(\s*(?:export\s+)?)([A-Za-z_][A-Za-z0-9_]*)\s*=/.exec(line);
      if (match) listed.push({ name: match[2]!, line: index + 1, column: match[1]!.length + 1 });
    });
  return listed;
}

/** A reference to a variable in a string value. */
export interface VariableUse {
  readonly variable: string;
  readonly source: YamlSource;
  readonly path: DataPath;
}

/** Lists every variable reference in the project's files, in file order. */
export function variableUses(project: Project): VariableUse[] {
  const uses: VariableUse[] = [];
  for (const source of project.sources) {
    if (source.data === undefined) continue;
    forEachString(source, (value, path) => {
      if (!value.includes('${')) return;
      let references;
      try {
        references = referencesIn(parseTemplate(value));
      } catch {
        return; // valid-reference reports it
      }
      for (const reference of references) uses.push({ variable: reference.variable, source, path });
    });
  }
  return uses;
}
