// registerNetwork: create a subnet owned by the signing coldkey, with `hotkey` as its owner hotkey, paying the network lock cost (SubtensorModule.register_network).

import type { ChainClient } from '../client.ts'
import type { WebtensorErrorType } from '../errors/base.ts'
import type { InsufficientBalanceErrorType, InvalidAddressErrorType } from '../errors/input.ts'
import type { ExtrinsicFailedErrorType, SignatureRejectedErrorType, TransactionInvalidErrorType } from '../errors/extrinsic.ts'
import type { ChainDisconnectedErrorType } from '../errors/transport.ts'
import { connectedApi } from '../client.ts'
import { requireBalance } from '../internal/limits.ts'
import { prepareTransaction, type PreparedTransaction } from '../internal/transaction.ts'
import type { Untyped } from '../internal/read.ts'
import { assertAddress } from '../units.ts'
import { getRegistrationCost } from './getRegistrationCost.ts'

export type RegisterNetworkParameters = { hotkey: string }
/** The prepared transaction and the lock cost quoted when it was built; the new netuid is in the `NetworkAdded` event. */
export type RegisterNetworkReturnType = PreparedTransaction<{ lockCost: bigint }>
export type RegisterNetworkErrorType =
  | InvalidAddressErrorType
  | InsufficientBalanceErrorType
  | SignatureRejectedErrorType
  | TransactionInvalidErrorType
  | ExtrinsicFailedErrorType
  | ChainDisconnectedErrorType
  | WebtensorErrorType

/** `(await registerNetwork(client, { hotkey })).send(ownerColdkey)`. */
export async function registerNetwork(client: ChainClient, parameters: RegisterNetworkParameters): Promise<RegisterNetworkReturnType> {
  const hotkey = assertAddress(parameters.hotkey, 'hotkey')
  const api = await connectedApi(client)
  const { networkLockCost } = await getRegistrationCost(client, {})
  const extrinsic = (api.tx as Untyped).subtensorModule.registerNetwork(hotkey)
  return prepareTransaction(client, api, { pallet: 'SubtensorModule', name: 'register_network', args: { hotkey } }, extrinsic, (address) => requireBalance(api, extrinsic, address, networkLockCost), {
    lockCost: networkLockCost,
  })
}
