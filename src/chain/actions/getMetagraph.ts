// getMetagraph: a subnet's leaderboard in one runtime call (SubnetInfoRuntimeApi.get_metagraph): a plain row per UID, the subnet header and its hyperparameters.

import type { WebtensorErrorType } from '../errors/base.ts'
import { SubnetNotFoundError, type BlockNotFoundErrorType, type InvalidAmountErrorType, type SubnetNotFoundErrorType } from '../errors/input.ts'
import type { ChainDisconnectedErrorType, RuntimeApiMissingErrorType } from '../errors/transport.ts'
import { decodeAxon, decodeIdentity, type Axon, type SubnetIdentity } from '../internal/decode.ts'
import type { ApiPromise } from '@polkadot/api'
import { connectedApi, type ChainClient } from '../client.ts'
import { runtimeOutputDecoder } from '../internal/plain.ts'
import { big, bool, fixed, fraction, num, readAt, runtimeCallBytes, str, text, type At, type Hex, type Untyped } from '../internal/read.ts'
import { assertNetuid } from '../units.ts'

export type GetMetagraphParameters = { netuid: number; at?: At }

/** One UID. Stakes and emission are RAO; incentive, consensus and dividends are fractions 0–1. */
export type MetagraphRow = {
  uid: number
  hotkey: string
  coldkey: string
  /** Stake weight parts: α staked, τ (root stake) counted, and their total (`get_stake_weights_for_network`). */
  alphaStake: bigint
  taoStake: bigint
  totalStake: bigint
  incentive: number
  consensus: number
  dividends: number
  /** Not in the Metagraph struct (its `trust` is a different, retired vector): getNeuronsLite has it. */
  validatorTrust?: number
  /** α emitted to this UID in the last epoch. */
  emission: bigint
  /** α dividends this hotkey earned on the subnet. */
  alphaDividends: bigint
  validatorPermit: boolean
  active: boolean
  lastUpdate: number
  /** Blocks since the UID last set weights (`block − lastUpdate`). */
  blocksSinceUpdate: number
  blockAtRegistration: number
  /** Blocks of immunity left (0 once past the subnet's immunity period). */
  immunityLeft: number
  /** Where the neuron serves, if it has said. */
  axon: Axon | undefined
}

export type MetagraphHeader = {
  netuid: number
  name: string
  symbol: string
  identity: SubnetIdentity | undefined
  owner: { hotkey: string; coldkey: string }
  registeredAt: number
  /** The block the metagraph was computed at. */
  block: number
  tempo: number
  lastStep: number
  blocksSinceLastStep: number
  taoIn: bigint
  alphaIn: bigint
  alphaOut: bigint
  emission: { taoIn: bigint; alphaIn: bigint; alphaOut: bigint; pendingAlpha: bigint }
  volume: bigint
  movingPrice: number
  numUids: number
  maxUids: number
  burn: bigint
}

export type Hyperparameters = {
  rho: number
  kappa: number
  minAllowedWeights: number
  maxWeightsLimit: number
  weightsVersion: bigint
  weightsRateLimit: number
  activityCutoff: number
  maxValidators: number
  immunityPeriod: number
  registrationAllowed: boolean
  powRegistrationAllowed: boolean
  difficulty: bigint
  minDifficulty: bigint
  maxDifficulty: bigint
  minBurn: bigint
  maxBurn: bigint
  adjustmentAlpha: bigint
  adjustmentInterval: number
  targetRegsPerInterval: number
  maxRegsPerBlock: number
  servingRateLimit: number
  commitRevealWeightsEnabled: boolean
  commitRevealPeriod: number
  liquidAlphaEnabled: boolean
  alphaHigh: number
  alphaLow: number
  bondsMovingAvg: bigint
}

export type GetMetagraphReturnType = { blockHash: Hex; subnet: MetagraphHeader; hyperparameters: Hyperparameters; neurons: MetagraphRow[] }
export type GetMetagraphErrorType = SubnetNotFoundErrorType | InvalidAmountErrorType | BlockNotFoundErrorType | ChainDisconnectedErrorType | RuntimeApiMissingErrorType | WebtensorErrorType

/** `getMetagraph(client, { netuid: 1, at: 'best' })`; SubnetNotFoundError for a netuid that does not exist. */
export async function getMetagraph(client: ChainClient, { netuid, at = 'best' }: GetMetagraphParameters): Promise<GetMetagraphReturnType> {
  assertNetuid(netuid)
  let hash: Hex
  if (at === 'best') {
    // The best header and the call at the node's best block in one round trip (not the block hash, then the call at it). The
    // Metagraph carries the number of the block it was computed at: when it is the header's, that header's hash is reported;
    // when a block came in between, the call is made again at the header's block.
    const api = await connectedApi(client)
    const [header, m] = await Promise.all([api.rpc.chain.getHeader(), metagraphAt(api, netuid)])
    if (m !== undefined && num(m.block) === header.number.toNumber()) return { blockHash: header.hash.toHex(), ...decodeMetagraph(m) }
    hash = header.hash.toHex()
  } else hash = (await readAt(client, at)).hash
  const m = await metagraphAt(await connectedApi(client), netuid, hash)
  if (m === undefined) throw new SubnetNotFoundError({ netuid })
  return { blockHash: hash, ...decodeMetagraph(m) }
}

/**
 * `SubnetInfoRuntimeApi.get_metagraph(netuid)` at `hash` (the best block without it), undefined for None: decoded to plain values
 * by polkadot-api's metadata-builders (internal/plain.ts), or as @polkadot/types codecs where the metadata has no runtime APIs (before v15).
 */
