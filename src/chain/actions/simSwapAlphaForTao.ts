// simSwapAlphaForTao: what unstaking `alpha` from a subnet would return, its fee and slippage, without sending anything (SwapRuntimeApi.sim_swap_alpha_for_tao).

import type { ChainClient } from '../client.ts'
import type { WebtensorErrorType } from '../errors/base.ts'
import type { BlockNotFoundErrorType, InvalidAmountErrorType } from '../errors/input.ts'
import type { ChainDisconnectedErrorType, RuntimeApiMissingErrorType } from '../errors/transport.ts'
import { decodeSwap, type SwapQuote } from '../internal/swap.ts'
import { readAt, runtimeCall, type At } from '../internal/read.ts'
import { assertAmount, assertNetuid } from '../units.ts'

export type SimSwapAlphaForTaoParameters = { netuid: number; /** RAO of α. */ alpha: bigint; at?: At }
export type SimSwapAlphaForTaoReturnType = SwapQuote
export type SimSwapAlphaForTaoErrorType = InvalidAmountErrorType | BlockNotFoundErrorType | ChainDisconnectedErrorType | RuntimeApiMissingErrorType | WebtensorErrorType

/** `simSwapAlphaForTao(client, { netuid: 1, alpha: 5n * RAO_PER_TAO })` → `{ taoAmount, alphaFee, priceImpact, … }`. */
export async function simSwapAlphaForTao(client: ChainClient, { netuid, alpha, at = 'best' }: SimSwapAlphaForTaoParameters): Promise<SimSwapAlphaForTaoReturnType> {
  assertNetuid(netuid)
  assertAmount(alpha, 'α amount')
  const { api, hash } = await readAt(client, at)
  const [sim, price] = await Promise.all([runtimeCall(api, 'swapRuntimeApi', 'simSwapAlphaForTao', [netuid, alpha], hash), runtimeCall(api, 'swapRuntimeApi', 'currentAlphaPrice', [netuid], hash)])
  return decodeSwap(sim, price, 'sell')
}
