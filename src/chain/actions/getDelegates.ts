// getDelegates: every delegate (validator hotkey open to nominations) with its take, nominators, subnets and returns (DelegateInfoRuntimeApi.get_delegates).

import type { ChainClient } from '../client.ts'
import type { WebtensorErrorType } from '../errors/base.ts'
import type { BlockNotFoundErrorType } from '../errors/input.ts'
import type { ChainDisconnectedErrorType, RuntimeApiMissingErrorType } from '../errors/transport.ts'
import { big, fraction, num, readAt, runtimeCall, str, type At, type Untyped } from '../internal/read.ts'

export type GetDelegatesParameters = { at?: At }

export type Delegate = {
  hotkey: string
  /** The owner coldkey. */
  owner: string
  /** The delegate's cut of its nominators' emission, 0–1 (u16 / 65535). */
  take: number
  /** Each nominator's stake per subnet, RAO of α. */
  nominators: Array<{ coldkey: string; stakes: Array<{ netuid: number; amount: bigint }> }>
  registrations: number[]
  validatorPermits: number[]
  /** RAO earned per day per 1000 τ staked, after take (subtensor's estimate). */
  returnPer1000: bigint
  totalDailyReturn: bigint
}

export type GetDelegatesReturnType = Delegate[]
export type GetDelegatesErrorType = BlockNotFoundErrorType | ChainDisconnectedErrorType | RuntimeApiMissingErrorType | WebtensorErrorType

/** `getDelegates(client, { at: 'best' })`. */
export async function getDelegates(client: ChainClient, { at = 'best' }: GetDelegatesParameters = {}): Promise<GetDelegatesReturnType> {
  const { api, hash } = await readAt(client, at)
  const delegates = await runtimeCall(api, 'delegateInfoRuntimeApi', 'getDelegates', [], hash)
  return [...delegates].map((d: Untyped) => ({
    hotkey: str(d.delegateSs58),
    owner: str(d.ownerSs58),
    take: fraction(d.take),
    nominators: [...d.nominators].map(([coldkey, stakes]: Untyped) => ({ coldkey: str(coldkey), stakes: [...stakes].map(([netuid, amount]: Untyped) => ({ netuid: num(netuid), amount: big(amount) })) })),
    registrations: [...d.registrations].map(num),
    validatorPermits: [...d.validatorPermits].map(num),
    returnPer1000: big(d.returnPer1000),
    totalDailyReturn: big(d.totalDailyReturn),
  }))
}
