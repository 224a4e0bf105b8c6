// Journey: connect a wallet (a test extension holding //Bob, keys in this process), stake 1 τ with the default 0.5 % limit, see the
// lifecycle reach Finalized, the position and the balance change; unstake it; a refused transaction shows the chain's reason in words,
// and an amount beyond the balance is refused in place without any signature request. The test starts its own devnet.
import { expect, test, type ConsoleMessage, type Page } from '@playwright/test'
import { liftNetworkRateLimit, setupSubnet, startTestChain, type TestChain } from '../src/chain/testing/devnet.ts'
import { getBalance } from '../src/chain/actions/getBalance.ts'
import { installTestExtension } from '../src/wallet/testing/injectTestExtension.ts'

let chain: TestChain
let netuid: number
let validator: string
let second: number

test.beforeAll(async () => {
  chain = await startTestChain()
  const subnet = await setupSubnet(chain, chain.alice, { name: 'stakejourney', hotkeys: 1 })
  netuid = subnet.netuid
  validator = subnet.hotkeys[1]!.address
  await liftNetworkRateLimit(chain)
  second = (await setupSubnet(chain, chain.alice, { name: 'swapjourney', hotkeys: 1 })).netuid
})
test.afterAll(() => chain?.close())

async function openWithWallet(page: Page) {
  const errors: string[] = []
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'error') errors.push(m.text())
  })
  page.on('pageerror', (e) => errors.push(e.message))
  const wallet = await installTestExtension(page, [{ suri: '//Bob', name: 'Bob (test coldkey)' }])
  await page.addInitScript((url) => {
    localStorage.setItem('webtensor.session', JSON.stringify({ state: { network: 'custom', customUrl: url, account: undefined }, version: 1 }))
  }, chain.devnet.url)
  await page.goto('/wallet')
  await page.getByRole('button', { name: 'Connect wallet' }).click()
  const accounts = page.getByRole('list', { name: 'Wallet accounts' })
  await expect(accounts).toContainText(chain.bob.address)
  await accounts.getByRole('button', { name: 'Use Bob (test coldkey)' }).click()
  await expect(page.getByRole('banner').getByRole('button', { name: new RegExp(`${chain.bob.address.slice(0, 6)}…${chain.bob.address.slice(-6)}`) })).toBeVisible()
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Stake', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Stake')
  const form = page.getByRole('form', { name: 'Stake' })
  await expect(form.getByLabel('Subnet', { exact: true }).locator(`option[value="${netuid}"]`)).toHaveCount(1)
  await form.getByLabel('Subnet', { exact: true }).selectOption(String(netuid))
  await expect(form.getByLabel('Validator', { exact: true }).locator(`option[value="${validator}"]`)).toHaveCount(1)
  await form.getByLabel('Validator', { exact: true }).selectOption(validator)
  return { wallet, form, errors }
}

const freeText = async (page: Page) => (await page.getByTestId('free-balance').textContent()) ?? ''

test('stake 1 τ with the default 0.5 % limit, see it finalized with the position and balance; then unstake it', async ({ page }) => {
  const { wallet, form, errors } = await openWithWallet(page)
  await expect(page.getByTestId('free-balance')).toHaveText(/τ$/)
  const before = await freeText(page)
  await expect(form.getByLabel('Slippage tolerance (%)')).toHaveValue('0.5')
  await form.getByLabel('Amount (τ)').fill('1')
  const preview = page.getByLabel('Swap preview').getByRole('definition').first()
  await expect(page.getByLabel('Swap preview')).toContainText('Price impact')
  await expect(preview).toHaveText(/^[\d,.]+ /)
  await form.getByRole('button', { name: 'Stake' }).click()
  await expect(page.getByRole('status', { name: 'Transaction' })).toContainText('Stake: Finalized', { timeout: 30_000 })
  expect(wallet.requests).toHaveLength(1)
  const row = page.getByRole('table', { name: 'Positions' }).locator(`tr[data-hotkey="${validator}"][data-netuid="${netuid}"]`)
  await expect(row).toBeVisible()
  await expect(page.getByTestId('free-balance')).not.toHaveText(before)
  const afterStake = await freeText(page)
  // the chain agrees: Bob paid at least 1 τ
  const onChain = await getBalance(chain.client, { address: chain.bob.address })
  expect(onChain.free).toBeLessThan(1_000_000n * 1_000_000_000n - 1_000_000_000n)

  await row.getByRole('button', { name: 'Unstake' }).click()
  await expect(page.getByRole('status', { name: 'Transaction' })).toContainText('Unstake: Finalized', { timeout: 30_000 })
  expect(wallet.requests).toHaveLength(2)
  await expect(page.getByTestId('free-balance')).not.toHaveText(afterStake)
  await expect(row).toHaveCount(0)
  expect(errors).toEqual([])
})

