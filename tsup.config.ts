import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // The main entry and its subpath exports (package.json `exports`), built together so they share one copy
    // of each module (code splitting, also for CommonJS): `instanceof PolicyInputError` holds across them.
    entry: {
      index: 'src/index.ts',
      explain: 'src/entries/explain.ts',
      edition: 'src/entries/edition.ts',
      verify: 'src/entries/verify.ts',
      analysis: 'src/entries/analysis.ts',
      schemas: 'src/entries/schemas.ts',
    },
    splitting: true,
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    treeshake: true,
    // The Chinese texts ship as UTF-8, not as \uXXXX escapes (each character 3 bytes rather than 6): the
    // built files are smaller. A consumer's bundler re-encodes the texts as it is configured (esbuild ASCII
    // by default, Vite UTF-8), so the browser bundle of row 5 does not change; gzipped, the two differ little.
    esbuildOptions(options) {
      options.charset = 'utf8';
    },
  },
  {
    // The bin and the worker of `batch --workers` (started by dist/cli.js from beside it), each whole.
    entry: { cli: 'src/cli/main.ts', 'batch-worker': 'src/cli/batch-worker.ts' },
    format: ['esm'],
    splitting: false,
    dts: false,
    sourcemap: true,
    clean: false,
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
    esbuildOptions(options) {
      options.charset = 'utf8';
    },
  },
]);
