/**
 * Loads the bundled CLI with a V8 code cache that contains the functions a lint run compiled.
 *
 * Node.js's own compile cache (module.enableCompileCache, Node.js 22 and 24) stores a module's
 * code right after compiling it, when V8 has compiled only the top level. Every function that a
 * run calls is then parsed and compiled again on each start: for `orgcfg lint` on a 10-org
 * project that is about 10 ms of 60 (scripts/bench.mjs, 2-core machine, Node.js 24.21).
 * vm.Script can create its cache after the code has run, so this module stores that cache
 * instead, beside Node.js's own in module.getCompileCacheDir(). It therefore obeys the same
 * switches: NODE_COMPILE_CACHE moves it and NODE_DISABLE_COMPILE_CACHE turns it off.
 */
import fs = require('node:fs');
import Module = require('node:module');
import path = require('node:path');
import vm = require('node:vm');

/** The bundle's exports, and a way to store the code compiled so far for the next start. */
interface LoadedBundle {
  readonly exports: unknown;
  /**
   * Writes the code cache when there was no usable one. Call it after the run that should be
   * fast next time; later runs reuse that cache and never rewrite it.
   */
  saveCodeCache(): void;
}

const CACHE_FORMAT = 'orgcfg-code-cache-2';

/**
 * Runs the CommonJS file `file` as require() would, with the code cache from `cacheDirectory`
 * when it is present and valid, and registers it in require.cache so that chunks requiring it
 * later share this instance.
 */
function requireWithCodeCache(file: string, cacheDirectory: string | undefined): LoadedBundle {
  // One descriptor for the text and its identity, so a reinstall during the run cannot pair the
  // old text with the new file's header.
  const descriptor = fs.openSync(file, 'r');
  let source: string;
  let stat: fs.Stats;
  try {
    stat = fs.fstatSync(descriptor);
    source = fs.readFileSync(descriptor, 'utf8');
  } finally {
    fs.closeSync(descriptor);
  }
  // The header ties the cache to this file at this path. V8 itself checks its own version and
  // flags, but of the source only its length.
  const header = `${CACHE_FORMAT} ${stat.size} ${stat.mtimeMs} ${stat.ino}`;
  const cacheFile = cacheDirectory !== undefined && trusted(cacheDirectory) ? path.join(cacheDirectory, `orgcfg-${fnv1a(file)}.bin`) : undefined;
  const cachedData = cacheFile === undefined ? undefined : readCache(cacheFile, header);

  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const loaded = new Module(file);
  loaded.filename = file;
  const require = Module.createRequire(file);
  require.cache[file] = loaded;
  (script.runInThisContext() as (...args: unknown[]) => void)(loaded.exports, require, loaded, file, path.dirname(file));
  loaded.loaded = true;

  const usable = cachedData !== undefined && !script.cachedDataRejected;
  return {
    get exports() {
      return loaded.exports;
    },
    saveCodeCache() {
      if (usable || cacheFile === undefined) return;
      const data = script.createCachedData();
      writeCache(cacheFile, Buffer.concat([Buffer.from(`${header} ${data.length}\n`), data, data]));
    },
  };
}

/**
 * Returns whether the cache directory is this user's and not writable by others. V8 would run
 * code a cache file contains, and a directory that others can write lets them plant one or
 * redirect a write. Group-writable is allowed: Node.js creates the directory with the umask,
 * which is 002 on systems that give each user a private group.
 */
function trusted(directory: string): boolean {
  try {
    return ownedBy(fs.statSync(directory), 0o002);
  } catch {
    return false;
  }
}

/**
 * Returns the V8 data of a cache file whose header matches and whose two copies of the data are
 * equal, or undefined. The file itself must be this user's and writable by nobody else.
 *
 * The file stores the data twice because a release build of V8 checks the lengths in code cache
 * data but not its contents: with V8 13.6 (Node.js 24.21), a damaged file stops the process with
 * a fatal error. Comparing two copies catches damage as a checksum would, for about 0.2 ms,
 * where node:zlib's crc32 costs 2 ms of start-up to load.
 */
function readCache(cacheFile: string, header: string): Buffer | undefined {
  let data: Buffer;
  try {
    const descriptor = fs.openSync(cacheFile, 'r');
    try {
      if (!ownedBy(fs.fstatSync(descriptor), 0o022)) return undefined;
      data = fs.readFileSync(descriptor);
    } finally {
      fs.closeSync(descriptor);
    }
  } catch {
    return undefined;
  }
  const end = data.indexOf(0x0a);
  if (end < 0) return undefined;
  const fields = data.toString('latin1', 0, end);
  if (!fields.startsWith(`${header} `)) return undefined;
  const length = Number(fields.slice(header.length + 1));
  const copies = data.subarray(end + 1);
  if (!Number.isSafeInteger(length) || length <= 0 || copies.length !== 2 * length) return undefined;
  const first = copies.subarray(0, length);
  return first.equals(copies.subarray(length)) ? first : undefined;
}

/**
 * Replaces the cache file in one rename, so a concurrent start reads the old or the new one, and
 * flushes it first, so a power loss cannot leave the new name on unwritten blocks.
 */
function writeCache(cacheFile: string, contents: Buffer): void {
  const temporary = `${cacheFile}.${process.pid}.tmp`;
  try {
    // A leftover of a crashed process with the same id goes first; 'wx' then creates a new file
    // and never follows a link.
    fs.rmSync(temporary, { force: true });
    const descriptor = fs.openSync(temporary, 'wx', 0o600);
    try {
      fs.writeFileSync(descriptor, contents);
      fs.fsyncSync(descriptor);
    } finally {
      fs.closeSync(descriptor);
    }
    fs.renameSync(temporary, cacheFile);
  } catch {
    // The cache only saves start-up time: a read-only or full disk must not fail the command.
    try {
      fs.rmSync(temporary, { force: true });
    } catch {
      // Nothing more to do: a later save removes a leftover file of the same process id.
    }
  }
}

/** Returns whether the current user owns the file and no `forbidden` write bit is set. */
function ownedBy(stat: fs.Stats, forbidden: number): boolean {
  // Windows has no uid; its temporary directory is private to the user already.
  if (process.getuid === undefined) return true;
  return stat.uid === process.getuid() && (stat.mode & forbidden) === 0;
}

/** 32-bit FNV-1a of a path, in hex: a short file name per installed bundle, without loading crypto. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

export = { requireWithCodeCache };
