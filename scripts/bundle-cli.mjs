// Bundles the CLI that tsc wrote to dist/cli/run.js, with yaml and commander, into one chunk,
// so a lint start resolves, reads and compiles three files (bin.js, run.js and that chunk)
// instead of about 140 of orgcfg, yaml and commander. Code that only verify, upgrade, emulator, rules and --fix use stays
// in chunks that load when those run, and other packages, such as jsforce and ajv, stay in
// node_modules. Runs after tsc in `npm run build`; bin.js is left as tsc wrote it, because it
// enables the compile cache before it imports run.js.
import fs from 'node:fs';
import path from 'node:path';
import { rolldown } from 'rolldown';

const root = path.resolve(import.meta.dirname, '..');
const outDir = path.join(root, 'dist', 'cli');
const BUNDLED_PACKAGES = ['yaml', 'commander'];

// Chunk names carry a content hash; remove the previous build's so they do not pile up.
for (const name of fs.readdirSync(outDir)) {
  if (name.startsWith('chunk-')) fs.rmSync(path.join(outDir, name));
}

const bundle = await rolldown({
  input: { run: path.join(outDir, 'run.js') },
  platform: 'node',
  external: (id) => isPackage(id) && !BUNDLED_PACKAGES.some((name) => id === name || id.startsWith(`${name}/`)),
  plugins: [skipYamlTokenLogging()],
});
const { output } = await bundle.write({
  dir: outDir,
  format: 'esm',
  entryFileNames: '[name].js',
  // Chunks sit beside bin.js, so paths relative to the module, such as the precompiled
  // validator's, resolve the same from every chunk.
  chunkFileNames: 'chunk-[name]-[hash].js',
  sourcemap: true,
  // Without this group, rolldown moves every module that a lazy command shares with lint into
  // a common chunk of its own, and lint would load a dozen chunks again.
  codeSplitting: { groups: [{ name: 'lint', tags: ['$initial'] }] },
});
await bundle.close();
// Executable like an installed bin, so the benchmark and users run it through its shebang,
// which carries the Node.js flags orgcfg needs.
fs.chmodSync(path.join(outDir, 'bin.js'), 0o755);
for (const file of output) {
  if (file.type === 'chunk') console.log(`wrote dist/cli/${file.fileName} (${file.code.length} bytes)`);
}

function isPackage(id) {
  return !id.startsWith('.') && !path.isAbsolute(id) && !id.startsWith('\0');
}

/**
 * yaml's parser reads process.env.LOG_TOKENS once for every token (yaml 2.9.1,
 * dist/parse/parser.js), and each read of process.env is a call into the C++ environment.
 * On a 2.5 MB project file that was about 130 ms of CPU time. The variable only turns on
 * yaml's debug output, so the bundle reads it once at start-up instead.
 */
function skipYamlTokenLogging() {
  const pattern = /node_process\.env\.LOG_TOKENS/g;
  return {
    name: 'skip-yaml-token-logging',
    transform(code, id) {
      if (!id.replaceAll('\\', '/').endsWith('/yaml/dist/parse/parser.js')) return null;
      if (!pattern.test(code)) {
        throw new Error(`yaml's parser no longer reads node_process.env.LOG_TOKENS; check ${id} and update scripts/bundle-cli.mjs`);
      }
      return { code: `const LOG_TOKENS = process.env.LOG_TOKENS;\n${code.replace(pattern, 'LOG_TOKENS')}`, map: null };
    },
  };
}
