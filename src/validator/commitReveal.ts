// When a validator may put weights on chain, and how (pure): set_weights, or commit_weights then reveal_weights in the right epoch.
//
// The epoch arithmetic follows subtensor (subnets/weights.rs, coinbase/run_coinbase.rs; our runtime's coinbase/schedule.ts): commits
// are tagged with `current_epoch_with_lookahead` — SubnetEpochIndex, plus one when the epoch is due at that block — and may be
// revealed only while that value equals commit epoch + RevealPeriodEpochs. An epoch fires at the first block at least `tempo` blocks
// after LastEpochBlock (or at PendingEpochAt when the owner triggered one), and then every `tempo` blocks.
//
// A transaction sent when the best block is N is assumed to land in block N + 1 (the planner decides for that block). If it lands
// later and an epoch boundary passed in between, the chain refuses a reveal with RevealTooEarly / ExpiredWeightCommit; the next step
// plans again from the new state.
//
// The policy: reveal every commit of ours whose reveal epoch it is (oldest first: a reveal also drops older commits); commit at most
// once per epoch, when the rate limit (WeightsSetRateLimit since LastUpdate, which a commit sets) allows and fewer than 10 commits are
// pending; with commit-reveal off, set_weights whenever the rate limit allows.
import { decodeAddress } from '@polkadot/util-crypto'
import { u8aToHex } from '@polkadot/util'
import { commitHash as runtimeCommitHash, MAX_UNREVEALED_COMMITS } from '../runtime/pallets/subtensor/weights/commitReveal.ts'
import type { AccountId } from '../runtime/primitives/bittensor.ts'

export type Hex = `0x${string}`

/** The chain state a plan is made from (`getWeightsState` returns it). */
export type WeightsSchedule = {
  /** The best block now. */
  block: number
  tempo: number
  epochIndex: number
  lastEpochBlock: number
  pendingEpochAt: number
  commitRevealEnabled: boolean
  revealPeriodEpochs: number
  weightsSetRateLimit: number
  /** LastUpdate of the validator's UID (0 = never). */
  lastUpdate: number
  /** The validator's commits on chain. */
  commits: ReadonlyArray<{ hash: Hex; epoch: number; block: number }>
}

/** A commit this validator made and can reveal: the weights and salt it hashed. */
export type PendingCommit = { hash: Hex; netuid: number; uids: number[]; values: number[]; salt: number[]; versionKey: bigint }

export type WeightsAction =
  | { type: 'set_weights' }
  | { type: 'commit' }
  | { type: 'reveal'; commit: PendingCommit; epoch: number }

export type WeightsPlan = {
  /** What to send now, in this order. */
  actions: WeightsAction[]
  /** The epoch a transaction landing in the next block belongs to. */
  epoch: number
  /** The first block a new commit (or set_weights) can land in, if not now. */
  nextWeightsBlock: number | undefined
  /** The first block of the next reveal window of a pending commit of ours, if one is waiting. */
  nextRevealBlock: number | undefined
  /** Our commits the chain no longer holds or accepts a reveal for (revealed, or expired): forget them. */
  forget: Hex[]
  /** What the plan is waiting for, in words. */
  notes: string[]
}

/** The first block after `block` at which an epoch fires (undefined with tempo 0: epochs never run). */
export function nextEpochFireBlock(s: Pick<WeightsSchedule, 'block' | 'tempo' | 'lastEpochBlock' | 'pendingEpochAt'>): number | undefined {
  if (s.tempo === 0) return undefined
  let due = s.lastEpochBlock + s.tempo
  if (s.pendingEpochAt > 0 && s.pendingEpochAt < due) due = s.pendingEpochAt
  return Math.max(due, s.block + 1)
}

/** `current_epoch_with_lookahead` as it will read at `at` (> the schedule's block), assuming no owner trigger in between. */
export function epochAtBlock(s: Pick<WeightsSchedule, 'block' | 'tempo' | 'lastEpochBlock' | 'pendingEpochAt' | 'epochIndex'>, at: number): number {
  if (at <= s.block) throw new RangeError(`block ${at} is not after the best block ${s.block}`)
  const first = nextEpochFireBlock(s)
  if (first === undefined || at < first) return s.epochIndex
  return s.epochIndex + 1 + Math.floor((at - first) / s.tempo)
}

/** The first block (after the schedule's block) whose look-ahead epoch is `epoch`; undefined if it never comes. */
export function firstBlockOfEpoch(s: Pick<WeightsSchedule, 'block' | 'tempo' | 'lastEpochBlock' | 'pendingEpochAt' | 'epochIndex'>, epoch: number): number | undefined {
  if (epoch <= s.epochIndex) return undefined
  const first = nextEpochFireBlock(s)
  return first === undefined ? undefined : first + (epoch - s.epochIndex - 1) * s.tempo
}

