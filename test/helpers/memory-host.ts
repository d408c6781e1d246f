import path from 'node:path';
import type { ProjectHost } from '../../src/project/model.js';

/** A ProjectHost over an in-memory map of path to text, with `*` globs inside one directory. */
export function memoryHost(files: Record<string, string>): ProjectHost {
  return {
    readFile(file) {
      const text = files[path.normalize(file)];
      if (text === undefined) throw new Error('no such file or directory');
      return text;
    },
    glob(pattern, directory) {
      const full = path.normalize(path.join(directory, pattern));
      const regex = new RegExp(`^${full.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*')}$`);
      return Object.keys(files).filter((file) => regex.test(file)).sort();
    },
  };
}
