// Playwright for the miner-worker suite (e2e-worker/): the inference worker in real Chromium, once as a browser without
// WebGPU (project `wasm`) and once with `--enable-unsafe-webgpu` (project `webgpu`: a SwiftShader fallback adapter here).
import { defineConfig } from '@playwright/test'
import { CHROMIUM, CHROMIUM_ARGS } from './playwright.config.ts'

const HARNESS_PORT = Number(process.env.WEBTENSOR_WORKER_PORT ?? 4181)

export default defineConfig({
  testDir: 'e2e-worker',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/e2e-worker',
  timeout: 120_000,
  expect: { timeout: 30_000 },
  globalTimeout: 10 * 60_000,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: [['list'], ['json', { outputFile: 'test-results/reports/playwright-worker.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${HARNESS_PORT}/`,
    browserName: 'chromium',
    headless: true,
    trace: 'retain-on-failure',
  },
  projects: [
    // Tests tagged @webgpu need an adapter and run only in project webgpu; those tagged @no-webgpu only in project wasm.
    { name: 'wasm', grepInvert: /@webgpu\b/, use: { launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS } } },
    { name: 'webgpu', grepInvert: /@no-webgpu\b/, use: { launchOptions: { executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, '--enable-unsafe-webgpu'] } } },
  ],
  webServer: {
    // The harness page (e2e-worker/harness, built by Vite into test-results/worker-harness, never into the app).
    command: `node_modules/.bin/tsx e2e-worker/harness/serve.ts --port ${HARNESS_PORT}`,
    url: `http://127.0.0.1:${HARNESS_PORT}/iso/`,
    reuseExistingServer: false,
    timeout: 120_000,
  },
})
