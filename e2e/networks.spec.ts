// Journeys at the edges of "which network": on the local devnet (the default network, ws://127.0.0.1:9944) a newcomer without an
// extension stakes with a labelled dev account; a node whose runtime has no SubtensorModule is refused in words; a node that goes
// away while a form is filled leaves the form as it was and sends nothing. The tests start their own devnet.
import { expect, test, type ConsoleMessage, type Page } from '@playwright/test'
import { WebSocket, WebSocketServer } from 'ws'
import { TypeRegistry, Metadata } from '@polkadot/types'
import { setupSubnet, startTestChain, type TestChain } from '../src/chain/testing/devnet.ts'
import { installTestExtension } from '../src/wallet/testing/injectTestExtension.ts'

let chain: TestChain
let netuid: number
let validator: string

test.beforeAll(async () => {
  chain = await startTestChain({ rpcPort: 9944 })
  const subnet = await setupSubnet(chain, chain.bob, { name: 'devaccounts', hotkeys: 1 })
  netuid = subnet.netuid
  validator = subnet.hotkeys[1]!.address
})
test.afterAll(() => chain?.close())

function collectErrors(page: Page) {
  const errors: string[] = []
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'error') errors.push(m.text())
  })
  page.on('pageerror', (e) => errors.push(e.message))
  return errors
}

test('on the devnet, a dev account (//Alice, labelled) stakes without any extension', async ({ page }) => {
  const errors = collectErrors(page)
  await page.goto('/wallet')
  await expect(page.getByLabel('Network')).toHaveValue('devnet')
  await page.getByRole('button', { name: 'Use a dev account (devnet only)' }).click()
  const dev = page.getByRole('list', { name: 'Dev accounts — devnet only' })
  await expect(dev.getByRole('listitem')).toHaveCount(6)
  await expect(dev.getByRole('listitem').first()).toContainText(chain.alice.address)
  await expect(dev.getByRole('listitem').first().locator('em')).toContainText(/devnet/i)
  await dev.getByRole('button', { name: 'Use Alice' }).click()
  await expect(page.getByRole('banner').getByRole('button', { name: /^Alice · 5Grwva…/ })).toBeVisible()

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Stake', exact: true }).click()
  const form = page.getByRole('form', { name: 'Stake' })
  await form.getByLabel('Subnet', { exact: true }).selectOption(String(netuid))
  await form.getByLabel('Validator', { exact: true }).selectOption(validator)
  await form.getByLabel('Amount (τ)').fill('1')
  await expect(page.getByLabel('Swap preview')).toBeVisible()
  await form.getByRole('button', { name: 'Stake' }).click()
  await expect(page.getByRole('status', { name: 'Transaction' })).toContainText('Stake: Finalized', { timeout: 30_000 })
  await expect(page.getByRole('table', { name: 'Positions' }).locator(`tr[data-hotkey="${validator}"][data-netuid="${netuid}"]`)).toBeVisible()

  // the header menu switches back to nothing; the Wallet page offers the dev accounts again
  await page.getByRole('banner').getByRole('button', { name: /^Alice/ }).click()
  await page.getByRole('menuitem', { name: 'Disconnect' }).click()
  await expect(page.getByRole('banner').getByRole('link', { name: 'Connect wallet' })).toBeVisible()
  expect(errors).toEqual([])
})

