// SubtensorModule weights (subtensor.md §6): set_weights and its refusals in subtensor's order, max-upscale, commit-reveal timing by epoch
// counter, batch forms, mechanisms, the CheckWeights guard, Commitments' ResetBondsFlag hook, and one polkadot-js commit → reveal round trip.
import { beforeEach, describe, expect, test } from 'vitest'
import { blake2AsHex } from '@polkadot/util-crypto'
import { signed, type DispatchContext, type RuntimeEventLike } from '../../../framework/dispatch.ts'
import type { AccountId } from '../../../primitives/bittensor.ts'
import type { StorageBackend } from '../../../primitives/storage.ts'
import type { Hex } from '../../../primitives/types.ts'
import { account, newTestExt, type TestExt } from '../../../testing/ext.ts'
import { TestChain, dev, pub } from '../../../testing/chain.ts'
import { appendNeuron } from '../registration/neurons.ts'
import {
  BondsResetOn, CommitRevealWeightsEnabled, MaxWeightsLimit, MechanismCountCurrent, MinAllowedWeights, RevealPeriodEpochs, StakeThreshold, WeightsSetRateLimit,
  WeightsVersionKey,
} from '../storage/hyperparams.ts'
import { Bonds, LastUpdate, Uids, ValidatorPermit, Weights } from '../storage/neurons.ts'
import { LastEpochBlock, SubnetEpochIndex, SubnetOwnerHotkey, Tempo } from '../storage/subnets.ts'
import { WeightCommits } from '../storage/weights.ts'
import { Number as SystemNumber } from '../../system/storage.ts'
import { checkVecMaxLimited, maxUpscale } from './upscale.ts'
import { maxWeightLimited } from './setWeights.ts'
import { commitHash, internalRevealWeights } from './commitReveal.ts'
import { mechanismStorageIndex } from './mechanism.ts'

const NETUID = 1
const M = 'SubtensorModule'
// genesis: netuid 1 has the zero account as uid 0; these become uids 1..4
const A = account(0xa1) // validator (permit)
const B = account(0xb2) // no permit
const C = account(0xc3)
const D = account(0xd4)
const STRANGER = account(0xee)
const UID = { A: 1, B: 2, C: 3, D: 4 }

let ext: TestExt
let s: StorageBackend
const block = () => BigInt(SystemNumber.get(s))
const err = (name: string) => ({ ok: false, error: `${M}.${name}` })

function setup(commitReveal: boolean) {
  ext = newTestExt()
  s = ext.storage
  const ctx = { storage: s } as DispatchContext
  for (const who of [A, B, C, D]) appendNeuron(ctx, NETUID, who, block())
  ValidatorPermit.set(s, NETUID, [false, true, false, false, false])
  CommitRevealWeightsEnabled.set(s, NETUID, commitReveal)
  WeightsSetRateLimit.set(s, NETUID, 0n)
  // an epoch counter that no hook moves during a test: the schedule is anchored at the current block
  Tempo.set(s, NETUID, 100)
  LastEpochBlock.set(s, NETUID, block())
  SubnetEpochIndex.set(s, NETUID, 5n)
}

/** Calls `name` and asserts it is refused with `error` leaving the block's pending writes exactly as they were. */
function refused(who: AccountId, name: string, args: Record<string, unknown>, error: string) {
  const before = ext.pendingChanges()
  expect(ext.call(who, M, name, args)).toEqual(err(error))
  expect(ext.pendingChanges()).toEqual(before)
}

const names = (r: ReturnType<TestExt['call']>) => (r.ok ? r.events.filter((e) => e.pallet === M).map((e) => e.name) : [])

