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
  },
  {
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    dts: false,
    sourcemap: true,
    clean: false,
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
  },
]);
