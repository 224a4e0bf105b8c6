// getStakeInfo: a coldkey's stake positions, one per (hotkey, subnet) with stake (StakeInfoRuntimeApi.get_stake_info_for_coldkey).

import type { ChainClient } from '../client.ts'
import type { WebtensorErrorType } from '../errors/base.ts'
import type { BlockNotFoundErrorType, InvalidAddressErrorType } from '../errors/input.ts'
import type { ChainDisconnectedErrorType, RuntimeApiMissingErrorType } from '../errors/transport.ts'
import { big, bool, num, readAt, runtimeCall, str, type At, type Untyped } from '../internal/read.ts'
import { assertAddress } from '../units.ts'

export type GetStakeInfoParameters = { coldkey: string; at?: At }

/** Amounts in RAO of the subnet's α (τ on root). */
export type StakePosition = {
  hotkey: string
  coldkey: string
  netuid: number
  stake: bigint
  locked: bigint
  /** α dividends the hotkey earned on the subnet (its last epoch). */
  emission: bigint
  taoEmission: bigint
  /** Whether the hotkey holds a UID on the subnet. */
  isRegistered: boolean
}

export type GetStakeInfoReturnType = StakePosition[]
export type GetStakeInfoErrorType = InvalidAddressErrorType | BlockNotFoundErrorType | ChainDisconnectedErrorType | RuntimeApiMissingErrorType | WebtensorErrorType

/** `getStakeInfo(client, { coldkey, at: 'best' })`: positions with nonzero stake, subnets outermost. */
export async function getStakeInfo(client: ChainClient, { coldkey, at = 'best' }: GetStakeInfoParameters): Promise<GetStakeInfoReturnType> {
  const who = assertAddress(coldkey, 'coldkey')
  const { api, hash } = await readAt(client, at)
  const infos = await runtimeCall(api, 'stakeInfoRuntimeApi', 'getStakeInfoForColdkey', [who], hash)
  return [...infos]
    .map((i: Untyped) => ({
      hotkey: str(i.hotkey),
      coldkey: str(i.coldkey),
      netuid: num(i.netuid),
      stake: big(i.stake),
      locked: big(i.locked),
      emission: big(i.emission),
      taoEmission: big(i.taoEmission),
      isRegistered: bool(i.isRegistered),
    }))
    .filter((p) => p.stake > 0n)
}