/** The plan for the next block; `pending` are the commits this validator made and kept the salts of. */
export function planWeights(s: WeightsSchedule, pending: readonly PendingCommit[], { haveWeights = true }: { haveWeights?: boolean } = {}): WeightsPlan {
  const next = s.block + 1
  const epoch = epochAtBlock(s, next)
  const notes: string[] = []
  const rateLimitedUntil = s.lastUpdate === 0 ? 0 : s.lastUpdate + s.weightsSetRateLimit
  const rateOk = next >= rateLimitedUntil
  if (!rateOk) notes.push(`rate limited: the next weights may land in block ${rateLimitedUntil} (WeightsSetRateLimit ${s.weightsSetRateLimit} after block ${s.lastUpdate})`)

  if (!s.commitRevealEnabled) {
    const actions: WeightsAction[] = haveWeights && rateOk ? [{ type: 'set_weights' }] : []
    if (!haveWeights) notes.push('no scores yet')
    return { actions, epoch, nextWeightsBlock: rateOk ? undefined : rateLimitedUntil, nextRevealBlock: undefined, forget: [], notes }
  }

  // reveals
  const mine = new Map(pending.map((p) => [p.hash.toLowerCase(), p]))
  const actions: WeightsAction[] = []
  const forget: Hex[] = []
  let nextRevealBlock: number | undefined
  const live = s.commits.filter((c) => epoch <= c.epoch + s.revealPeriodEpochs)
  for (const c of [...s.commits].sort((a, b) => a.block - b.block)) {
    const revealEpoch = c.epoch + s.revealPeriodEpochs
    const ours = mine.get(c.hash.toLowerCase())
    if (epoch > revealEpoch) {
      if (ours) forget.push(ours.hash)
      continue
    }
    if (!ours) continue
    if (epoch === revealEpoch) actions.push({ type: 'reveal', commit: ours, epoch: c.epoch })
    else {
      const at = firstBlockOfEpoch(s, revealEpoch)
      if (at !== undefined && (nextRevealBlock === undefined || at < nextRevealBlock)) nextRevealBlock = at
    }
  }
  // our commits the chain no longer holds (revealed, or dropped as expired) are forgotten too
  const onChain = new Set(s.commits.map((c) => c.hash.toLowerCase()))
  for (const p of pending) if (!onChain.has(p.hash.toLowerCase())) forget.push(p.hash)
  const unknown = s.commits.filter((c) => !mine.has(c.hash.toLowerCase()) && epoch <= c.epoch + s.revealPeriodEpochs)
  if (unknown.length > 0) notes.push(`${unknown.length} pending commit(s) on chain whose salt this validator does not hold (made elsewhere or before a restart): they will expire`)

  // a commit: once per epoch, rate limit, at most MAX_UNREVEALED_COMMITS pending (a reveal frees its commit's slot and every older one's)
  const committedThisEpoch = s.commits.some((c) => c.epoch === epoch)
  const revealedUpTo = Math.max(-1, ...actions.map((a) => (a.type === 'reveal' ? (s.commits.find((c) => c.hash.toLowerCase() === a.commit.hash.toLowerCase())?.block ?? -1) : -1)))
  const slotsUsed = live.filter((c) => c.block > revealedUpTo).length
  let nextWeightsBlock: number | undefined
  if (committedThisEpoch) {
    nextWeightsBlock = firstBlockOfEpoch(s, epoch + 1)
    notes.push(`already committed in epoch ${epoch}; the next commit waits for epoch ${epoch + 1}${nextWeightsBlock === undefined ? '' : ` (block ${nextWeightsBlock})`}`)
  } else if (!rateOk) nextWeightsBlock = rateLimitedUntil
  else if (slotsUsed >= MAX_UNREVEALED_COMMITS) notes.push(`${slotsUsed} commits are waiting for their reveal (the chain holds at most ${MAX_UNREVEALED_COMMITS})`)
  else if (!haveWeights) notes.push('no scores yet')
  else actions.push({ type: 'commit' })
  return { actions, epoch, nextWeightsBlock, nextRevealBlock, forget, notes }
}

/** A random salt of eight u16s (what Bittensor's SDK uses), from the platform's CSPRNG. */
export function randomSalt(length = 8): number[] {
  return [...crypto.getRandomValues(new Uint16Array(length))]
}

/**
 * subtensor's `get_commit_hash` for mechanism 0: BlakeTwo256(SCALE((hotkey, netuid, uids, values, salt, version_key))) — the
 * devnet runtime's own function, so the validator and the chain cannot disagree.
 */
export function commitHash(hotkey: string, netuid: number, uids: number[], values: number[], salt: number[], versionKey: bigint): Hex {
  const who = u8aToHex(decodeAddress(hotkey)) as AccountId
  return runtimeCommitHash(who, netuid, uids, values, salt, versionKey) as Hex
}

/** The commit to send and keep until its reveal. */
export function makeCommit(hotkey: string, weights: { netuid: number; uids: number[]; values: number[]; versionKey: bigint }, salt: number[] = randomSalt()): PendingCommit {
  if (salt.some((x) => !Number.isInteger(x) || x < 0 || x > 0xffff)) throw new RangeError('a salt is a list of u16s')
  return { ...weights, salt: [...salt], hash: commitHash(hotkey, weights.netuid, weights.uids, weights.values, salt, weights.versionKey) }
}
