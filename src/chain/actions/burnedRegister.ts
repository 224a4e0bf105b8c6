// burnedRegister: register a hotkey on a subnet by burning the current registration cost (SubtensorModule.burned_register).

import type { ChainClient } from '../client.ts'
import type { WebtensorErrorType } from '../errors/base.ts'
import type { InsufficientBalanceErrorType, InvalidAddressErrorType, InvalidAmountErrorType } from '../errors/input.ts'
import type { ExtrinsicFailedErrorType, SignatureRejectedErrorType, TransactionInvalidErrorType } from '../errors/extrinsic.ts'
import type { ChainDisconnectedErrorType } from '../errors/transport.ts'
import { connectedApi } from '../client.ts'
import { requireBalance } from '../internal/limits.ts'
import { prepareTransaction, type PreparedTransaction } from '../internal/transaction.ts'
import type { Untyped } from '../internal/read.ts'
import { assertAddress, assertNetuid } from '../units.ts'
import { getRegistrationCost } from './getRegistrationCost.ts'

export type BurnedRegisterParameters = { netuid: number; hotkey: string }
/** The prepared transaction and the burn quoted when it was built (the chain charges the burn current at inclusion). */
export type BurnedRegisterReturnType = PreparedTransaction<{ burn: bigint }>
export type BurnedRegisterErrorType =
  | InvalidAddressErrorType
  | InvalidAmountErrorType
  | InsufficientBalanceErrorType
  | SignatureRejectedErrorType
  | TransactionInvalidErrorType
  | ExtrinsicFailedErrorType
  | ChainDisconnectedErrorType
  | WebtensorErrorType

/** `(await burnedRegister(client, { netuid: 1, hotkey })).send(coldkeySigner)`; prefer registerLimit, which caps the price. */
export async function burnedRegister(client: ChainClient, parameters: BurnedRegisterParameters): Promise<BurnedRegisterReturnType> {
  const netuid = assertNetuid(parameters.netuid)
  const hotkey = assertAddress(parameters.hotkey, 'hotkey')
  const api = await connectedApi(client)
  const { burn = 0n } = await getRegistrationCost(client, { netuid })
  const extrinsic = (api.tx as Untyped).subtensorModule.burnedRegister(netuid, hotkey)
  return prepareTransaction(client, api, { pallet: 'SubtensorModule', name: 'burned_register', args: { netuid, hotkey } }, extrinsic, (address) => requireBalance(api, extrinsic, address, burn), {
    burn,
  })
}
