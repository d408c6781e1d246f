// Benchmarks `orgcfg lint` against bare Node.js start-up, ajv-cli and Spectral on generated
// projects of 10, 1,000 and 10,000 orgs. Run with `npm run bench` (it builds first).
//
// Wall time: the median of several runs of each command, spawned one after another, after one
// unmeasured run. orgcfg enables V8's compile cache, which lives in os.tmpdir(), so that run
// fills it and the orgcfg lint rows measure a warm cache; the "cold cache" rows set
// NODE_DISABLE_COMPILE_CACHE=1, so every run compiles orgcfg from source as a first run does.
// Peak RSS: every command here is a Node.js process, so scripts/bench-rss.mjs is preloaded
// through NODE_OPTIONS and records process.resourceUsage().maxRSS at exit, in one extra run.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
// BENCH_SIZES=10 measures only the small project, for a quick check of start-up time.
const SIZES = process.env.BENCH_SIZES ? process.env.BENCH_SIZES.split(',').map(Number) : [10, 1_000, 10_000];
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'orgcfg-bench-'));
try {
  writeCompetitorConfig(work);
  const rows = [];
  for (const size of SIZES) {
    const dir = path.join(work, `orgs-${size}`);
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'orgcfg.yaml'), generateProject(size));
    const file = path.join(dir, 'orgcfg.yaml');
    const commands = {
      'node -e 0': [process.execPath, ['-e', '0']],
      // Run through the shebang, as an installed bin runs, so its Node.js flags apply.
      'orgcfg lint': [path.join(root, 'dist/cli/bin.cjs'), ['lint', file]],
      'orgcfg lint, cold cache': [path.join(root, 'dist/cli/bin.cjs'), ['lint', file], { NODE_DISABLE_COMPILE_CACHE: '1' }],
      'ajv-cli': [process.execPath, [bin('ajv'), 'validate', '--spec=draft2020', '--strict=false', '--all-errors', '-s', path.join(work, 'schema.json'), '-d', file]],
      spectral: [process.execPath, [bin('spectral'), 'lint', '--quiet', '-r', path.join(work, 'spectral.json'), file]],
    };
    const base = measure(...commands['node -e 0']);
    for (const [name, [command, args, extraEnv]] of Object.entries(commands)) {
      const result = name === 'node -e 0' ? base : measure(command, args, extraEnv);
      rows.push({ orgs: size, bytes: fs.statSync(file).size, name, ...result, ratio: result.ms / base.ms });
    }
  }
  print(rows);
  const failed = rows.filter((row) => row.status !== 0);
  if (failed.length > 0) {
    console.error(`\nnot comparable: ${failed.map((row) => `${row.name} on ${row.orgs} orgs exited ${row.status}`).join(', ')}`);
    process.exitCode = 1;
  }
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}

/** Runs a command once unmeasured, RUNS times for the median wall time, then once for its peak RSS. */
function measure(command, args, extraEnv = {}) {
  const times = [];
  let status;
  spawnSync(command, args, { stdio: 'ignore', env: { ...cleanEnv(), ...extraEnv } });
  for (let run = 0; run < RUNS; run += 1) {
    const start = process.hrtime.bigint();
    const result = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...cleanEnv(), ...extraEnv } });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    status = result.status;
  }
  const rssFile = path.join(work, `rss-${Math.random().toString(16).slice(2)}`);
  const env = { ...cleanEnv(), ...extraEnv, NODE_OPTIONS: `--import=${path.join(root, 'scripts/bench-rss.mjs')}`, ORGCFG_BENCH_RSS_FILE: rssFile };
  spawnSync(command, args, { stdio: 'ignore', env });
  // Some CLIs start child Node.js processes; the largest peak is the one that matters.
  const peaks = fs.existsSync(rssFile) ? fs.readFileSync(rssFile, 'utf8').trim().split('\n').map(Number) : [NaN];
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], rssMb: Math.max(...peaks) / 1024, status };
}

function cleanEnv() {
  const env = { ...process.env, NO_COLOR: '1' };
  delete env.NODE_OPTIONS;
  return env;
}

/** A valid project of `count` orgs: mostly client credentials, some JWT and SOAP sandboxes. */
function generateProject(count) {
  const lines = ['version: 1', 'defaults:', '  apiVersion: "64.0"', 'orgs:'];
  for (let index = 0; index < count; index += 1) {
    const name = `org-${index}`;
    const kind = index % 10;
    lines.push(`  # org ${index}`, `  ${name}:`, `    description: Generated org ${index}`);
    if (kind < 7) {
      lines.push(
        `    loginUrl: https://acme${index}.my.salesforce.com`,
        '    auth:',
        '      method: client-credentials',
        `      clientId: \${SF_ORG_${index}_CLIENT_ID}`,
        `      clientSecret: \${SF_ORG_${index}_CLIENT_SECRET}`,
      );
    } else if (kind < 9) {
      lines.push(
        '    sandbox: true',
        `    loginUrl: https://acme${index}--uat.sandbox.my.salesforce.com`,
        '    auth:',
        '      method: jwt',
        `      clientId: \${SF_ORG_${index}_CLIENT_ID}`,
        `      username: ci@acme${index}.com.uat`,
        `      privateKey: \${SF_ORG_${index}_JWT_KEY}`,
      );
    } else {
      lines.push(
        '    sandbox: true',
        `    loginUrl: https://acme${index}--legacy.sandbox.my.salesforce.com`,
        '    auth:',
        '      method: soap-password',
        `      username: sync@acme${index}.com.legacy`,
        `      password: \${SF_ORG_${index}_PASSWORD}`,
        `      securityToken: \${SF_ORG_${index}_SECURITY_TOKEN}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Writes the schema for ajv-cli and a Spectral ruleset with one rule that applies it. Both get
 * the orgcfg schema without the `discriminator` keyword, which only they would reject as
 * unknown; the oneOf it annotates accepts and rejects the same documents without it.
 */
function writeCompetitorConfig(dir) {
  const schema = JSON.parse(fs.readFileSync(path.join(root, 'schema/orgcfg.schema.json'), 'utf8'));
  delete schema.$defs.auth.discriminator;
  fs.writeFileSync(path.join(dir, 'schema.json'), JSON.stringify(schema));
  const { $schema, $id, ...inline } = schema;
  const ruleset = {
    rules: {
      'orgcfg-schema': {
        description: 'The file matches the orgcfg schema',
        given: '$',
        severity: 'error',
        then: { function: 'schema', functionOptions: { schema: inline, dialect: 'draft2020-12', allErrors: true } },
      },
    },
  };
  fs.writeFileSync(path.join(dir, 'spectral.json'), JSON.stringify(ruleset));
}

function print(rows) {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  console.log(`${os.cpus().length} cores (${cpu}), Node.js ${process.version}, ${RUNS} runs per command, median wall time\n`);
  console.log('| orgs | file | command | wall ms | x node -e 0 | peak RSS MB | exit |');
  console.log('| ---: | ---: | --- | ---: | ---: | ---: | ---: |');
  for (const row of rows) {
    console.log(`| ${row.orgs.toLocaleString('en-US')} | ${(row.bytes / 1024).toFixed(0)} KiB | ${row.name} | ${row.ms.toFixed(0)} | ${row.ratio.toFixed(1)} | ${row.rssMb.toFixed(0)} | ${row.status} |`);
  }
}
