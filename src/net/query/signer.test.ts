// Signing and verification: the WASM path agrees with @polkadot/keyring and util-crypto both ways.
import { Keyring } from '@polkadot/keyring'
import { u8aToHex } from '@polkadot/util'
import { cryptoWaitReady, sr25519Verify } from '@polkadot/util-crypto'
import { beforeAll, describe, expect, test } from 'vitest'
import { sr25519SignerFromUri, verifySr25519 } from './signer.ts'

beforeAll(async () => {
  await cryptoWaitReady()
})

describe('sr25519 signers', () => {
  test('a signer from //Alice has the keyring’s public key; each side verifies the other’s signatures', () => {
    const pair = new Keyring({ type: 'sr25519' }).addFromUri('//Alice')
    const signer = sr25519SignerFromUri('//Alice')
    expect(u8aToHex(signer.publicKey)).toBe(u8aToHex(pair.publicKey))
    const message = new TextEncoder().encode('webtensor')
    expect(sr25519Verify(message, signer.sign(message), pair.publicKey)).toBe(true)
    expect(verifySr25519(message, pair.sign(message), signer.publicKey)).toBe(true)
  })

  test('derives hard and soft paths of a mnemonic as the keyring does', () => {
    const uri = 'bottom drive obey lake curtain smoke basket hold race lonely fit walk//webtensor/hot'
    expect(u8aToHex(sr25519SignerFromUri(uri).publicKey)).toBe(u8aToHex(new Keyring({ type: 'sr25519' }).addFromUri(uri).publicKey))
  })

  test('verification refuses wrong lengths, other messages and other keys without throwing', () => {
    const alice = sr25519SignerFromUri('//Alice')
    const bob = sr25519SignerFromUri('//Bob')
    const signature = alice.sign(new Uint8Array([1]))
    expect(verifySr25519(new Uint8Array([2]), signature, alice.publicKey)).toBe(false)
    expect(verifySr25519(new Uint8Array([1]), signature, bob.publicKey)).toBe(false)
    expect(verifySr25519(new Uint8Array([1]), signature.subarray(1), alice.publicKey)).toBe(false)
    expect(verifySr25519(new Uint8Array([1]), new Uint8Array(64), alice.publicKey)).toBe(false)
  })
})
