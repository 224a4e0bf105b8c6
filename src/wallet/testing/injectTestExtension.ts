// A fake wallet extension for Playwright: registered in the page's `window.injectedWeb3` like a real one, signing in the test process.
// The page gets addresses and a signer whose `signPayload` calls back into the test process through
// `page.exposeFunction('webtensorTestSign', …)`; the keys (mnemonics, //URIs) never enter the page.
import type { Signer, SignerResult } from '@polkadot/api/types'
import type { Injected, InjectedAccount, InjectedWindowProvider } from '@polkadot/extension-inject/types'
import type { KeyringPair } from '@polkadot/keyring/types'
import type { SignerPayloadJSON, SignerPayloadRaw } from '@polkadot/types/types'
import type { KeypairType } from '@polkadot/util-crypto/types'

/** The page function the test extension's signer calls; the test process answers it. */
export const TEST_SIGN_FUNCTION = 'webtensorTestSign'
/** Where the page finds the test extension's controls (`setAccounts`, `origins`). */
export const TEST_EXTENSION_GLOBAL = 'webtensorTestExtension'

export type TestKey = {
  /** A secret URI as the keyring takes it: `//Alice`, a mnemonic, or a mnemonic with a derivation path. */
  suri: string
  /** The account's name in the extension. */
  name: string
  type?: 'sr25519' | 'ed25519'
}

export type TestExtensionOptions = {
  /** The accounts the extension shares (addresses only). */
  accounts: InjectedAccount[]
  /** The name it injects itself under; `polkadot-js` by default, as the polkadot.js extension does. */
  name?: string
  version?: string
  /** Refuse `enable()`, as an extension does when the user rejects the site's access request. */
  refuseAccess?: boolean
}

export type TestSignRequest = { kind: 'payload'; payload: SignerPayloadJSON } | { kind: 'raw'; raw: SignerPayloadRaw }

type PageConfig = Required<Omit<TestExtensionOptions, 'refuseAccess'>> & { refuseAccess: boolean; signFunction: string; global: string }

/**
 * Runs in the page (serialized by `injectTestExtension`): self-contained, no imports, no closures over module scope.
 * Registers `{ enable: (origin) => Promise<Injected>, version }` under `injectedWeb3[name]`, exactly what
 * @polkadot/extension-inject's `injectExtension(enable, { name, version })` does.
 */
function installInPage(config: PageConfig): void {
  type Listener = (accounts: InjectedAccount[]) => void | Promise<void>
  const win = window as unknown as Record<string, unknown> & { injectedWeb3?: Record<string, InjectedWindowProvider> }
  let accounts = config.accounts
  const listeners = new Set<Listener>()
  const origins: string[] = []
  const sign = (request: TestSignRequest): Promise<SignerResult> => {
    const callback = win[config.signFunction] as ((request: TestSignRequest) => Promise<SignerResult>) | undefined
    if (!callback) return Promise.reject(new Error(`${config.name}: the test process did not expose ${config.signFunction}`))
    return callback(request)
  }
  const signer: Signer = {
    signPayload: (payload) => sign({ kind: 'payload', payload }),
    signRaw: (raw) => sign({ kind: 'raw', raw }),
  }
  const injected: Injected = {
    accounts: {
      get: () => Promise.resolve(accounts),
      subscribe: (cb) => {
        listeners.add(cb)
        void Promise.resolve().then(() => cb(accounts))
        return () => {
          listeners.delete(cb)
        }
      },
    },
    signer,
  }
  win.injectedWeb3 = win.injectedWeb3 || {}
  win.injectedWeb3[config.name] = {
    enable: (origin: string) => {
      origins.push(origin)
      return config.refuseAccess
        ? Promise.reject(new Error(`${origin} is not allowed to interact with this extension`))
        : Promise.resolve(injected)
    },
    version: config.version,
  }
  win[config.global] = {
    origins,
    /** Replaces the shared accounts, as when the user adds or removes one in the extension. */
    setAccounts(next: InjectedAccount[]) {
      accounts = next
      listeners.forEach((cb) => void cb(accounts))
    },
  }
}

