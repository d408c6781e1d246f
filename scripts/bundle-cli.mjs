// Bundles the CLI that tsc wrote to dist/cli/run.js, with yaml and commander, into one CommonJS
// file, dist/cli/lint.cjs, so a lint start reads lint.cjs and three small files (bin.cjs,
// code-cache.cjs and rolldown's runtime chunk) instead of about 140 of orgcfg, yaml and
// commander. bin.cjs runs lint.cjs with a code cache
// (src/cli/code-cache.cts), which needs a script rather than an ES module. Code that only verify,
// upgrade, emulator, rules and --fix use stays in chunks that load when those run, and other
// packages, such as jsforce and ajv, stay in node_modules. Runs after tsc in `npm run build`.
import fs from 'node:fs';
import path from 'node:path';
import { rolldown } from 'rolldown';

const root = path.resolve(import.meta.dirname, '..');
const outDir = path.join(root, 'dist', 'cli');
const BUNDLED_PACKAGES = ['yaml', 'commander'];

// Chunk names carry a content hash; remove the previous build's so they do not pile up.
for (const name of fs.readdirSync(outDir)) {
  if (name.startsWith('chunk-') || name.startsWith('lint.cjs')) fs.rmSync(path.join(outDir, name));
}

const bundle = await rolldown({
  input: { run: path.join(outDir, 'run.js') },
  platform: 'node',
  external: (id, importer) => isPackage(id) && !BUNDLED_PACKAGES.some((name) => id === name || id.startsWith(`${name}/`)) && !isCommanderChildProcess(id, importer),
  plugins: [skipYamlTokenLogging(), lazyChildProcessForCommander(), bundlePrecompiledValidator(), dropEntryFile()],
});
const { output } = await bundle.write({
  dir: outDir,
  format: 'cjs',
  charset: 'ascii',
  comments: { legal: true, annotation: false, jsdoc: false },
  entryFileNames: '[name].cjs',
  // Chunks sit beside bin.cjs, so paths relative to the module, such as the precompiled
  // validator's, resolve the same from every chunk. bin.cjs loads the lint chunk by name.
  chunkFileNames: (chunk) => (chunk.name === 'lint' ? 'lint.cjs' : 'chunk-[name]-[hash].cjs'),
  sourcemap: true,
  // Without this group, rolldown moves every module that a lazy command shares with lint into
  // a common chunk of its own, and lint would load a dozen chunks again.
  codeSplitting: { groups: [{ name: 'lint', tags: ['$initial'] }] },
});
await bundle.close();
// Executable like an installed bin, so the benchmark and users run it through its shebang,
// which carries the Node.js flags orgcfg needs.
fs.chmodSync(path.join(outDir, 'bin.cjs'), 0o755);
for (const file of output) {
  if (file.type === 'chunk') console.log(`wrote dist/cli/${file.fileName} (${file.code.length} bytes)`);
}

/** Drops the entry chunk: it only re-exports lint.cjs, which bin.cjs loads itself. */
function dropEntryFile() {
  return {
    name: 'drop-entry-file',
    generateBundle(_options, files) {
      for (const [name, file] of Object.entries(files)) {
        if (file.type === 'chunk' && file.isEntry) {
          delete files[name];
          delete files[`${name}.map`];
        }
      }
    },
  };
}

/**
 * commander imports node:child_process at start-up only to spawn executable subcommands, which
 * orgcfg does not define, and loading it brings in net, dgram and the stream modules: about
 * 3 ms of a 50 ms lint start (scripts/bench.mjs, 10 orgs). The bundle gives commander an object
 * whose spawn loads the real module when called, and the build stops if commander uses anything
 * else from it.
 */
function lazyChildProcessForCommander() {
  const LAZY_ID = '\0lazy-child-process';
  return {
    name: 'lazy-child-process-for-commander',
    resolveId(source, importer) {
      return isCommanderChildProcess(source, importer) ? LAZY_ID : null;
    },
    load(id) {
      if (id !== LAZY_ID) return null;
      return "export default { spawn: (...args) => process.getBuiltinModule('node:child_process').spawn(...args) };";
    },
    transform(code, id) {
      if (!id.replaceAll('\\', '/').includes('/node_modules/commander/') || !code.includes('node:child_process')) return null;
      if (!code.includes("import childProcess from 'node:child_process';")) {
        throw new Error(`commander imports node:child_process in a new way; check lazyChildProcessForCommander in scripts/bundle-cli.mjs (${id})`);
      }
      const used = new Set([...code.matchAll(/\bchildProcess\.(\w+)/g)].map((match) => match[1]));
      const unexpected = [...used].filter((name) => name !== 'spawn');
      if (unexpected.length > 0) {
        throw new Error(`commander now uses childProcess.${unexpected.join(', childProcess.')}; add it to lazyChildProcessForCommander in scripts/bundle-cli.mjs (${id})`);
      }
      return null;
    },
  };
}

function isCommanderChildProcess(id, importer) {
  return id === 'node:child_process' && importer !== undefined && importer.replaceAll('\\', '/').includes('/node_modules/commander/');
}

function isPackage(id) {
  return !id.startsWith('.') && !path.isAbsolute(id) && !id.startsWith('\0');
}

/**
 * dist/schema/validate.js loads the precompiled validator with require() at run time, because
 * the file exists only after a build (tests compile the schema instead). The bundle imports it
 * statically, so lint.cjs contains the validator and its code cache covers the validator's
 * functions too: about 1.5 ms of a lint start. `npm run build` therefore writes the validator
 * before this script runs.
 */
function bundlePrecompiledValidator() {
  const load = 'require(`../schema/${PRECOMPILED_VALIDATOR}`)';
  return {
    name: 'bundle-precompiled-validator',
    transform(code, id) {
      if (!id.replaceAll('\\', '/').endsWith('/dist/schema/validate.js')) return null;
      if (!code.includes(load)) {
        throw new Error(`${id} no longer loads the validator with ${load}; update bundlePrecompiledValidator in scripts/bundle-cli.mjs`);
      }
      const validator = path.join(root, 'dist', 'schema', 'orgcfg-validator.cjs');
      if (!fs.existsSync(validator)) throw new Error(`${validator} is missing; run scripts/build-validator.mjs before this script`);
      return { code: `import bundledValidator from ${JSON.stringify(validator)};\n${code.replace(load, 'bundledValidator')}`, map: null };
    },
  };
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
