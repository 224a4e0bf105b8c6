// One subnet through its tempos (subtensor.md §8.3–8.6): the per-block pots by the §8.3 numbers, the epoch at the tempo, incentive
// following the weights, dividends to validators and nominators, the owner cut, the owner hotkey's incentive burned, the price EMA, and
// the per-block epoch cap.
import { describe, expect, test } from 'vitest'
import type { DispatchContext, RuntimeEventLike } from '../../../framework/dispatch.ts'
import { TestExt, account, newTestExt } from '../../../testing/ext.ts'
import { dev, pub } from '../../../testing/chain.ts'
import { tao, type AccountId, type NetUid } from '../../../primitives/bittensor.ts'
import { Number as SystemNumber } from '../../system/storage.ts'
import { I96F32, U64F64, U96F32 } from '../epoch/fixed.ts'
import { getStake, getTotalHotkeyAlpha } from '../staking/shares.ts'
import { getRootClaimable } from '../staking/claimRoot.ts'
import { getTaoWeight } from '../staking/stakeWeight.ts'
import {
  AlphaDividendsPerSubnet,
  MinerBurned,
  PendingOwnerCut,
  PendingRootAlphaDivs,
  PendingServerEmission,
  PendingValidatorEmission,
  RootAlphaDividendsPerSubnet,
  RootProp,
  SubnetAlphaInEmission,
  SubnetAlphaOutEmission,
  SubnetProtocolAlpha,
} from '../storage/emission.ts'
import { EMAPriceHalvingBlocks, MaxEpochsPerBlock, NetworkRateLimit, SubnetOwnerCut } from '../storage/hyperparams.ts'
import { Incentive, LastUpdate, Uids, Weights } from '../storage/neurons.ts'
import {
  FirstEmissionBlockNumber,
  LastEpochBlock,
  PendingEpochAt,
  SubnetAlphaIn,
  SubnetAlphaOut,
  SubnetEpochIndex,
  SubnetMovingAlpha,
  SubnetMovingPrice,
  SubnetTAO,
  SubtokenEnabled,
  Tempo,
} from '../storage/subnets.ts'
import { blockEmissionForIssuance } from './blockEmission.ts'
import { currentAlphaPrice } from './movingPrice.ts'
import { drainPending } from './runCoinbase.ts'

const ALICE = pub(dev.alice) as AccountId
const BOB = pub(dev.bob) as AccountId
const CHARLIE = pub(dev.charlie) as AccountId
const OWNER_HK = account(0x21)
const V1 = account(0x31)
const V2 = account(0x32)
const M1 = account(0x41)
const M2 = account(0x42)
const NET: NetUid = 2
const TEMPO = 10
const S = 'SubtensorModule'

const ok = (r: ReturnType<TestExt['call']>) => expect(r).toMatchObject({ ok: true })
const now = (ext: TestExt) => BigInt(SystemNumber.get(ext.storage))
const uid = (ext: TestExt, h: AccountId, n = NET) => Uids.get(ext.storage, n, h)!

/** Weights rows set by hand (the validators' own LastUpdate = now, after the miners registered). */
function setWeights(ext: TestExt, rows: Array<[AccountId, Array<[AccountId, number]>]>, n = NET) {
  const s = () => ext.storage
  const last = [...LastUpdate.get(s(), n)]
  for (const [v, row] of rows) {
    Weights.set(s(), n, uid(ext, v, n), row.map(([h, w]) => [uid(ext, h, n), w] as [number, number]))
    last[uid(ext, v, n)] = now(ext)
  }
  LastUpdate.set(s(), n, last)
}

/** Alice's subnet 2 (owner hotkey uid 0) emitting, tempo 10; Bob's validators V1 (100 TAO) and V2 (50 TAO), Charlie nominates 20 TAO on V1; Charlie's miners M1, M2. */
function world(opts: { rootStake?: bigint } = {}): TestExt {
  const ext = newTestExt([[ALICE, tao(1_000_000)], [BOB, tao(1_000_000)], [CHARLIE, tao(1_000_000)]])
  ok(ext.call(ALICE, S, 'register_network', { hotkey: OWNER_HK }))
  ok(ext.call(ALICE, S, 'start_call', { netuid: NET }))
  ok(ext.root('AdminUtils', 'sudo_set_subnet_emission_enabled', { netuid: NET, enabled: true }))
  Tempo.set(ext.storage, NET, TEMPO)
  ext.stepBlocks(1)
  for (const [c, h] of [[BOB, V1], [BOB, V2], [CHARLIE, M1], [CHARLIE, M2]] as const) ok(ext.call(c, S, 'burned_register', { netuid: NET, hotkey: h }))
  ok(ext.call(BOB, S, 'add_stake', { hotkey: V1, netuid: NET, amountStaked: tao(100) }))
  ok(ext.call(BOB, S, 'add_stake', { hotkey: V2, netuid: NET, amountStaked: tao(50) }))
  ok(ext.call(CHARLIE, S, 'add_stake', { hotkey: V1, netuid: NET, amountStaked: tao(20) }))
  if (opts.rootStake) {
    SubtokenEnabled.set(ext.storage, 0, true)
    ok(ext.call(CHARLIE, S, 'add_stake', { hotkey: V1, netuid: 0, amountStaked: opts.rootStake }))
  }
  ext.stepBlocks(1)
  setWeights(ext, [[V1, [[M1, 65535], [M2, 32767]]], [V2, [[M1, 65535], [M2, 32767]]]])
  LastEpochBlock.set(ext.storage, NET, now(ext)) // next epoch: TEMPO blocks from here
  return ext
}

