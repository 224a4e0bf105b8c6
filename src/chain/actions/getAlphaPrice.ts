// getAlphaPrice: a subnet's spot price in τ per α from its pool (SwapRuntimeApi.current_alpha_price).

import type { ChainClient } from '../client.ts'
import type { WebtensorErrorType } from '../errors/base.ts'
import type { BlockNotFoundErrorType, InvalidAmountErrorType } from '../errors/input.ts'
import type { ChainDisconnectedErrorType, RuntimeApiMissingErrorType } from '../errors/transport.ts'
import { big, readAt, runtimeCall, type At } from '../internal/read.ts'
import { assertNetuid, priceToNumber } from '../units.ts'

export type GetAlphaPriceParameters = { netuid: number; at?: At }
/** `rao`: RAO of τ per 1 α (1 τ per α = 1_000_000_000n), exact; `tao`: the same as a number. */
export type GetAlphaPriceReturnType = { rao: bigint; tao: number }
export type GetAlphaPriceErrorType = InvalidAmountErrorType | BlockNotFoundErrorType | ChainDisconnectedErrorType | RuntimeApiMissingErrorType | WebtensorErrorType

/** `getAlphaPrice(client, { netuid: 1 })` → `{ rao: 1_000_000_000n, tao: 1 }`. */
export async function getAlphaPrice(client: ChainClient, { netuid, at = 'best' }: GetAlphaPriceParameters): Promise<GetAlphaPriceReturnType> {
  assertNetuid(netuid)
  const { api, hash } = await readAt(client, at)
  const rao = big(await runtimeCall(api, 'swapRuntimeApi', 'currentAlphaPrice', [netuid], hash))
  return { rao, tao: priceToNumber(rao) }
}
