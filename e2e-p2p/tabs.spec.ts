// Issue 9's journey with no Node peer at all: two people, each in their own browser profile, on one devnet with its relay (inside the
// network sandbox). One mines from a tab (Mine page: the wallet's coldkey registers a hotkey made in the browser, the bundled digits CNN,
// Start mining); the other validates from a tab (Validate page: a hotkey, registered and staked so that it holds the permit and most of
// the subnet's stake weight, Start validating). The validator tab finds the miner tab through the chain and queries it over WebRTC (tab
// to tab, the relay only for signalling); the miner answers well; the validator commits its weights and reveals them an epoch later
// (commit-reveal on); the weights are on chain; after the epoch that reads them the miner's Mine page and the subnet's leaderboard show
// the miner's UID earning.
import { expect, test, type BrowserContext, type Page } from '@playwright/test'
import { getWeightsState } from '../src/chain/index.ts'
import type { Untyped } from '../src/chain/internal/read.ts'
import { prepareTransaction } from '../src/chain/internal/transaction.ts'
import { setupSubnet } from '../src/chain/testing/devnet.ts'
import type { HarnessServer } from './harness/build.ts'
import { buildAndServeApp } from './fixtures/app.ts'
import { startRelayChain, type RelayChain } from './fixtures/devnet.ts'
import { connectWallet, createHotkey, observeWebRTC, openPage, registerMiner, startMiningCnn, useDevnetWallet, webrtcConnected } from './fixtures/flows.ts'

const TEMPO = 10

let app: HarnessServer | undefined
let chain: RelayChain | undefined
let netuid: number
const contexts: BrowserContext[] = []

test.beforeAll(async () => {
  test.setTimeout(180_000)
  ;[app, chain] = await Promise.all([buildAndServeApp(), startRelayChain()])
  expect(chain.relayAddrs.length, 'the devnet runs its relay').toBeGreaterThan(0)
  netuid = (await setupSubnet(chain, chain.alice, { name: 'tabs', hotkeys: 0 })).netuid
  const api = await chain.client.api
  const tx = api.tx as Untyped
  // the freeze window first (it refuses hyperparameter changes near the end of short tempos), weights at any rate (commit-reveal stays
  // on), emission on, room for two registrations, and the short tempo last
  const call = tx.sudo.sudo(
    tx.utility.batchAll([
      tx.adminUtils.sudoSetAdminFreezeWindow(0),
      tx.adminUtils.sudoSetWeightsSetRateLimit(netuid, 0),
      tx.adminUtils.sudoSetSubnetEmissionEnabled(netuid, true),
      tx.adminUtils.sudoSetMaxRegistrationsPerBlock(netuid, 64),
      tx.adminUtils.sudoSetTargetRegistrationsPerInterval(netuid, 64),
      tx.adminUtils.sudoSetTempo(netuid, TEMPO),
    ]),
  )
  const result = await prepareTransaction(chain.client, api, { pallet: 'Sudo', name: 'sudo', args: {} }, call).send(chain.alice, { waitFor: 'inBlock' })
  const failed = result.events.find((e) => (e.pallet === 'Utility' && e.name === 'BatchInterrupted') || (e.pallet === 'Sudo' && e.name === 'Sudid' && JSON.stringify(e.data).includes('err')))
  expect(failed, `sudo: ${JSON.stringify(failed?.data)}`).toBeUndefined()
})

test.afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined)
  await chain?.close()
  await app?.close()
})

/** A person: their own browser profile (context), with the test wallet holding `coldkey`, the app on the devnet, the wallet connected. */
async function person(newContext: () => Promise<BrowserContext>, coldkey: { suri: string; name: string }, errors: string[]): Promise<Page> {
  const context = await newContext()
  contexts.push(context)
  const page = await context.newPage()
  page.on('pageerror', (error) => errors.push(`${coldkey.name}: ${error.message}`))
  await useDevnetWallet(page, chain!.devnet.url, coldkey)
  await observeWebRTC(page)
  await connectWallet(page, app!.url, coldkey.name)
  return page
}

const positive = /^(0\.\d*[1-9]\d*|1\.0000)$/

