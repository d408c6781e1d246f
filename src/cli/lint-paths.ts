/** Turning command arguments (files, directories, globs) into project files, the same for every command. */
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_PROJECT_FILE } from '../project/load.js';
import { describeFsError, resolveProjectPaths } from './files.js';
import { CliError } from './io.js';

/** Directories never searched for project files. */
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);

/**
 * Expands command arguments into project files, dropping duplicates. A file is used as given. A
 * directory means its orgcfg.yaml, or every orgcfg.yaml below it when it has none. A glob means
 * the YAML files it matches. No arguments means the nearest orgcfg.yaml above the working directory.
 */
export function resolveLintPaths(paths: readonly string[], cwd: string): string[] {
  if (paths.length === 0) return resolveProjectPaths([], cwd);
  const files: string[] = [];
  for (const given of paths) {
    if (/[*?[{]/.test(given)) {
      const matches = (fs.globSync(given, { cwd }) as string[]).filter((match) => /\.ya?ml$/i.test(match) && isFile(path.resolve(cwd, match))).sort();
      if (matches.length === 0) throw new CliError(`pattern ${given} matches no YAML file`);
      files.push(...matches);
      continue;
    }
    let stat: fs.Stats;
    try {
      stat = fs.statSync(path.resolve(cwd, given));
    } catch (error) {
      throw new CliError(`cannot read ${given}: ${describeFsError(error)}`);
    }
    if (!stat.isDirectory()) {
      files.push(given);
      continue;
    }
    const direct = path.join(given, DEFAULT_PROJECT_FILE);
    if (isFile(path.resolve(cwd, direct))) {
      files.push(direct);
      continue;
    }
    const found = findProjectFiles(cwd, given);
    if (found.length === 0) throw new CliError(`no ${DEFAULT_PROJECT_FILE} in directory ${given} or below it; pass the project file itself`);
    files.push(...found);
  }
  const seen = new Set<string>();
  return files.filter((file) => {
    const key = path.resolve(cwd, file);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function findProjectFiles(cwd: string, directory: string): string[] {
  const found: string[] = [];
  const entries = fs.readdirSync(path.resolve(cwd, directory), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of entries) {
    const child = path.join(directory, entry.name);
    if (entry.isDirectory() && !SKIPPED_DIRECTORIES.has(entry.name)) found.push(...findProjectFiles(cwd, child));
    else if (entry.isFile() && entry.name === DEFAULT_PROJECT_FILE) found.push(child);
  }
  return found;
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
