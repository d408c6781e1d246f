// Preloaded into a benchmarked Node.js process (NODE_OPTIONS=--import=...): at exit, it appends
// the process's peak resident set size in kilobytes to the file named by ORGCFG_BENCH_RSS_FILE.
import fs from 'node:fs';

const target = process.env.ORGCFG_BENCH_RSS_FILE;
if (target) {
  process.on('exit', () => {
    fs.appendFileSync(target, `${process.resourceUsage().maxRSS}\n`);
  });
}
