// registerLimit: register a hotkey on a subnet by burning, refused by the chain if the burn has risen above a limit (SubtensorModule.register_limit).

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
import { getRegistrationCost } from './getRegistrationCost.ts'

export type RegisterLimitParameters = {
  netuid: number
  hotkey: string
  /** The most to burn, RAO of τ (default: the current burn·(1 + tolerance)). */
  limitPrice?: bigint
  /** Used without `limitPrice` (default 0.005). */
  tolerance?: number
}
export type RegisterLimitReturnType = PreparedTransaction<{ burn: bigint; limitPrice: bigint }>
export type RegisterLimitErrorType =
  | InvalidAddressErrorType
  | InvalidAmountErrorType
  | InvalidToleranceErrorType
  | InsufficientBalanceErrorType
  | SignatureRejectedErrorType
  | TransactionInvalidErrorType
  | ExtrinsicFailedErrorType
  | ChainDisconnectedErrorType
  | WebtensorErrorType

/** `(await registerLimit(client, { netuid: 1, hotkey })).send(coldkeySigner)`. */
export async function registerLimit(client: ChainClient, parameters: RegisterLimitParameters): Promise<RegisterLimitReturnType> {
  const netuid = assertNetuid(parameters.netuid)
  const hotkey = assertAddress(parameters.hotkey, 'hotkey')
  const tolerance = assertTolerance(parameters.tolerance ?? DEFAULT_TOLERANCE)
  if (parameters.limitPrice !== undefined) assertAmount(parameters.limitPrice, 'limit price')
  const api = await connectedApi(client)
  const { burn = 0n } = await getRegistrationCost(client, { netuid })
  const limitPrice = parameters.limitPrice ?? limitPriceAbove(burn, tolerance)
  const extrinsic = (api.tx as Untyped).subtensorModule.registerLimit(netuid, hotkey, limitPrice)
  return prepareTransaction(client, api, { pallet: 'SubtensorModule', name: 'register_limit', args: { netuid, hotkey, limitPrice } }, extrinsic, (address) => requireBalance(api, extrinsic, address, burn), {
    burn,
    limitPrice,
  })
}