describe('max-upscale (vec_u16_max_upscale_to_u16) and the max weight check', () => {
  test('worked by hand', () => {
    // max 3 ≤ 32768: round(v·65535/3): 21845, 43690, 65535
    expect(maxUpscale([1, 2, 3])).toEqual([21845, 43690, 65535])
    // max 2: 1·65535/2 = 32767.5 rounds half away from zero
    expect(maxUpscale([1, 2])).toEqual([32768, 65535])
    // max 40000 > 32768: 65535/40000 = 1.638375 truncated to I32F32 (7036874417/2^32); 12345·that = 20225.7393… → 20226,
    // and 40000·that = 65534.99999… → 65535
    expect(maxUpscale([40000, 12345])).toEqual([65535, 20226])
    expect(maxUpscale([0, 0, 0])).toEqual([0, 0, 0])
    expect(maxUpscale([])).toEqual([])
    expect(maxUpscale([7])).toEqual([65535])
  })

  test('check_vec_max_limited normalizes then compares with limit/65535; the call never applies it (limit is the constant u16::MAX)', () => {
    // [1, 1] normalizes to 0.5: 32768/65535 ≥ 0.5 > 32767/65535
    expect(checkVecMaxLimited([1, 1], 32768)).toBe(true)
    expect(checkVecMaxLimited([1, 1], 32767)).toBe(false)
    expect(checkVecMaxLimited([], 0)).toBe(true)
    expect(maxWeightLimited(1, [2, 3], [65535, 65535], 32767)).toBe(false) // MaxWeightExceeded would follow
    expect(maxWeightLimited(1, [1], [65535], 0)).toBe(true) // self-weight exempt
    expect(maxWeightLimited(1, [2, 3], [65535, 1])).toBe(true) // the spec-425 limit
  })
})

