// Journey: the Mine page before mining starts. A newcomer sees whether mining on the subnet can pay, makes a hotkey in the browser
// (12 words shown once, kept encrypted with a passphrase), exports its backup, locks and unlocks it (a wrong passphrase is refused in
// place), and registers it with register_limit signed by the test extension's coldkey; the page then shows the hotkey's UID.
import { expect, test } from '@playwright/test'
import { readFile } from 'node:fs/promises'
import { setupSubnet, startTestChain, type TestChain } from '../src/chain/testing/devnet.ts'
import { installTestExtension } from '../src/wallet/testing/injectTestExtension.ts'

let chain: TestChain
let netuid: number

test.beforeAll(async () => {
  chain = await startTestChain()
  netuid = (await setupSubnet(chain, chain.alice, { name: 'minejourney', hotkeys: 1 })).netuid
})
test.afterAll(() => chain?.close())

test('see whether to mine, make a hotkey, back it up, unlock it, and register it', async ({ page }) => {
  const wallet = await installTestExtension(page, [{ suri: '//Bob', name: 'Bob (test coldkey)' }])
  await page.addInitScript((url) => {
    localStorage.setItem('webtensor.session', JSON.stringify({ state: { network: 'custom', customUrl: url, account: undefined }, version: 1 }))
  }, chain.devnet.url)
  await page.goto('/wallet')
  await page.getByRole('button', { name: 'Connect wallet' }).click()
  await page.getByRole('list', { name: 'Wallet accounts' }).getByRole('button', { name: 'Use Bob (test coldkey)' }).click()
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Mine', exact: true }).click()
  await page.getByLabel('Subnet', { exact: true }).selectOption(String(netuid))

  const advice = page.getByRole('region', { name: 'Should I mine here?' })
  await expect(advice).toContainText('Registration burn')
  await expect(advice).toContainText('UIDs are free: registering takes one and prunes nobody.')
  await expect(advice).toContainText('No miner here earns incentive yet')

  // a hotkey: mismatched passphrases first, then a good one
  const create = page.getByRole('form', { name: 'Create a hotkey' })
  await create.getByLabel('Passphrase').fill('correct horse battery')
  await create.getByLabel('Repeat').fill('correct horse batterx')
  await create.getByRole('button', { name: 'Create hotkey' }).click()
  await expect(create.getByRole('alert')).toHaveText('The two passphrases differ.')
  await create.getByLabel('Repeat').fill('correct horse battery')
  await create.getByRole('button', { name: 'Create hotkey' }).click()
  const words = (await page.getByTestId('mnemonic').textContent({ timeout: 60_000 }))!.split(' ')
  expect(words).toHaveLength(12)
  await page.getByRole('button', { name: 'I have written them down' }).click()
  await expect(page.getByTestId('mnemonic')).toHaveCount(0)
  const row = page.getByRole('list', { name: 'Hotkeys in this browser' }).getByRole('listitem')
  await expect(row).toHaveCount(1)
  await expect(row).toContainText('unlocked')
  const hotkey = (await row.getAttribute('data-address'))!

  // the backup is a polkadot-js JSON file for this address
  const download = page.waitForEvent('download')
  await row.getByRole('button', { name: 'Export backup' }).click()
  const json = JSON.parse(await readFile((await (await download).path())!, 'utf8'))
  expect(json).toMatchObject({ address: hotkey, encoding: { content: ['pkcs8', 'sr25519'] } })

  // lock, a wrong passphrase, the right one
  await row.getByRole('button', { name: 'Lock' }).click()
  await row.getByLabel('Passphrase').fill('wrong passphrase')
  await row.getByRole('button', { name: 'Unlock' }).click()
  await expect(row.getByRole('alert')).toHaveText('That passphrase does not unlock this hotkey.', { timeout: 60_000 })
  await row.getByLabel('Passphrase').fill('correct horse battery')
  await row.getByRole('button', { name: 'Unlock' }).click()
  await expect(row).toContainText('unlocked', { timeout: 60_000 })

  // register it: Bob's coldkey pays, with the 1 % limit
  const registration = page.getByRole('region', { name: 'Registration' })
  await expect(registration).toContainText('the chain refuses if it rises above')
  await registration.getByRole('button', { name: /^Register for/ }).click()
  await expect(page.getByRole('status', { name: 'Transaction' })).toContainText('Register: Finalized', { timeout: 30_000 })
  await expect(page.getByTestId('registered')).toContainText(`Your hotkey holds UID 2 on subnet ${netuid}`)
  expect(wallet.requests).toHaveLength(1)
})
