// Bundles the CLI and the library with esbuild. The CLI is one ESM file plus lazily loaded chunks,
// so start-up reads a handful of files instead of resolving hundreds of modules in node_modules.
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';

await rm(new URL('../dist', import.meta.url), { recursive: true, force: true });

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

await build({
  ...common,
  // The GitHub Action's entry (action.yml) shares the CLI's chunks.
  entryPoints: { cli: 'src/cli.ts', action: 'src/action/main.ts' },
  outdir: 'dist',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
});

await build({
  ...common,
  entryPoints: { index: 'src/index.ts' },
  outdir: 'dist',
  packages: 'external',
  banner: {},
});
