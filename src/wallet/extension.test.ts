// The extension module against a fake `window.injectedWeb3` in Node: accounts in SS58 42, failures in words, signing through the test extension.
import type { Injected, InjectedAccount, InjectedWindowProvider } from '@polkadot/extension-inject/types'
import type { SignerPayloadJSON } from '@polkadot/types/types'
import { u8aToHex } from '@polkadot/util'
import { encodeAddress, signatureVerify } from '@polkadot/util-crypto'
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest'
import { BEST, BEST_HASH, GENESIS_HASH, registry, transferKeepAlive } from '../runtime/extrinsic/polkadotJsFixtures.ts'
import { connectExtensions, disconnectExtensions, getExtensionSigner, watchExtensionAccounts } from './extension.ts'
import { signingPayload } from './keyringSigner.ts'
import { exposeTestSigner, injectTestExtension, testAccounts, testKeyPairs, TEST_EXTENSION_GLOBAL } from './testing/injectTestExtension.ts'
import { WalletError } from './types.ts'

const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY'
const BOB = '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty'

type FakeWindow = typeof globalThis & { injectedWeb3?: Record<string, InjectedWindowProvider>; [key: string]: unknown }
const win = globalThis as FakeWindow

beforeAll(() => {
  // @polkadot/extension-dapp reads `window` and waits for `document.readyState`; in Node the global object plays the window.
  vi.stubGlobal('window', globalThis)
  vi.stubGlobal('document', { readyState: 'complete' })
  vi.spyOn(console, 'info').mockImplementation(() => {})
  vi.spyOn(console, 'error').mockImplementation(() => {})
})

// test files share a process: leave no fake window, document or console behind
afterAll(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

afterEach(() => {
  disconnectExtensions()
  delete win.injectedWeb3
  delete win.webtensorTestSign
  delete win[TEST_EXTENSION_GLOBAL]
})

/** An extension as it injects itself: `{ enable: (origin) => Promise<Injected>, version }`. */
function fakeExtension(accounts: InjectedAccount[], options: { refuse?: boolean } = {}): InjectedWindowProvider {
  const injected: Injected = {
    accounts: { get: async () => accounts, subscribe: (cb) => (void cb(accounts), () => {}) },
    signer: { signPayload: async () => Promise.reject(new Error('Cancelled')) },
  }
  return {
    enable: async () => (options.refuse ? Promise.reject(new Error('Rejected')) : injected),
    version: '1.0.0',
  }
}

async function walletError(promise: Promise<unknown>): Promise<WalletError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  if (!(error instanceof WalletError)) throw new Error(`expected a WalletError, got ${String(error)}`)
  return error
}

describe('finding extensions', () => {
  test('with nothing injected, says that no extension is installed', async () => {
    const error = await walletError(connectExtensions())
    expect(error.code).toBe('no-extension')
    expect(error.message).toBe(
      'No wallet extension found in this browser. Install polkadot{.js}, Talisman, SubWallet or the Bittensor wallet, let it see this site, then reload the page.',
    )
  })

  test('when the user rejects the access request, says so and names the extension', async () => {
    win.injectedWeb3 = { 'polkadot-js': fakeExtension([], { refuse: true }) }
    const error = await walletError(connectExtensions())
    expect(error.code).toBe('access-rejected')
    expect(error.message).toBe(
      'polkadot{.js} did not give webtensor access to its accounts (the request was rejected). Open the extension, allow webtensor on this site, and try again.',
    )
  })

  test('when access is given but no account is shared, says so', async () => {
    win.injectedWeb3 = { talisman: fakeExtension([{ address: '0x' + '11'.repeat(20), name: 'EVM', type: 'ethereum' }]) }
    const error = await walletError(connectExtensions())
    expect(error.code).toBe('no-accounts')
    expect(error.message).toMatch(/^Talisman shared no accounts with webtensor\. Create or import a coldkey/)
  })

  test('lists every extension with its accounts, addresses re-encoded to SS58 42, Ethereum accounts left out', async () => {
    const alicePublic = registry.createType('AccountId', ALICE).toU8a()
    const bobPublic = registry.createType('AccountId', BOB).toU8a()
    win.injectedWeb3 = {
      talisman: fakeExtension([
        { address: encodeAddress(alicePublic, 0), name: 'Alice on Polkadot', type: 'sr25519' }, // 15oF4u…
        { address: '0x' + '22'.repeat(20), name: 'EVM account', type: 'ethereum' },
      ]),
      'subwallet-js': fakeExtension([{ address: encodeAddress(bobPublic, 2), name: '  ', type: 'ed25519' }]), // Kusama prefix, no name
      'polkadot-js': fakeExtension([], { refuse: true }),
    }
    const connected = await connectExtensions()
    expect(connected.refused).toEqual(['polkadot{.js}'])
    expect(connected.extensions.map((e) => ({ source: e.source, name: e.name, version: e.version, accounts: e.accounts.map((a) => a.address) }))).toEqual([
      { source: 'talisman', name: 'Talisman', version: '1.0.0', accounts: [ALICE] },
      { source: 'subwallet-js', name: 'SubWallet', version: '1.0.0', accounts: [BOB] },
    ])
    expect(connected.accounts.map(({ signer, ...rest }) => rest)).toEqual([
      { address: ALICE, name: 'Alice on Polkadot', source: 'extension:talisman', type: 'sr25519' },
      { address: BOB, name: '5FHneW…M694ty', source: 'extension:subwallet-js', type: 'ed25519' },
    ])
  })
})

