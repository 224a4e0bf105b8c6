// removeStakeLimit: unstake α from a hotkey on a subnet, selling only while the price stays within a slippage tolerance (SubtensorModule.remove_stake_limit).

import type { ChainClient } from '../client.ts'
import type { WebtensorErrorType } from '../errors/base.ts'
import type { InvalidAddressErrorType, InvalidAmountErrorType, InvalidToleranceErrorType } from '../errors/input.ts'
import type { ExtrinsicFailedErrorType, SignatureRejectedErrorType, TransactionInvalidErrorType } from '../errors/extrinsic.ts'
import type { ChainDisconnectedErrorType } from '../errors/transport.ts'
import { connectedApi } from '../client.ts'
import { DEFAULT_TOLERANCE, assertTolerance, limitPriceBelow } from '../internal/limits.ts'
import { prepareTransaction, type PreparedTransaction } from '../internal/transaction.ts'
import type { Untyped } from '../internal/read.ts'
import { assertAddress, assertAmount, assertNetuid } from '../units.ts'
import { getAlphaPrice } from './getAlphaPrice.ts'

export type RemoveStakeLimitParameters = {
  hotkey: string
  netuid: number
  /** RAO of α to unstake. */
  amount: bigint
  /** How far the price may fall, as a fraction (default 0.005 = 0.5 %). */
  tolerance?: number
  /** The price the tolerance applies to, RAO of τ per α (default: the pool's current price). */
  price?: bigint
  allowPartial?: boolean
}
/** The prepared transaction, and the limit price it carries: price·(1 − tolerance). */
export type RemoveStakeLimitReturnType = PreparedTransaction<{ limitPrice: bigint; price: bigint }>
export type RemoveStakeLimitErrorType =
  | InvalidAddressErrorType
  | InvalidAmountErrorType
  | InvalidToleranceErrorType
  | SignatureRejectedErrorType
  | TransactionInvalidErrorType
  | ExtrinsicFailedErrorType
  | ChainDisconnectedErrorType
  | WebtensorErrorType

/** `(await removeStakeLimit(client, { hotkey, netuid: 1, amount: parseAlpha('5') })).send(signer)`; more than the position is the chain's NotEnoughStakeToWithdraw. */
export async function removeStakeLimit(client: ChainClient, parameters: RemoveStakeLimitParameters): Promise<RemoveStakeLimitReturnType> {
  const { netuid, amount, tolerance = DEFAULT_TOLERANCE, allowPartial = false } = parameters
  const hotkey = assertAddress(parameters.hotkey, 'hotkey')
  assertNetuid(netuid)
  assertAmount(amount)
  assertTolerance(tolerance)
  const api = await connectedApi(client)
  const price = parameters.price ?? (await getAlphaPrice(client, { netuid })).rao
  const limitPrice = limitPriceBelow(price, tolerance)
  const extrinsic = (api.tx as Untyped).subtensorModule.removeStakeLimit(hotkey, netuid, amount, limitPrice, allowPartial)
  return prepareTransaction(
    client,
    api,
    { pallet: 'SubtensorModule', name: 'remove_stake_limit', args: { hotkey, netuid, amountUnstaked: amount, limitPrice, allowPartial } },
    extrinsic,
    undefined,
    { limitPrice, price },
  )
}