describe('set_weights (commit-reveal off)', () => {
  beforeEach(() => setup(false))

  test('stores the max-upscaled row, sets LastUpdate, emits WeightsSet(netuid_index, uid)', () => {
    const r = ext.call(A, M, 'set_weights', { netuid: NETUID, dests: [2, 3, 4], weights: [1, 2, 3], versionKey: 0n })
    expect(r).toEqual({ ok: true, events: [{ pallet: M, name: 'WeightsSet', value: [NETUID, UID.A] }] })
    expect(Weights.get(s, NETUID, UID.A)).toEqual([[2, 21845], [3, 43690], [4, 65535]])
    expect(LastUpdate.get(s, NETUID)[UID.A]).toBe(block())
    // a new set replaces the row
    expect(ext.call(A, M, 'set_weights', { netuid: NETUID, dests: [0, 1], weights: [65535, 0], versionKey: 0n }).ok).toBe(true)
    expect(Weights.get(s, NETUID, UID.A)).toEqual([[0, 65535], [1, 0]])
  })

  test('MaxWeightsLimit storage is not read at spec 425: one weight at 100% passes whatever it holds', () => {
    MaxWeightsLimit.set(s, NETUID, 1)
    expect(ext.call(A, M, 'set_weights', { netuid: NETUID, dests: [2, 3], weights: [65535, 0], versionKey: 0n }).ok).toBe(true)
  })

  test('every refusal of internal_set_weights, in order, writes nothing', () => {
    const args = (o: Record<string, unknown> = {}) => ({ netuid: NETUID, dests: [2, 3], weights: [1, 1], versionKey: 0n, ...o })
    CommitRevealWeightsEnabled.set(s, 0, false)
    refused(A, 'set_weights', args({ netuid: 0 }), 'CanNotSetRootNetworkWeights')
    refused(A, 'set_weights', args({ dests: [2, 3], weights: [1] }), 'WeightVecNotEqualSize')
    CommitRevealWeightsEnabled.set(s, 77, false)
    refused(A, 'set_weights', args({ netuid: 77 }), 'MechanismDoesNotExist')
    refused(A, 'set_mechanism_weights', { ...args(), mecid: 1 }, 'MechanismDoesNotExist')
    refused(A, 'set_weights', args({ dests: [0, 1, 2, 3, 4, 5], weights: [1, 1, 1, 1, 1, 1] }), 'UidsLengthExceedUidsInSubNet')
    refused(STRANGER, 'set_weights', args(), 'HotKeyNotRegisteredInSubNet')
    WeightsVersionKey.set(s, NETUID, 7n)
    refused(A, 'set_weights', args({ versionKey: 6n }), 'IncorrectWeightVersionKey')
    expect(ext.call(A, M, 'set_weights', args({ versionKey: 7n })).ok).toBe(true)
    WeightsVersionKey.set(s, NETUID, 0n)
    refused(B, 'set_weights', args(), 'NeuronNoValidatorPermit')
    refused(A, 'set_weights', args({ dests: [2, 2] }), 'DuplicateUids')
    refused(A, 'set_weights', args({ dests: [2, 9] }), 'UidVecContainInvalidOne')
    MinAllowedWeights.set(s, NETUID, 3)
    refused(A, 'set_weights', args(), 'WeightVecLengthIsLow')
    // min(MinAllowedWeights, SubnetworkN): with 5 neurons and a minimum of 8, five weights are enough
    MinAllowedWeights.set(s, NETUID, 8)
    expect(ext.call(A, M, 'set_weights', args({ dests: [0, 1, 2, 3, 4], weights: [1, 1, 1, 1, 1] })).ok).toBe(true)
  })

  test('NotEnoughStakeToSetWeights below StakeThreshold; the subnet owner is exempt', () => {
    StakeThreshold.set(s, 1n)
    refused(A, 'set_weights', { netuid: NETUID, dests: [2], weights: [1], versionKey: 0n }, 'NotEnoughStakeToSetWeights')
    SubnetOwnerHotkey.set(s, NETUID, A)
    expect(ext.call(A, M, 'set_weights', { netuid: NETUID, dests: [2], weights: [1], versionKey: 0n }).ok).toBe(true)
  })

  test('SettingWeightsTooFast: LastUpdate 0 passes, else now − LastUpdate ≥ WeightsSetRateLimit (per mechanism index)', () => {
    WeightsSetRateLimit.set(s, NETUID, 3n)
    // appendNeuron set LastUpdate to the registration block (this block)
    refused(A, 'set_weights', { netuid: NETUID, dests: [2], weights: [1], versionKey: 0n }, 'SettingWeightsTooFast')
    ext.stepBlocks(2)
    s = ext.storage
    refused(A, 'set_weights', { netuid: NETUID, dests: [2], weights: [1], versionKey: 0n }, 'SettingWeightsTooFast')
    ext.stepBlocks(1)
    s = ext.storage
    expect(ext.call(A, M, 'set_weights', { netuid: NETUID, dests: [2], weights: [1], versionKey: 0n }).ok).toBe(true)
    refused(A, 'set_weights', { netuid: NETUID, dests: [3], weights: [1], versionKey: 0n }, 'SettingWeightsTooFast')
    // a uid whose LastUpdate is 0 is never rate limited
    LastUpdate.mutate(s, NETUID, (v) => v.map((x, i) => (i === UID.B ? 0n : x)))
    expect(ext.call(B, M, 'set_weights', { netuid: NETUID, dests: [UID.B], weights: [1], versionKey: 0n }).ok).toBe(true)
  })

  test('self-weight exemptions: one weight on its own uid needs no permit and no minimum count', () => {
    MinAllowedWeights.set(s, NETUID, 4)
    expect(ext.call(B, M, 'set_weights', { netuid: NETUID, dests: [UID.B], weights: [9], versionKey: 0n }).ok).toBe(true)
    expect(Weights.get(s, NETUID, UID.B)).toEqual([[UID.B, 65535]])
    // not a self-weight: one weight on someone else, or two weights including itself
    refused(B, 'set_weights', { netuid: NETUID, dests: [UID.A], weights: [9], versionKey: 0n }, 'NeuronNoValidatorPermit')
    refused(B, 'set_weights', { netuid: NETUID, dests: [UID.B, UID.A], weights: [9, 1], versionKey: 0n }, 'NeuronNoValidatorPermit')
    // with a permit, a single non-self weight still falls below the minimum
    refused(A, 'set_weights', { netuid: NETUID, dests: [UID.B], weights: [9], versionKey: 0n }, 'WeightVecLengthIsLow')
  })

  test('owner exemption: the subnet owner hotkey sets weights without a validator permit', () => {
    refused(C, 'set_weights', { netuid: NETUID, dests: [1, 2], weights: [1, 1], versionKey: 0n }, 'NeuronNoValidatorPermit')
    SubnetOwnerHotkey.set(s, NETUID, C)
    expect(ext.call(C, M, 'set_weights', { netuid: NETUID, dests: [1, 2], weights: [1, 1], versionKey: 0n }).ok).toBe(true)
    expect(Weights.get(s, NETUID, UID.C)).toEqual([[1, 65535], [2, 65535]])
  })

  test('set_mechanism_weights stores under mecid·4096 + netuid when the subnet has that mechanism', () => {
    MechanismCountCurrent.set(s, NETUID, 2)
    const r = ext.call(A, M, 'set_mechanism_weights', { netuid: NETUID, mecid: 1, dests: [2, 3], weights: [1, 2], versionKey: 0n })
    expect(r).toEqual({ ok: true, events: [{ pallet: M, name: 'WeightsSet', value: [4097, UID.A] }] })
    expect(Weights.get(s, 4097, UID.A)).toEqual([[2, 32768], [3, 65535]])
    expect(Weights.contains(s, NETUID, UID.A)).toBe(false)
    // LastUpdate of the mechanism index, padded to SubnetworkN
    expect(LastUpdate.get(s, 4097)).toEqual([0n, block(), 0n, 0n, 0n])
    expect(mechanismStorageIndex(NETUID, 255)).toBe(65535) // saturating u16
  })

  test('batch_set_weights: each item as set_weights, failures reported and skipped', () => {
    // netuid 0 has commit-reveal on by default
    const r = ext.call(A, M, 'batch_set_weights', { netuids: [NETUID, 0, NETUID], weights: [[[2, 1], [3, 3]], [[1, 1]], [[2, 2], [2, 2]]], versionKeys: [0n, 0n, 0n] })
    expect(names(r)).toEqual(['WeightsSet', 'BatchCompletedWithErrors', 'BatchWeightItemFailed', 'BatchWeightItemFailed', 'BatchWeightsCompleted'])
    const evs = r.ok ? r.events : []
    const failed = evs.filter((e) => e.name === 'BatchWeightItemFailed').map((e) => e.value as [number, { type: string; value: { index: number; error: Hex } }])
    expect(failed.map(([n]) => n)).toEqual([0, NETUID])
    expect(failed.map(([, e]) => e.type)).toEqual(['Module', 'Module'])
    expect(evs.at(-1)!.value).toEqual([[NETUID, 0, NETUID], A])
    expect(Weights.get(s, NETUID, UID.A)).toEqual([[2, 21845], [3, 65535]])
    refused(A, 'batch_set_weights', { netuids: [NETUID], weights: [], versionKeys: [0n] }, 'InputLengthsUnequal')
  })

  test('commit_weights is refused with CommitRevealDisabled', () => {
    refused(A, 'commit_weights', { netuid: NETUID, commitHash: `0x${'11'.repeat(32)}` }, 'CommitRevealDisabled')
  })
})

