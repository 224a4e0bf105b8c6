// Journey: a newcomer opens every page of the app shell; each shows its heading, with no console errors.
// The pages now read the chain, so the default network (the local devnet, ws://127.0.0.1:9944) is started here; with no node
// there the browser and the provider report the refused socket on the console, which the last test pins instead.
import { expect, test, type ConsoleMessage } from '@playwright/test'
import { createServer } from 'node:net'
import { startDevnet, type Devnet } from '../src/node/devnet.ts'

let devnet: Devnet | undefined
test.beforeAll(async () => {
  devnet = await startDevnet({ tmp: true, manualSeal: true, rpcPort: 9944 })
})
test.afterAll(() => devnet?.close())

const ROUTES = [
  { path: '/', heading: 'Subnets', nav: 'Subnets' },
  { path: '/subnets/1', heading: 'Subnet 1' },
  { path: '/stake', heading: 'Stake', nav: 'Stake' },
  { path: '/govern', heading: 'Govern', nav: 'Govern' },
  { path: '/mine', heading: 'Mine', nav: 'Mine' },
  { path: '/validate', heading: 'Validate', nav: 'Validate' },
  { path: '/explorer', heading: 'Explorer', nav: 'Explorer' },
  { path: '/wallet', heading: 'Wallet' },
] as const

function collectErrors(page: import('@playwright/test').Page) {
  const errors: string[] = []
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'error') errors.push(m.text())
  })
  page.on('pageerror', (e) => errors.push(e.message))
  return errors
}

for (const route of ROUTES) {
  test(`${route.path} shows "${route.heading}"`, async ({ page }, testInfo) => {
    const errors = collectErrors(page)
    await page.goto(route.path)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(route.heading)
    await expect(page).toHaveTitle(`${route.heading} · webtensor`)
    // The header is on every page: network selector and wallet button.
    await expect(page.getByLabel('Network')).toHaveValue('devnet')
    await expect(page.getByRole('banner').getByRole('link', { name: 'Connect wallet' })).toBeVisible()
    // COOP/COEP reached the page: WASM threads will be available to the inference worker.
    expect(await page.evaluate(() => window.crossOriginIsolated)).toBe(true)
    await page.screenshot({ path: testInfo.outputPath(`${route.path.replace(/\W+/g, '_') || 'home'}.png`), fullPage: true })
    expect(errors).toEqual([])
  })
}

test('navigation moves between pages without a reload', async ({ page }) => {
  const errors = collectErrors(page)
  await page.goto('/')
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42))
  for (const route of ROUTES.filter((r) => 'nav' in r)) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: route.nav, exact: true }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(route.heading)
  }
  await page.getByRole('banner').getByRole('link', { name: 'Connect wallet' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wallet')
  await expect(page.getByRole('heading', { name: 'No wallet connected' })).toBeVisible()
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42)
  expect(errors).toEqual([])
})

test('the chosen network is kept across reloads, and a bad custom endpoint is refused with a reason', async ({ page }) => {
  await page.goto('/')
  const select = page.getByLabel('Network')
  await select.selectOption('testnet')
  await page.reload()
  await expect(page.getByLabel('Network')).toHaveValue('testnet')

  await page.getByLabel('Network').selectOption('custom')
  const input = page.getByLabel('Custom endpoint')
  await input.fill('http://example.org')
  await page.getByRole('button', { name: 'Connect' }).click()
  await expect(page.getByRole('alert')).toHaveText('The endpoint must start with ws:// or wss://, not http://')
  await input.fill('ws://127.0.0.1:9955')
  await page.getByRole('button', { name: 'Connect' }).click()
  await expect(page.getByRole('alert')).toHaveCount(0)
  await page.reload()
  await expect(page.getByLabel('Network')).toHaveValue('custom')
  await expect(page.getByLabel('Network')).toHaveAttribute('title', 'ws://127.0.0.1:9955')
})

test('unknown pages and bad subnet ids say what is wrong', async ({ page }) => {
  await page.goto('/no/such/page')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found')
  await page.goto('/subnets/70000')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Subnet not found')
  await expect(page.getByText('"70000" is not a subnet id')).toBeVisible()
})

/** A loopback port with nothing listening on it. */
async function deadPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

test('with no node at the endpoint, the header and the pages say disconnected in words', async ({ page }) => {
  const errors = collectErrors(page)
  const url = `ws://127.0.0.1:${await deadPort()}`
  await page.addInitScript((endpoint) => {
    localStorage.setItem('webtensor.session', JSON.stringify({ state: { network: 'custom', customUrl: endpoint, account: undefined }, version: 1 }))
  }, url)
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Subnets')
  await expect(page.getByRole('status', { name: 'Connection' })).toHaveText('Disconnected · retrying')
  await expect(page.getByRole('heading', { name: 'Disconnected from Custom endpoint' })).toBeVisible()
  await expect(page.getByText(`Not connected to the node at ${url}. Retrying on its own.`)).toBeVisible()
  await page.goto('/subnets/1')
  await expect(page.getByRole('heading', { name: 'Disconnected from Custom endpoint' })).toBeVisible()
  // The only console errors are the browser's and the WebSocket provider's reports of the refused connection, nothing of the app's.
  expect(errors.length).toBeGreaterThan(0)
  for (const error of errors)
    expect(error).toMatch(new RegExp(`^(WebSocket connection to '${url}/' failed: .*ERR_CONNECTION_REFUSED|.*API-WS: disconnected from ${url}: 1006:: Abnormal Closure)$`))
})
