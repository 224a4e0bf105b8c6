// getWeightsState: what a validator needs to know before it sets, commits or reveals weights on a subnet, read at one block: the epoch
// schedule (SubnetEpochIndex, LastEpochBlock, PendingEpochAt, Tempo), the weights hyperparameters, its UID, LastUpdate, its pending
// commits (WeightCommits) and the weights it has on chain (Weights).

import type { ChainClient } from '../client.ts'
import type { WebtensorErrorType } from '../errors/base.ts'
import type { BlockNotFoundErrorType, InvalidAddressErrorType, InvalidAmountErrorType } from '../errors/input.ts'
import type { ChainDisconnectedErrorType, RuntimeApiMissingErrorType } from '../errors/transport.ts'
import { big, bool, num, option, readAt, storageAt, storagesAt, str, type At, type Hex, type Untyped } from '../internal/read.ts'
import { assertAddress, assertNetuid } from '../units.ts'

export type GetWeightsStateParameters = {
  netuid: number
  /** The validator's hotkey (SS58-42). */
  hotkey: string
  /** Default `'best'`. */
  at?: At
}

/** One commit-reveal v2 commit: its hash, the epoch it was made in (SubnetEpochIndex with look-ahead) and its block. */
export type WeightsCommit = { hash: Hex; epoch: number; block: number }

export type GetWeightsStateReturnType = {
  blockHash: Hex
  /** The block read. */
  block: number
  netuid: number
  tempo: number
  /** SubnetEpochIndex: epochs run so far. */
  epochIndex: number
  lastEpochBlock: number
  /** A triggered epoch's block, 0 when none is pending. */
  pendingEpochAt: number
  blocksSinceLastStep: number
  commitRevealEnabled: boolean
  revealPeriodEpochs: number
  weightsSetRateLimit: number
  /** WeightsVersionKey: the lowest version key set_weights/reveal_weights accept (0 = any). */
  weightsVersionKey: bigint
  minAllowedWeights: number
  /** SubnetworkN: UIDs on the subnet. */
  subnetN: number
  /** StakeThreshold: the stake weight needed to set weights (RAO). */
  stakeThreshold: bigint
  /** The hotkey's UID, undefined when it holds none. */
  uid: number | undefined
  /** LastUpdate of the UID (0 = never); set by set_weights (commit-reveal off) and by commit_weights. */
  lastUpdate: number
  /** The hotkey's unrevealed commits, oldest first (expired ones included until the chain drops them). */
  commits: WeightsCommit[]
  /** The weights the UID has on chain: `[uid, value]` (max-upscaled to 65535). */
  weights: Array<[number, number]>
}

export type GetWeightsStateErrorType = InvalidAddressErrorType | InvalidAmountErrorType | BlockNotFoundErrorType | ChainDisconnectedErrorType | RuntimeApiMissingErrorType | WebtensorErrorType

/** `getWeightsState(client, { netuid, hotkey })`; mechanism 0 (the storage index of mechanism 0 is the netuid). */
export async function getWeightsState(client: ChainClient, parameters: GetWeightsStateParameters): Promise<GetWeightsStateReturnType> {
  const netuid = assertNetuid(parameters.netuid)
  const hotkey = assertAddress(parameters.hotkey, 'hotkey')
  const { api, hash } = await readAt(client, parameters.at ?? 'best')
  // one state_queryStorageAt for the sixteen items (a validator reads this twice a step), beside the header
  const [header, [uidOption, subnetN, tempo, epochIndex, lastEpochBlock, pendingEpochAt, blocksSinceLastStep, commitReveal, revealPeriod, rateLimit, versionKey, minAllowed, threshold, lastUpdate, commits]] = await Promise.all([
    api.rpc.chain.getHeader(hash),
    storagesAt(api, hash, [
      ['subtensorModule', 'uids', netuid, hotkey],
      ['subtensorModule', 'subnetworkN', netuid],
      ['subtensorModule', 'tempo', netuid],
      ['subtensorModule', 'subnetEpochIndex', netuid],
      ['subtensorModule', 'lastEpochBlock', netuid],
      ['subtensorModule', 'pendingEpochAt', netuid],
      ['subtensorModule', 'blocksSinceLastStep', netuid],
      ['subtensorModule', 'commitRevealWeightsEnabled', netuid],
      ['subtensorModule', 'revealPeriodEpochs', netuid],
      ['subtensorModule', 'weightsSetRateLimit', netuid],
      ['subtensorModule', 'weightsVersionKey', netuid],
      ['subtensorModule', 'minAllowedWeights', netuid],
      ['subtensorModule', 'stakeThreshold'],
      ['subtensorModule', 'lastUpdate', netuid],
      ['subtensorModule', 'weightCommits', netuid, hotkey],
    ]),
  ])
  const uid = option(uidOption, num)
  const weights: Array<[number, number]> = uid === undefined ? [] : [...(await storageAt(api, hash, 'subtensorModule', 'weights', netuid, uid))].map((pair: Untyped) => [num(pair[0]), num(pair[1])])
  const updates = [...(lastUpdate ?? [])].map(num)
  return {
    blockHash: hash,
    block: num((header as Untyped).number),
    netuid,
    tempo: num(tempo),
    epochIndex: num(epochIndex),
    lastEpochBlock: num(lastEpochBlock),
    pendingEpochAt: num(pendingEpochAt),
    blocksSinceLastStep: num(blocksSinceLastStep),
    commitRevealEnabled: bool(commitReveal),
    revealPeriodEpochs: num(revealPeriod),
    weightsSetRateLimit: num(rateLimit),
    weightsVersionKey: big(versionKey),
    minAllowedWeights: num(minAllowed),
    subnetN: num(subnetN),
    stakeThreshold: big(threshold),
    uid,
    lastUpdate: uid === undefined ? 0 : (updates[uid] ?? 0),
    commits: (option(commits, (list: Untyped) => [...list]) ?? []).map((c: Untyped) => ({ hash: str(c[0]) as Hex, epoch: num(c[1]), block: num(c[2]) })),
    weights,
  }
}