test('a validator tab queries a miner tab over WebRTC, commits and reveals weights, and the miner tab earns incentive', async ({ browser }) => {
  test.setTimeout(300_000)
  const errors: string[] = []
  const newContext = () => browser.newContext()

  // the miner: Bob's coldkey registers a hotkey made in the tab, which serves the bundled CNN
  const miner = await person(newContext, { suri: '//Bob', name: 'Bob (miner)' }, errors)
  await openPage(miner, 'Mine')
  await miner.getByLabel('Subnet', { exact: true }).selectOption(String(netuid))
  const minerHotkey = await createHotkey(miner, 'Create a hotkey', 'miner passphrase')
  const minerUid = await registerMiner(miner, netuid)
  await startMiningCnn(miner, netuid)
  const serve = miner.getByRole('region', { name: 'Serve' })
  await expect(serve.getByTestId('mining-incentive')).toHaveText('0.0000')

  // the validator: Charlie's coldkey registers a hotkey made in the other tab and stakes to it
  const validator = await person(newContext, { suri: '//Charlie', name: 'Charlie (validator)' }, errors)
  await openPage(validator, 'Validate')
  await validator.getByLabel('Subnet', { exact: true }).selectOption(String(netuid))
  const validatorHotkey = await createHotkey(validator, 'Create a validator hotkey', 'validator passphrase')
  const standing = validator.getByRole('region', { name: 'Permit and stake' })
  await expect(standing.getByTestId('permit')).toContainText(`Not registered: this hotkey holds no UID on subnet ${netuid}`)
  await standing.getByRole('button', { name: /^Register for/ }).click()
  await expect(standing.getByRole('status', { name: 'Transaction' })).toContainText('Register: Finalized', { timeout: 30_000 })
  await expect(standing.getByTestId('validator-uid')).toHaveText(/^\d+$/, { timeout: 15_000 })
  const validatorUid = Number(await standing.getByTestId('validator-uid').textContent())
  expect(validatorUid).not.toBe(minerUid)
  // (the new subnet's pool is small: a 50 % slippage limit lets 10 τ in)
  const stake = standing.getByRole('form', { name: 'Stake to this hotkey' })
  await stake.getByLabel('Stake (τ)').fill('10')
  await stake.getByLabel('Slippage tolerance (%)').fill('50')
  await stake.getByRole('button', { name: 'Stake to this hotkey' }).click()
  await expect(stake.getByRole('status', { name: 'Transaction' })).toContainText('Stake 10 τ: Finalized', { timeout: 30_000 })
  // most of the subnet's stake weight, so that consensus follows this validator's weights (the owner's hotkey sets none)
  const weight = standing.getByTestId('stake-weight')
  await expect(weight).not.toHaveText(/^0\.00%/, { timeout: 15_000 })
  const share = Number(/^([\d.]+)%/.exec((await weight.textContent()) ?? '')?.[1])
  expect(share, (await weight.textContent()) ?? '').toBeGreaterThan(50)
  // the permit comes with the next epoch
  await chain!.newBlocks(TEMPO + 1)
  await expect(standing.getByTestId('permit')).toHaveText(`Yes: UID ${validatorUid} holds a validator permit on subnet ${netuid}`, { timeout: 30_000 })

  // Start validating: the tab's node dials the miner tab through the relay, then over WebRTC
  const run = validator.getByRole('region', { name: 'Validating' })
  await run.getByLabel('Seconds between steps').fill('1')
  await run.getByLabel('Digits per challenge').fill('64')
  await run.getByRole('button', { name: 'Start validating' }).click()
  await expect(run.getByTestId('validating-status')).toHaveText(`Validating · subnet ${netuid}`, { timeout: 30_000 })
  const minerRow = validator.getByRole('table', { name: 'Miners queried' }).locator(`tr[data-hotkey="${minerHotkey}"]`)
  await expect(minerRow.getByTestId('outcome')).toContainText('answered:', { timeout: 60_000 })
  await expect(minerRow).toContainText(`${minerUid}`)
  await expect(minerRow.getByTestId('refusals')).toHaveText('none')
  await expect(minerRow.getByTestId('score')).toHaveText(/^0\.[5-9]\d*$|^1(\.0+)?$/)
  await expect(serve.getByTestId('mining-served')).not.toHaveText('0')
  // tab to tab over WebRTC: each tab holds a connected RTCPeerConnection (their only other link is to the relay, a websocket)
  expect(await webrtcConnected(miner), 'the miner tab has a WebRTC link').toBeGreaterThan(0)
  expect(await webrtcConnected(validator), 'the validator tab has a WebRTC link').toBeGreaterThan(0)

  // a commit, then (after the epoch) its reveal
  const history = validator.getByRole('table', { name: 'Weights sent' })
  await expect(history.locator('tr[data-type="commit"]').first()).toContainText('in block', { timeout: 60_000 })
  const reveal = history.locator('tr[data-type="reveal"]').first()
  for (let epochs = 0; epochs < 4; epochs++) {
    await chain!.newBlocks(TEMPO + 1)
    if (await expect(reveal).toContainText('in block', { timeout: 15_000 }).then(() => true, () => false)) break
  }
  await expect(reveal).toContainText('in block')
  await expect(reveal).toContainText(`${minerUid}:`)

  // the weights are on chain, read back from the test and shown on the page
  const onChain = new Map((await getWeightsState(chain!.client, { netuid, hotkey: validatorHotkey, at: 'best' })).weights)
  expect(onChain.get(minerUid)).toBeGreaterThan(0)
  await expect(run.getByTestId('weights-on-chain')).toContainText(`UID ${minerUid}: `, { timeout: 15_000 })

  // the epoch that reads them: the miner tab earns incentive
  await chain!.newBlocks(TEMPO + 1)
  await expect(serve.getByTestId('mining-incentive')).toHaveText(positive, { timeout: 30_000 })
  await expect(serve.getByTestId('mining-rank')).toHaveText(/^1 of \d+$/)

  // and the subnet's leaderboard (reached from the Mine page) shows the miner's UID earning
  await serve.getByRole('link', { name: `subnet ${netuid}’s leaderboard` }).click()
  const board = miner.getByRole('region', { name: 'Leaderboard' })
  const mine = board.locator('tbody tr').filter({ has: miner.locator(`[data-address="${minerHotkey}"]`) })
  await expect(mine.getByRole('cell').nth(0)).toHaveText(String(minerUid))
  await expect(mine.getByRole('cell').nth(5)).toHaveText(positive)

  await run.getByRole('button', { name: 'Stop validating' }).click()
  await expect(run.getByTestId('validating-status')).toHaveText('Not validating', { timeout: 30_000 })
  expect(errors).toEqual([])
})
