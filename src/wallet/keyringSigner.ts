// A Signer over a keyring pair that signs exactly as the polkadot.js extension does: the payload JSON @polkadot/api sends.
// Used by the devnet's dev accounts in the page and by the test extension's signer in the test process;
// never for keys a user owns (those stay in their extension).
import type { KeyringPair } from '@polkadot/keyring/types'
import type { Signer, SignerResult } from '@polkadot/api/types'
import { TypeRegistry } from '@polkadot/types'
import type { Registry, SignerPayloadJSON, SignerPayloadRaw } from '@polkadot/types/types'
import { u8aToHex, u8aWrapBytes } from '@polkadot/util'
import { decodeAddress } from '@polkadot/util-crypto'
import { WalletError } from './types.ts'

/**
 * subtensor's own signed extensions carry no data in the extrinsic and none in the signed payload; a registry
 * without the chain's metadata learns that here, as an extension that was never given the metadata must.
 */
const NO_DATA = { extrinsic: {}, payload: {} }
export const SUBTENSOR_USER_EXTENSIONS = {
  SudoTransactionExtension: NO_DATA,
  CheckShieldedTxValidity: NO_DATA,
  SubtensorTransactionExtension: NO_DATA,
  SubtensorSignedExtension: NO_DATA,
  CommitmentsSignedExtension: NO_DATA,
  DrandPriority: NO_DATA,
}

export function sameAccount(a: string, b: string): boolean {
  try {
    return u8aToHex(decodeAddress(a)) === u8aToHex(decodeAddress(b))
  } catch {
    return false
  }
}

/**
 * The bytes a signature over `payload` covers (before the >256-byte blake2 hash), built from `registry` when given
 * (the chain's metadata, as an extension that has it) or from the payload's own list of signed extensions.
 */
export function signingPayload(payload: SignerPayloadJSON, registry?: Registry) {
  const reg = registry ?? new TypeRegistry()
  if (!registry) reg.setSignedExtensions(payload.signedExtensions, SUBTENSOR_USER_EXTENSIONS)
  return reg.createType('ExtrinsicPayload', payload, { version: payload.version })
}

/** Signs `payload` with `pair`: the MultiSignature hex (type byte first) that @polkadot/api puts in the extrinsic. */
export function signPayloadWithPair(pair: KeyringPair, payload: SignerPayloadJSON, registry?: Registry): `0x${string}` {
  if (!sameAccount(payload.address, pair.address))
    throw new WalletError('unknown-account', `This signer holds ${pair.address}, not ${payload.address}; nothing was signed.`)
  return signingPayload(payload, registry).sign(pair).signature
}

/** Signs raw bytes as the extension's signRaw does: wrapped in <Bytes>…</Bytes>, so they can never be a transaction. */
export function signRawWithPair(pair: KeyringPair, raw: SignerPayloadRaw): `0x${string}` {
  if (!sameAccount(raw.address, pair.address))
    throw new WalletError('unknown-account', `This signer holds ${pair.address}, not ${raw.address}; nothing was signed.`)
  return u8aToHex(pair.sign(u8aWrapBytes(raw.data)))
}

/** A Signer for one keyring pair, going through the same `signPayload` path @polkadot/api uses with an extension. */
export function createKeyringSigner(pair: KeyringPair, options: { registry?: Registry } = {}): Signer {
  let id = 0
  return {
    async signPayload(payload: SignerPayloadJSON): Promise<SignerResult> {
      return { id: ++id, signature: signPayloadWithPair(pair, payload, options.registry) }
    },
    async signRaw(raw: SignerPayloadRaw): Promise<SignerResult> {
      return { id: ++id, signature: signRawWithPair(pair, raw) }
    },
  }
}
