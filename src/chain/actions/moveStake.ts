// moveStake: move the coldkey's stake from one hotkey and subnet to another hotkey and subnet (SubtensorModule.move_stake; no price limit on the chain).

import type { ChainClient } from '../client.ts'
import type { WebtensorErrorType } from '../errors/base.ts'
import type { InvalidAddressErrorType, InvalidAmountErrorType } from '../errors/input.ts'
import type { ExtrinsicFailedErrorType, SignatureRejectedErrorType, TransactionInvalidErrorType } from '../errors/extrinsic.ts'
import type { ChainDisconnectedErrorType } from '../errors/transport.ts'
import { connectedApi } from '../client.ts'
import { prepareTransaction, type PreparedTransaction } from '../internal/transaction.ts'
import type { Untyped } from '../internal/read.ts'
import { assertAddress, assertAmount, assertNetuid } from '../units.ts'

export type MoveStakeParameters = {
  originHotkey: string
  destinationHotkey: string
  originNetuid: number
  destinationNetuid: number
  /** RAO of the origin subnet's α. */
  amount: bigint
}
export type MoveStakeReturnType = PreparedTransaction
export type MoveStakeErrorType = InvalidAddressErrorType | InvalidAmountErrorType | SignatureRejectedErrorType | TransactionInvalidErrorType | ExtrinsicFailedErrorType | ChainDisconnectedErrorType | WebtensorErrorType

/** `(await moveStake(client, { originHotkey, destinationHotkey, originNetuid: 1, destinationNetuid: 1, amount })).send(signer)`. */
export async function moveStake(client: ChainClient, parameters: MoveStakeParameters): Promise<MoveStakeReturnType> {
  const originHotkey = assertAddress(parameters.originHotkey, 'origin hotkey')
  const destinationHotkey = assertAddress(parameters.destinationHotkey, 'destination hotkey')
  const originNetuid = assertNetuid(parameters.originNetuid, 'origin netuid')
  const destinationNetuid = assertNetuid(parameters.destinationNetuid, 'destination netuid')
  const amount = assertAmount(parameters.amount)
  const api = await connectedApi(client)
  const extrinsic = (api.tx as Untyped).subtensorModule.moveStake(originHotkey, destinationHotkey, originNetuid, destinationNetuid, amount)
  return prepareTransaction(client, api, { pallet: 'SubtensorModule', name: 'move_stake', args: { originHotkey, destinationHotkey, originNetuid, destinationNetuid, alphaAmount: amount } }, extrinsic)
}
