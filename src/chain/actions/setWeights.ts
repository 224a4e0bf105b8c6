// setWeights: a validator's hotkey sets its weights on a subnet in one call (SubtensorModule.set_weights); the chain refuses it while the
// subnet uses commit-reveal (the default), where commitWeights and then revealWeights are the way.

import type { ChainClient } from '../client.ts'
import type { WebtensorErrorType } from '../errors/base.ts'
import { InvalidAmountError, type InvalidAmountErrorType } from '../errors/input.ts'
import type { ExtrinsicFailedErrorType, SignatureRejectedErrorType, TransactionInvalidErrorType } from '../errors/extrinsic.ts'
import type { ChainDisconnectedErrorType } from '../errors/transport.ts'
import { connectedApi } from '../client.ts'
import { prepareTransaction, type PreparedTransaction } from '../internal/transaction.ts'
import type { Untyped } from '../internal/read.ts'
import { assertNetuid } from '../units.ts'

const U16_MAX = 0xffff
const U64_MAX = (1n << 64n) - 1n

/** A list of u16s (uids, weights, a salt), or an InvalidAmountError naming the first bad entry. */
export function assertU16List(list: readonly number[], field: string): number[] {
  if (!Array.isArray(list)) throw new InvalidAmountError({ amount: String(list), field, reason: 'it must be a list of whole numbers from 0 to 65535' })
  const bad = list.findIndex((x) => !Number.isInteger(x) || x < 0 || x > U16_MAX)
  if (bad >= 0) throw new InvalidAmountError({ amount: String(list[bad]), field: `${field} entry ${bad}`, reason: 'each entry is a whole number from 0 to 65535 (u16)' })
  return [...list]
}

/** Weights as set_weights takes them: as many u16 values as u16 uids, no uid twice. */
export function assertWeights(uids: readonly number[], values: readonly number[]): { uids: number[]; values: number[] } {
  const u = assertU16List(uids, 'uids')
  const v = assertU16List(values, 'weights')
  if (u.length !== v.length) throw new InvalidAmountError({ amount: `${u.length} uids, ${v.length} weights`, field: 'weights', reason: 'give one weight per uid' })
  const seen = new Set<number>()
  for (const uid of u) {
    if (seen.has(uid)) throw new InvalidAmountError({ amount: String(uid), field: 'uids', reason: 'a uid appears twice (the chain refuses DuplicateUids)' })
    seen.add(uid)
  }
  return { uids: u, values: v }
}

/** A version key: a u64 as a bigint. */
export function assertVersionKey(versionKey: bigint): bigint {
  if (typeof versionKey !== 'bigint' || versionKey < 0n || versionKey > U64_MAX)
    throw new InvalidAmountError({ amount: String(versionKey), field: 'version key', reason: 'it must be a whole number from 0 to 2^64 − 1, as a bigint' })
  return versionKey
}

export type SetWeightsParameters = {
  netuid: number
  /** Destination UIDs (u16, no duplicates). */
  uids: number[]
  /** One u16 weight per UID (the chain max-upscales them to 65535). */
  values: number[]
  /** At least the subnet's WeightsVersionKey (default 0n). */
  versionKey?: bigint
}
export type SetWeightsReturnType = PreparedTransaction
export type SetWeightsErrorType = InvalidAmountErrorType | SignatureRejectedErrorType | TransactionInvalidErrorType | ExtrinsicFailedErrorType | ChainDisconnectedErrorType | WebtensorErrorType

/** `(await setWeights(client, { netuid, uids, values })).send(hotkey)`: signed by the validator's hotkey. */
export async function setWeights(client: ChainClient, parameters: SetWeightsParameters): Promise<SetWeightsReturnType> {
  const netuid = assertNetuid(parameters.netuid)
  const { uids, values } = assertWeights(parameters.uids, parameters.values)
  const versionKey = assertVersionKey(parameters.versionKey ?? 0n)
  const api = await connectedApi(client)
  const extrinsic = (api.tx as Untyped).subtensorModule.setWeights(netuid, uids, values, versionKey)
  return prepareTransaction(client, api, { pallet: 'SubtensorModule', name: 'set_weights', args: { netuid, dests: uids, weights: values, versionKey } }, extrinsic)
}
