/** Rule documentation as text for `orgcfg rules` and as Markdown for docs/rules.md. */
import type { Rule } from './rule.js';

/** Formats the rule list: id, default severity, fixable mark and description, one line each. */
export function formatRuleList(rules: readonly Rule[]): string {
  const width = Math.max(...rules.map((rule) => rule.id.length));
  const lines = rules.map((rule) => `${rule.id.padEnd(width)}  ${rule.defaultSeverity.padEnd(7)}  ${rule.fixable ? 'fix' : '   '}  ${rule.description}`);
  return `${lines.join('\n')}\n\n${rules.length} rules. orgcfg rules ID explains one; "fix" marks rules that --fix corrects.\n`;
}

/** Formats one rule's explanation with its bad and good examples. */
export function formatRuleHelp(rule: Rule): string {
  const indent = (text: string): string => text.trimEnd().split('\n').map((line) => `    ${line}`).join('\n');
  return [
    `${rule.id} (default severity: ${rule.defaultSeverity}${rule.fixable ? ', fixable with --fix' : ''})`,
    '',
    rule.description,
    '',
    wrap(rule.explanation, 88),
    '',
    'Reported:',
    indent(rule.bad),
    '',
    'Correct:',
    indent(rule.good),
    '',
    `Configure: lint: { rules: { ${rule.id}: off | info | warning | error } } in the project file, or --rule ${rule.id}=SEVERITY.`,
    `Suppress one line: # orgcfg-disable-next-line ${rule.id} -- reason`,
    '',
  ].join('\n');
}

/** Renders the whole catalogue as Markdown; docs/rules.md must equal this (a test checks it). */
export function formatRulesMarkdown(rules: readonly Rule[]): string {
  const out: string[] = [
    '# orgcfg lint rules',
    '',
    '<!-- Generated from src/lint/rules by `npm run docs:rules`; a test fails when this file is out of date. -->',
    '',
    'Set a severity per rule in the project file (`lint: { rules: { RULE: off | info | warning | error } }`) or with `--rule RULE=SEVERITY`, which wins. Hide one line with `# orgcfg-disable-next-line RULE -- reason`; the reason is required.',
    '',
    '| rule | default | fixable | what it reports |',
    '| --- | --- | --- | --- |',
    ...rules.map((rule) => `| [\`${rule.id}\`](#${rule.id}) | ${rule.defaultSeverity} | ${rule.fixable ? 'yes' : ''} | ${rule.description.replace(/\|/g, '\\|')} |`),
  ];
  for (const rule of rules) {
    out.push(
      '',
      `## ${rule.id}`,
      '',
      `Default severity: ${rule.defaultSeverity}.${rule.fixable ? ' Fixable with `--fix`.' : ''}`,
      '',
      rule.explanation,
      '',
      'Reported:',
      '',
      '```yaml',
      rule.bad.trimEnd(),
      '```',
      '',
      'Correct:',
      '',
      '```yaml',
      rule.good.trimEnd(),
      '```',
    );
  }
  return `${out.join('\n')}\n`;
}

function wrap(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines.join('\n');
}
