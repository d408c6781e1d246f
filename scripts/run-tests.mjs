// Runs the vitest suite and ends with one plain "N passed, N failed" line, so CI logs state the
// outcome in a form any log reader understands. Exits with vitest's own exit code.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'orgcfg-vitest-'));
const reportFile = path.join(reportDir, 'report.json');
const result = spawnSync(
  'vitest',
  ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`, ...process.argv.slice(2)],
  { stdio: 'inherit', shell: process.platform === 'win32' },
);

let summary = 'tests: no report was written';
try {
  const report = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
  const skipped = report.numPendingTests + report.numTodoTests;
  summary = `tests: ${report.numPassedTests} passed, ${report.numFailedTests} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`;
} catch {
  // vitest crashed before writing its report; its exit code below says so.
}
fs.rmSync(reportDir, { recursive: true, force: true });
console.log(summary);
process.exit(result.status ?? 1);
