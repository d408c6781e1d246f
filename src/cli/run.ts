/**
 * The command-line interface: parses arguments with commander and dispatches to a command.
 * Returns an exit code instead of exiting, so tests run it in-process.
 */
import { Command, CommanderError, Option } from 'commander';
import { LINT_FORMATS, runLint } from './commands/lint.js';
import { CliError, ExitCode, type CliIo } from './io.js';

// Commands other than lint are imported when they run, because lint runs in pre-commit hooks
// and loading verify, upgrade and the emulator modules would add to every lint start.

export const VERSION = '0.1.0';

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/**
 * Oldest Node.js orgcfg runs on, matching engines in package.json: jsforce 3.10.17 and later
 * load undici 8, which needs 22.19, and lint globs includes with fs.globSync (Node.js 22).
 */
const MINIMUM_NODE = [22, 19, 0] as const;

/** Returns why this Node.js version is too old, or undefined when it is new enough. */
export function checkNodeVersion(version: string): string | undefined {
  const [major = 0, minor = 0] = version.replace(/^v/, '').split('.').map(Number);
  const [needMajor, needMinor] = MINIMUM_NODE;
  if (major > needMajor || (major === needMajor && minor >= needMinor)) return undefined;
  return `Node.js ${needMajor}.${needMinor} or newer is required (orgcfg's Salesforce client, jsforce, needs it); this is Node.js ${version}. Install a current LTS release`;
}

/** Runs orgcfg with `argv` (without the node and script paths) and returns the exit code. */
export async function run(argv: readonly string[], io: CliIo, nodeVersion: string = MINIMUM_NODE.join('.')): Promise<number> {
  const unsupported = checkNodeVersion(nodeVersion);
  if (unsupported) {
    io.stderr(`orgcfg: ${unsupported}\n`);
    return ExitCode.UsageOrInput;
  }
  let exitCode: number = ExitCode.Ok;
  const program = new Command('orgcfg')
    .description('Declarative Salesforce org connections: lint, upgrade and verify YAML org files')
    .version(VERSION, '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run orgcfg --help for usage)');

  program
    .command('lint')
    .description('check project files offline: YAML syntax, the schema and Salesforce-aware rules')
    .argument('[paths...]', 'project files, directories holding orgcfg.yaml, or globs (default: the nearest orgcfg.yaml)')
    .addOption(new Option('-f, --format <format>', 'output format').choices([...LINT_FORMATS]).default('stylish'))
    .option('-o, --output <file>', 'write the report to this file instead of standard output')
    .option('--rule <rule=severity>', 'set a rule to off, info, warning or error (repeatable; wins over the project file)', collect, [])
    .option('--max-warnings <n>', 'exit with 1 when there are more than this many warnings')
    .option('-q, --quiet', 'show errors only; warnings still count for --max-warnings')
    .option('--fix', 'apply every fix to the files, keeping comments and formatting')
    .option('--fix-dry-run', 'print the fixes as a unified diff and change nothing')
    .option('--stdin', 'lint the project file read from standard input')
    .option('--stdin-filename <file>', 'path to report for --stdin; includes and .env.example are found beside it')
    .option('--no-color', 'never color the output')
    .action(async (paths: string[], options: Record<string, unknown>) => {
      exitCode = await runLint(
        paths,
        {
          format: options.format as string,
          rule: options.rule as string[],
          ...(typeof options.output === 'string' ? { output: options.output } : {}),
          ...(typeof options.maxWarnings === 'string' ? { maxWarnings: options.maxWarnings } : {}),
          ...(typeof options.stdinFilename === 'string' ? { stdinFilename: options.stdinFilename } : {}),
          quiet: options.quiet === true,
          fix: options.fix === true,
          fixDryRun: options.fixDryRun === true,
          stdin: options.stdin === true,
          version: VERSION,
          ...(options.color === false ? { color: false } : {}),
        },
        io,
      );
    });

  program
    .command('rules')
    .description('list the lint rules, or explain one with its examples')
    .argument('[rule]', 'rule id, such as soap-login-retiring')
    .action(async (rule: string | undefined) => {
      const { runRules } = await import('./commands/rules.js');
      exitCode = runRules(rule, io);
    });

  program
    .command('verify')
    .description('resolve secrets and log in to every org, in parallel, and report each result')
    .argument('[paths...]', 'project files or directories holding orgcfg.yaml (default: the nearest orgcfg.yaml)')
    .option('-o, --org <name>', 'verify only this org (repeatable)', collect, [])
    .option('-e, --env-file <file>', 'read variables from this .env file (repeatable; later files win, the process environment wins over all)', collect, [])
    .option('--allow-host <host>', 'also send credentials to this host or host:port (repeatable; also ORGCFG_ALLOW_HOSTS, comma-separated)', collect, [])
    .option('--connect-to <host=url>', 'connect to URL instead of HOST, as for a local emulator (repeatable; also ORGCFG_CONNECT_TO)', collect, [])
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--concurrency <n>', 'how many logins run at once', '8')
    .option('--timeout <seconds>', 'time limit for each org, in seconds', '30')
    .option('--no-color', 'never color the output')
    .action(async (paths: string[], options: Record<string, unknown>) => {
      const { runVerify } = await import('./commands/verify.js');
      exitCode = await runVerify(
        paths,
        {
          org: options.org as string[],
          envFile: options.envFile as string[],
          allowHost: options.allowHost as string[],
          connectTo: options.connectTo as string[],
          format: options.format as string,
          concurrency: options.concurrency as string,
          timeout: options.timeout as string,
          ...(options.color === false ? { color: false } : {}),
        },
        io,
      );
    });

  program
    .command('upgrade')
    .description('move project files to a newer API version and off SOAP login(), keeping every comment; prints a diff unless --write')
    .argument('[paths...]', 'project files or directories holding orgcfg.yaml (default: the nearest orgcfg.yaml)')
    .option('-o, --org <name>', 'upgrade only this org (repeatable); defaults then stay as they are', collect, [])
    .option('--api-version <version>', 'target API version, such as 66.0, or latest for the newest one orgcfg knows', 'latest')
    .addOption(new Option('--auth <method>', 'move soap-password orgs to this OAuth flow').choices(['client-credentials', 'jwt']))
    .addOption(new Option('--write', 'write the upgraded files in place (atomically)').conflicts('check'))
    .option('--check', 'change nothing; exit 1 when any file would change, for CI')
    .action(async (paths: string[], options: { org: string[]; apiVersion: string; auth?: string; write?: boolean; check?: boolean }) => {
      const { runUpgrade } = await import('./commands/upgrade.js');
      exitCode = runUpgrade(paths, options, io);
    });

  program
    .command('emulator')
    .description('serve a loopback emulator of the Salesforce login endpoints, for tests and demos')
    .argument('<file>', 'emulator file listing orgs, users and apps (see examples/emulator.yaml)')
    .option('--bind <address>', 'address to listen on; only 127.0.0.1 is accepted', '127.0.0.1')
    .option('-q, --quiet', 'do not log requests to stderr')
    .action(async (file: string, options: { bind: string; quiet?: boolean }) => {
      const { runEmulator } = await import('./commands/emulator.js');
      exitCode = await runEmulator(file, options, io);
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit with 0; parse errors were already printed by commander.
      return error.exitCode === 0 ? ExitCode.Ok : ExitCode.UsageOrInput;
    }
    if (error instanceof CliError) {
      io.stderr(`orgcfg: ${error.message}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    io.stderr(`orgcfg: internal error: ${message}\nThis is a bug in orgcfg. Please report it with the command you ran (not your secrets).\n`);
    return ExitCode.Internal;
  }
}
