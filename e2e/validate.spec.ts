// Journey: validating from a browser tab. A devnet with a relay and a short tempo, two headless miners (the bundled digits CNN, and a
// weak miner answering only 40 % of digits as the CNN does) reachable over websockets on loopback. In the tab: connect the wallet, make a validator hotkey, register it and stake to it
// from the coldkey, see the permit arrive with an epoch, start validating, and watch both miners answer (the CNN scoring above the
// weak miner), a commit and then its reveal in the weights history, and the weights on chain — read back from the test through the chain.
import { expect, test, type Locator } from '@playwright/test'
import { Keyring } from '@polkadot/keyring'
import type { SubmittableExtrinsic } from '@polkadot/api/types'
import { cryptoWaitReady } from '@polkadot/util-crypto'
import { fileURLToPath } from 'node:url'
import { createChainClient, getWeightsState, type ChainClient } from '../src/chain/index.ts'
import type { Untyped } from '../src/chain/internal/read.ts'
import { prepareTransaction } from '../src/chain/internal/transaction.ts'
import { setupSubnet, type TestChain } from '../src/chain/testing/devnet.ts'
import { startDevnet, type Devnet } from '../src/node/devnet.ts'
import { startHeadlessMiner, type HeadlessMiner } from '../src/node/peers/miner.ts'
import { degraded } from '../src/node/peers/adversaries.ts'
import { installTestExtension } from '../src/wallet/testing/injectTestExtension.ts'

const TEMPO = 10
const model = (name: string) => fileURLToPath(new URL(`../public/models/${name}`, import.meta.url))

let devnet: Devnet
let client: ChainClient
let netuid: number
const miners: HeadlessMiner[] = []

test.beforeAll(async () => {
  test.setTimeout(120_000)
  await cryptoWaitReady()
  // blocks every 400 ms (an epoch every 4 s at tempo 10), and the node's relay, through which a tab's libp2p node dials out
  devnet = await startDevnet({ tmp: true, blockTime: 400, rpcPort: 0, relayPort: 0, finalityDelayMs: 20 })
  client = createChainClient({ url: devnet.url })
  const api = await client.api
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 })
  const alice = keyring.addFromUri('//Alice')
  const chain: TestChain = { devnet, client, keyring, alice, bob: keyring.addFromUri('//Bob'), newBlocks: async () => {}, close: async () => {} }
  netuid = (await setupSubnet(chain, alice, { name: 'validatejourney', hotkeys: 0 })).netuid
  const tx = api.tx as Untyped
  const sudo = async (calls: unknown[]) => {
    const result = await prepareTransaction(client, api, { pallet: 'Sudo', name: 'sudo', args: {} }, tx.sudo.sudo(tx.utility.batchAll(calls)) as SubmittableExtrinsic<'promise'>).send(alice, { waitFor: 'inBlock' })
    const failed = result.events.find((e) => (e.pallet === 'Utility' && e.name === 'BatchInterrupted') || (e.pallet === 'Sudo' && e.name === 'Sudid' && JSON.stringify(e.data).includes('err')))
    if (failed) throw new Error(`sudo failed: ${failed.pallet}.${failed.name} ${JSON.stringify(failed.data)}`)
  }
  // the freeze window first: it refuses hyperparameter changes near the end of short tempos
  await sudo([
    tx.adminUtils.sudoSetAdminFreezeWindow(0),
    tx.adminUtils.sudoSetTempo(netuid, TEMPO),
    tx.adminUtils.sudoSetMaxRegistrationsPerBlock(netuid, 64),
    tx.adminUtils.sudoSetTargetRegistrationsPerInterval(netuid, 64),
    tx.adminUtils.sudoSetWeightsSetRateLimit(netuid, 0),
  ])
  // two miners of different quality; no relay for them: they listen on websockets on loopback, which the tab can dial
  // the CNN, and a deliberately weak miner (the CNN with 60 % of its answers made wrong): their scores differ by far more than chance
  for (const [name, behaviour] of [['cnn', undefined], ['mlp', degraded(0.4, 'validate-journey')]] as const) {
    miners.push(await startHeadlessMiner({ url: devnet.url, netuid, modelPath: model('digits-cnn.onnx'), hotkeyUri: `//validatejourney//${name}`, coldkeyUri: '//Alice', relays: [], permitCacheMs: 500, behaviour }))
  }
})

test.afterAll(async () => {
  for (const m of miners) await m.stop().catch(() => undefined)
  await client?.close()
  await devnet?.close()
})

const number = async (cell: Locator) => Number(await cell.textContent())

