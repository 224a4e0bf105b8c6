// Journey: open the explorer, watch a new block arrive, and look things up: a block by number and by hash, a transfer by its extrinsic
// hash (decoded: balances.transferKeepAlive with dest and value, its events), a failed call with the chain's error in words, and //Alice
// as an account (balance, stake, the extrinsics she signed); bad input is refused in place with the typed text kept.
// The test starts its own instant-seal devnet on a free port and makes the extrinsics itself (keys in this process).
import { expect, test, type ConsoleMessage, type Page } from '@playwright/test'
import { setupSubnet, startTestChain, type TestChain } from '../src/chain/testing/devnet.ts'
import { addStakeLimit } from '../src/chain/actions/addStakeLimit.ts'
import { getBlock } from '../src/chain/actions/getBlock.ts'
import { startCall } from '../src/chain/actions/startCall.ts'
import { transfer } from '../src/chain/actions/transfer.ts'
import { ExtrinsicFailedError } from '../src/chain/errors/extrinsic.ts'
import { parseTao } from '../src/chain/units.ts'
import type { Block, BlockExtrinsic } from '../src/chain/index.ts'

let chain: TestChain
let netuid: number
let hotkey: string
let sent: { block: Block; extrinsic: BlockExtrinsic }
let failed: { block: Block; extrinsic: BlockExtrinsic; reason: string }

test.beforeAll(async () => {
  chain = await startTestChain()
  const subnet = await setupSubnet(chain, chain.alice, { name: 'explorerjourney', hotkeys: 1 })
  netuid = subnet.netuid
  hotkey = subnet.hotkeys[1]!.address
  await (await addStakeLimit(chain.client, { hotkey, netuid, amount: parseTao('1') })).send(chain.alice, { waitFor: 'inBlock' })

  const result = await (await transfer(chain.client, { to: chain.bob.address, amount: parseTao('1.5') })).send(chain.alice, { waitFor: 'inBlock' })
  const block = await getBlock(chain.client, { at: result.blockHash })
  sent = { block, extrinsic: block.extrinsics.find((e) => e.hash === result.txHash)! }

  // Bob does not own the subnet: the chain refuses to start it, and says why
  const error = (await (await startCall(chain.client, { netuid })).send(chain.bob, { waitFor: 'inBlock' }).catch((e: unknown) => e)) as ExtrinsicFailedError
  expect(error).toBeInstanceOf(ExtrinsicFailedError)
  const failedBlock = await getBlock(chain.client, { at: error.blockHash as `0x${string}` })
  failed = { block: failedBlock, extrinsic: failedBlock.extrinsics.find((e) => e.method === 'startCall')!, reason: error.shortMessage }
})
test.afterAll(() => chain?.close())

async function openExplorer(page: Page) {
  const errors: string[] = []
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'error') errors.push(m.text())
  })
  page.on('pageerror', (e) => errors.push(e.message))
  await page.addInitScript((url) => {
    localStorage.setItem('webtensor.session', JSON.stringify({ state: { network: 'custom', customUrl: url, account: undefined }, version: 1 }))
  }, chain.devnet.url)
  await page.goto('/explorer')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Explorer')
  return errors
}

const bestNumber = async () => (await (await chain.client.api).rpc.chain.getHeader()).number.toNumber()
const label = (n: number) => `#${n.toLocaleString('en-US')}`

async function search(page: Page, text: string) {
  const box = page.getByRole('search', { name: 'Search the chain' })
  await box.getByLabel('Block number, hash, extrinsic id or address').fill(text)
  await box.getByRole('button', { name: 'Search' }).click()
  return box
}

