// Preloaded with `node --require` into a process under test: on exit, writes the process's peak
// resident set size (KB, from getrusage) to the file named by PEAK_RSS_FILE.
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  if (process.env.PEAK_RSS_FILE) writeFileSync(process.env.PEAK_RSS_FILE, String(process.resourceUsage().maxRSS));
});