describe('signing through the test extension (keys stay in the test process)', () => {
  async function install(options: { refuseAccess?: boolean } = {}) {
    const pairs = await testKeyPairs([
      { suri: '//Alice', name: 'Alice (test)' },
      { suri: 'bottom drive obey lake curtain smoke basket hold race lonely fit walk//webtensor', name: 'Mnemonic key', type: 'ed25519' },
    ])
    // The page's side, exactly as page.addInitScript would run it; `exposeFunction` puts the callback on the window.
    new Function(injectTestExtension({ accounts: testAccounts(pairs), ...options }))()
    const control = await exposeTestSigner({ exposeFunction: async (name, callback) => void (win[name] = callback) }, pairs)
    return { pairs, control }
  }

  function payloadFor(address: string): SignerPayloadJSON {
    return registry
      .createType('SignerPayload', {
        address,
        method: transferKeepAlive(10n ** 9n),
        blockHash: BEST_HASH,
        blockNumber: BEST,
        era: registry.createType('ExtrinsicEra', { current: BEST, period: 64 }),
        genesisHash: GENESIS_HASH,
        nonce: 1,
        runtimeVersion: { specVersion: 224, transactionVersion: 1 },
        signedExtensions: registry.signedExtensions,
        version: 4,
      })
      .toPayload()
  }

  test('the extension registers like a real one, and its accounts are listed', async () => {
    const { pairs } = await install()
    expect(Object.keys(win.injectedWeb3!)).toEqual(['polkadot-js'])
    expect(win.injectedWeb3!['polkadot-js']).toEqual({ enable: expect.any(Function), version: '0.63.1-webtensor-test' })
    const { accounts } = await connectExtensions()
    expect(accounts.map((a) => [a.address, a.name, a.source, a.type])).toEqual([
      [ALICE, 'Alice (test)', 'extension:polkadot-js', 'sr25519'],
      [pairs[1]!.address, 'Mnemonic key', 'extension:polkadot-js', 'ed25519'],
    ])
    expect((win[TEST_EXTENSION_GLOBAL] as { origins: string[] }).origins).toEqual(['webtensor'])
  })

  test.each([0, 1])('the signer for account %i signs a payload that verifies', async (index) => {
    const { pairs, control } = await install()
    await connectExtensions()
    const address = pairs[index]!.address
    const signer = await getExtensionSigner(address)
    const payload = payloadFor(address)
    const { signature } = await signer.signPayload!(payload)
    expect(signatureVerify(signingPayload(payload).toU8a({ method: true }), signature, address).isValid).toBe(true)
    expect(control.requests).toEqual([{ kind: 'payload', payload }])
  })

  test('a rejected signature request is reported in words', async () => {
    const { control } = await install()
    await connectExtensions()
    control.rejectNext()
    const signer = await getExtensionSigner(ALICE)
    const error = await walletError(signer.signPayload!(payloadFor(ALICE)))
    expect(error.code).toBe('signing-rejected')
    expect(error.message).toBe('The signature request was rejected in polkadot{.js}; nothing was sent.')
    // The next request goes through.
    expect((await signer.signRaw!({ address: ALICE, data: u8aToHex(new TextEncoder().encode('hi')), type: 'bytes' })).signature).toMatch(/^0x/)
  })

  test('an address no extension holds has no signer, said in words', async () => {
    await install()
    const error = await walletError(getExtensionSigner(BOB))
    expect(error.code).toBe('unknown-account')
    expect(error.message).toBe(`No connected extension holds ${BOB}. Share that account with webtensor in its extension, or pick another.`)
  })

  test('a refused access request from the test extension is reported', async () => {
    await install({ refuseAccess: true })
    expect((await walletError(connectExtensions())).code).toBe('access-rejected')
  })

  test('account changes in the extension reach the watcher, until it stops watching', async () => {
    const { pairs } = await install()
    const seen: string[][] = []
    const unwatch = await watchExtensionAccounts((accounts) => seen.push(accounts.map((a) => a.name)))
    await vi.waitFor(() => expect(seen).toEqual([['Alice (test)', 'Mnemonic key']]))
    const control = win[TEST_EXTENSION_GLOBAL] as { setAccounts(accounts: InjectedAccount[]): void }
    control.setAccounts(testAccounts(pairs.slice(1)))
    expect(seen.at(-1)).toEqual(['Mnemonic key'])
    unwatch()
    control.setAccounts([])
    expect(seen).toHaveLength(2)
  })
})
