// Dev accounts: //Alice … //Ferdie on the devnet only, signing payloads as an extension does, accepted by the devnet runtime.
import type { SignerPayloadJSON } from '@polkadot/types/types'
import { blake2AsU8a, signatureVerify } from '@polkadot/util-crypto'
import { describe, expect, test } from 'vitest'
import { BEST, BEST_HASH, GENESIS_HASH, SPEC_VERSION, TRANSACTION_VERSION, chainAt, registry, remark, transferKeepAlive } from '../runtime/extrinsic/polkadotJsFixtures.ts'
import { decodeUncheckedExtrinsic } from '../runtime/extrinsic/uncheckedExtrinsic.ts'
import { checkExtrinsic } from '../runtime/extrinsic/verify.ts'
import type { Call } from '@polkadot/types/interfaces'
import { DEV_ACCOUNT_NAMES, DEV_ACCOUNT_WARNING, devAccounts, devAccountsAllowed } from './devAccounts.ts'
import { signingPayload } from './keyringSigner.ts'
import { isWalletError } from './types.ts'

/** The payload @polkadot/api hands a signer in `signAndSend(address, { signer })`, for `call` from `address`. */
function payloadFor(address: string, call: Call, nonce = 0): SignerPayloadJSON {
  return registry
    .createType('SignerPayload', {
      address,
      method: call,
      blockHash: BEST_HASH,
      blockNumber: BEST,
      era: registry.createType('ExtrinsicEra', { current: BEST, period: 64 }),
      genesisHash: GENESIS_HASH,
      nonce,
      tip: 0,
      runtimeVersion: { specVersion: SPEC_VERSION, transactionVersion: TRANSACTION_VERSION },
      signedExtensions: registry.signedExtensions,
      version: 4,
    })
    .toPayload()
}

describe('on the devnet', async () => {
  const accounts = await devAccounts('devnet')

  test('//Alice … //Ferdie are offered, sr25519 in SS58 42, each labelled devnet-only', () => {
    expect(accounts.map((a) => a.name)).toEqual([...DEV_ACCOUNT_NAMES])
    expect(accounts[0]!.address).toBe('5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY') // //Alice
    expect(accounts[1]!.address).toBe('5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty') // //Bob
    for (const a of accounts) {
      expect(a).toMatchObject({ source: 'dev', type: 'sr25519', warning: DEV_ACCOUNT_WARNING })
      expect(a.warning).toBe('dev account — devnet only, never use on a real network')
    }
  })

  test.each([
    ['a transfer', transferKeepAlive(10n ** 9n)],
    ['a payload over 256 bytes (signed as its blake2 hash)', remark(400)],
  ])('signPayload signs %s so that the signature verifies against the address', async (_, call) => {
    const bob = accounts[1]!
    const payload = payloadFor(bob.address, call, 5)
    const { signature } = await bob.signer.signPayload!(payload)
    const bytes = signingPayload(payload).toU8a({ method: true })
    const message = bytes.length > 256 ? blake2AsU8a(bytes) : bytes
    expect(signatureVerify(message, signature, bob.address)).toMatchObject({ isValid: true, crypto: 'sr25519' })
    expect(signatureVerify(message, signature, accounts[0]!.address).isValid).toBe(false)
  })

  test('an extrinsic signed through signPayload is accepted by the devnet runtime', async () => {
    const alice = accounts[0]!
    const call = transferKeepAlive(10n ** 9n)
    const payload = payloadFor(alice.address, call, 7)
    const { signature } = await alice.signer.signPayload!(payload)
    const extrinsic = registry.createType('Extrinsic', call)
    extrinsic.addSignature(alice.address, signature, payload)
    const decoded = decodeUncheckedExtrinsic(extrinsic.toU8a())
    expect(checkExtrinsic(decoded, chainAt()).signed?.signer).toEqual(registry.createType('AccountId', alice.address).toU8a())
  })

  test('with the chain registry given, the signature is the same', async () => {
    const [withRegistry] = await devAccounts('devnet', { registry })
    const payload = payloadFor(withRegistry!.address, transferKeepAlive(1n))
    const a = await withRegistry!.signer.signPayload!(payload)
    const b = await accounts[0]!.signer.signPayload!(payload)
    const bytes = signingPayload(payload, registry).toU8a({ method: true })
    expect(signatureVerify(bytes, a.signature, withRegistry!.address).isValid).toBe(true)
    expect(signatureVerify(bytes, b.signature, withRegistry!.address).isValid).toBe(true)
  })

  test('signRaw signs wrapped bytes, and a payload for another address is refused', async () => {
    const alice = accounts[0]!
    const { signature } = await alice.signer.signRaw!({ address: alice.address, data: '0x68656c6c6f', type: 'bytes' })
    expect(signatureVerify('<Bytes>hello</Bytes>', signature, alice.address).isValid).toBe(true)
    await expect(alice.signer.signPayload!(payloadFor(accounts[1]!.address, transferKeepAlive(1n)))).rejects.toThrow(
      /holds 5GrwvaEF.* not 5FHneW46.*nothing was signed/,
    )
  })
})

describe('on any other network', () => {
  test.each(['testnet', 'finney', 'custom'] as const)('%s: dev accounts are refused, in words', async (network) => {
    expect(devAccountsAllowed(network)).toBe(false)
    const error = await devAccounts(network).catch((e: unknown) => e)
    expect(isWalletError(error, 'not-devnet')).toBe(true)
    expect((error as Error).message).toBe(
      `Dev accounts (//Alice … //Ferdie) exist only on the local devnet, not on ${network}: their keys are public, so anyone could take what they hold there. Connect a wallet extension instead.`,
    )
  })
})