test('latest blocks stream in; search finds blocks, extrinsics and accounts, decoded', async ({ page }) => {
  const errors = await openExplorer(page)
  const latest = page.getByRole('table', { name: 'Latest blocks' })

  // The best block is listed first with its counts; a new block arrives at the top without a reload.
  const best = await bestNumber()
  await expect(latest.locator('tbody tr').first()).toHaveAttribute('data-block', String(best))
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 7))
  await chain.newBlocks(1)
  const newest = latest.locator('tbody tr').first()
  await expect(newest).toHaveAttribute('data-block', String(best + 1))
  await expect(newest.getByRole('link', { name: label(best + 1) })).toBeVisible()
  await expect(newest.getByRole('cell').nth(3)).toHaveText('1') // the timestamp inherent only
  // The transfer's block is listed with its extrinsic count, and is finalized (the devnet finalizes right behind the head).
  const sentRow = latest.locator(`tr[data-block="${sent.block.number}"]`)
  await expect(sentRow.getByRole('cell').nth(3)).toHaveText(String(sent.block.extrinsics.length))
  await expect(sentRow.getByRole('cell').nth(4)).toHaveText(String(sent.block.events.length))
  await expect(sentRow.locator(`[data-hash="${sent.block.hash}"]`)).toHaveAttribute('title', `${sent.block.hash} (click to copy)`)
  await expect(sentRow.getByRole('cell').last()).toHaveText('Finalized')

  // By block number: the header and the decoded transfer with its arguments and events.
  await search(page, String(sent.block.number))
  await expect(page).toHaveURL(new RegExp(`/explorer\\?q=${sent.block.number}$`))
  const blockView = page.getByRole('region', { name: `Block ${label(sent.block.number)}` })
  await expect(blockView.getByRole('heading', { level: 2 })).toContainText(`Block ${label(sent.block.number)}`)
  await expect(blockView.locator(`[data-hash="${sent.block.hash}"]`).first()).toBeVisible()
  const id = `${sent.block.number}-${sent.extrinsic.index}`
  const card = blockView.getByRole('article', { name: `Extrinsic ${id}` })
  await expect(card.getByRole('heading')).toContainText('balances.transferKeepAlive')
  await expect(card.getByRole('heading')).toContainText('Success')
  const args = card.getByRole('definition')
  await expect(card.getByRole('term').filter({ hasText: 'dest' })).toBeVisible()
  await expect(args.locator(`[data-address="${chain.bob.address}"]`)).toBeVisible()
  await expect(card.getByRole('term').filter({ hasText: 'value' })).toBeVisible()
  await expect(card.getByText('1.5 τ', { exact: true })).toBeVisible()
  await expect(card.locator(`[data-address="${chain.alice.address}"]`).first()).toBeVisible() // the signer
  const events = blockView.getByRole('table', { name: 'Events' })
  await expect(events.locator('tr[data-event="balances.Transfer"]')).toContainText(`Extrinsic ${id}`)
  await expect(events.locator('tr[data-event="system.ExtrinsicSuccess"]').first()).toBeVisible()
  await expect(latest.locator(`tr[data-block="${sent.block.number}"]`)).toHaveAttribute('aria-current', 'true')

  // By block hash: the same block.
  await search(page, sent.block.hash)
  await expect(page.getByRole('region', { name: `Block ${label(sent.block.number)}` })).toBeVisible()

  // By extrinsic hash: the transfer on its own, with its events only.
  await search(page, sent.extrinsic.hash)
  const exView = page.getByRole('region', { name: `Extrinsic ${id} details` })
  await expect(exView.getByRole('heading', { level: 2 })).toContainText(`Extrinsic ${id}`)
  await expect(exView.getByRole('heading', { level: 2 })).toContainText('balances.transferKeepAlive')
  await expect(exView.getByRole('article', { name: `Extrinsic ${id}` }).getByRole('definition').locator(`[data-address="${chain.bob.address}"]`)).toBeVisible()
  const own = exView.getByRole('table', { name: `Events of extrinsic ${id}` })
  await expect(own.locator('tr[data-event="balances.Transfer"]')).toBeVisible()
  await expect(own.locator('tbody tr')).toHaveCount(sent.block.events.filter((e) => e.extrinsic === sent.extrinsic.index).length)

  // A failed call says the chain's reason in words.
  await search(page, failed.extrinsic.hash)
  const failedView = page.getByRole('region', { name: `Extrinsic ${failed.block.number}-${failed.extrinsic.index} details` })
  await expect(failedView.getByRole('heading', { level: 2 })).toContainText('subtensorModule.startCall')
  await expect(failedView).toContainText(`Failed: ${failed.reason}`)

  // An account: Alice's balance, her stake on the subnet, and the transfer among the extrinsics she signed.
  await search(page, chain.alice.address)
  const account = page.getByRole('region', { name: 'Account' })
  await expect(account.locator(`[data-hash="${chain.alice.address}"]`)).toBeVisible()
  await expect(account.getByTestId('account-free')).toHaveText(/^[\d,.]+ τ$/)
  await expect(account.getByRole('table', { name: 'Stake positions' }).locator(`tr[data-netuid="${netuid}"][data-hotkey="${hotkey}"]`)).toBeVisible()
  const signed = account.getByRole('table', { name: 'Signed extrinsics' })
  await expect(signed.locator(`tr[data-extrinsic-hash="${sent.extrinsic.hash}"]`)).toContainText('balances.transferKeepAlive')
  await expect(signed.locator(`tr[data-extrinsic-hash="${failed.extrinsic.hash}"]`)).toHaveCount(0) // Bob signed that one
  // and from there to the extrinsic by its id
  await signed.getByRole('link', { name: id }).click()
  await expect(page.getByRole('region', { name: `Extrinsic ${id} details` })).toBeVisible()
  await expect(page.getByLabel('Block number, hash, extrinsic id or address')).toHaveValue(id)

  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(7)
  expect(errors).toEqual([])
})

test('bad input is refused in place, in words, and the typed text stays', async ({ page }) => {
  const errors = await openExplorer(page)
  const field = page.getByLabel('Block number, hash, extrinsic id or address')
  const cases: Array<[string, RegExp]> = [
    ['hello there', /is not something the explorer can look up/],
    ['0x1234', /a hash is 0x and 64 hex digits, this has 4/],
    [`${chain.alice.address.slice(0, -1)}Z`, /is not a valid address: its checksum does not match/],
    [String((await bestNumber()) + 1000), /does not exist yet: the best block is #/],
    [`0x${'12'.repeat(32)}`, /No block has this hash, and no extrinsic in the last \d+ blocks \(#\d+–#\d+\) has it/],
  ]
  for (const [text, message] of cases) {
    const box = await search(page, text)
    await expect(box.getByRole('alert')).toHaveText(message)
    await expect(field).toHaveValue(text)
    await expect(field).toHaveAttribute('aria-invalid', 'true')
  }
  // the latest blocks stay listed below the message
  await expect(page.getByRole('table', { name: 'Latest blocks' }).locator('tbody tr').first()).toHaveAttribute('data-block', String(await bestNumber()))
  expect(errors).toEqual([])
})
