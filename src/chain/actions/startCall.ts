// startCall: the subnet owner starts a registered subnet: emission begins and staking opens (SubtensorModule.start_call).

import type { ChainClient } from '../client.ts'
import type { WebtensorErrorType } from '../errors/base.ts'
import type { InvalidAmountErrorType } from '../errors/input.ts'
import type { ExtrinsicFailedErrorType, SignatureRejectedErrorType, TransactionInvalidErrorType } from '../errors/extrinsic.ts'
import type { ChainDisconnectedErrorType } from '../errors/transport.ts'
import { connectedApi } from '../client.ts'
import { prepareTransaction, type PreparedTransaction } from '../internal/transaction.ts'
import type { Untyped } from '../internal/read.ts'
import { assertNetuid } from '../units.ts'

export type StartCallParameters = { netuid: number }
export type StartCallReturnType = PreparedTransaction
export type StartCallErrorType = InvalidAmountErrorType | SignatureRejectedErrorType | TransactionInvalidErrorType | ExtrinsicFailedErrorType | ChainDisconnectedErrorType | WebtensorErrorType

/** `(await startCall(client, { netuid })).send(ownerColdkey)`. */
export async function startCall(client: ChainClient, parameters: StartCallParameters): Promise<StartCallReturnType> {
  const netuid = assertNetuid(parameters.netuid)
  const api = await connectedApi(client)
  const extrinsic = (api.tx as Untyped).subtensorModule.startCall(netuid)
  return prepareTransaction(client, api, { pallet: 'SubtensorModule', name: 'start_call', args: { netuid } }, extrinsic)
}
