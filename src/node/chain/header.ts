// Block headers as the devnet stores and serves them: the SCALE codec, the block hash, the Aura slot and seal digests, and the JSON shape `chain_getHeader` returns.
import { u8aEq, u8aToHex, u8aToU8a } from '@polkadot/util'
import { blake2AsHex } from '@polkadot/util-crypto'
import { DigestItem, Header } from '../../runtime/primitives/substrate.ts'
import type { Hex } from '../../runtime/primitives/types.ts'

export type { Header }
export type { Hex }

/** `sp_consensus_aura::AURA_ENGINE_ID`: `*b"aura"`. */
export const AURA_ENGINE_ID: Hex = '0x61757261'

/** `chain_getHeader`'s JSON: the number as hex (`sp_rpc::number` serialisation), each digest item as its SCALE hex. */
export type HeaderJson = {
  parentHash: Hex
  number: Hex
  stateRoot: Hex
  extrinsicsRoot: Hex
  digest: { logs: Hex[] }
}

/** The header's hash: blake2-256 of its SCALE encoding (`BlakeTwo256::hash_of`). */
export function blockHashOf(encodedHeader: Uint8Array): Hex {
  return blake2AsHex(encodedHeader, 256) as Hex
}

export function decodeHeader(encoded: Uint8Array): Header {
  return Header.dec(encoded)
}

export function encodeHeader(header: Header): Uint8Array {
  return Header.enc(header)
}

export function headerToJson(header: Header): HeaderJson {
  return {
    parentHash: header.parentHash,
    number: `0x${header.number.toString(16)}`,
    stateRoot: header.stateRoot,
    extrinsicsRoot: header.extrinsicsRoot,
    digest: { logs: header.digest.logs.map((item) => u8aToHex(DigestItem.enc(item)) as Hex) },
  }
}

/** The Aura slot of a block: its `PreRuntime(aura, Slot)` digest item (a little-endian u64), or undefined (genesis). */
export function auraSlotOf(header: Header): bigint | undefined {
  for (const item of header.digest.logs) {
    if (item.type !== 'PreRuntime' || item.value[0] !== AURA_ENGINE_ID) continue
    const bytes = item.value[1]
    if (bytes.length !== 8) throw new Error(`the Aura pre-runtime digest holds ${bytes.length} bytes, not an 8-byte slot`)
    return new DataView(bytes.buffer, bytes.byteOffset, 8).getBigUint64(0, true)
  }
  return undefined
}

export type SealedHeader = { header: Header; encoded: Uint8Array; hash: Hex }

/**
 * Seals a header as Aura does: `sign` gets the hash of the header without the seal, and its signature is appended as
 * the last digest item, `Seal(*b"aura", signature)`. The block hash is the hash of the sealed header.
 */
export function sealHeader(unsealed: Uint8Array, sign: (preSealHash: Uint8Array) => Uint8Array): SealedHeader {
  const header = decodeHeader(unsealed)
  // Substrate signs `header.hash()`: the hash of the canonical encoding, which must be what the runtime returned.
  if (!u8aEq(encodeHeader(header), unsealed)) throw new Error('the runtime returned a header whose encoding is not canonical SCALE')
  if (header.digest.logs.some((item) => item.type === 'Seal')) throw new Error('the runtime returned a header that already carries a seal')
  const signature = sign(u8aToU8a(blockHashOf(unsealed)))
  const sealed: Header = {
    ...header,
    digest: { logs: [...header.digest.logs, { type: 'Seal', value: [AURA_ENGINE_ID, signature] }] },
  }
  const encoded = encodeHeader(sealed)
  return { header: sealed, encoded, hash: blockHashOf(encoded) }
}

/** The header without its trailing seal (what the seal's signature covers). */
export function withoutSeal(header: Header): Header {
  const logs = header.digest.logs
  const last = logs.at(-1)
  return last?.type === 'Seal' ? { ...header, digest: { logs: logs.slice(0, -1) } } : header
}
