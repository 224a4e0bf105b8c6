// Issue 8's journey, in the real app inside the network sandbox: a tab registers a hotkey through the injected test wallet, loads the
// bundled digits CNN into its inference worker, starts mining (its libp2p node reserves a relay address on the devnet and publishes its
// commitment signed by the hotkey). A validator — a Node peer holding a permit — finds the tab through the chain, queries it over
// direct WebRTC with a digits challenge, and its answers score well; while the tab is hidden it refuses as paused. Then the real
// validator loop (src/validator) on that peer queries and scores the tab, commits its weights and reveals them at the next epoch
// (commit-reveal on, as on every subnet); after the epoch that reads them the subnet's leaderboard shows the tab's UID with non-zero
// incentive, and the Mine page its live stats.
import { expect, test, type Page } from '@playwright/test'
import type { KeyringPair } from '@polkadot/keyring/types'
import { decodeAddress } from '@polkadot/util-crypto'
import { multiaddr } from '@multiformats/multiaddr'
import { addStakeLimit } from '../src/chain/actions/addStakeLimit.ts'
import { transfer } from '../src/chain/actions/transfer.ts'
import { prepareTransaction } from '../src/chain/internal/transaction.ts'
import { setupSubnet } from '../src/chain/testing/devnet.ts'
import { parseTao } from '../src/chain/units.ts'
import { describeConnection } from '../src/net/connections.ts'
import { discoverPeers, type DiscoveredPeer } from '../src/net/discovery/discover.ts'
import { createNodePeer, type NodePeer } from '../src/net/node/peer.ts'
import { sr25519SignerFromUri } from '../src/net/query/signer.ts'
import { digitsTask } from '../src/tasks/digits/index.ts'
import { loadDigitsSplit } from '../src/tasks/digits/loadMnist.ts'
import { decodeDigitsAnswer, encodeDigitsQuery } from '../src/tasks/digits/wire.ts'
import { digitsValidatorTask } from '../src/tasks/digits/network.ts'
import { createValidator } from '../src/validator/validator.ts'
import type { HarnessServer } from './harness/build.ts'
import { buildAndServeApp } from './fixtures/app.ts'
import { startRelayChain, type RelayChain } from './fixtures/devnet.ts'
import { connectWallet, createHotkey, openPage, registerMiner, startMiningCnn, useDevnetWallet } from './fixtures/flows.ts'

const TEMPO = 10
const VALIDATOR_URI = '//tabmine//hot//1'

let app: HarnessServer | undefined
let chain: RelayChain | undefined
let validator: NodePeer | undefined
let netuid: number
let validatorPair: KeyringPair

test.beforeAll(async () => {
  test.setTimeout(180_000)
  ;[app, chain] = await Promise.all([buildAndServeApp(), startRelayChain()])
  expect(chain.relayAddrs.length, 'the devnet runs its relay').toBeGreaterThan(0)
  const subnet = await setupSubnet(chain, chain.alice, { name: 'tabmine', hotkeys: 1 })
  netuid = subnet.netuid
  validatorPair = subnet.hotkeys[1]!
  const api = await chain.client.api
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const tx = api.tx as any
  const sudo = async (call: unknown, name: string) => {
    const result = await prepareTransaction(chain!.client, api, { pallet: 'Sudo', name, args: {} }, tx.sudo.sudo(call)).send(chain!.alice, { waitFor: 'inBlock' })
    const sudid = result.events.find((e) => e.pallet === 'Sudo' && e.name === 'Sudid')
    expect(JSON.stringify(sudid?.data), name).not.toMatch(/"err"/i)
  }
  // weights at any rate (commit-reveal stays on), emission on, and (last: a 10-block tempo puts every block in the admin freeze window) a short tempo
  await sudo(tx.adminUtils.sudoSetWeightsSetRateLimit(netuid, 0), 'weights rate limit')
  await sudo(tx.adminUtils.sudoSetSubnetEmissionEnabled(netuid, true), 'emission on')
  await (await transfer(chain.client, { to: validatorPair.address, amount: parseTao('10') })).send(chain.alice, { waitFor: 'inBlock' })
  await (await addStakeLimit(chain.client, { hotkey: validatorPair.address, netuid, amount: parseTao('2') })).send(chain.bob, { waitFor: 'inBlock' })
  await sudo(tx.adminUtils.sudoSetTempo(netuid, TEMPO), 'tempo')
  await chain.newBlocks(TEMPO + 1) // an epoch gives UID 1 (Bob's stake) its validator permit
  validator = await createNodePeer({ relays: chain.relayAddrs, query: { hotkey: sr25519SignerFromUri(VALIDATOR_URI) } })
})

