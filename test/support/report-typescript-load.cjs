// Preloaded with --require: says on stderr when anything loads the `typescript` package.
const Module = require('node:module');
const load = Module._load;
Module._load = function (request, ...rest) {
  if (request === 'typescript' || /[\\/]node_modules[\\/]typescript[\\/]?$/.test(request)) process.stderr.write('LOADED typescript\n');
  return load.call(this, request, ...rest);
};
