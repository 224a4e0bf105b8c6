// Signature checks as sp_runtime makes them: the signing payload, MultiSignature::verify against an AccountId32, and UncheckedExtrinsic::check.
import { u8aConcat, u8aEq, u8aToHex } from '@polkadot/util'
import { blake2AsU8a, ed25519Verify, secp256k1Recover, sr25519Verify } from '@polkadot/util-crypto'
import { isReady as wasmReady, sr25519Verify as wasmSr25519Verify } from '@polkadot/wasm-crypto'
import { InvalidExtrinsic } from './invalidExtrinsic.ts'
import { additionalSignedCodec, additionalSignedFor, extraCodec } from './signedExtensions.ts'
import type { ChainContext, Extra } from './signedExtensions.ts'
import type { MultiAddress, MultiSignature, UncheckedExtrinsic } from './uncheckedExtrinsic.ts'

/** `SignedPayload`: call ‖ extra ‖ additionalSigned, replaced by its blake2_256 when longer than 256 bytes. */
export function signingPayload(call: Uint8Array, extra: Uint8Array, additionalSigned: Uint8Array): Uint8Array {
  const payload = u8aConcat(call, extra, additionalSigned)
  return payload.length > 256 ? blake2AsU8a(payload, 256) : payload
}

/**
 * `MultiSignature::verify(payload, signer)`. Sr25519 and Ed25519 verify against the account id as the
 * public key (Ed25519 under ZIP-215, as ed25519-zebra does). Ecdsa recovers the compressed public key from
 * the signature over blake2_256(payload) (recovery id 0–3, or 27–30) and compares its blake2_256 with the account id.
 */
export function verifySignature(signer: Uint8Array, signature: MultiSignature, payload: Uint8Array): boolean {
  if (signer.length !== 32) throw new RangeError(`an AccountId32 has 32 bytes, got ${signer.length}`)
  // The pool checks a transaction, then the block applies it: remember (signer, signature, payload) that verified.
  const memo = u8aToHex(blake2AsU8a(u8aConcat(signer, signature.value, payload), 256))
  if (verified.has(memo)) return true
  const ok = verifyUncached(signer, signature, payload)
  if (ok) {
    if (verified.size >= VERIFIED_MEMORY) verified.delete(verified.values().next().value!)
    verified.add(memo)
  }
  return ok
}

/** Verified signatures remembered; a pool's worth (each entry binds signer, signature and payload). */
const VERIFIED_MEMORY = 32_768
const verified = new Set<string>()

function verifyUncached(signer: Uint8Array, signature: MultiSignature, payload: Uint8Array): boolean {
  try {
    switch (signature.type) {
      case 'Sr25519':
        // schnorrkel compiled to wasm verifies ~6× faster than util-crypto's pure-JS path; both are exact.
        return wasmReady() ? wasmSr25519Verify(signature.value, payload, signer) : sr25519Verify(payload, signature.value, signer)
      case 'Ed25519':
        return ed25519Verify(payload, signature.value, signer, true)
      case 'Ecdsa': {
        const v = signature.value[64]!
        const recoveryId = v > 26 ? v - 27 : v
        if (recoveryId > 3) return false
        const publicKey = secp256k1Recover(blake2AsU8a(payload, 256), signature.value.subarray(0, 64), recoveryId, 'blake2', true)
        return u8aEq(blake2AsU8a(publicKey, 256), signer)
      }
    }
  } catch {
    // Malformed keys, points or scalars: the signature does not verify.
    return false
  }
}

/** `AccountIdLookup::lookup`: subtensor resolves `MultiAddress::Id` only. */
export function lookupSigner(address: MultiAddress): Uint8Array {
  if (address.type === 'Id') return address.value
  throw new InvalidExtrinsic(
    'UnknownTransaction',
    `Could not lookup information required to validate the transaction: the signer is a MultiAddress::${address.type}, and this chain looks up MultiAddress::Id (an AccountId32) only`,
  )
}

export interface CheckedExtrinsic {
  /** The signer's account id and the extensions' data; undefined for a bare extrinsic. */
  signed: { signer: Uint8Array; extra: Extra } | undefined
  call: Uint8Array
}

/**
 * `UncheckedExtrinsic::check`, in Substrate's order: look up the signer, build additionalSigned
 * (AncientBirthBlock), verify the signature over the payload (BadProof).
 */
export function checkExtrinsic(xt: UncheckedExtrinsic, chain: ChainContext): CheckedExtrinsic {
  const { signed, call } = checkExtrinsicAgain(xt, chain, undefined)
  return { signed, call }
}

/**
 * `checkExtrinsic` for an extrinsic whose signature already verified with the encoded additionalSigned `verified`
 * (the same extrinsic bytes, so the same signer, signature, call and extra): when the chain gives the same
 * additionalSigned, the signing payload is the same and is not built or verified again. Also returns the encoded
 * additionalSigned it checked against, to pass as `verified` next time.
 */
export function checkExtrinsicAgain(
  { signature, call }: UncheckedExtrinsic,
  chain: ChainContext,
  verified: Uint8Array | undefined,
): CheckedExtrinsic & { additionalSigned?: Uint8Array } {
  if (signature === undefined) return { signed: undefined, call }
  const signer = lookupSigner(signature.address)
  const additionalSigned = additionalSignedCodec.enc(additionalSignedFor(signature.extra, chain))
  if (verified === undefined || !u8aEq(verified, additionalSigned)) {
    const payload = signingPayload(call, extraCodec.enc(signature.extra), additionalSigned)
    if (!verifySignature(signer, signature.signature, payload)) throw new InvalidExtrinsic('InvalidTransaction', 'Transaction has a bad signature')
  }
  return { signed: { signer, extra: signature.extra }, call, additionalSigned }
}
