// Plain typed values out of subtensor's runtime-API structs as @polkadot/api decodes them (camelCase fields, codecs inside).

import { big, fixed, num, option, str, text, type Untyped } from './read.ts'

export type SubnetIdentity = { name: string; github: string; contact: string; url: string; discord: string; description: string; logoUrl: string; additional: string }

export const decodeIdentity = (value: Untyped): SubnetIdentity | undefined =>
  option(value, (i) => ({
    name: text(i.subnetName),
    github: text(i.githubRepo),
    contact: text(i.subnetContact),
    url: text(i.subnetUrl),
    discord: text(i.discord),
    description: text(i.description),
    logoUrl: text(i.logoUrl),
    additional: text(i.additional),
  }))

export type Axon = { ip: string; port: number; ipType: 4 | 6; version: number; protocol: number; block: number }

/** `AxonInfo` (ip as u128) as `{ ip: '1.2.3.4', port, … }`; undefined when the neuron has not served one (ip 0). */
export function decodeAxon(value: Untyped): Axon | undefined {
  const ip = big(value.ip)
  if (ip === 0n) return undefined
  const ipType = num(value.ipType) === 6 ? 6 : 4
  const address =
    ipType === 4
      ? [24n, 16n, 8n, 0n].map((shift) => String((ip >> shift) & 0xffn)).join('.')
      : Array.from({ length: 8 }, (_, i) => ((ip >> BigInt(112 - 16 * i)) & 0xffffn).toString(16)).join(':')
  return { ip: address, port: num(value.port), ipType, version: num(value.version), protocol: num(value.protocol), block: num(value.block) }
}

export type DynamicInfo = {
  netuid: number
  name: string
  symbol: string
  owner: { hotkey: string; coldkey: string }
  tempo: number
  lastStep: number
  blocksSinceLastStep: number
  /** The subnet's pool: TAO and alpha reserves, and alpha held as stake outside it (RAO). */
  taoIn: bigint
  alphaIn: bigint
  alphaOut: bigint
  /** Injected into the pool / emitted per block (RAO). */
  emission: { taoIn: bigint; alphaIn: bigint; alphaOut: bigint }
  pendingAlphaEmission: bigint
  volume: bigint
  registeredAt: number
  identity: SubnetIdentity | undefined
  /** The EMA of the price (τ per α) that sets the subnet's share of emission. */
  movingPrice: number
}

export const decodeDynamicInfo = (d: Untyped): DynamicInfo => ({
  netuid: num(d.netuid),
  name: text(d.subnetName),
  symbol: text(d.tokenSymbol),
  owner: { hotkey: str(d.ownerHotkey), coldkey: str(d.ownerColdkey) },
  tempo: num(d.tempo),
  lastStep: num(d.lastStep),
  blocksSinceLastStep: num(d.blocksSinceLastStep),
  taoIn: big(d.taoIn),
  alphaIn: big(d.alphaIn),
  alphaOut: big(d.alphaOut),
  emission: { taoIn: big(d.taoInEmission), alphaIn: big(d.alphaInEmission), alphaOut: big(d.alphaOutEmission) },
  pendingAlphaEmission: big(d.pendingAlphaEmission),
  volume: big(d.subnetVolume),
  registeredAt: num(d.networkRegisteredAt),
  identity: decodeIdentity(d.subnetIdentity),
  movingPrice: fixed(d.movingPrice, 32),
})
