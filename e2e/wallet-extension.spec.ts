// Journey: a page connects a browser wallet (a test extension injected into window.injectedWeb3, keys held by the test process) and signs.
// The page is src/wallet/extension.ts bundled with esbuild and served on a routed origin, so this runs in real Chromium
// with @polkadot/extension-dapp's own web3Enable / web3Accounts / web3FromAddress, and nothing else of the app.
import { expect, test, type Page } from '@playwright/test'
import { TypeRegistry } from '@polkadot/types'
import type { SignerPayloadJSON } from '@polkadot/types/types'
import { blake2AsU8a, signatureVerify } from '@polkadot/util-crypto'
import { build } from 'esbuild'
import { fileURLToPath } from 'node:url'
import { SUBTENSOR_USER_EXTENSIONS } from '../src/wallet/keyringSigner.ts'
import { installTestExtension, injectTestExtension, TEST_EXTENSION_GLOBAL, type TestKey } from '../src/wallet/testing/injectTestExtension.ts'

const ORIGIN = 'http://wallet.webtensor.test'
const KEYS: TestKey[] = [
  { suri: '//Alice', name: 'Alice (test coldkey)' },
  { suri: 'bottom drive obey lake curtain smoke basket hold race lonely fit walk//webtensor//0', name: 'Mnemonic coldkey' },
]
const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY'

// A tiny page: a Connect button, the shared accounts as a list, errors in an alert, and the wallet module on `window.wallet`.
const PAGE_ENTRY = `
import { connectExtensions, getExtensionSigner, watchExtensionAccounts } from './src/wallet/extension.ts'
const list = document.querySelector('ul'), alert = document.querySelector('[role=alert]')
const show = (accounts) => list.replaceChildren(...accounts.map((a) => Object.assign(document.createElement('li'), { textContent: a.name + ' ' + a.address + ' ' + a.source })))
document.querySelector('button').onclick = async () => {
  alert.textContent = ''
  try { show((await connectExtensions()).accounts); await watchExtensionAccounts(show) } catch (e) { alert.textContent = e.message }
}
window.wallet = {
  async sign(address, payload) {
    try { return { ok: true, result: await (await getExtensionSigner(address)).signPayload(payload) } }
    catch (e) { return { ok: false, code: e.code, message: e.message } }
  },
}
`
const HTML = `<!doctype html><title>wallet test</title><button>Connect</button><ul aria-label="Accounts"></ul><p role="alert"></p><script type="module" src="/wallet.js"></script>`

