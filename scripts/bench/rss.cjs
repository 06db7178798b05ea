// Preloaded into a measured process (node --require): writes its peak RSS (worker threads
// included, they share the process) to the file named by BENCH_RSS_FILE when it exits.
'use strict';
const fs = require('node:fs');
const target = process.env.BENCH_RSS_FILE;
if (target && require('node:worker_threads').isMainThread) {
  process.on('exit', () => {
    try {
      fs.writeFileSync(target, String(process.resourceUsage().maxRSS * 1024));
    } catch {
      // measuring must never change the measured run's outcome
    }
  });
}
