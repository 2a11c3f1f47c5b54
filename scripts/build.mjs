// Bundles the CLI and the library with esbuild. The CLI is one ESM file plus lazily loaded chunks,
// so start-up reads a handful of files instead of resolving hundreds of modules in node_modules.
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * oclif requires two packages at start that this CLI never uses: cli-spinners (every spinner style,
 * for ux.action, which no command calls) and tinyglobby (command discovery by file pattern; commands
 * are listed explicitly). Parsing and running them cost every start about 15 ms; small stand-ins take
 * their place in the bundle.
 */
const unusedAtRunTime = {
  name: 'unused-at-run-time',
  setup(build) {
    build.onResolve({ filter: /^(cli-spinners|tinyglobby)$/ }, (args) => ({ path: args.path, namespace: 'stand-in' }));
    build.onLoad({ filter: /^cli-spinners$/, namespace: 'stand-in' }, () => ({
      loader: 'js',
      // The two styles oclif's SpinnerAction picks by default (it builds one when stderr is a terminal).
      contents: `module.exports = { dots2: { interval: 80, frames: ['⣾', '⣽', '⣻', '⢿', '⡿', '⣟', '⣯', '⣷'] }, line: { interval: 130, frames: ['-', '\\\\', '|', '/'] } };`,
    }));
    build.onLoad({ filter: /^tinyglobby$/, namespace: 'stand-in' }, () => ({
      loader: 'js',
      contents: `exports.glob = async () => { throw new Error('command discovery by pattern is not bundled: list commands explicitly'); };`,
    }));
  },
};

/**
 * The reporters give chalk its colour level themselves (`new Chalk({ level })`, from the run's own
 * terminal check), so chalk's detection, which loads node:tty and node:os when chalk is imported, is
 * never read: a stand-in that detects nothing takes its place, and a `diff` starts without them.
 */
const chalkLevelGiven = {
  name: 'chalk-level-given',
  setup(build) {
    build.onResolve({ filter: /^#supports-color$/ }, (args) => (/[\\/]chalk[\\/]/.test(args.importer) ? { path: args.path, namespace: 'stand-in' } : undefined));
    build.onLoad({ filter: /^#supports-color$/, namespace: 'stand-in' }, () => ({ loader: 'js', contents: 'export default { stdout: false, stderr: false };' }));
  },
};

/**
 * The tokenizer of context cost (src/context/tokenizer.ts) holds 2.4 MB of BPE ranks. It is built
 * once, minified, as dist/tokenizer.cjs, and the bundles import it as `#tokenizer` (package.json
 * "imports"), which Node resolves from any chunk: so no bundle inlines it, `diff` without
 * counting never parses it, and the package holds it once.
 */
const TOKENIZER_MODULE = /[\\/]context[\\/]tokenizer\.js$/;
const tokenizerApart = {
  name: 'tokenizer-apart',
  setup(build) {
    build.onResolve({ filter: TOKENIZER_MODULE }, () => ({ path: '#tokenizer', external: true }));
  },
};
/** The Action never counts context cost (it takes no context inputs): its one-file bundle holds a stand-in. */
const tokenizerStandIn = {
  name: 'tokenizer-stand-in',
  setup(build) {
    build.onResolve({ filter: TOKENIZER_MODULE }, (args) => ({ path: args.path, namespace: 'stand-in' }));
    build.onLoad({ filter: TOKENIZER_MODULE, namespace: 'stand-in' }, () => ({
      loader: 'js',
      contents: `export const ENCODING = 'o200k_base'; export function countTokens() { throw new Error('context cost is not counted in the GitHub Action bundle'); }`,
    }));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: 'linked',
  logLevel: 'warning',
  // oclif reaches for TypeScript only when running sources in development (bin/dev.js).
  external: ['typescript', 'ts-node'],
  // Bundled CommonJS dependencies (oclif, ajv) call require() for Node built-ins.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
};

/**
 * The GitHub Action's committed bundle (action.yml runs it from a git ref, with no install): one
 * file holding everything, the MCP SDK included, and no source map, so that the same sources always
 * give the same bytes and a test can tell when the committed file is stale.
 * `node scripts/build.mjs action [OUTFILE]` (npm run build:action) writes only this file.
 */
export const ACTION_BUNDLE = 'dist-action/index.js';
async function buildActionBundle(outfile) {
  await build({
    ...common,
    absWorkingDir: root,
    entryPoints: ['src/action/main.ts'],
    plugins: [unusedAtRunTime, chalkLevelGiven, tokenizerStandIn],
    outfile,
    splitting: false,
    sourcemap: false,
    legalComments: 'none',
  });
}

if (process.argv[2] === 'action') {
  await buildActionBundle(process.argv[3] ?? ACTION_BUNDLE);
  process.exit(0);
}

await rm(new URL('../dist', import.meta.url), { recursive: true, force: true });

await build({
  ...common,
  // The GitHub Action's entry (action.yml) and the start-up path of `snapshot` share the CLI's chunks.
  entryPoints: { cli: 'src/cli.ts', action: 'src/action/main.ts', 'fast-snapshot': 'src/fast-snapshot.ts' },
  plugins: [unusedAtRunTime, chalkLevelGiven, tokenizerApart],
  outdir: 'dist',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
});

// The start-up path of `diff` that bin/run.js tries before loading oclif: one file holding the
// reader, the engine and the reporters. Measured against the same code split into chunks, a
// `diff` of two 100-tool snapshots starts about 12 ms sooner from one module than from fifteen.
// CommonJS, required by the CommonJS bin/run.js: on Node 20 that starts about 15 ms sooner than an
// ES module entry importing an ES module, and lets src/compile-cache.ts compile it (it runs the
// bundle as a script, where `import()` has no loader: so dynamic imports become require calls).
const commonJs = {
  ...common,
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  banner: {},
  supported: { 'dynamic-import': false },
  define: { 'import.meta.url': '__bundleUrl' },
};
await build({
  ...commonJs,
  entryPoints: { 'fast-diff': 'src/fast-diff.ts' },
  plugins: [chalkLevelGiven, tokenizerApart],
  outdir: 'dist',
  splitting: false,
  banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
});
await build({ ...commonJs, entryPoints: { 'compile-cache': 'src/compile-cache.ts' }, outdir: 'dist', splitting: false });

// The tokenizer and its ranks, loaded only when context cost is counted (see tokenizerApart).
// Minified and kept in UTF-8: the ranks are a list of strings, which esbuild would otherwise
// print one per indented line with non-ASCII escaped (3.4 MB instead of 2.2 MB). CommonJS, so that
// both the ES module bundles (import) and the `diff` bundle (require) load this one file.
await build({
  ...commonJs,
  entryPoints: { tokenizer: 'src/context/tokenizer.ts' },
  outdir: 'dist',
  splitting: false,
  minify: true,
  charset: 'utf8',
  sourcemap: false,
});

// The library (package.json "exports"), self-contained like the CLI so that installing the package
// installs no dependencies; the MCP SDK sits in chunks of its own, loaded when a server is contacted.
// Built apart from the CLI so that the CLI's chunks, and so its start-up, stay as they are.
await build({
  ...common,
  entryPoints: { index: 'src/index.ts' },
  plugins: [chalkLevelGiven, tokenizerApart],
  outdir: 'dist',
  splitting: true,
  chunkNames: 'lib/[name]-[hash]',
});
