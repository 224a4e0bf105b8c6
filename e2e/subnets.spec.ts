// Journey: browse subnets → open a leaderboard that shows the devnet's neurons, and see both follow new blocks without a reload.
// The test starts its own instant-seal devnet on a free port, registers a subnet with three neurons and some stake as //Alice and
// //Bob (src/chain's writes, keys in this process), and points the page at it through the session's custom endpoint.
import { expect, test, type ConsoleMessage, type Page } from '@playwright/test'
import { setupSubnet, startTestChain, type TestChain } from '../src/chain/testing/devnet.ts'
import { addStakeLimit } from '../src/chain/actions/addStakeLimit.ts'
import { getSubnets } from '../src/chain/actions/getSubnets.ts'
import { parseTao } from '../src/chain/units.ts'
import { formatPrice } from '../src/app/lib/format.ts'

let chain: TestChain
let netuid: number
let hotkeys: string[]

test.beforeAll(async () => {
  chain = await startTestChain()
  const subnet = await setupSubnet(chain, chain.alice, { name: 'journey', hotkeys: 3 })
  netuid = subnet.netuid
  hotkeys = subnet.hotkeys.map((k) => k.address)
  await (await addStakeLimit(chain.client, { hotkey: hotkeys[1]!, netuid, amount: parseTao('2') })).send(chain.bob, { waitFor: 'inBlock' })
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

test('a subnet that does not exist says so in words', async ({ page }) => {
  const errors = await openOnDevnet(page)
  await page.goto('/subnets/4242')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Subnet 4242')
  await expect(page.getByRole('heading', { name: 'Subnet 4242 does not exist on Custom endpoint' })).toBeVisible()
  expect(errors).toEqual([])
})
