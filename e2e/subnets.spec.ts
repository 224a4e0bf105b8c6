// Journey: browse subnets → open a leaderboard that shows the devnet's neurons, and see both follow new blocks without a reload.
// The test starts its own instant-seal devnet on a free port, registers a subnet with three neurons and some stake as //Alice and
// //Bob (src/chain's writes, keys in this process), and points the page at it through the session's custom endpoint.
import { expect, test, type ConsoleMessage, type Page } from '@playwright/test'
import { setupSubnet, startTestChain, type TestChain } from '../src/chain/testing/devnet.ts'
import { addStakeLimit } from '../src/chain/actions/addStakeLimit.ts'
import { getSubnets } from '../src/chain/actions/getSubnets.ts'
import { parseTao } from '../src/chain/units.ts'
import { formatPrice } from '../src/app/lib/format.ts'
import { prepareTransaction } from '../src/chain/internal/transaction.ts'
import type { KeyringPair } from '@polkadot/keyring/types'
import { generateKeyPair } from '@libp2p/crypto/keys'
import { peerIdFromPrivateKey } from '@libp2p/peer-id'
import { transfer } from '../src/chain/actions/transfer.ts'
import { announce } from '../src/net/discovery/discover.ts'

let chain: TestChain
let netuid: number
let hotkeys: string[]
let pairs: KeyringPair[]
let announcedPeer: string

test.beforeAll(async () => {
  chain = await startTestChain()
  const subnet = await setupSubnet(chain, chain.alice, { name: 'journey', hotkeys: 3 })
  netuid = subnet.netuid
  pairs = subnet.hotkeys
  hotkeys = subnet.hotkeys.map((k) => k.address)
  await (await addStakeLimit(chain.client, { hotkey: hotkeys[1]!, netuid, amount: parseTao('2') })).send(chain.bob, { waitFor: 'inBlock' })
  // UID 3 announces a libp2p peer, as a webtensor miner does
  announcedPeer = peerIdFromPrivateKey(await generateKeyPair('Ed25519')).toString()
  await (await transfer(chain.client, { to: hotkeys[3]!, amount: parseTao('1') })).send(chain.alice, { waitFor: 'inBlock' })
  await (await announce(chain.client, { netuid, peerId: announcedPeer, multiaddrs: [`/ip4/10.0.0.1/tcp/9945/ws/p2p/${announcedPeer}`] })).send(subnet.hotkeys[3]!, { waitFor: 'inBlock' })
})
test.afterAll(() => chain?.close())

async function openOnDevnet(page: Page) {
  const errors: string[] = []
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'error') errors.push(m.text())
  })
  page.on('pageerror', (e) => errors.push(e.message))
  await page.addInitScript((url) => {
    localStorage.setItem('webtensor.session', JSON.stringify({ state: { network: 'custom', customUrl: url, account: undefined }, version: 1 }))
  }, chain.devnet.url)
  await page.goto('/')
  return errors
}

const bestNumber = async () => (await (await chain.client.api).rpc.chain.getHeader()).number.toNumber()

test('the subnets page lists the devnet subnet; its leaderboard shows the neurons; both follow dev_newBlock', async ({ page }) => {
  const errors = await openOnDevnet(page)
  const status = page.getByRole('status', { name: 'Connection' })
  await expect(status).toHaveText(`Connected · block #${(await bestNumber()).toLocaleString('en-US')}`)

  // Subnets: the row has the subnet's name, symbol and price as the chain reports them.
  const { subnets } = await getSubnets(chain.client, { at: 'best' })
  const ours = subnets.find((s) => s.netuid === netuid)!
  const table = page.getByRole('table')
  const row = table.getByRole('row').filter({ has: page.getByRole('link', { name: ours.name, exact: true }) })
  await expect(row).toHaveCount(1)
  await expect(row.getByRole('cell').nth(0)).toHaveText(String(netuid))
  await expect(row).toContainText(ours.symbol)
  await expect(row.getByRole('cell').nth(2)).toHaveText(formatPrice(ours.price.tao))
  await expect(row).toContainText('4 / ') // owner hotkey + three registered

  // Sorting by netuid puts the highest first on a second click.
  await page.getByRole('button', { name: /^Netuid/ }).click()
  await expect(table.getByRole('columnheader', { name: /Netuid/ })).toHaveAttribute('aria-sort', 'descending')
  await expect(table.locator('tbody tr').first().getByRole('cell').first()).toHaveText(String(Math.max(...subnets.map((s) => s.netuid))))

  // A new block refreshes the header and the table's block without a reload.
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 7))
  let before = await bestNumber()
  await chain.newBlocks(1)
  await expect(status).toHaveText(`Connected · block #${(before + 1).toLocaleString('en-US')}`)
  await expect(page.getByRole('table').locator('caption')).toContainText(`at block #${(before + 1).toLocaleString('en-US')}`)
  // Two blocks seen: the row's price chart has a line now.
  await expect(row.getByRole('img', { name: `Price of ${ours.name} over the last 2 blocks seen` })).toBeVisible()

  // The leaderboard: every hotkey of the subnet, Bob's stake on UID 1.
  await row.getByRole('link', { name: ours.name, exact: true }).click()
  await expect(page).toHaveURL(new RegExp(`/subnets/${netuid}$`))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Subnet ${netuid}`)
  const board = page.getByRole('region', { name: 'Leaderboard' })
  for (const hotkey of hotkeys) await expect(board.locator(`[data-address="${hotkey}"]`)).toBeVisible()
  const staked = board.locator('tbody tr').filter({ has: page.locator(`[data-address="${hotkeys[1]}"]`) })
  await expect(staked.getByRole('cell').nth(3)).toHaveText(new RegExp(`^[1-9][\\d,.]* ${ours.symbol}$`))
  await expect(board.locator('tbody tr').filter({ has: page.locator(`[data-address="${hotkeys[2]}"]`) }).getByRole('cell').nth(3)).toHaveText(`0 ${ours.symbol}`)
  await expect(page.getByText(/Nakamoto coefficient \d/)).toBeVisible()
  // the peer UID 3 announced shows in its row; the others serve nothing
  await expect(board.locator('[data-peer]')).toHaveCount(1)
  await expect(board.locator('tbody tr').filter({ has: page.locator(`[data-address="${hotkeys[3]}"]`) }).locator('[data-peer]')).toHaveAttribute('data-peer', announcedPeer)
  await expect(page.getByRole('heading', { name: 'Hyperparameters' })).toBeVisible()

  // Filtering by a hotkey leaves its row only; validators-only is a filter of its own.
  await board.getByLabel('Filter by hotkey or coldkey').fill(hotkeys[2]!)
  await expect(board.getByRole('status')).toHaveText(new RegExp(`^1 of ${hotkeys.length} UIDs`))
  await board.getByLabel('Filter by hotkey or coldkey').fill('')

  // Live per block: the leaderboard's block and the header move with dev_newBlock.
  before = await bestNumber()
  await chain.newBlocks(1)
  await expect(status).toHaveText(`Connected · block #${(before + 1).toLocaleString('en-US')}`)
  await expect(board.getByRole('status')).toHaveText(`${hotkeys.length} UIDs at block #${(before + 1).toLocaleString('en-US')}`)

  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(7)
  expect(errors).toEqual([])
})

