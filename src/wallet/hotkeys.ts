// Hotkeys the app makes and keeps for mining and validating from a tab: sr25519 keys generated in the browser, stored only encrypted
// with the user's passphrase (the polkadot-js JSON format: scrypt + xsalsa20-poly1305, the same file `btcli`-era tools and the
// polkadot.js extension import), in IndexedDB. Unlocking gives a KeyringPair (extrinsics: serve, commitments, weights) and the raw
// key pair the p2p query signer needs. The secret never leaves this module unencrypted except as that unlocked pair.
import { Keyring } from '@polkadot/keyring'
import { decodePair } from '@polkadot/keyring/pair/decode'
import type { KeyringPair, KeyringPair$Json } from '@polkadot/keyring/types'
import { base64Decode, cryptoWaitReady, mnemonicGenerate, mnemonicValidate } from '@polkadot/util-crypto'
import { WalletError } from './types.ts'

export const MIN_PASSPHRASE_LENGTH = 8

/** What is stored per hotkey: its address and name in the clear, the key only inside `json` (encrypted). */
export type StoredHotkey = { address: string; name: string; createdAt: number; json: KeyringPair$Json }
export type HotkeySummary = Omit<StoredHotkey, 'json'>

/** Where hotkeys live: IndexedDB in the browser (`indexedDbHotkeyStore`), anything with these four methods in tests. */
export type HotkeyStore = {
  get(address: string): Promise<StoredHotkey | undefined>
  put(hotkey: StoredHotkey): Promise<void>
  list(): Promise<StoredHotkey[]>
  delete(address: string): Promise<void>
}

export type UnlockedHotkey = {
  address: string
  /** Signs extrinsics (`prepared.send(pair)`). */
  pair: KeyringPair
  /** The raw sr25519 key pair, for the query protocol's signer (`sr25519Signer(keys)`). */
  keys: { publicKey: Uint8Array; secretKey: Uint8Array }
}

function checkPassphrase(passphrase: string): void {
  if (typeof passphrase !== 'string' || passphrase.length < MIN_PASSPHRASE_LENGTH)
    throw new WalletError('weak-passphrase', `Choose a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters: it is all that protects this hotkey's key on this device.`)
}

const keyring = () => new Keyring({ type: 'sr25519', ss58Format: 42 })

/**
 * Makes a new hotkey: a fresh 12-word mnemonic, the sr25519 key from it, stored encrypted with `passphrase`. Returns the mnemonic
 * once, for the user to write down (it is not stored).
 */
export async function createHotkey(store: HotkeyStore, { name, passphrase, mnemonic }: { name: string; passphrase: string; mnemonic?: string }): Promise<HotkeySummary & { mnemonic: string }> {
  checkPassphrase(passphrase)
  await cryptoWaitReady()
  const phrase = mnemonic ?? mnemonicGenerate(12)
  if (!mnemonicValidate(phrase)) throw new WalletError('bad-backup', 'That is not a valid BIP-39 mnemonic: check the words and their order.')
  const pair = keyring().addFromUri(phrase, { name: name.trim() || 'hotkey' })
  const stored: StoredHotkey = { address: pair.address, name: name.trim() || 'hotkey', createdAt: Date.now(), json: pair.toJson(passphrase) }
  await store.put(stored)
  return { address: stored.address, name: stored.name, createdAt: stored.createdAt, mnemonic: phrase }
}

export async function listHotkeys(store: HotkeyStore): Promise<HotkeySummary[]> {
  return (await store.list()).map(({ address, name, createdAt }) => ({ address, name, createdAt })).sort((a, b) => a.createdAt - b.createdAt)
}

/** Decrypts a stored hotkey; a wrong passphrase is a WalletError (`wrong-passphrase`), never a half-unlocked key. */
export async function unlockHotkey(store: HotkeyStore, address: string, passphrase: string): Promise<UnlockedHotkey> {
  const stored = await store.get(address)
  if (!stored) throw new WalletError('unknown-account', `No hotkey ${address} is kept in this browser.`)
  return unlockJson(stored.json, passphrase)
}