let bundle = ''
test.beforeAll(async () => {
  const result = await build({
    stdin: { contents: PAGE_ENTRY, resolveDir: fileURLToPath(new URL('..', import.meta.url)), loader: 'js' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  })
  bundle = result.outputFiles[0]!.text
})

async function openPage(page: Page) {
  await page.route(`${ORIGIN}/**`, (route) => {
    const path = new URL(route.request().url()).pathname
    return path === '/wallet.js'
      ? route.fulfill({ contentType: 'text/javascript', body: bundle })
      : route.fulfill({ contentType: 'text/html', body: HTML })
  })
  await page.goto(`${ORIGIN}/`)
}

/** A payload as @polkadot/api hands it to `signer.signPayload` in `signAndSend(address, { signer })` against the devnet. */
function transferPayload(address: string): SignerPayloadJSON {
  return {
    address,
    method: '0x0503008eaf04151687736326c9fea17e25fc5287613693c912909cb226aa4794f26a480700e40b5402', // balances.transfer_keep_alive(//Bob, 10 TAO)
    blockHash: `0x${'22'.repeat(32)}`,
    blockNumber: '0x000003e8',
    era: new TypeRegistry().createType('ExtrinsicEra', { current: 1000, period: 64 }).toHex(),
    genesisHash: `0x${'11'.repeat(32)}`,
    nonce: '0x00000000',
    specVersion: '0x000000e0',
    tip: '0x00000000000000000000000000000000',
    transactionVersion: '0x00000001',
    mode: 0,
    signedExtensions: ['CheckNonZeroSender', 'CheckSpecVersion', 'CheckTxVersion', 'CheckGenesis', 'CheckMortality', 'CheckNonce', 'CheckWeight', 'ChargeTransactionPayment', 'SubtensorTransactionExtension', 'DrandPriority', 'CheckMetadataHash'],
    version: 4,
    withSignedTransaction: false,
  }
}

/** What the signature must cover: the SCALE payload (its blake2 hash beyond 256 bytes), built independently of the signer. */
function signedBytes(payload: SignerPayloadJSON): Uint8Array {
  const registry = new TypeRegistry()
  registry.setSignedExtensions(payload.signedExtensions, SUBTENSOR_USER_EXTENSIONS)
  const bytes = registry.createType('ExtrinsicPayload', payload, { version: payload.version }).toU8a({ method: true })
  return bytes.length > 256 ? blake2AsU8a(bytes) : bytes
}

test('the injected extension’s accounts appear, and a payload it signs verifies; the keys never enter the page', async ({ page }) => {
  const wallet = await installTestExtension(page, KEYS)
  expect(injectTestExtension({ accounts: wallet.accounts })).not.toContain('bottom drive')
  await openPage(page)
  await page.getByRole('button', { name: 'Connect' }).click()
  const items = page.getByRole('list', { name: 'Accounts' }).getByRole('listitem')
  await expect(items).toHaveText([`Alice (test coldkey) ${ALICE} extension:polkadot-js`, `Mnemonic coldkey ${wallet.pairs[1]!.address} extension:polkadot-js`])
  expect(await page.evaluate((name) => (window as unknown as Record<string, { origins: string[] }>)[name]!.origins, TEST_EXTENSION_GLOBAL)).toEqual(['webtensor'])

  for (const pair of wallet.pairs) {
    const payload = transferPayload(pair.address)
    const signed = await page.evaluate(([address, p]) => (window as any).wallet.sign(address, p), [pair.address, payload] as const)
    expect(signed.ok).toBe(true)
    expect(signatureVerify(signedBytes(payload), signed.result.signature, pair.address)).toMatchObject({ isValid: true, crypto: 'sr25519' })
  }
  expect(wallet.requests.map((r) => r.kind === 'payload' && r.payload.address)).toEqual(wallet.pairs.map((p) => p.address))

  // The user adds nothing and removes an account in the extension: the list follows.
  await page.evaluate(([name, accounts]) => (window as any)[name].setAccounts(accounts), [TEST_EXTENSION_GLOBAL, wallet.accounts.slice(0, 1)] as const)
  await expect(items).toHaveText([`Alice (test coldkey) ${ALICE} extension:polkadot-js`])
})

test('a signature the user rejects in the extension is reported in words', async ({ page }) => {
  const wallet = await installTestExtension(page, KEYS)
  await openPage(page)
  await page.getByRole('button', { name: 'Connect' }).click()
  await expect(page.getByRole('list', { name: 'Accounts' }).getByRole('listitem')).toHaveCount(2)
  wallet.rejectNext()
  const signed = await page.evaluate(([address, p]) => (window as any).wallet.sign(address, p), [ALICE, transferPayload(ALICE)] as const)
  expect(wallet.requests).toHaveLength(1)
  expect(signed).toEqual({ ok: false, code: 'signing-rejected', message: 'The signature request was rejected in polkadot{.js}; nothing was sent.' })
})

test('without an extension, or when the user refuses access, the page says so', async ({ page, context }) => {
  await openPage(page)
  await page.getByRole('button', { name: 'Connect' }).click()
  await expect(page.getByRole('alert')).toHaveText(
    'No wallet extension found in this browser. Install polkadot{.js}, Talisman, SubWallet or the Bittensor wallet, let it see this site, then reload the page.',
  )

  const refusing = await context.newPage()
  await installTestExtension(refusing, KEYS, { name: 'talisman', refuseAccess: true })
  await openPage(refusing)
  await refusing.getByRole('button', { name: 'Connect' }).click()
  await expect(refusing.getByRole('alert')).toHaveText(
    'Talisman did not give webtensor access to its accounts (the request was rejected). Open the extension, allow webtensor on this site, and try again.',
  )
  await expect(refusing.getByRole('list', { name: 'Accounts' }).getByRole('listitem')).toHaveCount(0)
})