/** A JSON-RPC proxy to the devnet that serves its metadata without the SubtensorModule pallet: a Substrate chain that is not subtensor. */
async function startNonSubtensorProxy(upstream: string): Promise<{ url: string; close(): Promise<void> }> {
  const registry = new TypeRegistry()
  const strip = (hex: string): string => {
    const metadata = new Metadata(registry, hex as `0x${string}`)
    const json = metadata.toJSON() as { metadata: Record<string, { pallets: Array<{ name: string }> }> }
    const version = Object.keys(json.metadata)[0]!
    json.metadata[version]!.pallets = json.metadata[version]!.pallets.filter((p) => p.name !== 'SubtensorModule')
    return new Metadata(registry, json as never).toHex()
  }
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 })
  server.on('connection', (client) => {
    const node = new WebSocket(upstream)
    const pending: string[] = []
    const methods = new Map<unknown, string>()
    node.on('open', () => pending.splice(0).forEach((m) => node.send(m)))
    client.on('message', (data) => {
      const text = String(data)
      const request = JSON.parse(text) as { id: unknown; method: string; params?: unknown[] }
      methods.set(request.id, request.method === 'state_call' ? `state_call:${String(request.params?.[0])}` : request.method)
      // Metadata at a version: answer "not supported" so the API falls back to state_getMetadata, which is rewritten below
      if (request.method === 'state_call' && String(request.params?.[0]).startsWith('Metadata_metadata_')) {
        client.send(JSON.stringify({ jsonrpc: '2.0', id: request.id, error: { code: -32000, message: 'Client error: Execution failed: Other: Exported method Metadata_metadata_at_version is not found' } }))
        return
      }
      if (node.readyState === WebSocket.OPEN) node.send(text)
      else pending.push(text)
    })
    node.on('message', (data) => {
      const reply = JSON.parse(String(data)) as { id?: unknown; result?: unknown }
      if (reply.id !== undefined && methods.get(reply.id) === 'state_getMetadata' && typeof reply.result === 'string') reply.result = strip(reply.result)
      client.send(JSON.stringify(reply))
    })
    client.on('close', () => node.close())
    node.on('close', () => client.close())
  })
  await new Promise<void>((resolve) => server.once('listening', () => resolve()))
  const { port } = server.address() as { port: number }
  return { url: `ws://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) }
}

test('a node whose runtime has no SubtensorModule is refused in words, on every page', async ({ page }) => {
  const proxy = await startNonSubtensorProxy(chain.devnet.url)
  try {
    await page.addInitScript((url) => {
      localStorage.setItem('webtensor.session', JSON.stringify({ state: { network: 'custom', customUrl: url, account: undefined }, version: 1 }))
    }, proxy.url)
    await page.goto('/')
    await expect(page.getByRole('heading', { name: 'Custom endpoint is not a subtensor chain' })).toBeVisible({ timeout: 20_000 })
    await expect(page.getByText(/is not a Bittensor \(subtensor\) chain: its runtime has no SubtensorModule pallet/)).toBeVisible()
    await page.goto(`/subnets/${netuid}`)
    await expect(page.getByRole('heading', { name: 'Custom endpoint is not a subtensor chain' })).toBeVisible({ timeout: 20_000 })
    // dev accounts are never offered away from the devnet
    await page.goto('/wallet')
    await expect(page.getByRole('button', { name: 'Use a dev account (devnet only)' })).toHaveCount(0)
  } finally {
    await proxy.close()
  }
})

test('the node goes away while the stake form is filled: the page says so, the form keeps its values, nothing is signed or sent', async ({ page }) => {
  const other = await startTestChain()
  try {
    const subnet = await setupSubnet(other, other.alice, { name: 'goesaway', hotkeys: 1 })
    const wallet = await installTestExtension(page, [{ suri: '//Bob', name: 'Bob (test coldkey)' }])
    await page.addInitScript((url) => {
      localStorage.setItem('webtensor.session', JSON.stringify({ state: { network: 'custom', customUrl: url, account: undefined }, version: 1 }))
    }, other.devnet.url)
    await page.goto('/wallet')
    await page.getByRole('button', { name: 'Connect wallet' }).click()
    await page.getByRole('list', { name: 'Wallet accounts' }).getByRole('button', { name: 'Use Bob (test coldkey)' }).click()
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Stake', exact: true }).click()
    const form = page.getByRole('form', { name: 'Stake' })
    await form.getByLabel('Subnet', { exact: true }).selectOption(String(subnet.netuid))
    await form.getByLabel('Amount (τ)').fill('1')
    await expect(page.getByLabel('Swap preview')).toBeVisible()

    await other.devnet.close()
    await expect(page.getByRole('status', { name: 'Connection' })).toHaveText('Disconnected · retrying')
    await expect(page.getByRole('heading', { name: 'Disconnected from Custom endpoint' })).toBeVisible()
    await form.getByRole('button', { name: 'Stake' }).click()
    await expect(page.getByRole('alert', { name: 'Transaction error' })).toContainText(`Not connected to the node at ${other.devnet.url}`)
    await expect(form.getByLabel('Amount (τ)')).toHaveValue('1')
    await expect(form.getByLabel('Subnet', { exact: true })).toHaveValue(String(subnet.netuid))
    expect(wallet.requests).toHaveLength(0)
  } finally {
    await other.client.close()
  }
})
