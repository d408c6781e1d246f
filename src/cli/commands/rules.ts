import { formatRuleHelp, formatRuleList } from '../../lint/rule-docs.js';
import { RULES } from '../../lint/rules/index.js';
import { suggestClosest } from '../../schema/suggest.js';
import { CliError, ExitCode, type CliIo } from '../io.js';

/** Runs `orgcfg rules [ID]`: lists every rule, or explains one. */
export function runRules(id: string | undefined, io: CliIo): number {
  if (id === undefined) {
    io.stdout(formatRuleList(RULES));
    return ExitCode.Ok;
  }
  const rule = RULES.find((candidate) => candidate.id === id);
  if (!rule) {
    const close = suggestClosest(id, RULES.map((candidate) => candidate.id));
    throw new CliError(`unknown rule "${id}"${close ? ` (did you mean "${close}"?)` : ''}; run orgcfg rules to list them`);
  }
  io.stdout(formatRuleHelp(rule));
  return ExitCode.Ok;
}
