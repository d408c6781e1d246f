import fs from 'node:fs';
import path from 'node:path';
import { describeFsError } from '../files.js';
import { CliError, ExitCode, type CliIo } from '../io.js';

/** Runs `orgcfg emulator FILE` until the signal aborts, printing where each host is served. */
export async function runEmulator(file: string, options: { bind: string; quiet?: boolean }, io: CliIo): Promise<number> {
  let text: string;
  try {
    text = fs.readFileSync(path.resolve(io.cwd, file), 'utf8');
  } catch (error) {
    throw new CliError(`cannot read emulator file ${file}: ${describeFsError(error)}`);
  }
  const { parseEmulatorConfig, startEmulator, EmulatorConfigError } = await import('../../emulator/index.js');
  let emulator;
  try {
    emulator = await startEmulator(parseEmulatorConfig(text, file), {
      bindAddress: options.bind,
      log: options.quiet ? () => undefined : (line) => io.stderr(`emulator: ${line}\n`),
    });
  } catch (error) {
    if (error instanceof EmulatorConfigError) throw new CliError(error.message);
    throw new CliError(`cannot start the emulator: ${(error as Error).message}`);
  }

  const width = Math.max(...emulator.domains.map((domain) => domain.host.length));
  io.stdout(`orgcfg emulator serving ${file} (loopback only)\n`);
  for (const domain of emulator.domains) io.stdout(`  ${domain.host.padEnd(width)}  ${domain.url}\n`);
  io.stdout(`ORGCFG_CONNECT_TO=${emulator.connectTo}\n`);
  io.stdout('Export that variable (or pass --connect-to) to point orgcfg verify at these hosts. Stop with Ctrl+C.\n');

  await new Promise<void>((resolve) => {
    if (!io.signal || io.signal.aborted) return resolve();
    io.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  await emulator.close();
  return ExitCode.Ok;
}
