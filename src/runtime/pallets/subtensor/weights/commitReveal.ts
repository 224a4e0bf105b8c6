// Commit-reveal v2 (subtensor.md §6.1, §6.3): commit a hash of the weights, reveal them in the epoch exactly RevealPeriodEpochs later.
// From pallets/subtensor/src/subnets/weights.rs @ 14bc6f9 (`internal_commit_weights`, `do_batch_commit_weights`, `internal_reveal_weights`,
// `do_batch_reveal_weights`, `is_reveal_block_range`, `is_commit_expired`, `get_commit_hash`).
// Epochs are SubnetEpochIndex counts with look-ahead (`current_epoch_with_lookahead`, coinbase/schedule.ts), not block arithmetic.
import { blake2AsHex } from '@polkadot/util-crypto'
import type { DispatchContext, Origin } from '../../../framework/dispatch.ts'
import { dispatchError, ensureSigned } from '../../../framework/dispatch.ts'
import { AccountId, NetUidStorageIndex, type NetUid } from '../../../primitives/bittensor.ts'
import type { StorageBackend } from '../../../primitives/storage.ts'
import type { Hex } from '../../../primitives/types.ts'
import { Vec, tuple, u16, u64 } from '../../../primitives/types.ts'
import { currentEpochWithLookahead } from '../coinbase/schedule.ts'
import { events } from '../events.ts'
import { CommitRevealWeightsEnabled, RevealPeriodEpochs } from '../storage/hyperparams.ts'
import { Uids } from '../storage/neurons.ts'
import { WeightCommits } from '../storage/weights.ts'
import { currentBlock } from '../registration/neurons.ts'
import { withLayer } from './layer.ts'
import { MAIN_MECHANISM, checkRateLimit, ensureMechanismExists, mechanismStorageIndex, setLastUpdateForUid } from './mechanism.ts'
import { batchItem, closeBatch, doSetWeights, internalSetWeights } from './setWeights.ts'

const P = 'SubtensorModule'
/** At most this many unexpired commits per hotkey and storage index. */
export const MAX_UNREVEALED_COMMITS = 10
const U64_MAX = (1n << 64n) - 1n
const satAdd = (a: bigint, b: bigint) => (a + b > U64_MAX ? U64_MAX : a + b)

type Commit = [hash: Hex, commitEpoch: bigint, commitBlock: bigint, unused: bigint]

const CommitPreimage = tuple(AccountId, NetUidStorageIndex, Vec(u16), Vec(u16), Vec(u16), u64)

/** `get_commit_hash`: BlakeTwo256 of SCALE((who, netuid_index: u16, uids, values, salt, version_key: u64)). */
export function commitHash(who: AccountId, index: NetUidStorageIndex, uids: number[], values: number[], salt: number[], versionKey: bigint): Hex {
  return blake2AsHex(CommitPreimage.enc([who, index, uids, values, salt, versionKey]), 256) as Hex
}

const sameHash = (a: Hex, b: Hex) => a.toLowerCase() === b.toLowerCase()

/** `is_reveal_block_range`: the current epoch (with look-ahead) is exactly commit_epoch + RevealPeriodEpochs. */
export function isRevealEpoch(s: StorageBackend, netuid: NetUid, commitEpoch: bigint): boolean {
  return currentEpochWithLookahead(s, netuid) === satAdd(commitEpoch, RevealPeriodEpochs.get(s, netuid))
}

/** `is_commit_expired`: the current epoch (with look-ahead) is past commit_epoch + RevealPeriodEpochs. */
export function isCommitExpired(s: StorageBackend, netuid: NetUid, commitEpoch: bigint): boolean {
  return currentEpochWithLookahead(s, netuid) > satAdd(commitEpoch, RevealPeriodEpochs.get(s, netuid))
}

/** Drops expired commits from the front of the queue (in place); returns their hashes. */
function dropExpired(s: StorageBackend, netuid: NetUid, commits: Commit[]): Hex[] {
  const expired: Hex[] = []
  while (commits.length > 0 && isCommitExpired(s, netuid, commits[0]![1])) expired.push(commits.shift()![0])
  return expired
}

