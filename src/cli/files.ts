/** File-system access for the CLI: reading project files, globbing includes, finding projects. */
import fs from 'node:fs';
import path from 'node:path';
import type { ProjectHost } from '../project/model.js';
import { DEFAULT_PROJECT_FILE } from '../project/load.js';
import { MAX_SOURCE_BYTES } from '../project/yaml-source.js';
import { CliError } from './io.js';

/**
 * Reads project files from disk, refusing files that are not regular or are too large. Paths
 * stay as the user wrote them (relative to `cwd`) so messages show familiar names.
 */
export function createProjectHost(cwd: string): ProjectHost {
  return {
    readFile(given) {
      const file = path.resolve(cwd, given);
      let stat: fs.Stats;
      try {
        stat = fs.statSync(file);
      } catch (error) {
        throw new Error(describeFsError(error));
      }
      if (stat.isDirectory()) throw new Error('it is a directory, not a file');
      if (!stat.isFile()) throw new Error('it is not a regular file');
      if (stat.size > MAX_SOURCE_BYTES) {
        throw new Error(`it is ${stat.size} bytes; orgcfg reads files up to ${MAX_SOURCE_BYTES} bytes`);
      }
      try {
        return decodeUtf8(fs.readFileSync(file));
      } catch (error) {
        throw new Error(describeFsError(error));
      }
    },
    glob(pattern, directory) {
      const matches = fs.globSync(pattern, { cwd: path.resolve(cwd, directory) }) as string[];
      return matches
        .filter((match) => /\.ya?ml$/i.test(match))
        .sort()
        .map((match) => path.join(directory, match))
        .filter((match) => isFile(path.resolve(cwd, match)));
    },
    isInside(file, directory) {
      // Symbolic links are followed on both sides, so a link in the repository cannot make
      // lint or verify read (and quote in messages) a file elsewhere on the machine.
      try {
        const real = fs.realpathSync(path.resolve(cwd, file));
        const base = fs.realpathSync(path.resolve(cwd, directory));
        return real === base || real.startsWith(base + path.sep);
      } catch {
        return false;
      }
    },
  };
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

export function describeFsError(error: unknown): string {
  const code = (error as { code?: string }).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a directory, not a file';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/** Walks up from `directory` to the nearest orgcfg.yaml, or returns undefined. */
export function findProjectFileUpwards(directory: string): string | undefined {
  let current = path.resolve(directory);
  for (;;) {
    const candidate = path.join(current, DEFAULT_PROJECT_FILE);
    if (isFile(candidate)) return candidate;
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

/**
 * Turns command-line paths into project files: a file is used as given, a directory means
 * its orgcfg.yaml, and no paths means the nearest orgcfg.yaml above the working directory.
 */
export function resolveProjectPaths(paths: readonly string[], cwd: string): string[] {
  if (paths.length === 0) {
    const found = findProjectFileUpwards(cwd);
    if (!found) {
      throw new CliError(
        `no ${DEFAULT_PROJECT_FILE} found in ${cwd} or any parent directory; pass the project file as an argument, or create ${DEFAULT_PROJECT_FILE} (see examples/orgcfg.yaml)`,
      );
    }
    return [path.relative(cwd, found) || found];
  }
  return paths.map((given) => {
    const absolute = path.resolve(cwd, given);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolute);
    } catch (error) {
      throw new CliError(`cannot read ${given}: ${describeFsError(error)}`);
    }
    if (!stat.isDirectory()) return given;
    const inside = path.join(given, DEFAULT_PROJECT_FILE);
    if (!isFile(path.resolve(cwd, inside))) {
      throw new CliError(`no ${DEFAULT_PROJECT_FILE} in directory ${given}; pass the project file itself`);
    }
    return inside;
  });
}

/**
 * Decodes a project file, rejecting UTF-16 and binary content with a clear reason: decoded as
 * UTF-8 they turn into a string of NUL-separated characters that YAML reads as one scalar.
 */
export function decodeUtf8(bytes: Buffer): string {
  const utf16Bom = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (utf16Bom) throw new Error('it is encoded as UTF-16; save it as UTF-8');
  if (bytes.includes(0)) throw new Error('it contains NUL bytes, so it is not a UTF-8 text file; save it as UTF-8');
  return bytes.toString('utf8');
}
