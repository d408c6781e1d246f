/** Atomic file replacement for commands that rewrite users' files (lint --fix, upgrade). */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** The file operations of an atomic write, injectable so tests can interrupt one. */
export interface AtomicWriteFileSystem {
  statMode(file: string): number | undefined;
  open(file: string, mode: number): number;
  write(fd: number, data: Uint8Array): number;
  fchmod(fd: number, mode: number): void;
  fsync(fd: number): void;
  close(fd: number): void;
  rename(from: string, to: string): void;
  unlink(file: string): void;
  /** Flushes a directory entry after the rename; file systems that cannot do it may ignore it. */
  syncDirectory(directory: string): void;
}

export const NODE_FILE_SYSTEM: AtomicWriteFileSystem = {
  statMode(file) {
    try {
      return fs.statSync(file).mode & 0o7777;
    } catch (error) {
      if ((error as { code?: string }).code === 'ENOENT') return undefined;
      throw error;
    }
  },
  open: (file, mode) => fs.openSync(file, 'wx', mode),
  write: (fd, data) => fs.writeSync(fd, data),
  fchmod: (fd, mode) => fs.fchmodSync(fd, mode),
  fsync: (fd) => fs.fsyncSync(fd),
  close: (fd) => fs.closeSync(fd),
  rename: (from, to) => fs.renameSync(from, to),
  unlink: (file) => fs.unlinkSync(file),
  syncDirectory(directory) {
    let fd: number | undefined;
    try {
      fd = fs.openSync(directory, 'r');
      fs.fsyncSync(fd);
    } catch {
      // Some platforms cannot fsync a directory; the rename has happened either way.
    } finally {
      if (fd !== undefined) fs.closeSync(fd);
    }
  },
};

/**
 * Replaces `file` with `text` so that a reader sees either the old or the new content: the
 * text goes to a temporary file in the same directory, is flushed to disk, and is renamed over
 * the original. The original's permission bits are kept. On any failure the temporary file is
 * removed and the original stays as it was.
 */
export function writeFileAtomic(file: string, text: string, fileSystem: AtomicWriteFileSystem = NODE_FILE_SYSTEM): void {
  const mode = fileSystem.statMode(file) ?? 0o644;
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = fileSystem.open(temporary, mode);
  try {
    try {
      // open() applies the umask; fchmod sets the original's bits exactly.
      fileSystem.fchmod(fd, mode);
      const data = Buffer.from(text, 'utf8');
      for (let written = 0; written < data.length; ) written += fileSystem.write(fd, data.subarray(written));
      fileSystem.fsync(fd);
    } finally {
      fileSystem.close(fd);
    }
    fileSystem.rename(temporary, file);
  } catch (error) {
    try {
      fileSystem.unlink(temporary);
    } catch {
      // The temporary file may not exist; the original error is the one to report.
    }
    throw error;
  }
  fileSystem.syncDirectory(path.dirname(file));
}
