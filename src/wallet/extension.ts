// Coldkeys from browser wallet extensions (polkadot.js, Talisman, SubWallet, Bittensor wallet: whatever injects
// `window.injectedWeb3`) through @polkadot/extension-dapp, loaded only when the user connects. Keys stay in the
// extension; the page gets addresses and the extension's Signer.
import type { Signer } from '@polkadot/api/types'
import type { InjectedAccountWithMeta, InjectedExtension } from '@polkadot/extension-inject/types'
import type { KeypairType } from '@polkadot/util-crypto/types'
import { WalletError, type WalletAccount } from './types.ts'

/** The origin name extensions show the user when webtensor asks for access. */
export const DAPP_NAME = 'webtensor'

/** Key types that sign for an AccountId32 (MultiSignature); Ethereum-type accounts cannot hold TAO. */
export const COLDKEY_TYPES: KeypairType[] = ['sr25519', 'ed25519', 'ecdsa']

/** How the well-known extensions name themselves in `window.injectedWeb3`, and how we name them to the user. */
const KNOWN_EXTENSIONS: Record<string, string> = {
  'polkadot-js': 'polkadot{.js}',
  talisman: 'Talisman',
  'subwallet-js': 'SubWallet',
}

export function extensionDisplayName(source: string): string {
  return KNOWN_EXTENSIONS[source] ?? source
}

export type WalletExtension = {
  /** The name the extension injects itself under (`polkadot-js`, `talisman`, `subwallet-js`, …). */
  source: string
  /** The name to show the user. */
  name: string
  version: string
  accounts: WalletAccount[]
}

export type ConnectedExtensions = {
  /** Extensions that gave webtensor access, each with the accounts it shares. */
  extensions: WalletExtension[]
  /** Display names of injected extensions that refused (or failed) to give access. */
  refused: string[]
  /** Every shared account across extensions, addresses in SS58 42. */
  accounts: WalletAccount[]
}

type Dapp = typeof import('@polkadot/extension-dapp')
type Crypto = Pick<typeof import('@polkadot/util-crypto'), 'decodeAddress' | 'encodeAddress'>

type Session = { dapp: Dapp; crypto: Crypto; extensions: InjectedExtension[]; signers: Map<string, Signer> }
let session: Promise<Session> | null = null

async function loadLibraries(): Promise<{ dapp: Dapp; crypto: Crypto }> {
  const [dapp, crypto] = await Promise.all([import('@polkadot/extension-dapp'), import('@polkadot/util-crypto')])
  return { dapp, crypto }
}

/** The names in `window.injectedWeb3` right now, without asking any extension for anything (no prompt). */
export function injectedExtensionSources(): string[] {
  const injected = (globalThis as { injectedWeb3?: Record<string, { enable?: unknown; connect?: unknown }> }).injectedWeb3
  return Object.entries(injected ?? {})
    .filter(([, provider]) => Boolean(provider && (provider.enable || provider.connect)))
    .map(([source]) => source)
}