test('the leaderboard charts how incentive is spread and the α each epoch emitted, once validators set weights', async ({ page }) => {
  const TEMPO = 10
  const api = await chain.client.api
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const tx = api.tx as any
  const send = (call: unknown, signer: KeyringPair, name: string) => prepareTransaction(chain.client, api, { pallet: 'test', name, args: {} }, call as never).send(signer, { waitFor: 'inBlock' })
  const sudo = async (call: unknown, name: string) => {
    const result = await send(tx.sudo.sudo(call), chain.alice, name)
    // sudo itself succeeds; the root call's own outcome is in Sudid
    const sudid = result.events.find((e) => e.pallet === 'Sudo' && e.name === 'Sudid')
    expect(sudid, name).toBeDefined()
    expect(JSON.stringify(sudid!.data), name).not.toMatch(/"err"/i)
  }
  // a short tempo, no weights rate limit, plain set_weights (commit-reveal off), emission on; the validator's hotkey funded to sign
  // (the tempo last: with a 10-block tempo every block is inside the admin freeze window)
  await sudo(tx.adminUtils.sudoSetWeightsSetRateLimit(netuid, 0), 'rate limit')
  await sudo(tx.adminUtils.sudoSetCommitRevealWeightsEnabled(netuid, false), 'commit reveal')
  await sudo(tx.adminUtils.sudoSetSubnetEmissionEnabled(netuid, true), 'emission')
  await sudo(tx.adminUtils.sudoSetTempo(netuid, TEMPO), 'tempo')
  await send(tx.balances.transferKeepAlive(hotkeys[1], 10_000_000_000n), chain.alice, 'fund')
  await chain.newBlocks(TEMPO + 1) // an epoch hands UID 1 (Bob's stake) a validator permit
  await send(tx.subtensorModule.setWeights(netuid, [2, 3], [1000, 3000], 0), pairs[1]!, 'set_weights')
  await chain.newBlocks(2 * TEMPO + 1)

  const errors = await openOnDevnet(page)
  await page.goto(`/subnets/${netuid}`)
  const incentive = page.getByRole('figure', { name: 'Incentive distribution' })
  await expect(incentive.getByTestId('incentive-summary')).toHaveText(/^2 of 4 UIDs earn incentive; the top UID takes 75\.\d%/)
  await expect(incentive.getByRole('img')).toBeVisible()
  const emission = page.getByRole('figure', { name: 'Emission over epochs' })
  await expect(emission.getByTestId('emission-summary')).toContainText('The last epoch (block #')
  await emission.getByText('As a table').click()
  const rows = emission.getByRole('table', { name: 'Emission per epoch' }).locator('tbody tr')
  expect(await rows.count()).toBeGreaterThanOrEqual(3)
  // consecutive epochs are one tempo apart
  const blocks = (await rows.locator('td:first-child').allTextContents()).map((t) => Number(t.replace('#', '')))
  expect(blocks[0]! - blocks[1]!).toBe(TEMPO)
  expect(errors).toEqual([])
})

test('a subnet that does not exist says so in words', async ({ page }) => {
  const errors = await openOnDevnet(page)
  await page.goto('/subnets/4242')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Subnet 4242')
  await expect(page.getByRole('heading', { name: 'Subnet 4242 does not exist on Custom endpoint' })).toBeVisible()
  expect(errors).toEqual([])
})
