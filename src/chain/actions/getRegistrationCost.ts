// getRegistrationCost: what registering costs — a UID on a subnet (its current Burn) and a new subnet (the network lock cost).

import type { ChainClient } from '../client.ts'
import type { WebtensorErrorType } from '../errors/base.ts'
import type { BlockNotFoundErrorType, InvalidAmountErrorType } from '../errors/input.ts'
import type { ChainDisconnectedErrorType, RuntimeApiMissingErrorType } from '../errors/transport.ts'
import { big, readAt, runtimeCall, storageAt, type At } from '../internal/read.ts'
import { assertNetuid } from '../units.ts'

export type GetRegistrationCostParameters = { /** The subnet whose UID burn to read; omit for the network cost only. */ netuid?: number; at?: At }
/** RAO of τ. `burn` is undefined without `netuid`. */
export type GetRegistrationCostReturnType = { burn: bigint | undefined; networkLockCost: bigint }
export type GetRegistrationCostErrorType = InvalidAmountErrorType | BlockNotFoundErrorType | ChainDisconnectedErrorType | RuntimeApiMissingErrorType | WebtensorErrorType

/** `getRegistrationCost(client, { netuid: 1 })` → `{ burn, networkLockCost }`. */
export async function getRegistrationCost(client: ChainClient, { netuid, at = 'best' }: GetRegistrationCostParameters = {}): Promise<GetRegistrationCostReturnType> {
  if (netuid !== undefined) assertNetuid(netuid)
  const { api, hash } = await readAt(client, at)
  const [burn, lock] = await Promise.all([
    netuid === undefined ? undefined : storageAt(api, hash, 'subtensorModule', 'burn', netuid).then(big),
    runtimeCall(api, 'subnetRegistrationRuntimeApi', 'getNetworkRegistrationCost', [], hash).then(big),
  ])
  return { burn, networkLockCost: lock }
}
