// transferStake: give stake on a hotkey to another coldkey, possibly onto another subnet (SubtensorModule.transfer_stake; no price limit on the chain).

import type { ChainClient } from '../client.ts'
import type { WebtensorErrorType } from '../errors/base.ts'
import type { InvalidAddressErrorType, InvalidAmountErrorType } from '../errors/input.ts'
import type { ExtrinsicFailedErrorType, SignatureRejectedErrorType, TransactionInvalidErrorType } from '../errors/extrinsic.ts'
import type { ChainDisconnectedErrorType } from '../errors/transport.ts'
import { connectedApi } from '../client.ts'
import { prepareTransaction, type PreparedTransaction } from '../internal/transaction.ts'
import type { Untyped } from '../internal/read.ts'
import { assertAddress, assertAmount, assertNetuid } from '../units.ts'

export type TransferStakeParameters = {
  destinationColdkey: string
  hotkey: string
  originNetuid: number
  destinationNetuid: number
  /** RAO of the origin subnet's α. */
  amount: bigint
}
export type TransferStakeReturnType = PreparedTransaction
export type TransferStakeErrorType = InvalidAddressErrorType | InvalidAmountErrorType | SignatureRejectedErrorType | TransactionInvalidErrorType | ExtrinsicFailedErrorType | ChainDisconnectedErrorType | WebtensorErrorType

/** `(await transferStake(client, { destinationColdkey, hotkey, originNetuid: 1, destinationNetuid: 1, amount })).send(signer)`. */
export async function transferStake(client: ChainClient, parameters: TransferStakeParameters): Promise<TransferStakeReturnType> {
  const destinationColdkey = assertAddress(parameters.destinationColdkey, 'destination coldkey')
  const hotkey = assertAddress(parameters.hotkey, 'hotkey')
  const originNetuid = assertNetuid(parameters.originNetuid, 'origin netuid')
  const destinationNetuid = assertNetuid(parameters.destinationNetuid, 'destination netuid')
  const amount = assertAmount(parameters.amount)
  const api = await connectedApi(client)
  const extrinsic = (api.tx as Untyped).subtensorModule.transferStake(destinationColdkey, hotkey, originNetuid, destinationNetuid, amount)
  return prepareTransaction(client, api, { pallet: 'SubtensorModule', name: 'transfer_stake', args: { destinationColdkey, hotkey, originNetuid, destinationNetuid, alphaAmount: amount } }, extrinsic)
}