/**
 * `internal_commit_weights`: mechanism exists → signed → commit-reveal on → registered → rate limit (per storage index, as for weights)
 * → expired commits dropped → fewer than 10 left; then the commit `(hash, epoch with look-ahead, block, 0)` is queued, WeightsCommitted
 * emitted and LastUpdate set to the commit block (a commit counts as activity).
 */
export function internalCommitWeights(ctx: DispatchContext, origin: Origin, { netuid, mecid, commitHash: hash }: { netuid: NetUid; mecid: number; commitHash: Hex }): void {
  const s = ctx.storage
  ensureMechanismExists(s, netuid, mecid)
  const index = mechanismStorageIndex(netuid, mecid)
  const who = ensureSigned(origin)
  if (!CommitRevealWeightsEnabled.get(s, netuid)) throw dispatchError(P, 'CommitRevealDisabled')
  const uid = Uids.get(s, netuid, who)
  if (uid === undefined) throw dispatchError(P, 'HotKeyNotRegisteredInSubNet')
  const block = currentBlock(ctx)
  if (!checkRateLimit(s, index, uid, block)) throw dispatchError(P, 'CommittingWeightsTooFast')
  const commitEpoch = currentEpochWithLookahead(s, netuid)
  const commits = (WeightCommits.get(s, index, who) ?? []) as Commit[]
  dropExpired(s, netuid, commits)
  if (commits.length >= MAX_UNREVEALED_COMMITS) throw dispatchError(P, 'TooManyUnrevealedCommits')
  commits.push([hash, commitEpoch, block, 0n])
  WeightCommits.set(s, index, who, commits)
  ctx.deposit(events.WeightsCommitted([who, index, hash]))
  setLastUpdateForUid(s, index, uid, block)
}

export const doCommitWeights = (ctx: DispatchContext, origin: Origin, a: { netuid: NetUid; commitHash: Hex }) => internalCommitWeights(ctx, origin, { ...a, mecid: MAIN_MECHANISM })

/** `do_batch_commit_weights`: commit_weights per (netuid, hash), continuing on errors. */
export function doBatchCommitWeights(ctx: DispatchContext, origin: Origin, { netuids, commitHashes }: { netuids: NetUid[]; commitHashes: Hex[] }): void {
  const who = ensureSigned(origin)
  if (netuids.length !== commitHashes.length) throw dispatchError(P, 'InputLengthsUnequal')
  const results = netuids.map((netuid, i) => [netuid, batchItem(ctx, (inner) => doCommitWeights(inner, origin, { netuid, commitHash: commitHashes[i]! }))] as [NetUid, ReturnType<typeof batchItem>])
  closeBatch(ctx, who, netuids, results)
}

export interface RevealArgs {
  netuid: NetUid
  mecid: number
  uids: number[]
  values: number[]
  salt: number[]
  versionKey: bigint
}

/**
 * `internal_reveal_weights`: signed → commit-reveal on → a queue exists → expired commits dropped → the hash is among the rest
 * (else ExpiredWeightCommit if it was among the dropped, NoWeightsCommitFound if none are left, InvalidRevealCommitHashNotMatch)
 * → its epoch is the reveal epoch (RevealTooEarly). The commit and every older one are removed, and the weights are set as
 * set_mechanism_weights would (without its CommitRevealEnabled refusal); then WeightsRevealed. Nothing is written on any refusal.
 */
