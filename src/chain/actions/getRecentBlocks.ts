// getRecentBlocks: the latest blocks for the explorer, newest first, each decoded as getBlock does.

import type { ChainClient } from '../client.ts'
import type { WebtensorErrorType } from '../errors/base.ts'
import type { BlockNotFoundErrorType, InvalidAmountErrorType } from '../errors/input.ts'
import { InvalidAmountError } from '../errors/input.ts'
import type { ChainDisconnectedErrorType } from '../errors/transport.ts'
import { readAt, type At } from '../internal/read.ts'
import { getBlock, type Block } from './getBlock.ts'

export type GetRecentBlocksParameters = { /** How many (1–100, default 10). */ count?: number; /** The newest block to list (default `'best'`). */ at?: At }
export type GetRecentBlocksReturnType = Block[]
export type GetRecentBlocksErrorType = InvalidAmountErrorType | BlockNotFoundErrorType | ChainDisconnectedErrorType | WebtensorErrorType

/** `getRecentBlocks(client, { count: 10 })`: the block `at` and its ancestors, newest first (fewer near genesis). */
export async function getRecentBlocks(client: ChainClient, { count = 10, at = 'best' }: GetRecentBlocksParameters = {}): Promise<GetRecentBlocksReturnType> {
  if (!Number.isInteger(count) || count < 1 || count > 100) throw new InvalidAmountError({ amount: String(count), field: 'block count', reason: 'ask for 1 to 100 blocks' })
  const { api, hash } = await readAt(client, at)
  const head = (await api.rpc.chain.getHeader(hash)).number.toNumber()
  const numbers = Array.from({ length: Math.min(count, head + 1) }, (_, i) => head - i)
  return Promise.all(numbers.map((n) => getBlock(client, { at: n === head ? hash : n })))
}