describe('commit-reveal v2 (default on)', () => {
  beforeEach(() => setup(true))
  const W = { uids: [2, 3], values: [10, 30], salt: [1, 2, 3], versionKey: 0n }
  const hashOf = (who: AccountId, w = W, index = NETUID) => commitHash(who, index, w.uids, w.values, w.salt, w.versionKey)
  const reveal = (who: AccountId, w = W) => ext.call(who, M, 'reveal_weights', { netuid: NETUID, ...w })
  const ctxOf = (): DispatchContext & { deposited: RuntimeEventLike[] } => {
    const deposited: RuntimeEventLike[] = []
    return { storage: s, deposit: (e) => void deposited.push(e), dispatch: () => undefined, deposited }
  }

  test('set_weights is refused with CommitRevealEnabled', () => {
    refused(A, 'set_weights', { netuid: NETUID, dests: [2], weights: [1], versionKey: 0n }, 'CommitRevealEnabled')
    refused(A, 'set_mechanism_weights', { netuid: NETUID, mecid: 0, dests: [2], weights: [1], versionKey: 0n }, 'CommitRevealEnabled')
  })

  test('commit stores (hash, epoch, block, 0) and counts as activity; reveal at commit_epoch + RevealPeriodEpochs stores the weights', () => {
    const hash = hashOf(A)
    const c = ext.call(A, M, 'commit_weights', { netuid: NETUID, commitHash: hash })
    expect(c).toEqual({ ok: true, events: [{ pallet: M, name: 'WeightsCommitted', value: [A, NETUID, hash] }] })
    const committedAt = block()
    expect(WeightCommits.get(s, NETUID, A)).toEqual([[hash, 5n, committedAt, 0n]])
    LastUpdate.mutate(s, NETUID, (v) => v.map((x, i) => (i === UID.A ? 0n : x)))
    expect(ext.call(A, M, 'commit_weights', { netuid: NETUID, commitHash: hashOf(A, { ...W, salt: [9] }) }).ok).toBe(true)
    expect(LastUpdate.get(s, NETUID)[UID.A]).toBe(committedAt)
    // the same epoch: too early (the guard and the pallet both say RevealTooEarly)
    refused(A, 'reveal_weights', { netuid: NETUID, ...W }, 'RevealTooEarly')
    ext.stepBlocks(1)
    s = ext.storage
    SubnetEpochIndex.set(s, NETUID, 6n)
    const r = reveal(A)
    expect(r).toEqual({
      ok: true,
      events: [{ pallet: M, name: 'WeightsSet', value: [NETUID, UID.A] }, { pallet: M, name: 'WeightsRevealed', value: [A, NETUID, hash] }],
    })
    expect(Weights.get(s, NETUID, UID.A)).toEqual([[2, 21845], [3, 65535]])
    // the other commit (made after it) is still queued; a reveal does not touch LastUpdate while commit-reveal is on
    expect(WeightCommits.get(s, NETUID, A)!.map(([h]) => h)).toEqual([hashOf(A, { ...W, salt: [9] })])
    expect(LastUpdate.get(s, NETUID)[UID.A]).toBe(committedAt)
  })

  test('revealing a commit drops every older one; the last reveal removes the queue', () => {
    const ws = [1, 2, 3].map((k) => ({ ...W, salt: [k] }))
    for (const w of ws) expect(ext.call(A, M, 'commit_weights', { netuid: NETUID, commitHash: hashOf(A, w) }).ok).toBe(true)
    SubnetEpochIndex.set(s, NETUID, 6n)
    expect(reveal(A, ws[1]).ok).toBe(true)
    expect(WeightCommits.get(s, NETUID, A)!.map(([h]) => h)).toEqual([hashOf(A, ws[2])])
    expect(reveal(A, ws[2]).ok).toBe(true)
    expect(WeightCommits.contains(s, NETUID, A)).toBe(false)
  })

  test('exact epochs: with RevealPeriodEpochs 2, epoch +1 is too early, +2 reveals, +3 is expired', () => {
    RevealPeriodEpochs.set(s, NETUID, 2n)
    expect(ext.call(A, M, 'commit_weights', { netuid: NETUID, commitHash: hashOf(A) }).ok).toBe(true)
    SubnetEpochIndex.set(s, NETUID, 6n)
    refused(A, 'reveal_weights', { netuid: NETUID, ...W }, 'RevealTooEarly')
    SubnetEpochIndex.set(s, NETUID, 8n)
    // ExpiredWeightCommit from the pallet; the CheckWeights guard, which sees the hash still stored, refuses first with RevealTooEarly
    const before = ext.pendingChanges()
    expect(() => internalRevealWeights(ctxOf(), signed(A), { netuid: NETUID, mecid: 0, ...W })).toThrow(`${M}.ExpiredWeightCommit`)
    expect(ext.pendingChanges()).toEqual(before)
    refused(A, 'reveal_weights', { netuid: NETUID, ...W }, 'RevealTooEarly')
    SubnetEpochIndex.set(s, NETUID, 7n)
    expect(reveal(A).ok).toBe(true)
  })

  test('the epoch of a commit looks ahead: on a block where the epoch is due, it belongs to the next one', () => {
    Tempo.set(s, NETUID, 1)
    LastEpochBlock.set(s, NETUID, block() - 1n) // a tempo has passed: should_run_epoch at this block
    expect(ext.call(A, M, 'commit_weights', { netuid: NETUID, commitHash: hashOf(A) }).ok).toBe(true)
    expect(WeightCommits.get(s, NETUID, A)![0]![1]).toBe(6n)
    // the epoch fired: counter 6, schedule re-anchored; the reveal epoch is 7
    LastEpochBlock.set(s, NETUID, block())
    SubnetEpochIndex.set(s, NETUID, 6n)
    refused(A, 'reveal_weights', { netuid: NETUID, ...W }, 'RevealTooEarly')
    LastEpochBlock.set(s, NETUID, block() - 1n) // due again: the look-ahead makes the current epoch 7
    expect(reveal(A).ok).toBe(true)
  })

  test('hash mismatch, missing commit, commit-reveal disabled', () => {
    refused(A, 'reveal_weights', { netuid: NETUID, ...W }, 'NoWeightsCommitFound')
    expect(ext.call(A, M, 'commit_weights', { netuid: NETUID, commitHash: hashOf(A) }).ok).toBe(true)
    SubnetEpochIndex.set(s, NETUID, 6n)
    const wrong = { ...W, salt: [3, 2, 1] }
    // the pallet says InvalidRevealCommitHashNotMatch; at dispatch the CheckWeights guard finds no such hash first
    const before = ext.pendingChanges()
    expect(() => internalRevealWeights(ctxOf(), signed(A), { netuid: NETUID, mecid: 0, ...wrong })).toThrow(`${M}.InvalidRevealCommitHashNotMatch`)
    expect(ext.pendingChanges()).toEqual(before)
    refused(A, 'reveal_weights', { netuid: NETUID, ...wrong }, 'NoWeightsCommitFound')
    // the hash binds the hotkey: B revealing A's weights finds nothing
    refused(B, 'reveal_weights', { netuid: NETUID, ...W }, 'NoWeightsCommitFound')
    CommitRevealWeightsEnabled.set(s, NETUID, false)
    refused(A, 'reveal_weights', { netuid: NETUID, ...W }, 'CommitRevealDisabled')
  })

  test('a reveal whose weights are refused leaves the commit queued', () => {
    const w = { ...W, uids: [2, 2], values: [1, 1] }
    expect(ext.call(A, M, 'commit_weights', { netuid: NETUID, commitHash: hashOf(A, w) }).ok).toBe(true)
    SubnetEpochIndex.set(s, NETUID, 6n)
    refused(A, 'reveal_weights', { netuid: NETUID, ...w }, 'DuplicateUids')
    expect(WeightCommits.get(s, NETUID, A)).toHaveLength(1)
  })

  test('commit refusals: not registered, too fast, too many unrevealed (expired ones are dropped first), unknown mechanism', () => {
    refused(STRANGER, 'commit_weights', { netuid: NETUID, commitHash: hashOf(STRANGER) }, 'HotKeyNotRegisteredInSubNet')
    refused(A, 'commit_weights', { netuid: 77, commitHash: hashOf(A) }, 'MechanismDoesNotExist')
    refused(A, 'commit_mechanism_weights', { netuid: NETUID, mecid: 1, commitHash: hashOf(A) }, 'MechanismDoesNotExist')
    WeightsSetRateLimit.set(s, NETUID, 5n)
    refused(A, 'commit_weights', { netuid: NETUID, commitHash: hashOf(A) }, 'CommittingWeightsTooFast') // LastUpdate = registration block
    WeightsSetRateLimit.set(s, NETUID, 0n)
    for (let k = 0; k < 10; k++) expect(ext.call(A, M, 'commit_weights', { netuid: NETUID, commitHash: hashOf(A, { ...W, salt: [k] }) }).ok).toBe(true)
    refused(A, 'commit_weights', { netuid: NETUID, commitHash: hashOf(A, { ...W, salt: [10] }) }, 'TooManyUnrevealedCommits')
    SubnetEpochIndex.set(s, NETUID, 7n) // all ten expired (5 + 1 < 7)
    expect(ext.call(A, M, 'commit_weights', { netuid: NETUID, commitHash: hashOf(A, { ...W, salt: [10] }) }).ok).toBe(true)
    expect(WeightCommits.get(s, NETUID, A)).toEqual([[hashOf(A, { ...W, salt: [10] }), 7n, block(), 0n]])
  })

  test('NotEnoughStakeToSetWeights guards commits and reveals too (CheckWeights)', () => {
    StakeThreshold.set(s, 1n)
    refused(A, 'commit_weights', { netuid: NETUID, commitHash: hashOf(A) }, 'NotEnoughStakeToSetWeights')
    refused(A, 'reveal_weights', { netuid: NETUID, ...W }, 'NotEnoughStakeToSetWeights')
    refused(A, 'batch_commit_weights', { netuids: [NETUID], commitHashes: [hashOf(A)] }, 'NotEnoughStakeToSetWeights')
  })

  test('batch_commit_weights: items committed or reported; batch_reveal_weights reveals all or nothing', () => {
    const ws = [1, 2].map((k) => ({ ...W, values: [k, 2 * k], salt: [k] }))
    const r = ext.call(A, M, 'batch_commit_weights', { netuids: [NETUID, 77, NETUID], commitHashes: [hashOf(A, ws[0]), hashOf(A, ws[0]), hashOf(A, ws[1])] })
    expect(names(r)).toEqual(['WeightsCommitted', 'WeightsCommitted', 'BatchCompletedWithErrors', 'BatchWeightItemFailed', 'BatchWeightsCompleted'])
    expect(WeightCommits.get(s, NETUID, A)).toHaveLength(2)
    refused(A, 'batch_commit_weights', { netuids: [NETUID], commitHashes: [] }, 'InputLengthsUnequal')

    const batch = (list: typeof ws) => ({ netuid: NETUID, uidsList: list.map((w) => w.uids), valuesList: list.map((w) => w.values), saltsList: list.map((w) => w.salt), versionKeys: list.map((w) => w.versionKey) })
    refused(A, 'batch_reveal_weights', batch(ws), 'RevealTooEarly')
    SubnetEpochIndex.set(s, NETUID, 6n)
    refused(A, 'batch_reveal_weights', { ...batch(ws), saltsList: [[1]] }, 'InputLengthsUnequal')
    refused(A, 'batch_reveal_weights', batch([ws[0]!, { ...W, salt: [42] }]), 'NoWeightsCommitFound')
    const ok = ext.call(A, M, 'batch_reveal_weights', batch(ws))
    expect(ok).toEqual({
      ok: true,
      events: [
        { pallet: M, name: 'WeightsSet', value: [NETUID, UID.A] },
        { pallet: M, name: 'WeightsSet', value: [NETUID, UID.A] },
        { pallet: M, name: 'WeightsBatchRevealed', value: [A, NETUID, [hashOf(A, ws[0]), hashOf(A, ws[1])]] },
      ],
    })
    expect(Weights.get(s, NETUID, UID.A)).toEqual([[2, 32768], [3, 65535]])
    expect(WeightCommits.contains(s, NETUID, A)).toBe(false)
  })

  test('a batch reveal where a later item is refused by set_weights applies none of it', () => {
    const good = { ...W, salt: [1] }
    const bad = { ...W, uids: [9, 2], values: [1, 1], salt: [2] }
    for (const w of [good, bad]) expect(ext.call(A, M, 'commit_weights', { netuid: NETUID, commitHash: hashOf(A, w) }).ok).toBe(true)
    SubnetEpochIndex.set(s, NETUID, 6n)
    refused(A, 'batch_reveal_weights', { netuid: NETUID, uidsList: [good.uids, bad.uids], valuesList: [good.values, bad.values], saltsList: [good.salt, bad.salt], versionKeys: [0n, 0n] }, 'UidVecContainInvalidOne')
    expect(Weights.contains(s, NETUID, UID.A)).toBe(false)
    expect(WeightCommits.get(s, NETUID, A)).toHaveLength(2)
  })

  test('commit_mechanism_weights / reveal_mechanism_weights hash and store under the mechanism index', () => {
    MechanismCountCurrent.set(s, NETUID, 2)
    const hash = hashOf(A, W, 4097)
    expect(hash).not.toBe(hashOf(A))
    expect(ext.call(A, M, 'commit_mechanism_weights', { netuid: NETUID, mecid: 1, commitHash: hash })).toEqual({ ok: true, events: [{ pallet: M, name: 'WeightsCommitted', value: [A, 4097, hash] }] })
    expect(WeightCommits.get(s, 4097, A)).toEqual([[hash, 5n, block(), 0n]])
    expect(LastUpdate.get(s, 4097)[UID.A]).toBe(block())
    SubnetEpochIndex.set(s, NETUID, 6n)
    refused(A, 'reveal_weights', { netuid: NETUID, ...W }, 'NoWeightsCommitFound') // mechanism 0 has no commit
    const r = ext.call(A, M, 'reveal_mechanism_weights', { netuid: NETUID, mecid: 1, ...W })
    expect(names(r)).toEqual(['WeightsSet', 'WeightsRevealed'])
    expect(Weights.get(s, 4097, UID.A)).toEqual([[2, 21845], [3, 65535]])
  })
})

