// getBlock: one block for the explorer — header, timestamp, extrinsics decoded to section.method with named arguments, signer and outcome, and every event.

import type { ChainClient } from '../client.ts'
import type { WebtensorErrorType } from '../errors/base.ts'
import type { BlockNotFoundErrorType } from '../errors/input.ts'
import type { ChainDisconnectedErrorType } from '../errors/transport.ts'
import { extrinsicFailedError } from '../internal/transaction.ts'
import { big, num, readAt, storageAt, type At, type Hex, type Untyped } from '../internal/read.ts'

export type GetBlockParameters = { /** A number, a hash, `'best'` (default) or `'finalized'`. */ at?: At }

export type DecodedCall = { section: string; method: string; args: Record<string, unknown> }

export type BlockExtrinsic = DecodedCall & {
  index: number
  hash: Hex
  /** SS58 signer; undefined for inherents (timestamp). */
  signer: string | undefined
  nonce: number | undefined
  tip: bigint | undefined
  success: boolean
  /** The chain's error in words, when dispatch failed. */
  error: string | undefined
}

export type BlockEvent = {
  index: number
  /** `extrinsic` is the index of the extrinsic that caused it (ApplyExtrinsic phase); undefined for initialization/finalization events. */
  phase: 'initialization' | 'extrinsic' | 'finalization'
  extrinsic: number | undefined
  section: string
  method: string
  data: unknown[]
}

export type Block = {
  number: number
  hash: Hex
  parentHash: Hex
  stateRoot: Hex
  extrinsicsRoot: Hex
  /** Milliseconds since the epoch, from Timestamp.Now (undefined where the chain has none). */
  timestamp: number | undefined
  extrinsics: BlockExtrinsic[]
  events: BlockEvent[]
}

export type GetBlockReturnType = Block
export type GetBlockErrorType = BlockNotFoundErrorType | ChainDisconnectedErrorType | WebtensorErrorType

/** `getBlock(client, { at: 42 })`, `getBlock(client, { at: '0x…' })`. */
export async function getBlock(client: ChainClient, { at = 'best' }: GetBlockParameters = {}): Promise<GetBlockReturnType> {
  const { api, hash } = await readAt(client, at)
  const [signed, records, now] = await Promise.all([
    api.rpc.chain.getBlock(hash),
    storageAt(api, hash, 'system', 'events'),
    (api.query as Untyped).timestamp?.now ? storageAt(api, hash, 'timestamp', 'now') : undefined,
  ])
  const { header, extrinsics } = signed.block
  const events: BlockEvent[] = [...records].map((record: Untyped, index: number) => {
    const phase = record.phase
    return {
      index,
      phase: phase.isApplyExtrinsic ? 'extrinsic' : phase.isInitialization ? 'initialization' : 'finalization',
      extrinsic: phase.isApplyExtrinsic ? num(phase.asApplyExtrinsic) : undefined,
      section: String(record.event.section),
      method: String(record.event.method),
      data: record.event.data.toJSON() as unknown[],
    }
  })
  const outcome = (index: number): { success: boolean; error: string | undefined } => {
    const failed = [...records].find((r: Untyped) => r.phase.isApplyExtrinsic && num(r.phase.asApplyExtrinsic) === index && r.event.section === 'system' && r.event.method === 'ExtrinsicFailed')
    return failed ? { success: false, error: extrinsicFailedError(api, (failed as Untyped).event.data[0]).shortMessage } : { success: true, error: undefined }
  }
  return {
    number: header.number.toNumber(),
    hash,
    parentHash: header.parentHash.toHex(),
    stateRoot: header.stateRoot.toHex(),
    extrinsicsRoot: header.extrinsicsRoot.toHex(),
    timestamp: now === undefined ? undefined : num(now),
    extrinsics: extrinsics.map((ex, index) => ({
      index,
      hash: ex.hash.toHex(),
      ...decodeCall(ex.method),
      signer: ex.isSigned ? ex.signer.toString() : undefined,
      nonce: ex.isSigned ? ex.nonce.toNumber() : undefined,
      tip: ex.isSigned ? big(ex.tip) : undefined,
      ...outcome(index),
    })),
    events,
  }
}

/** A call as `{ section, method, args }` with argument names; nested calls (sudo, batch, proxy) decoded the same way. */
export function decodeCall(call: Untyped): DecodedCall {
  const names: string[] = call.meta.args.map((a: Untyped) => String(a.name.toString()).replace(/_([a-z])/g, (_: string, c: string) => c.toUpperCase()))
  const args: Record<string, unknown> = {}
  call.args.forEach((value: Untyped, i: number) => {
    args[names[i] ?? String(i)] = decodeValue(value)
  })
  return { section: String(call.section), method: String(call.method), args }
}

const isCall = (v: Untyped) => v && typeof v.section === 'string' && typeof v.method === 'string' && Array.isArray(v.args) && v.meta?.args
function decodeValue(value: Untyped): unknown {
  if (isCall(value)) return decodeCall(value)
  if (Array.isArray(value) && value.length > 0 && value.every(isCall)) return value.map(decodeCall)
  return value?.toJSON ? value.toJSON() : value
}
