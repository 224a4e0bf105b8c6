// swapStakeLimit: swap a hotkey's stake from one subnet to another, only while the origin/destination price ratio stays within a tolerance (SubtensorModule.swap_stake_limit).

import type { ChainClient } from '../client.ts'
import type { WebtensorErrorType } from '../errors/base.ts'
import type { InvalidAddressErrorType, InvalidAmountErrorType, InvalidToleranceErrorType } from '../errors/input.ts'
import type { ExtrinsicFailedErrorType, SignatureRejectedErrorType, TransactionInvalidErrorType } from '../errors/extrinsic.ts'
import type { ChainDisconnectedErrorType } from '../errors/transport.ts'
import { connectedApi } from '../client.ts'
import { DEFAULT_TOLERANCE, assertTolerance, limitPriceBelow } from '../internal/limits.ts'
import { prepareTransaction, type PreparedTransaction } from '../internal/transaction.ts'
import type { Untyped } from '../internal/read.ts'
import { RAO_PER_TAO, assertAddress, assertAmount, assertNetuid } from '../units.ts'
import { getAlphaPrice } from './getAlphaPrice.ts'

export type SwapStakeLimitParameters = {
  hotkey: string
  originNetuid: number
  destinationNetuid: number
  /** RAO of the origin subnet's α. */
  amount: bigint
  /** How far the price ratio may fall, as a fraction (default 0.005 = 0.5 %). */
  tolerance?: number
  allowPartial?: boolean
}
/** `ratio`: origin price / destination price in RAO (1 = 1_000_000_000n); `limitPrice` = ratio·(1 − tolerance). */
export type SwapStakeLimitReturnType = PreparedTransaction<{ limitPrice: bigint; ratio: bigint }>
export type SwapStakeLimitErrorType =
  | InvalidAddressErrorType
  | InvalidAmountErrorType
  | InvalidToleranceErrorType
  | SignatureRejectedErrorType
  | TransactionInvalidErrorType
  | ExtrinsicFailedErrorType
  | ChainDisconnectedErrorType
  | WebtensorErrorType

/** `(await swapStakeLimit(client, { hotkey, originNetuid: 1, destinationNetuid: 2, amount })).send(signer)`. */
export async function swapStakeLimit(client: ChainClient, parameters: SwapStakeLimitParameters): Promise<SwapStakeLimitReturnType> {
  const { tolerance = DEFAULT_TOLERANCE, allowPartial = false } = parameters
  const hotkey = assertAddress(parameters.hotkey, 'hotkey')
  const originNetuid = assertNetuid(parameters.originNetuid, 'origin netuid')
  const destinationNetuid = assertNetuid(parameters.destinationNetuid, 'destination netuid')
  const amount = assertAmount(parameters.amount)
  assertTolerance(tolerance)
  const api = await connectedApi(client)
  const [origin, destination] = await Promise.all([getAlphaPrice(client, { netuid: originNetuid }), getAlphaPrice(client, { netuid: destinationNetuid })])
  const ratio = destination.rao === 0n ? 0n : (origin.rao * RAO_PER_TAO) / destination.rao
  const limitPrice = limitPriceBelow(ratio, tolerance)
  const extrinsic = (api.tx as Untyped).subtensorModule.swapStakeLimit(hotkey, originNetuid, destinationNetuid, amount, limitPrice, allowPartial)
  return prepareTransaction(
    client,
    api,
    { pallet: 'SubtensorModule', name: 'swap_stake_limit', args: { hotkey, originNetuid, destinationNetuid, alphaAmount: amount, limitPrice, allowPartial } },
    extrinsic,
    undefined,
    { limitPrice, ratio },
  )
}