describe("Commitments' ResetBondsFlag (ResetBondsOnCommit)", () => {
  beforeEach(() => setup(true))
  const commitFlag = (who: AccountId) => ext.call(who, 'Commitments', 'set_commitment', { netuid: NETUID, info: { fields: [{ type: 'ResetBondsFlag' }] } })

  test('with BondsResetOn, every bond row of every mechanism loses its entry for the committing uid', () => {
    MechanismCountCurrent.set(s, NETUID, 2)
    Bonds.set(s, NETUID, 0, [[UID.B, 100], [UID.C, 200]])
    Bonds.set(s, NETUID, UID.A, [[UID.B, 5]])
    Bonds.set(s, 4097, UID.A, [[UID.B, 7], [UID.D, 1]])
    expect(commitFlag(B).ok).toBe(true)
    expect(Bonds.get(s, NETUID, 0)).toEqual([[UID.B, 100], [UID.C, 200]]) // BondsResetOn is off by default
    BondsResetOn.set(s, NETUID, true)
    expect(commitFlag(B).ok).toBe(true)
    expect(Bonds.get(s, NETUID, 0)).toEqual([[UID.C, 200]])
    expect(Bonds.get(s, NETUID, UID.A)).toEqual([])
    expect(Bonds.contains(s, NETUID, UID.A)).toBe(true) // rewritten as an empty row, as subtensor's insert does
    expect(Bonds.get(s, 4097, UID.A)).toEqual([[UID.D, 1]])
  })
})