async function unlockJson(json: KeyringPair$Json, passphrase: string): Promise<UnlockedHotkey> {
  await cryptoWaitReady()
  const pair = keyring().addFromJson(json)
  try {
    pair.decodePkcs8(passphrase)
  } catch {
    throw new WalletError('wrong-passphrase', 'That passphrase does not unlock this hotkey.')
  }
  const encType = Array.isArray(json.encoding.type) ? json.encoding.type : [json.encoding.type]
  const { publicKey, secretKey } = decodePair(passphrase, base64Decode(json.encoded), encType)
  return { address: pair.address, pair, keys: { publicKey, secretKey } }
}

/** The hotkey's polkadot-js JSON backup (still encrypted with its passphrase), for a file download. */
export async function exportHotkey(store: HotkeyStore, address: string): Promise<KeyringPair$Json> {
  const stored = await store.get(address)
  if (!stored) throw new WalletError('unknown-account', `No hotkey ${address} is kept in this browser.`)
  return stored.json
}

/** Imports a polkadot-js JSON backup: refused unless it is an sr25519 key that `passphrase` unlocks. */
export async function importHotkey(store: HotkeyStore, text: string, passphrase: string): Promise<HotkeySummary> {
  let json: KeyringPair$Json
  try {
    json = JSON.parse(text) as KeyringPair$Json
  } catch {
    throw new WalletError('bad-backup', 'That file is not JSON: export the account from polkadot.js or webtensor as a JSON file.')
  }
  if (!json || typeof json.encoded !== 'string' || !json.encoding || typeof json.address !== 'string')
    throw new WalletError('bad-backup', 'That JSON is not a polkadot-js account backup (it has no "encoded" key).')
  const types = Array.isArray(json.encoding.content) ? json.encoding.content : []
  if (!types.includes('sr25519')) throw new WalletError('bad-backup', `That backup holds a ${types[1] ?? 'non-sr25519'} key; Bittensor hotkeys are sr25519.`)
  const { address } = await unlockJson(json, passphrase)
  const name = typeof json.meta?.name === 'string' && json.meta.name.trim() ? json.meta.name.trim() : 'hotkey'
  const stored: StoredHotkey = { address, name, createdAt: Date.now(), json: { ...json, address } }
  await store.put(stored)
  return { address, name, createdAt: stored.createdAt }
}

export async function deleteHotkey(store: HotkeyStore, address: string): Promise<void> {
  await store.delete(address)
}

const DB = 'webtensor'
const STORE = 'hotkeys'

/** The browser's store: one IndexedDB object store keyed by address (pass `indexedDB` explicitly in tests). */
export function indexedDbHotkeyStore(factory: IDBFactory = globalThis.indexedDB): HotkeyStore {
  let opened: Promise<IDBDatabase> | undefined
  const db = () =>
    (opened ??= new Promise<IDBDatabase>((resolve, reject) => {
      const request = factory.open(DB, 1)
      request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'address' })
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    }))
  const run = async <T>(mode: IDBTransactionMode, work: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> => {
    const tx = (await db()).transaction(STORE, mode)
    const request = work(tx.objectStore(STORE))
    return new Promise<T>((resolve, reject) => {
      tx.oncomplete = () => resolve(request.result)
      tx.onerror = () => reject(tx.error)
      tx.onabort = () => reject(tx.error)
    })
  }
  return {
    get: (address) => run('readonly', (s) => s.get(address) as IDBRequest<StoredHotkey | undefined>),
    put: async (hotkey) => void (await run('readwrite', (s) => s.put(hotkey))),
    list: () => run('readonly', (s) => s.getAll() as IDBRequest<StoredHotkey[]>),
    delete: async (address) => void (await run('readwrite', (s) => s.delete(address))),
  }
}
