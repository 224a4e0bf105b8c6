// simSwapTaoForAlpha: what staking `tao` on a subnet would buy, its fee and slippage, without sending anything (SwapRuntimeApi.sim_swap_tao_for_alpha).

import type { ChainClient } from '../client.ts'
import type { WebtensorErrorType } from '../errors/base.ts'
import type { BlockNotFoundErrorType, InvalidAmountErrorType } from '../errors/input.ts'
import type { ChainDisconnectedErrorType, RuntimeApiMissingErrorType } from '../errors/transport.ts'
import { decodeSwap, type SwapQuote } from '../internal/swap.ts'
import { readAt, runtimeCall, type At } from '../internal/read.ts'
import { assertAmount, assertNetuid } from '../units.ts'

export type SimSwapTaoForAlphaParameters = { netuid: number; /** RAO of τ. */ tao: bigint; at?: At }
export type SimSwapTaoForAlphaReturnType = SwapQuote
export type SimSwapTaoForAlphaErrorType = InvalidAmountErrorType | BlockNotFoundErrorType | ChainDisconnectedErrorType | RuntimeApiMissingErrorType | WebtensorErrorType

/** `simSwapTaoForAlpha(client, { netuid: 1, tao: 10n * RAO_PER_TAO })` → `{ alphaAmount, taoFee, priceImpact, … }`. */
export async function simSwapTaoForAlpha(client: ChainClient, { netuid, tao, at = 'best' }: SimSwapTaoForAlphaParameters): Promise<SimSwapTaoForAlphaReturnType> {
  assertNetuid(netuid)
  assertAmount(tao, 'τ amount')
  const { api, hash } = await readAt(client, at)
  const [sim, price] = await Promise.all([runtimeCall(api, 'swapRuntimeApi', 'simSwapTaoForAlpha', [netuid, tao], hash), runtimeCall(api, 'swapRuntimeApi', 'currentAlphaPrice', [netuid], hash)])
  return decodeSwap(sim, price, 'buy')
}
