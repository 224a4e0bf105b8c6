// Journey: connect a wallet (a test extension holding //Bob, keys in this process), stake 1 τ with the default 0.5 % limit, see the
// lifecycle reach Finalized, the position and the balance change; unstake it; a refused transaction shows the chain's reason in words,
// and an amount beyond the balance is refused in place without any signature request. The test starts its own devnet.
import { expect, test, type ConsoleMessage, type Page } from '@playwright/test'
import { setupSubnet, startTestChain, type TestChain } from '../src/chain/testing/devnet.ts'
import { getBalance } from '../src/chain/actions/getBalance.ts'
import { installTestExtension } from '../src/wallet/testing/injectTestExtension.ts'

let chain: TestChain
let netuid: number
let validator: string

test.beforeAll(async () => {
  chain = await startTestChain()
  const subnet = await setupSubnet(chain, chain.alice, { name: 'stakejourney', hotkeys: 1 })
  netuid = subnet.netuid
  validator = subnet.hotkeys[1]!.address
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
  await expect(page.getByRole('banner').getByRole('link', { name: `${chain.bob.address.slice(0, 6)}…${chain.bob.address.slice(-6)}` })).toBeVisible()
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Stake', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Stake')
  const form = page.getByRole('form', { name: 'Stake' })
  await expect(form.getByLabel('Subnet').locator(`option[value="${netuid}"]`)).toHaveCount(1)
  await form.getByLabel('Subnet').selectOption(String(netuid))
  await expect(form.getByLabel('Validator').locator(`option[value="${validator}"]`)).toHaveCount(1)
  await form.getByLabel('Validator').selectOption(validator)
  return { wallet, form, errors }
}

const freeText = async (page: Page) => (await page.getByTestId('free-balance').textContent()) ?? ''

test('stake 1 τ with the default 0.5 % limit, see it finalized with the position and balance; then unstake it', async ({ page }) => {
  const { wallet, form, errors } = await openWithWallet(page)
  await expect(page.getByTestId('free-balance')).toHaveText(/τ$/)
  const before = await freeText(page)
  await expect(form.getByLabel('Slippage tolerance (%)')).toHaveValue('0.5')
  await form.getByLabel('Amount (τ)').fill('1')
  const preview = page.getByRole('definition').first()
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
  await expect(form.getByLabel('Subnet')).toHaveValue(String(netuid))
  await expect(form.getByLabel('Validator')).toHaveValue(validator)

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
