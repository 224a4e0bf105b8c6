// getNeuronsLite: a subnet's neurons without weights and bonds (NeuronInfoRuntimeApi.get_neurons_lite), with validator trust.

import type { ChainClient } from '../client.ts'
import type { WebtensorErrorType } from '../errors/base.ts'
import type { BlockNotFoundErrorType, InvalidAmountErrorType } from '../errors/input.ts'
import type { ChainDisconnectedErrorType, RuntimeApiMissingErrorType } from '../errors/transport.ts'
import { decodeAxon, type Axon } from '../internal/decode.ts'
import { big, bool, fraction, num, readAt, runtimeCall, str, type At, type Untyped } from '../internal/read.ts'
import { assertNetuid } from '../units.ts'

export type GetNeuronsLiteParameters = { netuid: number; at?: At }

/** Stake and emission in RAO of α; incentive, consensus, validatorTrust and dividends as fractions 0–1. */
export type NeuronLite = {
  uid: number
  netuid: number
  hotkey: string
  coldkey: string
  active: boolean
  axon: Axon | undefined
  /** α staked to the hotkey on the subnet, by coldkey (subtensor reports one entry: the owner coldkey with TotalHotkeyAlpha). */
  stake: Array<{ coldkey: string; amount: bigint }>
  emission: bigint
  incentive: number
  consensus: number
  validatorTrust: number
  dividends: number
  lastUpdate: number
  validatorPermit: boolean
}

export type GetNeuronsLiteReturnType = NeuronLite[]
export type GetNeuronsLiteErrorType = InvalidAmountErrorType | BlockNotFoundErrorType | ChainDisconnectedErrorType | RuntimeApiMissingErrorType | WebtensorErrorType

/** `getNeuronsLite(client, { netuid: 1 })`: in UID order; empty for a subnet that does not exist. */
export async function getNeuronsLite(client: ChainClient, { netuid, at = 'best' }: GetNeuronsLiteParameters): Promise<GetNeuronsLiteReturnType> {
  assertNetuid(netuid)
  const { api, hash } = await readAt(client, at)
  const neurons = await runtimeCall(api, 'neuronInfoRuntimeApi', 'getNeuronsLite', [netuid], hash)
  return [...neurons].map((n: Untyped) => ({
    uid: num(n.uid),
    netuid: num(n.netuid),
    hotkey: str(n.hotkey),
    coldkey: str(n.coldkey),
    active: bool(n.active),
    axon: decodeAxon(n.axonInfo),
    stake: [...n.stake].map(([coldkey, amount]: Untyped) => ({ coldkey: str(coldkey), amount: big(amount) })),
    emission: big(n.emission),
    incentive: fraction(n.incentive),
    consensus: fraction(n.consensus),
    validatorTrust: fraction(n.validatorTrust),
    dividends: fraction(n.dividends),
    lastUpdate: num(n.lastUpdate),
    validatorPermit: bool(n.validatorPermit),
  }))
}
