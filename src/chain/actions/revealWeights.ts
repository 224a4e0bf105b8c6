// revealWeights: a validator's hotkey reveals weights it committed (SubtensorModule.reveal_weights); the chain accepts them only in the
// epoch RevealPeriodEpochs after the commit's, and only if they hash to the commit.

import type { ChainClient } from '../client.ts'
import type { WebtensorErrorType } from '../errors/base.ts'
import type { InvalidAmountErrorType } from '../errors/input.ts'
import type { ExtrinsicFailedErrorType, SignatureRejectedErrorType, TransactionInvalidErrorType } from '../errors/extrinsic.ts'
import type { ChainDisconnectedErrorType } from '../errors/transport.ts'
import { connectedApi } from '../client.ts'
import { prepareTransaction, type PreparedTransaction } from '../internal/transaction.ts'
import type { Untyped } from '../internal/read.ts'
import { assertNetuid } from '../units.ts'
import { assertU16List, assertVersionKey, assertWeights } from './setWeights.ts'

export type RevealWeightsParameters = {
  netuid: number
  uids: number[]
  values: number[]
  /** The salt the commit was hashed with (u16s). */
  salt: number[]
  /** The version key the commit was hashed with (default 0n). */
  versionKey?: bigint
}
export type RevealWeightsReturnType = PreparedTransaction
export type RevealWeightsErrorType = InvalidAmountErrorType | SignatureRejectedErrorType | TransactionInvalidErrorType | ExtrinsicFailedErrorType | ChainDisconnectedErrorType | WebtensorErrorType

/** `(await revealWeights(client, { netuid, uids, values, salt, versionKey })).send(hotkey)`. */
export async function revealWeights(client: ChainClient, parameters: RevealWeightsParameters): Promise<RevealWeightsReturnType> {
  const netuid = assertNetuid(parameters.netuid)
  const { uids, values } = assertWeights(parameters.uids, parameters.values)
  const salt = assertU16List(parameters.salt, 'salt')
  const versionKey = assertVersionKey(parameters.versionKey ?? 0n)
  const api = await connectedApi(client)
  const extrinsic = (api.tx as Untyped).subtensorModule.revealWeights(netuid, uids, values, salt, versionKey)
  return prepareTransaction(client, api, { pallet: 'SubtensorModule', name: 'reveal_weights', args: { netuid, uids, values, salt, versionKey } }, extrinsic)
}