test('a validator tab with stake commits and reveals weights that show on chain', async ({ page }) => {
  test.setTimeout(300_000)
  const [cnn, mlp] = miners as [HeadlessMiner, HeadlessMiner]
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 })
  const cnnHotkey = keyring.addFromUri('//validatejourney//cnn').address
  const mlpHotkey = keyring.addFromUri('//validatejourney//mlp').address

  await installTestExtension(page, [{ suri: '//Bob', name: 'Bob (test coldkey)' }])
  await page.addInitScript((url) => {
    localStorage.setItem('webtensor.session', JSON.stringify({ state: { network: 'custom', customUrl: url, account: undefined }, version: 1 }))
  }, devnet.url)
  await page.goto('/wallet')
  await page.getByRole('button', { name: 'Connect wallet' }).click()
  await page.getByRole('list', { name: 'Wallet accounts' }).getByRole('button', { name: 'Use Bob (test coldkey)' }).click()
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Validate', exact: true }).click()
  await page.getByLabel('Subnet', { exact: true }).selectOption(String(netuid))

  // a hotkey made in this browser
  const create = page.getByRole('form', { name: 'Create a validator hotkey' })
  await create.getByLabel('Passphrase').fill('validator passphrase')
  await create.getByLabel('Repeat').fill('validator passphrase')
  await create.getByRole('button', { name: 'Create hotkey' }).click()
  await expect(page.getByTestId('mnemonic')).toBeVisible({ timeout: 60_000 })
  await page.getByRole('button', { name: 'I have written them down' }).click()
  const row = page.getByRole('list', { name: 'Hotkeys in this browser' }).getByRole('listitem')
  await expect(row).toContainText('unlocked')
  const hotkey = (await row.getAttribute('data-address'))!

  // not registered: the page says so, and registers it with the coldkey
  const standing = page.getByRole('region', { name: 'Permit and stake' })
  await expect(standing.getByTestId('permit')).toContainText(`Not registered: this hotkey holds no UID on subnet ${netuid}`)
  const run = page.getByRole('region', { name: 'Validating' })
  await expect(run).toContainText('Register the hotkey on this subnet first.')
  await standing.getByRole('button', { name: /^Register for/ }).click()
  await expect(standing.getByRole('status', { name: 'Transaction' })).toContainText('Register: Finalized', { timeout: 30_000 })
  await expect(standing.getByTestId('validator-uid')).toHaveText('3', { timeout: 15_000 })
  await expect(standing.getByTestId('permit')).toContainText('No: UID 3 has no stake')

  // stake to it from the coldkey; the permit comes with the next epoch
  const stake = standing.getByRole('form', { name: 'Stake to this hotkey' })
  // (the new subnet's pool is small: 10 τ moves its price by more than the default 0.5 %, which the chain refuses)
  await stake.getByLabel('Stake (τ)').fill('10')
  await stake.getByRole('button', { name: 'Stake to this hotkey' }).click()
  await expect(stake.getByRole('alert', { name: 'Transaction error' })).toContainText('Stake 10 τ: Slippage too high', { timeout: 30_000 })
  await stake.getByLabel('Slippage tolerance (%)').fill('50')
  await stake.getByRole('button', { name: 'Stake to this hotkey' }).click()
  await expect(stake.getByRole('status', { name: 'Transaction' })).toContainText('Stake 10 τ: Finalized', { timeout: 30_000 })
  await expect(standing.getByTestId('stake-weight')).not.toHaveText(/^0\.00%/, { timeout: 15_000 })
  await expect(standing.getByTestId('permit')).toHaveText(`Yes: UID 3 holds a validator permit on subnet ${netuid}`, { timeout: 30_000 })

  // start: a step every second, 256 digits per challenge
  await run.getByLabel('Seconds between steps').fill('1')
  await run.getByLabel('Digits per challenge').fill('256')
  await run.getByRole('button', { name: 'Start validating' }).click()
  await expect(run.getByTestId('validating-status')).toHaveText(`Validating · subnet ${netuid}`, { timeout: 30_000 })

  // both miners answer; after a few steps the CNN's moving score is above the weak miner's
  const table = page.getByRole('table', { name: 'Miners queried' })
  const cnnRow = table.locator(`tr[data-hotkey="${cnnHotkey}"]`)
  const mlpRow = table.locator(`tr[data-hotkey="${mlpHotkey}"]`)
  await expect(cnnRow.getByTestId('outcome')).toContainText('answered:', { timeout: 60_000 })
  await expect(mlpRow.getByTestId('outcome')).toContainText('answered:', { timeout: 60_000 })
  await expect(cnnRow.getByTestId('refusals')).toHaveText('none')
  await expect(cnnRow).toContainText(`${cnn.uid}`)
  await expect(mlpRow).toContainText(`${mlp.uid}`)
  await expect(cnnRow.locator('td').nth(6)).toHaveText(/^([4-9]|\d\d+) of /, { timeout: 60_000 })
  expect(await number(cnnRow.getByTestId('moving-score'))).toBeGreaterThan(await number(mlpRow.getByTestId('moving-score')))
  expect(await number(mlpRow.getByTestId('moving-score'))).toBeGreaterThan(0)

  // a commit in the history, then its reveal an epoch later
  const history = page.getByRole('table', { name: 'Weights sent' })
  await expect(history.locator('tr[data-type="commit"]').first()).toContainText('in block', { timeout: 60_000 })
  await expect(history.locator('tr[data-type="reveal"]').first()).toContainText('in block', { timeout: 60_000 })
  await expect(history.locator('tr[data-type="reveal"]').first()).toContainText(`${cnn.uid}:`)

  // the weights are on chain: read through the chain client, and shown on the page
  const onChain = await getWeightsState(client, { netuid, hotkey, at: 'best' })
  const weights = new Map(onChain.weights)
  expect(weights.get(cnn.uid)).toBeGreaterThan(0)
  expect(weights.get(mlp.uid)).toBeGreaterThan(0)
  await expect(run.getByTestId('weights-on-chain')).toContainText(`UID ${cnn.uid}: `, { timeout: 15_000 })
  await expect(run.getByTestId('weights-on-chain')).toContainText(`UID ${mlp.uid}: `)

  // the "what if" preview runs the next epoch with this validator's weights
  const preview = page.getByRole('region', { name: 'What if' })
  await expect(preview.getByRole('table', { name: 'Incentive and dividends, now and with these weights' }).locator(`tr[data-uid="${cnn.uid}"]`)).toContainText('→', { timeout: 30_000 })

  await run.getByRole('button', { name: 'Stop validating' }).click()
  await expect(run.getByTestId('validating-status')).toHaveText('Not validating', { timeout: 30_000 })
  await page.screenshot({ path: 'test-results/e2e/validate.png', fullPage: true })
})
