// addStakeLimit: stake τ to a hotkey on a subnet, buying α only while the price stays within a slippage tolerance (SubtensorModule.add_stake_limit).

import type { ChainClient } from '../client.ts'
import type { WebtensorErrorType } from '../errors/base.ts'
import type { InsufficientBalanceErrorType, InvalidAddressErrorType, InvalidAmountErrorType, InvalidToleranceErrorType } from '../errors/input.ts'
import type { ExtrinsicFailedErrorType, SignatureRejectedErrorType, TransactionInvalidErrorType } from '../errors/extrinsic.ts'
import type { ChainDisconnectedErrorType } from '../errors/transport.ts'
import { connectedApi } from '../client.ts'
import { DEFAULT_TOLERANCE, assertTolerance, limitPriceAbove, requireBalance } from '../internal/limits.ts'
import { prepareTransaction, type PreparedTransaction } from '../internal/transaction.ts'
import type { Untyped } from '../internal/read.ts'
import { assertAddress, assertAmount, assertNetuid } from '../units.ts'
import { getAlphaPrice } from './getAlphaPrice.ts'

export type AddStakeLimitParameters = {
  hotkey: string
  netuid: number
  /** RAO of τ to stake. */
  amount: bigint
  /** How far the price may rise, as a fraction (default 0.005 = 0.5 %). */
  tolerance?: number
  /** The price the tolerance applies to, RAO of τ per α (default: the pool's current price). */
  price?: bigint
  /** Stake what fits under the limit instead of refusing (default false). */
  allowPartial?: boolean
}
/** The prepared transaction, and the limit price it carries: price·(1 + tolerance). */
export type AddStakeLimitReturnType = PreparedTransaction<{ limitPrice: bigint; price: bigint }>
export type AddStakeLimitErrorType =
  | InvalidAddressErrorType
  | InvalidAmountErrorType
  | InvalidToleranceErrorType
  | InsufficientBalanceErrorType
  | SignatureRejectedErrorType
  | TransactionInvalidErrorType
  | ExtrinsicFailedErrorType
  | ChainDisconnectedErrorType
  | WebtensorErrorType

/** `(await addStakeLimit(client, { hotkey, netuid: 1, amount: parseTao('10'), tolerance: 0.005 })).send(signer, { onStatus })`. */
export async function addStakeLimit(client: ChainClient, parameters: AddStakeLimitParameters): Promise<AddStakeLimitReturnType> {
  const { netuid, amount, tolerance = DEFAULT_TOLERANCE, allowPartial = false } = parameters
  const hotkey = assertAddress(parameters.hotkey, 'hotkey')
  assertNetuid(netuid)
  assertAmount(amount)
  assertTolerance(tolerance)
  const api = await connectedApi(client)
  const price = parameters.price ?? (await getAlphaPrice(client, { netuid })).rao
  const limitPrice = limitPriceAbove(price, tolerance)
  const extrinsic = (api.tx as Untyped).subtensorModule.addStakeLimit(hotkey, netuid, amount, limitPrice, allowPartial)
  return prepareTransaction(
    client,
    api,
    { pallet: 'SubtensorModule', name: 'add_stake_limit', args: { hotkey, netuid, amountStaked: amount, limitPrice, allowPartial } },
    extrinsic,
    (address) => requireBalance(api, extrinsic, address, amount),
    { limitPrice, price },
  )
}