const pots = (ext: TestExt) => {
  const s = () => ext.storage
  return {
    server: PendingServerEmission.get(s(), NET),
    validator: PendingValidatorEmission.get(s(), NET),
    root: PendingRootAlphaDivs.get(s(), NET),
    owner: PendingOwnerCut.get(s(), NET),
    alphaIn: SubnetAlphaIn.get(s(), NET),
    alphaOut: SubnetAlphaOut.get(s(), NET),
    protocol: SubnetProtocolAlpha.get(s(), NET),
    epoch: SubnetEpochIndex.get(s(), NET),
    moving: SubnetMovingPrice.get(s(), NET).bits,
  }
}

describe('coinbase: one subnet through its tempos', () => {
  test('each block pends alpha_out by the §8.3 split: 18 % owner, the rest halved, root share out of the validator half', () => {
    const ext = world({ rootStake: tao(1000) })
    const s = () => ext.storage
    for (let i = 0; i < 5; i++) {
      const before = pots(ext)
      ext.stepBlocks(1)
      const after = pots(ext)
      expect(after.epoch).toBe(before.epoch) // no epoch in these blocks
      // alpha_out = the halving curve at the alpha issuance (≈ 1 alpha while young)
      const alphaOut = SubnetAlphaOutEmission.get(s(), NET)
      expect(alphaOut).toBe(blockEmissionForIssuance(before.alphaIn + before.alphaOut))
      expect(alphaOut).toBe(tao(1))
      const a = U96F32.saturatingFromNum(alphaOut)
      const cut = a.saturatingMul(U96F32.saturatingFromNum(BigInt(SubnetOwnerCut.get(s()))).safeDiv(U96F32.saturatingFromNum(65_535n)))
      const rest = a.saturatingSub(cut)
      // the live root proportion: root TAO · tao weight over that plus the alpha issuance after this block's injection
      const issuance = before.alphaIn + before.alphaOut + SubnetAlphaInEmission.get(s(), NET) + alphaOut
      const rootTao = U96F32.saturatingFromNum(SubnetTAO.get(s(), 0)).saturatingMul(getTaoWeight(s()))
      const rp = rootTao.safeDiv(rootTao.saturatingAdd(U96F32.saturatingFromNum(issuance)))
      expect(rp.toNumber()).toBeGreaterThan(0.001)
      const half = U96F32.saturatingFromNum(0.5)
      const rootAlpha = rp.saturatingMul(rest).saturatingMul(half)
      expect(after.owner - before.owner).toBe(cut.saturatingToU64())
      expect(Number(after.owner - before.owner) / Number(alphaOut)).toBeCloseTo(0.18, 3)
      expect(after.server - before.server).toBe(rest.saturatingMul(half).saturatingToU64())
      expect(after.validator - before.validator).toBe(rest.saturatingSub(rest.saturatingMul(half)).saturatingSub(rootAlpha).saturatingToU64())
      // Σ moving prices ≤ 1: no root sell, the root share is recycled out of SubnetAlphaOut instead of pended
      expect(after.root).toBe(0n)
      expect(after.alphaOut - before.alphaOut).toBe(alphaOut + (after.protocol - before.protocol) - rootAlpha.saturatingToU64())
      // RootProp is refreshed after the coinbase
      expect(RootProp.get(s(), NET).bits).toBeGreaterThan(0n)
    }
  })

  test('with root selling on, the root share is pended and paid at the epoch as root dividends', () => {
    const ext = world({ rootStake: tao(1000) })
    SubnetMovingPrice.set(ext.storage, NET, { bits: 2n << 32n }) // Σ EMA prices > 1
    const before = pots(ext)
    ext.stepBlocks(1)
    expect(pots(ext).root - before.root).toBeGreaterThan(0n)
    ext.stepBlocks(TEMPO)
    expect(pots(ext).epoch).toBe(before.epoch + 1n)
    // V1 holds all the root stake: its root dividends (less its take, staked to Bob) became claimable by root stakers
    const paid = RootAlphaDividendsPerSubnet.get(ext.storage, NET, V1)
    expect(paid).toBeGreaterThan(0n)
    expect(getRootClaimable(ext.storage, V1).get(NET)!.bits).toBeGreaterThan(0n)
  })

  test('the epoch fires at the tempo, incentive follows the weights, dividends, owner cut and take land in stake, the EMA moves', () => {
    const ext = world()
    const s = () => ext.storage
    const index0 = SubnetEpochIndex.get(s(), NET)
    // first tempo: permits are handed out (nobody held one, so no weights count yet)
    ext.stepBlocks(TEMPO)
    expect(SubnetEpochIndex.get(s(), NET)).toBe(index0 + 1n)
    expect(LastEpochBlock.get(s(), NET)).toBe(now(ext))
    setWeights(ext, [[V1, [[M1, 65535], [M2, 32767]]], [V2, [[M1, 65535], [M2, 32767]]]])

    // second tempo: up to the block before the epoch, then the epoch block alone
    ext.stepBlocks(TEMPO - 1)
    expect(SubnetEpochIndex.get(s(), NET)).toBe(index0 + 1n)
    const before = {
      ...pots(ext),
      m1: getStake(s(), M1, CHARLIE, NET),
      m2: getStake(s(), M2, CHARLIE, NET),
      v1: getTotalHotkeyAlpha(s(), V1, NET),
      bobV1: getStake(s(), V1, BOB, NET),
      charlieV1: getStake(s(), V1, CHARLIE, NET),
      owner: getStake(s(), OWNER_HK, ALICE, NET),
      pendingOwner: PendingOwnerCut.get(s(), NET),
    }
    ext.stepBlocks(1)
    expect(SubnetEpochIndex.get(s(), NET)).toBe(index0 + 2n)
    expect(PendingServerEmission.get(s(), NET)).toBe(0n)
    expect(PendingValidatorEmission.get(s(), NET)).toBe(0n)
    expect(PendingOwnerCut.get(s(), NET)).toBe(0n)

    // incentive 2 : 1 as the weights
    const inc = Incentive.get(s(), NET)
    const [i1, i2] = [inc[uid(ext, M1)]!, inc[uid(ext, M2)]!]
    expect(i1).toBeGreaterThan(0)
    expect(Math.abs(i1 - 2 * i2)).toBeLessThanOrEqual(2)
    const [d1, d2] = [getStake(s(), M1, CHARLIE, NET) - before.m1, getStake(s(), M2, CHARLIE, NET) - before.m2]
    expect(d1).toBeGreaterThan(0n)
    expect(Number(d1) / Number(d2)).toBeCloseTo(2, 3)
    // the miners' incentive is half of E = server + validator pots, i.e. the server pot: 9 pended blocks' plus this block's
    expect(Number(d1 + d2) / Number(before.server)).toBeCloseTo(10 / 9, 3)

    // V1: the take (18 %) staked to Bob, the rest to all of V1's nominators pro rata
    const rest = AlphaDividendsPerSubnet.get(s(), NET, V1)
    expect(rest).toBeGreaterThan(0n)
    const dV1 = getTotalHotkeyAlpha(s(), V1, NET) - before.v1
    const take = dV1 - rest
    expect(Number(take) / Number(dV1)).toBeCloseTo(11_796 / 65_535, 4)
    const dCharlie = getStake(s(), V1, CHARLIE, NET) - before.charlieV1
    const dBob = getStake(s(), V1, BOB, NET) - before.bobV1
    expect(dCharlie).toBeGreaterThan(0n)
    expect(dBob + dCharlie).toBeLessThanOrEqual(dV1)
    expect(dV1 - dBob - dCharlie).toBeLessThanOrEqual(2n)
    // Bob's take plus his share of the rest; Charlie's share of the rest only
    // (the take is staked first, so Charlie's share of the rest is his share of the pool after it)
    expect(Number(dCharlie) / Number(rest)).toBeCloseTo(Number(before.charlieV1) / Number(before.v1 + take), 5)

    // the owner cut pended until now (plus this block's) is staked to (owner hotkey, Alice); nobody weighted the owner hotkey
    expect(getStake(s(), OWNER_HK, ALICE, NET) - before.owner).toBeGreaterThanOrEqual(before.pendingOwner)
    expect(MinerBurned.get(s(), NET).bits).toBe(0n)
  })

  test('the price EMA: α = SubnetMovingAlpha · b/(b + halving), new = α·min(spot, 1) + (1 − α)·old', () => {
    const ext = world()
    // with the default 201_600-block halving a young subnet's EMA moves by less than I96F32's 2^-32 per block; shorten it to see it move
    EMAPriceHalvingBlocks.set(ext.storage, NET, 1n)
    const s = () => ext.storage
    for (let i = 0; i < 3; i++) {
      const old = U64F64.saturatingFromNum(I96F32.fromBits(SubnetMovingPrice.get(s(), NET).bits))
      ext.stepBlocks(1)
      const b = U64F64.saturatingFromNum(now(ext) - (FirstEmissionBlockNumber.get(s(), NET)! - 1n))
      const alpha = U64F64.saturatingFromNum(I96F32.fromBits(SubnetMovingAlpha.get(s()).bits)).saturatingMul(b.safeDiv(b.saturatingAdd(U64F64.saturatingFromNum(EMAPriceHalvingBlocks.get(s(), NET)))))
      const spot = currentAlphaPrice(s(), NET).min(U64F64.one)
      const expected = alpha.saturatingMul(spot).saturatingAdd(U64F64.one.saturatingSub(alpha).saturatingMul(old))
      expect(SubnetMovingPrice.get(s(), NET).bits).toBe(I96F32.saturatingFromNum(expected).bits)
      expect(SubnetMovingPrice.get(s(), NET).bits).toBeGreaterThan(old.bits >> 32n)
    }
  })

  test("the owner hotkey's incentive is burned: withheld from miners, counted in MinerBurned, left in SubnetAlphaOut", () => {
    const ext = world()
    const s = () => ext.storage
    ext.stepBlocks(TEMPO) // permits
    setWeights(ext, [[V1, [[OWNER_HK, 65535], [M1, 65535]]], [V2, [[OWNER_HK, 65535], [M1, 65535]]]])
    ext.stepBlocks(TEMPO - 1)
    const ownerBefore = getTotalHotkeyAlpha(s(), OWNER_HK, NET)
    const pendingOwner = PendingOwnerCut.get(s(), NET)
    ext.stepBlocks(1)
    const inc = Incentive.get(s(), NET)
    expect(inc[0]).toBeGreaterThan(0) // uid 0 is the owner hotkey
    const burned = U96F32.fromBits(MinerBurned.get(s(), NET).bits).toNumber()
    expect(burned).toBeCloseTo(0.5, 2)
    // the owner hotkey's alpha grew by the owner cut (this block's included) and its dividends, not by its incentive
    const grew = getTotalHotkeyAlpha(s(), OWNER_HK, NET) - ownerBefore
    expect(grew).toBeGreaterThanOrEqual(pendingOwner)
    expect(grew).toBeLessThan(pendingOwner + tao(1))
  })

  test('MaxEpochsPerBlock: a second due subnet is deferred one block (EpochDeferred) and runs then', () => {
    const ext = world()
    const s = () => ext.storage
    NetworkRateLimit.set(s(), 0n)
    ok(ext.call(BOB, S, 'register_network', { hotkey: account(0x51) }))
    ok(ext.call(BOB, S, 'start_call', { netuid: 3 }))
    Tempo.set(s(), 3, TEMPO)
    MaxEpochsPerBlock.set(s(), 1)
    ext.stepBlocks(2 * TEMPO)
    // both due at the next block
    const next = now(ext) + 1n
    LastEpochBlock.set(s(), NET, next - BigInt(TEMPO))
    LastEpochBlock.set(s(), 3, next - BigInt(TEMPO))
    const [i2, i3] = [SubnetEpochIndex.get(s(), NET), SubnetEpochIndex.get(s(), 3)]
    ext.stepBlocks(1)
    expect(SubnetEpochIndex.get(s(), NET)).toBe(i2 + 1n)
    expect(SubnetEpochIndex.get(s(), 3)).toBe(i3)
    expect(PendingEpochAt.get(s(), 3)).toBe(next + 1n)
    ext.stepBlocks(1)
    expect(SubnetEpochIndex.get(s(), 3)).toBe(i3 + 1n)
    expect(PendingEpochAt.get(s(), 3)).toBe(0n)
    expect(LastEpochBlock.get(s(), 3)).toBe(next + 1n)

    // the event, from drain_pending itself
    LastEpochBlock.set(s(), NET, now(ext) - BigInt(TEMPO))
    LastEpochBlock.set(s(), 3, now(ext) - BigInt(TEMPO))
    const events: RuntimeEventLike[] = []
    const ctx: DispatchContext = { storage: s(), deposit: (e) => void events.push(e), dispatch: () => undefined }
    const drained = drainPending(ctx, [NET, 3], now(ext))
    expect([...drained.keys()]).toEqual([NET])
    expect(JSON.stringify(events, (_, v) => (typeof v === 'bigint' ? v.toString() : v))).toContain('EpochDeferred')
    expect(JSON.stringify(events, (_, v) => (typeof v === 'bigint' ? v.toString() : v))).toContain(`"toBlock":"${now(ext) + 1n}"`)
  })
})