function listNames(sources: string[]): string {
  const names = sources.map(extensionDisplayName)
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`
}

/** Translates an extension's signing failure into words; "Cancelled", "Rejected by user" and the like mean the user said no. */
function signingError(error: unknown, extension: string): WalletError {
  const reason = error instanceof Error ? error.message : String(error)
  if (/cancel|reject|denied|declin|abort/i.test(reason))
    return new WalletError('signing-rejected', `The signature request was rejected in ${extension}; nothing was sent.`, { cause: error })
  return new WalletError('signing-failed', `${extension} could not sign (${reason}); nothing was sent.`, { cause: error })
}

/** The extension's signer, with its failures in words. The payload goes to the extension unchanged. */
function wordedSigner(signer: Signer, extension: string): Signer {
  return {
    signPayload: signer.signPayload
      ? async (payload) => {
          try {
            return await signer.signPayload!(payload)
          } catch (error) {
            throw signingError(error, extension)
          }
        }
      : undefined,
    signRaw: signer.signRaw
      ? async (raw) => {
          try {
            return await signer.signRaw!(raw)
          } catch (error) {
            throw signingError(error, extension)
          }
        }
      : undefined,
    update: signer.update ? (id, status) => signer.update!(id, status) : undefined,
  }
}

function toWalletAccounts(accounts: InjectedAccountWithMeta[], s: Pick<Session, 'crypto' | 'signers'>): WalletAccount[] {
  const out: WalletAccount[] = []
  for (const account of accounts) {
    const signer = s.signers.get(account.meta.source)
    if (!signer) continue
    let address: string
    try {
      address = s.crypto.encodeAddress(s.crypto.decodeAddress(account.address), 42)
    } catch {
      continue // not an SS58 address (an extension bug); nothing we could sign for
    }
    out.push({
      address,
      name: account.meta.name?.trim() || `${address.slice(0, 6)}…${address.slice(-6)}`,
      source: `extension:${account.meta.source}`,
      type: account.type,
      signer,
    })
  }
  return out
}

async function enable(): Promise<Session> {
  const { dapp, crypto } = await loadLibraries()
  // web3Enable waits for the document to finish loading (extensions inject before that), then asks each one.
  const extensions = await dapp.web3Enable(DAPP_NAME)
  const injected = injectedExtensionSources()
  if (injected.length === 0 && extensions.length === 0)
    throw new WalletError(
      'no-extension',
      'No wallet extension found in this browser. Install polkadot{.js}, Talisman, SubWallet or the Bittensor wallet, let it see this site, then reload the page.',
    )
  if (extensions.length === 0)
    throw new WalletError(
      'access-rejected',
      `${listNames(injected)} did not give webtensor access to its accounts (the request was rejected). Open the extension, allow webtensor on this site, and try again.`,
    )
  const signers = new Map(extensions.map((e) => [e.name, wordedSigner(e.signer, extensionDisplayName(e.name))]))
  return { dapp, crypto, extensions, signers }
}

/**
 * Asks every injected extension for access (each may prompt the user once), then lists the extensions with the
 * accounts they share, addresses re-encoded to SS58 42. Throws a WalletError: `no-extension`, `access-rejected`
 * (every extension refused) or `no-accounts` (access given, but no coldkey shared).
 */
export async function connectExtensions(): Promise<ConnectedExtensions> {
  const attempt = enable()
  session = attempt
  let s: Session
  try {
    s = await attempt
  } catch (error) {
    if (session === attempt) session = null
    throw error
  }
  const all = toWalletAccounts(await s.dapp.web3Accounts({ accountType: COLDKEY_TYPES }), s)
  const enabled = new Set(s.extensions.map((e) => e.name))
  const refused = injectedExtensionSources().filter((source) => !enabled.has(source))
  const extensions = s.extensions.map((e) => ({
    source: e.name,
    name: extensionDisplayName(e.name),
    version: e.version,
    accounts: all.filter((a) => a.source === `extension:${e.name}`),
  }))
  if (all.length === 0)
    throw new WalletError(
      'no-accounts',
      `${listNames(s.extensions.map((e) => e.name))} shared no accounts with webtensor. Create or import a coldkey in the extension (sr25519; Ethereum-type accounts cannot hold TAO), or allow webtensor to see one, then try again.`,
    )
  return { extensions, refused: refused.map(extensionDisplayName), accounts: all }
}

async function current(): Promise<Session> {
  if (!session) await connectExtensions()
  return session!
}

/**
 * Calls `onAccounts` with every shared coldkey now and whenever the user adds, removes, renames or shares an account
 * in an extension. Connects first if needed. Resolves to the function that stops watching.
 */
export async function watchExtensionAccounts(onAccounts: (accounts: WalletAccount[]) => void): Promise<() => void> {
  const s = await current()
  return s.dapp.web3AccountsSubscribe((accounts) => onAccounts(toWalletAccounts(accounts, s)), { accountType: COLDKEY_TYPES })
}

/**
 * The Signer of the extension that holds `address`, for `tx.signAndSend(address, { signer })`. Throws a WalletError:
 * `unknown-account` when no connected extension shares it; the signer itself rejects with `signing-rejected` when the
 * user declines in the extension.
 */
export async function getExtensionSigner(address: string): Promise<Signer> {
  const s = await current()
  let source: string
  try {
    source = (await s.dapp.web3FromAddress(address)).name
  } catch (error) {
    throw new WalletError(
      'unknown-account',
      `No connected extension holds ${address}. Share that account with webtensor in its extension, or pick another.`,
      { cause: error },
    )
  }
  return s.signers.get(source)!
}

/** Forgets the connection (the extensions keep their own permission for this site). */
export function disconnectExtensions(): void {
  session = null
}
