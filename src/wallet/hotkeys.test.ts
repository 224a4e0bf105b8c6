// The hotkey vault over IndexedDB (fake-indexeddb, the same API the browser has): create, list, unlock, the wrong passphrase, the
// polkadot-js JSON export that the keyring (and so the polkadot.js extension) imports, import of a backup, and what is refused.
import { IDBFactory } from 'fake-indexeddb'
import { Keyring } from '@polkadot/keyring'
import { cryptoWaitReady, signatureVerify } from '@polkadot/util-crypto'
import { beforeAll, describe, expect, test } from 'vitest'
import { sr25519Signer, verifySr25519 } from '../net/query/signer.ts'
import { createHotkey, deleteHotkey, exportHotkey, importHotkey, indexedDbHotkeyStore, listHotkeys, unlockHotkey } from './hotkeys.ts'
import { isWalletError } from './types.ts'

const PASS = 'correct horse battery'
beforeAll(() => cryptoWaitReady())

describe('hotkey vault', () => {
  test('create → list → unlock: the key signs extrinsic payloads and query messages; nothing but the encrypted JSON is stored', async () => {
    const store = indexedDbHotkeyStore(new IDBFactory())
    const made = await createHotkey(store, { name: 'miner 1', passphrase: PASS })
    expect(made.mnemonic.split(' ')).toHaveLength(12)
    expect(made.address).toMatch(/^5/)
    expect(await listHotkeys(store)).toEqual([{ address: made.address, name: 'miner 1', createdAt: made.createdAt }])
    const stored = await store.get(made.address)
    expect(JSON.stringify(stored)).not.toContain(made.mnemonic.split(' ')[0]! + ' ')
    expect(stored!.json.encoding).toMatchObject({ content: ['pkcs8', 'sr25519'], type: ['scrypt', 'xsalsa20-poly1305'] })

    const unlocked = await unlockHotkey(store, made.address, PASS)
    const message = new TextEncoder().encode('payload')
    expect(signatureVerify(message, unlocked.pair.sign(message), made.address).isValid).toBe(true)
    const signer = sr25519Signer(unlocked.keys)
    expect(verifySr25519(message, signer.sign(message), signer.publicKey)).toBe(true)
    // the same key the mnemonic gives
    expect(new Keyring({ type: 'sr25519', ss58Format: 42 }).addFromUri(made.mnemonic).address).toBe(made.address)
  })

  test('a wrong passphrase unlocks nothing; a weak one is refused at creation; an unknown address says so', async () => {
    const store = indexedDbHotkeyStore(new IDBFactory())
    const made = await createHotkey(store, { name: 'v', passphrase: PASS })
    const wrong = await unlockHotkey(store, made.address, 'not the passphrase').catch((e: unknown) => e)
    expect(isWalletError(wrong, 'wrong-passphrase')).toBe(true)
    expect((wrong as Error).message).toBe('That passphrase does not unlock this hotkey.')
    await expect(createHotkey(store, { name: 'x', passphrase: 'short' })).rejects.toThrow('at least 8 characters')
    await expect(unlockHotkey(store, '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty', PASS)).rejects.toThrow('No hotkey')
    await deleteHotkey(store, made.address)
    expect(await listHotkeys(store)).toEqual([])
  })

  test('the export is a polkadot-js JSON backup: the keyring imports it with the passphrase; importing it elsewhere restores the hotkey', async () => {
    const store = indexedDbHotkeyStore(new IDBFactory())
    const made = await createHotkey(store, { name: 'exported', passphrase: PASS })
    const json = await exportHotkey(store, made.address)
    const pair = new Keyring({ type: 'sr25519', ss58Format: 42 }).addFromJson(json)
    pair.decodePkcs8(PASS)
    expect(pair.isLocked).toBe(false)
    expect(pair.address).toBe(made.address)

    const other = indexedDbHotkeyStore(new IDBFactory())
    const restored = await importHotkey(other, JSON.stringify(json), PASS)
    expect(restored).toMatchObject({ address: made.address, name: 'exported' })
    expect((await unlockHotkey(other, made.address, PASS)).address).toBe(made.address)
  })

  test('imports that are not JSON, not a backup, not sr25519, or not unlocked by the passphrase are refused in words', async () => {
    const store = indexedDbHotkeyStore(new IDBFactory())
    await expect(importHotkey(store, 'not json', PASS)).rejects.toThrow('not JSON')
    await expect(importHotkey(store, '{"hello":1}', PASS)).rejects.toThrow('not a polkadot-js account backup')
    const ed = new Keyring({ type: 'ed25519', ss58Format: 42 }).addFromUri('//Eve')
    await expect(importHotkey(store, JSON.stringify(ed.toJson(PASS)), PASS)).rejects.toThrow('ed25519 key; Bittensor hotkeys are sr25519')
    const sr = new Keyring({ type: 'sr25519', ss58Format: 42 }).addFromUri('//Eve')
    await expect(importHotkey(store, JSON.stringify(sr.toJson(PASS)), 'wrong passphrase')).rejects.toThrow('does not unlock')
    expect(await listHotkeys(store)).toEqual([])
  })
})