export function internalRevealWeights(ctx: DispatchContext, origin: Origin, a: RevealArgs): void {
  const s = ctx.storage
  const index = mechanismStorageIndex(a.netuid, a.mecid)
  const who = ensureSigned(origin)
  if (!CommitRevealWeightsEnabled.get(s, a.netuid)) throw dispatchError(P, 'CommitRevealDisabled')
  const stored = WeightCommits.get(s, index, who) as Commit[] | undefined
  if (stored === undefined) throw dispatchError(P, 'NoWeightsCommitFound')
  const commits = [...stored]
  const expired = dropExpired(s, a.netuid, commits)
  const hash = commitHash(who, index, a.uids, a.values, a.salt, a.versionKey)
  const wasExpired = expired.some((h) => sameHash(h, hash))
  if (commits.length === 0) throw dispatchError(P, wasExpired ? 'ExpiredWeightCommit' : 'NoWeightsCommitFound')
  const position = commits.findIndex(([h]) => sameHash(h, hash))
  if (position < 0) throw dispatchError(P, wasExpired ? 'ExpiredWeightCommit' : 'InvalidRevealCommitHashNotMatch')
  if (!isRevealEpoch(s, a.netuid, commits[position]![1])) throw dispatchError(P, 'RevealTooEarly')
  const rest = commits.slice(position + 1)
  // the weights first: a refusal there leaves the queue as it was (subtensor's try_mutate_exists writes only on Ok)
  internalSetWeights(ctx, origin, a)
  if (rest.length === 0) WeightCommits.remove(s, index, who)
  else WeightCommits.set(s, index, who, rest)
  ctx.deposit(events.WeightsRevealed([who, index, hash]))
}

export const doRevealWeights = (ctx: DispatchContext, origin: Origin, a: Omit<RevealArgs, 'mecid'>) => internalRevealWeights(ctx, origin, { ...a, mecid: MAIN_MECHANISM })

export interface BatchRevealArgs {
  netuid: NetUid
  uidsList: number[][]
  valuesList: number[][]
  saltsList: number[][]
  versionKeys: bigint[]
}

/**
 * `do_batch_reveal_weights` (mechanism 0): equal lengths → signed → commit-reveal on → a queue exists → expired dropped → every hash found
 * and in its reveal epoch (checked for all before any is applied) → each commit removed (only that one) and its weights set. All or nothing:
 * one refusal, including a refused set_weights part way through, leaves no trace. Then WeightsBatchRevealed(who, netuid, hashes).
 */
export function doBatchRevealWeights(ctx: DispatchContext, origin: Origin, a: BatchRevealArgs): void {
  const index = mechanismStorageIndex(a.netuid, MAIN_MECHANISM)
  const n = a.uidsList.length
  if (n !== a.valuesList.length || n !== a.saltsList.length || n !== a.versionKeys.length) throw dispatchError(P, 'InputLengthsUnequal')
  const who = ensureSigned(origin)
  withLayer(ctx, (inner) => {
    const s = inner.storage
    if (!CommitRevealWeightsEnabled.get(s, a.netuid)) throw dispatchError(P, 'CommitRevealDisabled')
    const stored = WeightCommits.get(s, index, who) as Commit[] | undefined
    if (stored === undefined) throw dispatchError(P, 'NoWeightsCommitFound')
    const commits = [...stored]
    const expired = dropExpired(s, a.netuid, commits)
    // subtensor hashes with the netuid here (the same u16 as the storage index of mechanism 0)
    const hashes = a.uidsList.map((uids, i) => commitHash(who, a.netuid, uids, a.valuesList[i]!, a.saltsList[i]!, a.versionKeys[i]!))
    const missing = (hash: Hex) => dispatchError(P, expired.some((h) => sameHash(h, hash)) ? 'ExpiredWeightCommit' : 'InvalidRevealCommitHashNotMatch')
    for (const hash of hashes) {
      const commit = commits.find(([h]) => sameHash(h, hash))
      if (commit === undefined) throw missing(hash)
      if (!isRevealEpoch(s, a.netuid, commit[1])) throw dispatchError(P, 'RevealTooEarly')
    }
    const revealed: Hex[] = []
    hashes.forEach((hash, i) => {
      const position = commits.findIndex(([h]) => sameHash(h, hash))
      if (position < 0) throw missing(hash)
      commits.splice(position, 1)
      doSetWeights(inner, origin, { netuid: a.netuid, uids: a.uidsList[i]!, values: a.valuesList[i]!, versionKey: a.versionKeys[i]! })
      revealed.push(hash)
    })
    if (commits.length === 0) WeightCommits.remove(s, index, who)
    else WeightCommits.set(s, index, who, commits)
    inner.deposit(events.WeightsBatchRevealed([who, a.netuid, revealed]))
  })
}
