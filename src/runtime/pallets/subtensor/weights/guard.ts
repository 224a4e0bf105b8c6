// subtensor's `CheckWeights` dispatch extension (pallets/subtensor/src/guards/check_weights.rs @ 14bc6f9): checks a signed weights call makes
// before it is dispatched — batch input lengths, the weights min stake on every netuid named, and for reveals that the commit exists and is
// in its reveal epoch. The same checks run in the pool's `validate` (SubtensorTransactionExtension, mapped to InvalidTransaction::Custom),
// and, through `frame_system::Config::DispatchExtension`, at dispatch, where a refusal is the dispatch error named here. The weights
// calls run it first (`weightsCallGuard`); the executive may call `checkWeights` for pool validation.
// Because it looks only for the hash among stored commits, a reveal of an unknown hash is refused here with NoWeightsCommitFound
// (not InvalidRevealCommitHashNotMatch), and a reveal of an expired one with RevealTooEarly (not ExpiredWeightCommit).
import type { Origin } from '../../../framework/dispatch.ts'
import { dispatchError } from '../../../framework/dispatch.ts'
import type { AccountId, NetUid, NetUidStorageIndex } from '../../../primitives/bittensor.ts'
import type { StorageBackend } from '../../../primitives/storage.ts'
import type { Hex } from '../../../primitives/types.ts'
import { checkWeightsMinStake } from '../staking/stakeWeight.ts'
import { WeightCommits } from '../storage/weights.ts'
import { commitHash, isRevealEpoch } from './commitReveal.ts'
import { mechanismStorageIndex } from './mechanism.ts'

/** The weights calls the guard applies to, with their arguments as decoded. */
export type WeightsCall =
  | { name: 'set_weights'; args: { netuid: NetUid } }
  | { name: 'set_mechanism_weights'; args: { netuid: NetUid } }
  | { name: 'commit_weights'; args: { netuid: NetUid } }
  | { name: 'commit_mechanism_weights'; args: { netuid: NetUid } }
  | { name: 'batch_set_weights'; args: { netuids: NetUid[]; weights: unknown[]; versionKeys: unknown[] } }
  | { name: 'batch_commit_weights'; args: { netuids: NetUid[]; commitHashes: unknown[] } }
  | { name: 'reveal_weights'; args: { netuid: NetUid; uids: number[]; values: number[]; salt: number[]; versionKey: bigint } }
  | { name: 'reveal_mechanism_weights'; args: { netuid: NetUid; mecid: number; uids: number[]; values: number[]; salt: number[]; versionKey: bigint } }
  | { name: 'batch_reveal_weights'; args: { netuid: NetUid; uidsList: number[][]; valuesList: number[][]; saltsList: number[][]; versionKeys: bigint[] } }

export type WeightsGuardError = 'InputLengthsUnequal' | 'NotEnoughStakeToSetWeights' | 'NoWeightsCommitFound' | 'RevealTooEarly'

/**
 * The CustomTransactionError each refusal maps to in the pool (extensions/subtensor.rs `From<Error<T>> for CustomTransactionError`), by name;
 * their codes are the executive's to assign.
 */
export const CUSTOM_TRANSACTION_ERROR: Record<WeightsGuardError, string> = {
  InputLengthsUnequal: 'InputLengthsUnequal',
  NotEnoughStakeToSetWeights: 'StakeAmountTooLow',
  NoWeightsCommitFound: 'CommitNotFound',
  RevealTooEarly: 'CommitBlockNotInRevealRange',
}

/** `check_reveal`: a stored commit with this hash, whose epoch is the reveal epoch. */
function checkReveal(
  s: StorageBackend, who: AccountId, netuid: NetUid, index: NetUidStorageIndex, uids: number[], values: number[], salt: number[], versionKey: bigint,
): WeightsGuardError | undefined {
  const commits = WeightCommits.get(s, index, who)
  if (commits === undefined) return 'NoWeightsCommitFound'
  const hash = commitHash(who, index, uids, values, salt, versionKey)
  const commit = commits.find(([h]) => (h as Hex).toLowerCase() === hash)
  if (commit === undefined) return 'NoWeightsCommitFound'
  return isRevealEpoch(s, netuid, commit[1]) ? undefined : 'RevealTooEarly'
}

/** `CheckWeights::check`: input lengths, then min stake, then the commit-reveal prerequisites; undefined when the call may go ahead. */
export function checkWeights(s: StorageBackend, who: AccountId, call: WeightsCall): WeightsGuardError | undefined {
  // check_input_lengths
  const a = call.args as Record<string, unknown[]>
  if (call.name === 'batch_commit_weights' && a.netuids!.length !== a.commitHashes!.length) return 'InputLengthsUnequal'
  if (call.name === 'batch_set_weights' && (a.netuids!.length !== a.weights!.length || a.netuids!.length !== a.versionKeys!.length)) return 'InputLengthsUnequal'
  if (call.name === 'batch_reveal_weights') {
    const n = call.args.uidsList.length
    if (n !== call.args.valuesList.length || n !== call.args.saltsList.length || n !== call.args.versionKeys.length) return 'InputLengthsUnequal'
  }
  // check_min_stake
  const netuids = call.name === 'batch_set_weights' || call.name === 'batch_commit_weights' ? call.args.netuids : [call.args.netuid]
  for (const netuid of netuids) if (!checkWeightsMinStake(s, who, netuid)) return 'NotEnoughStakeToSetWeights'
  // check_commit_reveal
  switch (call.name) {
    case 'reveal_weights': {
      const r = call.args
      return checkReveal(s, who, r.netuid, r.netuid, r.uids, r.values, r.salt, r.versionKey)
    }
    case 'reveal_mechanism_weights': {
      const r = call.args
      return checkReveal(s, who, r.netuid, mechanismStorageIndex(r.netuid, r.mecid), r.uids, r.values, r.salt, r.versionKey)
    }
    case 'batch_reveal_weights': {
      const r = call.args
      const commits = WeightCommits.get(s, r.netuid, who)
      if (commits === undefined) return 'NoWeightsCommitFound'
      for (let i = 0; i < r.uidsList.length; i++) {
        const hash = commitHash(who, r.netuid, r.uidsList[i]!, r.valuesList[i]!, r.saltsList[i]!, r.versionKeys[i]!)
        const commit = commits.find(([h]) => (h as Hex).toLowerCase() === hash)
        if (commit === undefined) return 'NoWeightsCommitFound'
        if (!isRevealEpoch(s, r.netuid, commit[1])) return 'RevealTooEarly'
      }
      return undefined
    }
    default:
      return undefined
  }
}

/** The guard at dispatch (`pre_dispatch`): only signed origins are checked; a refusal is the SubtensorModule error of that name. */
export function weightsCallGuard(s: StorageBackend, origin: Origin, call: WeightsCall): void {
  if (origin.type !== 'Signed') return
  const refused = checkWeights(s, origin.value, call)
  if (refused !== undefined) throw dispatchError('SubtensorModule', refused)
}