/**
 * The script for `page.addInitScript(script)` that registers the test extension in `window.injectedWeb3` before
 * any page script runs. It holds addresses only; pair it with `exposeTestSigner(page, pairs)`.
 */
export function injectTestExtension(options: TestExtensionOptions): string {
  const config: PageConfig = {
    accounts: options.accounts,
    name: options.name ?? 'polkadot-js',
    version: options.version ?? '0.63.1-webtensor-test',
    refuseAccess: options.refuseAccess ?? false,
    signFunction: TEST_SIGN_FUNCTION,
    global: TEST_EXTENSION_GLOBAL,
  }
  return `(${installInPage.toString()})(${JSON.stringify(config)});`
}

/** Keyring pairs for the test process (SS58 42), made from secret URIs; these are what `exposeTestSigner` signs with. */
export async function testKeyPairs(keys: TestKey[]): Promise<KeyringPair[]> {
  const [{ Keyring }, { cryptoWaitReady }] = await Promise.all([import('@polkadot/keyring'), import('@polkadot/util-crypto')])
  await cryptoWaitReady()
  const keyring = new Keyring({ ss58Format: 42 })
  return keys.map((k) => keyring.addFromUri(k.suri, { name: k.name }, k.type ?? 'sr25519'))
}

/** The accounts to list in `injectTestExtension` for these pairs. */
export function testAccounts(pairs: KeyringPair[]): InjectedAccount[] {
  return pairs.map((p) => ({ address: p.address, name: String(p.meta.name ?? ''), type: p.type as KeypairType }))
}

export type TestSignerControl = {
  /** Every request the page made, in order (signed or not). */
  requests: TestSignRequest[]
  /** The next request is refused with `reason` ("Cancelled", as the polkadot.js extension says when the user declines). */
  rejectNext(reason?: string): void
}

type ExposesFunctions = { exposeFunction(name: string, callback: (...args: never[]) => unknown): Promise<unknown> }

/**
 * The test process's side: answers the page's `webtensorTestSign` calls by signing with `pairs` (@polkadot/keyring),
 * as the polkadot.js extension signs. Call before `page.goto`. Unknown addresses are refused.
 */
export async function exposeTestSigner(page: ExposesFunctions, pairs: KeyringPair[]): Promise<TestSignerControl> {
  const { signPayloadWithPair, signRawWithPair, sameAccount } = await import('../keyringSigner.ts')
  const requests: TestSignRequest[] = []
  const refusals: string[] = []
  let id = 0
  await page.exposeFunction(TEST_SIGN_FUNCTION, async (request: TestSignRequest): Promise<SignerResult> => {
    requests.push(request)
    const refusal = refusals.shift()
    if (refusal !== undefined) throw new Error(refusal)
    const address = request.kind === 'payload' ? request.payload.address : request.raw.address
    const pair = pairs.find((p) => sameAccount(p.address, address))
    if (!pair) throw new Error(`Unable to find a key for ${address} in the test extension`)
    const signature = request.kind === 'payload' ? signPayloadWithPair(pair, request.payload) : signRawWithPair(pair, request.raw)
    return { id: ++id, signature }
  })
  return {
    requests,
    rejectNext(reason = 'Cancelled') {
      refusals.push(reason)
    },
  }
}

/** Everything in one call: keys → pairs, the extension injected into every page of `page`, and the signer exposed. */
export async function installTestExtension(
  page: ExposesFunctions & { addInitScript(script: string): Promise<unknown> },
  keys: TestKey[],
  options: Omit<TestExtensionOptions, 'accounts'> = {},
): Promise<TestSignerControl & { pairs: KeyringPair[]; accounts: InjectedAccount[] }> {
  const pairs = await testKeyPairs(keys)
  const accounts = testAccounts(pairs)
  const control = await exposeTestSigner(page, pairs)
  await page.addInitScript(injectTestExtension({ ...options, accounts }))
  return { ...control, pairs, accounts }
}
