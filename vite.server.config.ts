import { defineConfig } from 'vite';

/**
 * The production server build (`npm run build:server`): api/src/server.ts and the exact-solver and plan workers, bundled as
 * ES modules for Node into dist/server/, with the npm dependencies left as imports. `npm start` runs the result.
 */
export default defineConfig({
  build: {
    ssr: true,
    target: 'node20',
    outDir: 'dist/server',
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: {
      input: {
        server: 'api/src/server.ts',
        'exact-solver-worker': 'api/src/services/exact-solver-worker.ts',
        'plan-worker': 'api/src/services/plan-worker.ts',
      },
      output: { format: 'esm', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
    },
  },
});
