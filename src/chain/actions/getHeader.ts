// getHeader: one block's header by number or hash, or BlockNotFoundError when this chain has no such block (checked without decoding at an unknown hash).

import type { ChainClient } from '../client.ts'
import type { WebtensorErrorType } from '../errors/base.ts'
import { BlockNotFoundError, type BlockNotFoundErrorType } from '../errors/input.ts'
import type { ChainDisconnectedErrorType } from '../errors/transport.ts'
import { readAt, type At, type Hex, type Untyped } from '../internal/read.ts'

export type GetHeaderParameters = { /** A number, a hash, `'best'` (default) or `'finalized'`. */ at?: At }

export type Header = { number: number; hash: Hex; parentHash: Hex; stateRoot: Hex; extrinsicsRoot: Hex }

export type GetHeaderReturnType = Header
export type GetHeaderErrorType = BlockNotFoundErrorType | ChainDisconnectedErrorType | WebtensorErrorType

/** `getHeader(client, { at: '0x…' })`: a hash the node does not know is a BlockNotFoundError, never a decoding error. */
export async function getHeader(client: ChainClient, { at = 'best' }: GetHeaderParameters = {}): Promise<GetHeaderReturnType> {
  const { api, hash } = await readAt(client, at)
  // `.raw` skips @polkadot/api's per-block registry lookup, which throws (and logs) for a hash the node does not know
  const raw = (await (api.rpc.chain.getHeader as Untyped).raw(hash)) as { number: string; parentHash: Hex; stateRoot: Hex; extrinsicsRoot: Hex } | null
  if (!raw) throw new BlockNotFoundError({ at: typeof at === 'string' ? at : String(at) })
  return { number: Number(BigInt(raw.number)), hash, parentHash: raw.parentHash, stateRoot: raw.stateRoot, extrinsicsRoot: raw.extrinsicsRoot }
}
