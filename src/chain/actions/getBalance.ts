// getBalance: an account's free, reserved and frozen TAO (System.Account) at a block.

import type { ChainClient } from '../client.ts'
import type { WebtensorErrorType } from '../errors/base.ts'
import type { BlockNotFoundErrorType, InvalidAddressErrorType } from '../errors/input.ts'
import type { ChainDisconnectedErrorType } from '../errors/transport.ts'
import { big, readAt, storageAt, type At } from '../internal/read.ts'
import { assertAddress } from '../units.ts'

export type GetBalanceParameters = {
  /** SS58-42 address. */
  address: string
  /** Default `'best'`. */
  at?: At
}

/** RAO. `transferable` = free − max(frozen − reserved, 0). */
export type GetBalanceReturnType = { free: bigint; reserved: bigint; frozen: bigint; transferable: bigint }

export type GetBalanceErrorType = InvalidAddressErrorType | BlockNotFoundErrorType | ChainDisconnectedErrorType | WebtensorErrorType

/** `getBalance(client, { address, at: 'finalized' })`. */
export async function getBalance(client: ChainClient, { address, at = 'best' }: GetBalanceParameters): Promise<GetBalanceReturnType> {
  const who = assertAddress(address)
  const { api, hash } = await readAt(client, at)
  const { data } = await storageAt(api, hash, 'system', 'account', who)
  const free = big(data.free)
  const reserved = big(data.reserved)
  const frozen = big(data.frozen ?? data.miscFrozen)
  const locked = frozen > reserved ? frozen - reserved : 0n
  return { free, reserved, frozen, transferable: free > locked ? free - locked : 0n }
}
