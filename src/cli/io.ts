/** Everything a command needs from the process, passed in so commands run inside tests. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Whether stdout is a terminal, which turns color on unless NO_COLOR is set. */
  readonly stdoutIsTTY: boolean;
  /** Reads all of standard input, for `orgcfg lint --stdin`. */
  readonly readStdin?: () => Promise<string>;
  /** Aborted on SIGINT or SIGTERM, for long-running commands such as the emulator. */
  readonly signal?: AbortSignal;
}

/** Exit codes, documented in the README. */
export const ExitCode = {
  /** No problems: lint found no errors, every org logged in. */
  Ok: 0,
  /** lint found errors, or verify had at least one failed login. */
  ProblemsFound: 1,
  /** Bad usage, unreadable input, or (verify) a configuration error. */
  UsageOrInput: 2,
  /** A bug in orgcfg. */
  Internal: 3,
} as const;

/** An error that ends a command with a message and an exit code, and no stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = ExitCode.UsageOrInput,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** Decides color the way most CLIs do: NO_COLOR wins, FORCE_COLOR forces, else a terminal. */
export function useColor(io: CliIo, flag: boolean | undefined): boolean {
  if (flag !== undefined) return flag;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return io.stdoutIsTTY;
}
