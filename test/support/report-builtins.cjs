// Preloaded with --require: on exit, writes to $BUILTINS_FILE the Node built-in modules the process
// loaded after this point (one per line, as process.moduleLoadList names them: `NativeModule fs/promises`).
const { writeFileSync } = require('node:fs');
const before = new Set(process.moduleLoadList);
process.on('exit', () => {
  const loaded = process.moduleLoadList.filter((entry) => entry.startsWith('NativeModule ') && !before.has(entry));
  writeFileSync(process.env.BUILTINS_FILE, `${loaded.join('\n')}\n`);
});