async function metagraphAt(api: ApiPromise, netuid: number, hash?: Hex): Promise<Untyped | undefined> {
  const { bytes, type } = await runtimeCallBytes(api, 'subnetInfoRuntimeApi', 'getMetagraph', [netuid], hash)
  const decode = runtimeOutputDecoder(api, 'SubnetInfoRuntimeApi', 'get_metagraph')
  if (decode) return decode(bytes) ?? undefined
  const result = api.registry.createTypeUnsafe<Untyped>(type, [bytes])
  return result.isSome ? result.unwrap() : undefined
}

/** The decoded `Metagraph` struct (@polkadot/types codecs, or internal/plain.ts values) as header, hyperparameters and rows (exported for the benchmark). */
export function decodeMetagraph(m: Untyped): Omit<GetMetagraphReturnType, 'blockHash'> {
  const block = num(m.block)
  const immunityPeriod = num(m.immunityPeriod)
  const list = (v: Untyped): Untyped[] => [...(v ?? [])]
  const hotkeys = list(m.hotkeys).map(str)
  const coldkeys = list(m.coldkeys).map(str)
  const [axons, active, permits, lastUpdate, emission, dividends, incentives, consensus, registeredAt, alphaStake, taoStake, totalStake, alphaDividends] = [
    m.axons,
    m.active,
    m.validatorPermit,
    m.lastUpdate,
    m.emission,
    m.dividends,
    m.incentives,
    m.consensus,
    m.blockAtRegistration,
    m.alphaStake,
    m.taoStake,
    m.totalStake,
    m.alphaDividendsPerHotkey,
  ].map(list) as Untyped[][]
  const neurons: MetagraphRow[] = hotkeys.map((hotkey, uid) => {
    const updated = num(lastUpdate![uid])
    const registered = num(registeredAt![uid])
    const row: MetagraphRow = {
      uid,
      hotkey,
      coldkey: coldkeys[uid] ?? '',
      alphaStake: big(alphaStake![uid]),
      taoStake: big(taoStake![uid]),
      totalStake: big(totalStake![uid]),
      incentive: fraction(incentives![uid]),
      consensus: fraction(consensus![uid]),
      dividends: fraction(dividends![uid]),
      emission: big(emission![uid]),
      alphaDividends: big(alphaDividends![uid]?.[1]),
      validatorPermit: bool(permits![uid]),
      active: bool(active![uid]),
      lastUpdate: updated,
      blocksSinceUpdate: Math.max(0, block - updated),
      blockAtRegistration: registered,
      immunityLeft: Math.max(0, registered + immunityPeriod - block),
      axon: axons![uid] ? decodeAxon(axons![uid]) : undefined,
    }
    return row
  })
  const subnet: MetagraphHeader = {
    netuid: num(m.netuid),
    name: text(m.name),
    symbol: text(m.symbol),
    identity: decodeIdentity(m.identity),
    owner: { hotkey: str(m.ownerHotkey), coldkey: str(m.ownerColdkey) },
    registeredAt: num(m.networkRegisteredAt),
    block,
    tempo: num(m.tempo),
    lastStep: num(m.lastStep),
    blocksSinceLastStep: num(m.blocksSinceLastStep),
    taoIn: big(m.taoIn),
    alphaIn: big(m.alphaIn),
    alphaOut: big(m.alphaOut),
    emission: { taoIn: big(m.taoInEmission), alphaIn: big(m.alphaInEmission), alphaOut: big(m.alphaOutEmission), pendingAlpha: big(m.pendingAlphaEmission) },
    volume: big(m.subnetVolume),
    movingPrice: fixed(m.movingPrice, 32),
    numUids: num(m.numUids),
    maxUids: num(m.maxUids),
    burn: big(m.burn),
  }
  const hyperparameters: Hyperparameters = {
    rho: num(m.rho),
    kappa: num(m.kappa),
    minAllowedWeights: num(m.minAllowedWeights),
    maxWeightsLimit: num(m.maxWeightsLimit),
    weightsVersion: big(m.weightsVersion),
    weightsRateLimit: num(m.weightsRateLimit),
    activityCutoff: num(m.activityCutoff),
    maxValidators: num(m.maxValidators),
    immunityPeriod,
    registrationAllowed: bool(m.registrationAllowed),
    powRegistrationAllowed: bool(m.powRegistrationAllowed),
    difficulty: big(m.difficulty),
    minDifficulty: big(m.minDifficulty),
    maxDifficulty: big(m.maxDifficulty),
    minBurn: big(m.minBurn),
    maxBurn: big(m.maxBurn),
    adjustmentAlpha: big(m.adjustmentAlpha),
    adjustmentInterval: num(m.adjustmentInterval),
    targetRegsPerInterval: num(m.targetRegsPerInterval),
    maxRegsPerBlock: num(m.maxRegsPerBlock),
    servingRateLimit: num(m.servingRateLimit),
    commitRevealWeightsEnabled: bool(m.commitRevealWeightsEnabled),
    commitRevealPeriod: num(m.commitRevealPeriod),
    liquidAlphaEnabled: bool(m.liquidAlphaEnabled),
    alphaHigh: num(m.alphaHigh),
    alphaLow: num(m.alphaLow),
    bondsMovingAvg: big(m.bondsMovingAvg),
  }
  return { subnet, hyperparameters, neurons }
}
