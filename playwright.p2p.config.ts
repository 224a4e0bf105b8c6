// Playwright for the p2p suite (e2e-p2p/): real Chromium tabs talking over WebRTC. Runs only inside the private network namespace of scripts/sandbox.sh (notes, trap 1): `scripts/sandbox.sh node_modules/.bin/playwright test -c playwright.p2p.config.ts`.
import { defineConfig } from '@playwright/test'
import { CHROMIUM, P2P_CHROMIUM_ARGS } from './e2e-p2p/fixtures/chromium.ts'

if (process.env.WEBTENSOR_SANDBOX !== '1') {
  throw new Error('the p2p suite runs inside the network sandbox: scripts/sandbox.sh node_modules/.bin/playwright test -c playwright.p2p.config.ts')
}

const HARNESS_PORT = Number(process.env.WEBTENSOR_P2P_PORT ?? 4180)

export default defineConfig({
  testDir: 'e2e-p2p',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/e2e-p2p',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  globalTimeout: 10 * 60_000,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: [['list'], ['json', { outputFile: 'test-results/reports/playwright-p2p.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${HARNESS_PORT}/`,
    browserName: 'chromium',
    headless: true,
    // --disable-features=WebRtcHideLocalIpsWithMdns: real host candidates instead of mDNS names (e2e-p2p/fixtures/chromium.ts).
    launchOptions: { executablePath: CHROMIUM, args: P2P_CHROMIUM_ARGS },
    trace: 'retain-on-failure',
  },
  webServer: {
    // The harness page (e2e-p2p/harness, built by Vite into test-results/p2p-harness, never into the app) with COOP/COEP.
    command: `node_modules/.bin/tsx e2e-p2p/harness/serve.ts --port ${HARNESS_PORT}`,
    url: `http://127.0.0.1:${HARNESS_PORT}/`,
    reuseExistingServer: false,
    timeout: 90_000,
  },
})