test.afterAll(async () => {
  await validator?.stop()
  await chain?.close()
  await app?.close()
})

/** Hides or shows the page as a switch to another tab does (document.visibilityState and its event). */
async function setHidden(page: Page, hidden: boolean) {
  await page.evaluate((h) => {
    Object.defineProperty(document, 'visibilityState', { value: h ? 'hidden' : 'visible', configurable: true })
    Object.defineProperty(document, 'hidden', { value: h, configurable: true })
    document.dispatchEvent(new Event('visibilitychange'))
  }, hidden)
}

test('a tab registers, mines, answers a validator over WebRTC, and earns incentive after the next epoch', async ({ page }) => {
  test.setTimeout(240_000)
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  await useDevnetWallet(page, chain!.devnet.url, { suri: '//Bob', name: 'Bob (test coldkey)' })

  // 1. connect the wallet, make a hotkey, register it (Bob's coldkey pays register_limit)
  await connectWallet(page, app!.url, 'Bob (test coldkey)')
  await openPage(page, 'Mine')
  await page.getByLabel('Subnet', { exact: true }).selectOption(String(netuid))
  const hotkey = await createHotkey(page, 'Create a hotkey', 'correct horse battery')
  expect(await registerMiner(page, netuid)).toBe(2)

  // 2. the bundled CNN in the worker, then Start: node, relay, query handler, commitment
  await startMiningCnn(page, netuid)
  const serve = page.getByRole('region', { name: 'Serve' })
  const indicator = page.getByRole('status', { name: 'Mining' })
  await expect(indicator).toContainText(`Mining subnet ${netuid} · 0 served · 100 % compute`)

  // 3. the validator finds the tab through the chain (its commitment) and queries it with a digits challenge
  let found: DiscoveredPeer | undefined
  await expect
    .poll(async () => (found = (await discoverPeers(chain!.client, { netuid })).peers.find((p) => p.hotkey === hotkey))?.uid, { timeout: 15_000 })
    .toBe(2)
  const { heldOut } = loadDigitsSplit()
  const challenge = digitsTask.challenge('tab-miner-journey', heldOut, { size: 64 })
  const request = { netuid, minerHotkey: decodeAddress(hotkey), body: encodeDigitsQuery(challenge.query) }
  const addrs = found!.announcement.multiaddrs.map((a) => multiaddr(a))
  const { body } = await validator!.services.query.query(addrs, request, { timeout: 15_000 })
  const answer = decodeDigitsAnswer(body, 64)
  expect(answer.ok).toBe(true)
  const score = await digitsTask.score(answer.ok ? answer.value : (undefined as never), challenge.expected)
  expect(score.ok && score.score).toBeGreaterThanOrEqual(0.9)
  // over a direct WebRTC link, not the relay
  const links = validator!.getConnections().filter((c) => c.remotePeer.toString() === found!.announcement.peerId).map(describeConnection)
  expect(links.some((c) => c.directWebRTC && c.queryStreams > 0)).toBe(true)
  await expect(serve.getByTestId('mining-served')).toHaveText('1')
  await expect(serve.getByTestId('mining-p50')).toHaveText(/^\d+\.\d ms$/)
  await expect(indicator).toContainText('1 served')

  // 4. hidden tab: paused, and the validator's query is refused as such; shown again: serving
  await setHidden(page, true)
  await expect(serve.getByTestId('mining-status')).toHaveText(`Paused while this tab is hidden · subnet ${netuid}`)
  await expect(indicator).toContainText('Mining paused (tab hidden)')
  const refused = await validator!.services.query.query(addrs, request, { timeout: 15_000 }).then(
    () => undefined,
    (error: Error & { reason?: string; details?: string }) => error,
  )
  expect(refused).toMatchObject({ name: 'QueryRefusedError', reason: 'HandlerFailed' })
  expect(refused!.details).toContain('this miner is paused: its tab is hidden and mining in the background is off')
  await expect(serve.getByTestId('mining-refusals')).toHaveText('Paused 1')
  await setHidden(page, false)
  await expect(serve.getByTestId('mining-status')).toHaveText(`Serving validators · subnet ${netuid}`)
  await validator!.services.query.query(addrs, { ...request }, { timeout: 15_000 })
  await expect(serve.getByTestId('mining-served')).toHaveText('2')

  // 5. the validator loop: each step queries and scores the tab and puts weights on chain as the chain allows (a commit, then its
  //    reveal an epoch later); the epoch after the reveal reads them, and the tab earns incentive
  await expect(serve.getByTestId('mining-incentive')).toHaveText('0.0000')
  const loop = createValidator({ client: chain!.client, peer: validator!, hotkey: validatorPair, netuid, task: digitsValidatorTask(heldOut), deadlineMs: 15_000, challengeSize: 32 })
  let steps = 0
  while (!loop.history().some((h) => h.type === 'reveal' && h.ok) && steps < 4) {
    const report = await loop.step()
    steps++
    expect(report.rows.find((r) => r.uid === 2)?.outcome.kind, JSON.stringify(report.rows)).toBe('answered')
    await chain!.newBlocks(TEMPO + 1)
  }
  const sent = loop.history().filter((h) => h.ok).map((h) => h.type)
  expect(sent.indexOf('commit'), sent.join(', ')).toBeGreaterThanOrEqual(0)
  expect(sent.indexOf('reveal'), sent.join(', ')).toBeGreaterThan(sent.indexOf('commit'))
  expect(sent).not.toContain('set_weights')
  await expect(serve.getByTestId('mining-incentive')).not.toHaveText('0.0000', { timeout: 20_000 })
  await expect(serve.getByTestId('mining-rank')).toHaveText(/^1 of \d+$/)
  await expect(serve.getByTestId('mining-earnings')).not.toHaveText('—')
  const served = 2 + steps
  await expect(serve.getByTestId('mining-served')).toHaveText(String(served))

  // 6. the leaderboard, reached inside the app (mining goes on, the header says so): the tab's UID with non-zero incentive and its peer
  await serve.getByRole('link', { name: `subnet ${netuid}’s leaderboard` }).click()
  const board = page.getByRole('region', { name: 'Leaderboard' })
  const mine = board.locator('tbody tr').filter({ has: page.locator(`[data-address="${hotkey}"]`) })
  await expect(mine.getByRole('cell').nth(0)).toHaveText('2')
  await expect(mine.getByRole('cell').nth(5)).toHaveText(/^(0\.\d*[1-9]\d*|1\.0000)$/)
  await expect(mine.locator('[data-peer]')).toHaveAttribute('data-peer', found!.announcement.peerId)
  await expect(indicator).toContainText(`Mining subnet ${netuid} · ${served} served`)

  // 7. back to the Mine page through the indicator, and stop: the header light goes out
  await indicator.getByRole('link').click()
  await page.getByRole('region', { name: 'Serve' }).getByRole('button', { name: 'Stop mining' }).click()
  await expect(indicator).toHaveCount(0)
  await expect(page.getByRole('region', { name: 'Serve' }).getByTestId('mining-status')).toHaveText('Not mining')
  expect(errors).toEqual([])
})
