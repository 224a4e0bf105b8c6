// getEpochState: what the subnet's next Yuma epoch will read, as the `EpochState` of src/runtime/epoch.ts (runEpoch), from one block's
// state: the metagraph (stake weights, permits, activity, hyperparameters) plus the Weights, Bonds and pending commits. With it the app
// runs the chain's own epoch code for "what if" previews, so page and chain never disagree on the arithmetic.

import type { EpochState, SparseU16Row } from '../../runtime/epoch.ts'
import type { ChainClient } from '../client.ts'
import type { WebtensorErrorType } from '../errors/base.ts'
import type { BlockNotFoundErrorType, InvalidAmountErrorType, SubnetNotFoundErrorType } from '../errors/input.ts'
import type { ChainDisconnectedErrorType, RuntimeApiMissingErrorType } from '../errors/transport.ts'
import { big, bool, hasRuntimeCall, num, option, readAt, runtimeCall, storageAt, str, type At, type Hex, type Untyped } from '../internal/read.ts'
import { assertNetuid } from '../units.ts'
import { getMetagraph, type GetMetagraphReturnType } from './getMetagraph.ts'

export type GetEpochStateParameters = { netuid: number; at?: At }
/** `state.block` is the block the next epoch runs in (`nextEpochBlock`); `metagraph` is what the state came from. */
export type GetEpochStateReturnType = { blockHash: Hex; state: EpochState; metagraph: GetMetagraphReturnType; nextEpochBlock: number }
export type GetEpochStateErrorType = SubnetNotFoundErrorType | InvalidAmountErrorType | BlockNotFoundErrorType | ChainDisconnectedErrorType | RuntimeApiMissingErrorType | WebtensorErrorType

const rows = (entries: Array<[Untyped, Untyped]>, n: number): SparseU16Row[] => {
  const out: Array<Array<[number, number]>> = Array.from({ length: n }, () => [])
  for (const [key, value] of entries) {
    const uid = num(key.args[1])
    if (uid < n) out[uid] = [...value].map((pair: Untyped) => [num(pair[0]), num(pair[1])] as [number, number])
  }
  return out
}

/** Items newer than spec 224 (fixtures/subtensor.md §2, §3.3): their value, or what an older runtime behaves as. */
async function newerItem<T>(api: Untyped, hash: Hex, item: 'yuma3On' | 'alphaSigmoidSteepness' | 'subnetEpochIndex', netuid: number, read: (v: Untyped) => T): Promise<T | undefined> {
  if (!api.query.subtensorModule?.[item]) return undefined
  return read(await storageAt(api, hash, 'subtensorModule', item, netuid))
}

/** `getEpochState(client, { netuid })`: the inputs of the subnet's next epoch as of `at` (default the best block). */
export async function getEpochState(client: ChainClient, { netuid, at = 'best' }: GetEpochStateParameters): Promise<GetEpochStateReturnType> {
  assertNetuid(netuid)
  const { api, hash } = await readAt(client, at)
  const metagraph = await getMetagraph(client, { netuid, at: hash })
  const n = metagraph.neurons.length
  const h = metagraph.hyperparameters
  const tempo = metagraph.subnet.tempo
  const query = (api.query as Untyped).subtensorModule
  const [weights, bonds, commits, bondsPenalty, stakeThreshold, taoWeight, lastStep, ownerHotkey, revealPeriod, yuma3, steepness, epochIndex] = await Promise.all([
    query.weights.entriesAt(hash, netuid) as Promise<Array<[Untyped, Untyped]>>,
    query.bonds.entriesAt(hash, netuid) as Promise<Array<[Untyped, Untyped]>>,
    h.commitRevealWeightsEnabled ? (query.weightCommits.entriesAt(hash, netuid) as Promise<Array<[Untyped, Untyped]>>) : Promise.resolve([]),
    storageAt(api, hash, 'subtensorModule', 'bondsPenalty', netuid).then(num),
    storageAt(api, hash, 'subtensorModule', 'stakeThreshold').then(big),
    storageAt(api, hash, 'subtensorModule', 'taoWeight').then(big),
    storageAt(api, hash, 'subtensorModule', 'lastMechansimStepBlock', netuid).then(big),
    storageAt(api, hash, 'subtensorModule', 'subnetOwnerHotkey', netuid).then(str),
    storageAt(api, hash, 'subtensorModule', 'revealPeriodEpochs', netuid).then(big),
    newerItem(api, hash, 'yuma3On', netuid, bool),
    newerItem(api, hash, 'alphaSigmoidSteepness', netuid, num),
    newerItem(api, hash, 'subnetEpochIndex', netuid, big),
  ])


  // When the next epoch runs, and the epoch counter it sees (with look-ahead, the counter + 1): from the runtime where it has
  // get_next_epoch_start_block and SubnetEpochIndex, else from subtensor's older fixed schedule.
  const block = metagraph.subnet.block
  const nextEpochBlock = hasRuntimeCall(api, 'subnetInfoRuntimeApi', 'getNextEpochStartBlock')
    ? (option(await runtimeCall(api, 'subnetInfoRuntimeApi', 'getNextEpochStartBlock', [netuid], hash), num) ?? block + 1)
    : block + Math.max(1, tempo - metagraph.subnet.blocksSinceLastStep)
  const currentEpoch = epochIndex !== undefined ? epochIndex + 1n : (BigInt(nextEpochBlock) + BigInt(netuid) + 1n) / BigInt(tempo + 1)
  // With commit-reveal on, each hotkey's earliest commit that is not expired then (`is_commit_expired`: current epoch past
  // commit_epoch + RevealPeriodEpochs). A commit is (hash, commit_epoch, commit_block, _).
  const uidOf = new Map(metagraph.neurons.map((row) => [row.hotkey, row.uid]))
  const earliest = new Map<number, bigint>()
  for (const [key, queue] of commits) {
    const uid = uidOf.get(str(key.args[1]))
    if (uid === undefined || !queue?.isSome) continue
    const first = [...queue.unwrap()].find((c: Untyped) => currentEpoch <= big(c[1]) + revealPeriod)
    if (first) earliest.set(uid, big(first[2]))
  }

  const state: EpochState = {
    block: BigInt(nextEpochBlock),
    tempo,
    activityCutoff: BigInt(Math.max(1, h.activityCutoff)),
    kappa: h.kappa,
    bondsMovingAverage: h.bondsMovingAvg,
    bondsPenalty,
    liquidAlphaEnabled: h.liquidAlphaEnabled,
    alphaValues: [h.alphaLow, h.alphaHigh],
    alphaSigmoidSteepness: steepness ?? 1000,
    yuma3Enabled: yuma3 ?? false,
    maxAllowedValidators: h.maxValidators,
    stakeThreshold,
    taoWeight,
    lastMechanismStepBlock: lastStep,
    commitRevealEnabled: h.commitRevealWeightsEnabled,
    ...(uidOf.has(ownerHotkey) ? { ownerUid: uidOf.get(ownerHotkey)! } : {}),
    neurons: metagraph.neurons.map((row) => ({
      alphaStake: row.alphaStake,
      taoStake: row.taoStake,
      lastUpdate: BigInt(row.lastUpdate),
      blockAtRegistration: BigInt(row.blockAtRegistration),
      validatorPermit: row.validatorPermit,
      ...(earliest.has(row.uid) ? { earliestCommitBlock: earliest.get(row.uid)! } : {}),
    })),
    weights: rows(weights, n),
    bonds: rows(bonds, n),
  }
  return { blockHash: hash, state, metagraph, nextEpochBlock }
}

