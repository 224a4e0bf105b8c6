// commitWeights: a validator's hotkey commits the hash of its weights on a subnet (SubtensorModule.commit_weights, commit-reveal v2),
// to reveal them RevealPeriodEpochs epochs later with revealWeights.

import type { ChainClient } from '../client.ts'
import type { WebtensorErrorType } from '../errors/base.ts'
import { InvalidAmountError, type InvalidAmountErrorType } from '../errors/input.ts'
import type { ExtrinsicFailedErrorType, SignatureRejectedErrorType, TransactionInvalidErrorType } from '../errors/extrinsic.ts'
import type { ChainDisconnectedErrorType } from '../errors/transport.ts'
import { connectedApi } from '../client.ts'
import { prepareTransaction, type PreparedTransaction } from '../internal/transaction.ts'
import type { Hex, Untyped } from '../internal/read.ts'
import { assertNetuid } from '../units.ts'

export type CommitWeightsParameters = {
  netuid: number
  /** BlakeTwo256 of SCALE((hotkey, netuid, uids, values, salt, version_key)), as 0x-prefixed hex (32 bytes). */
  commitHash: Hex
}
export type CommitWeightsReturnType = PreparedTransaction
export type CommitWeightsErrorType = InvalidAmountErrorType | SignatureRejectedErrorType | TransactionInvalidErrorType | ExtrinsicFailedErrorType | ChainDisconnectedErrorType | WebtensorErrorType

/** `(await commitWeights(client, { netuid, commitHash })).send(hotkey)`. */
export async function commitWeights(client: ChainClient, parameters: CommitWeightsParameters): Promise<CommitWeightsReturnType> {
  const netuid = assertNetuid(parameters.netuid)
  const commitHash = String(parameters.commitHash ?? '')
  if (!/^0x[0-9a-fA-F]{64}$/.test(commitHash))
    throw new InvalidAmountError({ amount: commitHash, field: 'commit hash', reason: 'it must be 32 bytes as 0x-prefixed hex (64 hex digits)' })
  const api = await connectedApi(client)
  const extrinsic = (api.tx as Untyped).subtensorModule.commitWeights(netuid, commitHash)
  return prepareTransaction(client, api, { pallet: 'SubtensorModule', name: 'commit_weights', args: { netuid, commitHash } }, extrinsic)
}
