// The README's first command: lint the bundled examples, start the bundled loopback emulator,
// and verify every example org against it. Exits with verify's exit code.
import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const bin = path.join(root, 'dist', 'cli', 'bin.cjs');
const cleanEnv = { ...process.env };
// jsforce ignores NO_PROXY; the demo only talks to loopback, so proxies are dropped here.
for (const name of ['HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy']) delete cleanEnv[name];

function step(title, args, env = cleanEnv, shownPrefix = '') {
  console.log(`\n$ ${shownPrefix}orgcfg ${args.join(' ')}`);
  const result = spawnSync(process.execPath, ['--', bin, ...args], { cwd: root, env, stdio: 'inherit' });
  if (title) console.log(`(${title}: exit ${result.status})`);
  return result.status ?? 1;
}

const lintStatus = step('lint', ['lint', 'examples']);
if (lintStatus !== 0) process.exit(lintStatus);

console.log('\n$ orgcfg emulator --quiet examples/emulator.yaml   (in the background)');
const emulator = spawn(process.execPath, ['--', bin, 'emulator', '--quiet', 'examples/emulator.yaml'], { cwd: root, env: cleanEnv, stdio: ['ignore', 'pipe', 'inherit'] });
const connectTo = await new Promise((resolve, reject) => {
  const lines = createInterface({ input: emulator.stdout });
  const timer = setTimeout(() => reject(new Error('the emulator did not start within 15 seconds')), 15_000);
  lines.on('line', (line) => {
    console.log(line);
    if (line.startsWith('ORGCFG_CONNECT_TO=')) {
      clearTimeout(timer);
      resolve(line.slice('ORGCFG_CONNECT_TO='.length));
    }
  });
  emulator.once('exit', (code) => reject(new Error(`the emulator exited with code ${code}`)));
}).catch((error) => {
  console.error(`demo: ${error.message}`);
  emulator.kill();
  process.exit(2);
});

const demoEnv = { ...cleanEnv, ORGCFG_CONNECT_TO: connectTo };
const verifyStatus = step('verify', ['verify', 'examples', '--env-file', 'examples/demo.env'], demoEnv, 'ORGCFG_CONNECT_TO=... ');

console.log('\nWhat a failed login looks like (a wrong password set in the environment, which wins over --env-file):');
step('verify, expected to fail', ['verify', 'examples', '--org', 'legacy', '--env-file', 'examples/demo.env'], { ...demoEnv, SF_LEGACY_PASSWORD: 'not-the-password' }, 'SF_LEGACY_PASSWORD=not-the-password ORGCFG_CONNECT_TO=... ');

emulator.kill('SIGTERM');
process.exit(verifyStatus);
