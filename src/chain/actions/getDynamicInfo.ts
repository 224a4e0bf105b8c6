// getDynamicInfo: one subnet's pool, emission, tempo, owner and identity (SubnetInfoRuntimeApi.get_dynamic_info).

import type { ChainClient } from '../client.ts'
import type { WebtensorErrorType } from '../errors/base.ts'
import { SubnetNotFoundError, type BlockNotFoundErrorType, type InvalidAmountErrorType, type SubnetNotFoundErrorType } from '../errors/input.ts'
import type { ChainDisconnectedErrorType, RuntimeApiMissingErrorType } from '../errors/transport.ts'
import { decodeDynamicInfo, type DynamicInfo } from '../internal/decode.ts'
import { readAt, runtimeCall, type At } from '../internal/read.ts'
import { assertNetuid } from '../units.ts'

export type GetDynamicInfoParameters = { netuid: number; at?: At }
export type GetDynamicInfoReturnType = DynamicInfo
export type GetDynamicInfoErrorType = SubnetNotFoundErrorType | InvalidAmountErrorType | BlockNotFoundErrorType | ChainDisconnectedErrorType | RuntimeApiMissingErrorType | WebtensorErrorType

/** `getDynamicInfo(client, { netuid: 1, at: 'best' })`; SubnetNotFoundError for a netuid that does not exist. */
export async function getDynamicInfo(client: ChainClient, { netuid, at = 'best' }: GetDynamicInfoParameters): Promise<GetDynamicInfoReturnType> {
  assertNetuid(netuid)
  const { api, hash } = await readAt(client, at)
  const info = await runtimeCall(api, 'subnetInfoRuntimeApi', 'getDynamicInfo', [netuid], hash)
  if (!info.isSome) throw new SubnetNotFoundError({ netuid })
  return decodeDynamicInfo(info.unwrap())
}