test('a refused transaction shows its reason; an amount beyond the balance is refused in place without a signature request', async ({ page }) => {
  const { wallet, form } = await openWithWallet(page)
  // 100 τ into the small pool moves the price far beyond 0.5 %: the chain refuses with SlippageTooHigh.
  await form.getByLabel('Amount (τ)').fill('100')
  await expect(page.getByLabel('Swap preview')).toBeVisible()
  await form.getByRole('button', { name: 'Stake' }).click()
  await expect(page.getByRole('alert', { name: 'Transaction error' })).toContainText('Slippage too high', { timeout: 30_000 })
  const signed = wallet.requests.length

  // More than Bob holds: refused in place, the form keeps its values, nothing is signed.
  await form.getByLabel('Amount (τ)').fill('5000000')
  await expect(page.getByRole('alert', { name: 'Amount error' })).toContainText('is more than your free balance')
  await form.getByRole('button', { name: 'Stake' }).click()
  await expect(form.getByLabel('Amount (τ)')).toHaveValue('5000000')
  await expect(form.getByLabel('Subnet', { exact: true })).toHaveValue(String(netuid))
  await expect(form.getByLabel('Validator', { exact: true })).toHaveValue(validator)

  // A malformed amount: src/chain's parse error, in place.
  await form.getByLabel('Amount (τ)').fill('1,5')
  await expect(page.getByRole('alert', { name: 'Amount error' })).toContainText('use a dot for decimals')
  await form.getByRole('button', { name: 'Stake' }).click()
  // Below the minimum stake.
  await form.getByLabel('Amount (τ)').fill('0.001')
  await expect(page.getByRole('alert', { name: 'Amount error' })).toContainText('minimum stake')
  await form.getByRole('button', { name: 'Stake' }).click()
  await page.waitForTimeout(300)
  expect(wallet.requests).toHaveLength(signed)
})

test('the header menu shows the account; a rejected signature is said in place and the form keeps its values', async ({ page }) => {
  const { wallet, form } = await openWithWallet(page)
  const menuButton = page.getByRole('banner').getByRole('button', { name: /Bob \(test coldkey\)/ })
  await menuButton.click()
  const menu = page.getByRole('menu', { name: 'Account' })
  await expect(menu).toContainText('free')
  await expect(menu.getByTestId('header-balance')).toHaveText(/τ$/)
  await expect(menu.getByRole('menuitem', { name: 'Disconnect' })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(menu).toHaveCount(0)

  // the validator table offers take and the estimated return
  await form.getByText('Compare validators').click()
  await expect(form.getByRole('table', { name: 'Validators on this subnet' })).toContainText('18.00% (default)')
  await expect(page.getByLabel('Chosen validator')).toContainText('Take18.00%')

  await form.getByLabel('Amount (τ)').fill('1')
  await expect(page.getByLabel('Swap preview')).toBeVisible()
  wallet.rejectNext()
  await form.getByRole('button', { name: 'Stake' }).click()
  await expect(page.getByRole('alert', { name: 'Transaction error' })).toContainText('rejected', { timeout: 30_000 })
  await expect(form.getByLabel('Amount (τ)')).toHaveValue('1')
  await expect(form.getByLabel('Validator', { exact: true })).toHaveValue(validator)
  await expect(page.getByRole('table', { name: 'Positions' }).locator(`tr[data-hotkey="${validator}"][data-netuid="${netuid}"]`)).toHaveCount(0)
})

test('unstake part of a position in α; swap it to another subnet with a limit; a cross-subnet move warns that the chain takes no limit; transfer to another coldkey', async ({ page }) => {
  const { form } = await openWithWallet(page)
  await form.getByLabel('Amount (τ)').fill('2')
  await form.getByRole('button', { name: 'Stake' }).click()
  await expect(page.getByRole('status', { name: 'Transaction' })).toContainText('Stake: Finalized', { timeout: 30_000 })
  const position = page.getByRole('table', { name: 'Positions' }).locator(`tr[data-hotkey="${validator}"][data-netuid="${netuid}"]`)
  await expect(position).toBeVisible()

  // unstake 0.5 α: the amount is in α, the preview says how much τ comes back
  await form.getByLabel('Unstake', { exact: false }).check()
  await expect(page.getByTestId('position-stake')).not.toHaveText('none')
  await form.getByLabel('Amount (α)').fill('0.5')
  await expect(page.getByLabel('Swap preview')).toContainText('τ')
  await form.getByRole('button', { name: 'Unstake' }).click()
  await expect(page.getByRole('status', { name: 'Transaction' })).toContainText('Unstake: Finalized', { timeout: 30_000 })
  // more than the position is refused in place
  await form.getByLabel('Amount (α)').fill('1000')
  await expect(page.getByRole('alert', { name: 'Amount error' })).toContainText('is more than your stake with this validator')

  // swap the rest to the second subnet, with the limit
  await position.getByRole('button', { name: 'Move…' }).click()
  const move = page.getByRole('form', { name: 'Move stake' })
  await move.getByLabel('Destination subnet').selectOption(String(second))
  await expect(page.getByRole('note', { name: 'No price limit' })).toContainText('no price limit for move_stake')
  await expect(page.getByLabel('Move preview')).toContainText('Sold for')
  await move.getByLabel('Swap to another subnet').check()
  await expect(page.getByRole('note', { name: 'No price limit' })).toHaveCount(0)
  await expect(move.getByLabel('Slippage tolerance (%)')).toHaveValue('0.5')
  await move.getByRole('button', { name: 'Swap stake' }).click()
  await expect(page.getByRole('status', { name: 'Transaction' })).toContainText('Swap stake: Finalized', { timeout: 30_000 })
  await expect(position).toHaveCount(0)
  const swapped = page.getByRole('table', { name: 'Positions' }).locator(`tr[data-hotkey="${validator}"][data-netuid="${second}"]`)
  await expect(swapped).toBeVisible()

  // transfer it to Alice on the same subnet: a malformed address is refused in place first
  await swapped.getByRole('button', { name: 'Move…' }).click()
  await move.getByLabel('Transfer to another coldkey').check()
  await move.getByLabel('Destination coldkey').fill(chain.alice.address.slice(0, -1) + 'x')
  await expect(page.getByRole('alert', { name: 'Move error' })).toContainText('checksum')
  await move.getByLabel('Destination coldkey').fill(chain.alice.address)
  await move.getByRole('button', { name: 'Transfer stake' }).click()
  await expect(page.getByRole('status', { name: 'Transaction' })).toContainText('Transfer stake: Finalized', { timeout: 30_000 })
  await expect(swapped).toHaveCount(0)
})