describe('through polkadot-js', () => {
  test('a commit hash computed with polkadot-js over its own SCALE encoding is accepted, and the reveal sets the weights', () => {
    const c = new TestChain()
    const S = () => c.state as unknown as StorageBackend // each block forks the state
    c.block()
    const BOB = pub(dev.bob)
    const run = (xt: Uint8Array) => {
      const b = c.block([xt])
      const evs = c.events().filter((e) => (e.phase as { applyExtrinsic?: number }).applyExtrinsic === 1)
      return { success: b.applied[1]!.success, events: evs.map((e) => e.event) }
    }
    expect(run(c.sign(dev.alice, c.tx('SubtensorModule', 'burned_register', NETUID, BOB))).success).toBe(true)
    const uid = Uids.get(S(), NETUID, BOB)!
    WeightsSetRateLimit.set(S(), NETUID, 0n)
    ValidatorPermit.set(S(), NETUID, [false, true])
    const uids = [0, uid]
    const values = [3, 6]
    const salt = [7, 7, 7]
    const preimage = c.registry.createType('(AccountId32, u16, Vec<u16>, Vec<u16>, Vec<u16>, u64)', [BOB, NETUID, uids, values, salt, 0]).toU8a()
    const hash = blake2AsHex(preimage, 256)
    expect(hash).toBe(commitHash(BOB, NETUID, uids, values, salt, 0n))
    const before = c.account(BOB)
    const committed = run(c.sign(dev.bob, c.tx('SubtensorModule', 'commit_weights', NETUID, hash)))
    expect(committed).toEqual({ success: true, events: ['subtensorModule.WeightsCommitted', 'transactionPayment.TransactionFeePaid', 'system.ExtrinsicSuccess'] })
    expect(c.account(BOB).free).toBe(before.free) // Pays::No
    const stored = c.registry.createType('Vec<(H256, u64, u64, u64)>', c.state.get(WeightCommits.key(NETUID, BOB))).toJSON()
    expect(stored).toEqual([[hash, Number(SubnetEpochIndex.get(S(), NETUID)), c.number, 0]])
    SubnetEpochIndex.set(S(), NETUID, SubnetEpochIndex.get(S(), NETUID) + 1n)
    const revealed = run(c.sign(dev.bob, c.tx('SubtensorModule', 'reveal_weights', NETUID, uids, values, salt, 0)))
    expect(revealed).toEqual({ success: true, events: ['subtensorModule.WeightsSet', 'subtensorModule.WeightsRevealed', 'transactionPayment.TransactionFeePaid', 'system.ExtrinsicSuccess'] })
    expect(c.registry.createType('Vec<(u16, u16)>', c.state.get(Weights.key(NETUID, uid))).toJSON()).toEqual([[0, 32768], [uid, 65535]])
  })
})
