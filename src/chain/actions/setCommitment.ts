// setCommitment: a hotkey registered on a subnet publishes up to three data fields there (Commitments.set_commitment); webtensor miners
// publish their libp2p announcement this way. Fields of ≤ 128 bytes go as `Data::Raw<n>`, larger ones (≤ 512) as `Data::BigRaw`.

import { u8aToHex } from '@polkadot/util'
import type { ChainClient } from '../client.ts'
import type { WebtensorErrorType } from '../errors/base.ts'
import { InvalidAmountError, type InvalidAmountErrorType } from '../errors/input.ts'
import type { ExtrinsicFailedErrorType, SignatureRejectedErrorType, TransactionInvalidErrorType } from '../errors/extrinsic.ts'
import type { ChainDisconnectedErrorType } from '../errors/transport.ts'
import { connectedApi } from '../client.ts'
import { prepareTransaction, type PreparedTransaction } from '../internal/transaction.ts'
import type { Untyped } from '../internal/read.ts'
import { assertNetuid } from '../units.ts'

/** subtensor's bounds: `MaxFields` = 3, `Data::Raw` ≤ 128 bytes, `Data::BigRaw` ≤ 512 bytes (subtensor.md §4.5). */
export const MAX_COMMITMENT_FIELDS = 3
export const MAX_RAW_FIELD_BYTES = 128
export const MAX_BIG_RAW_FIELD_BYTES = 512

export type SetCommitmentParameters = { netuid: number; fields: Uint8Array[] }
export type SetCommitmentReturnType = PreparedTransaction
export type SetCommitmentErrorType = InvalidAmountErrorType | SignatureRejectedErrorType | TransactionInvalidErrorType | ExtrinsicFailedErrorType | ChainDisconnectedErrorType | WebtensorErrorType

/** A field as the metadata's `Data` enum takes it: `{ Raw<n>: hex }` or `{ BigRaw: hex }`. */
export function commitmentField(bytes: Uint8Array): Record<string, string> {
  if (bytes.length > MAX_BIG_RAW_FIELD_BYTES)
    throw new InvalidAmountError({ amount: String(bytes.length), field: 'commitment field', reason: `a field holds at most ${MAX_BIG_RAW_FIELD_BYTES} bytes` })
  return bytes.length <= MAX_RAW_FIELD_BYTES ? { [`Raw${bytes.length}`]: u8aToHex(bytes) } : { BigRaw: u8aToHex(bytes) }
}

/** `(await setCommitment(client, { netuid, fields: [bytes] })).send(hotkey)`: signed by the hotkey, which must hold a UID on `netuid`. */
export async function setCommitment(client: ChainClient, parameters: SetCommitmentParameters): Promise<SetCommitmentReturnType> {
  const netuid = assertNetuid(parameters.netuid)
  if (parameters.fields.length === 0 || parameters.fields.length > MAX_COMMITMENT_FIELDS)
    throw new InvalidAmountError({ amount: String(parameters.fields.length), field: 'commitment fields', reason: `a commitment has 1 to ${MAX_COMMITMENT_FIELDS} fields` })
  const fields = parameters.fields.map(commitmentField)
  const api = await connectedApi(client)
  const extrinsic = (api.tx as Untyped).commitments.setCommitment(netuid, { fields })
  return prepareTransaction(client, api, { pallet: 'Commitments', name: 'set_commitment', args: { netuid, fields: parameters.fields.map((f) => u8aToHex(f)) } }, extrinsic)
}
