// AdminUtils end to end on the TestChain: root-only setters under Sudo.sudo, owner|root setters signed by the subnet owner, origin
// refusals, bounds, the owner rate limit and the admin freeze window, each refusal leaving storage as it was.
import { describe, expect, test } from 'vitest'
import { TestChain, dev, pub } from '../../testing/chain.ts'
import type { Hex } from '../../primitives/types.ts'
import type { KeyringPair } from '@polkadot/keyring/types'
import { AdminUtils } from './index.ts'
import { SubtensorModule } from '../subtensor/index.ts'
import {
  ActivityCutoff, AdminFreezeWindow, AlphaSigmoidSteepness, AlphaValues, BondsMovingAverage, BondsResetOn, BurnHalfLife, BurnIncreaseMult, ImmuneOwnerUidsLimit,
  ImmunityPeriod, Kappa, LastRateLimitedBlock, LiquidAlphaOn, MaxAllowedUids, MaxAllowedValidators, MaxDelegateTake, MaxEpochsPerBlock, MinAllowedWeights,
  OwnerHyperparamRateLimit, RevealPeriodEpochs, SubnetEmissionEnabled, TransactionKeyLastBlock, TxRateLimit, WeightsVersionKey, Yuma3On,
} from '../subtensor/storage/hyperparams.ts'
import { MaxBurn, MinBurn } from '../subtensor/storage/neurons.ts'
import { LastEpochBlock, PendingEpochAt, SubnetOwner, SubnetOwnerHotkey, Tempo } from '../subtensor/storage/subnets.ts'
import { subnetAccountId } from '../subtensor/staking/pools.ts'

const ALICE = pub(dev.alice)
const BOB = pub(dev.bob)
const NETUID = 1
const S = (c: TestChain) => c.state as never
const ONE = 1n << 64n

type Ev = { event: string; data: unknown }
type ModuleErr = { index: number; error: string }

/** `{ index, error }` as a ModuleError reads in events: pallet index and the error's index, little-endian, four bytes. */
function err(pallet: 'AdminUtils' | 'SubtensorModule', name: string): ModuleErr {
  const p = pallet === 'AdminUtils' ? AdminUtils : SubtensorModule
  const e = p.errorByName.get(name)
  if (!e) throw new Error(`no ${pallet}.${name}`)
  return { index: p.index, error: `0x${e.index.toString(16).padStart(2, '0')}000000` }
}

/** A chain one block in, with Bob as the owner of netuid 1 (genesis gives it to the zero account). */
function chain(): TestChain {
  const c = new TestChain()
  c.block()
  SubnetOwner.set(S(c), NETUID, BOB)
  return c
}

/** Builds a block with `xts`; per extrinsic: success, its events, the fee paid, and the Sudo.sudo inner result if any. */
function run(c: TestChain, xts: Uint8Array[]) {
  const b = c.block(xts)
  const all = c.events()
  return xts.map((_, i) => {
    const evs = all.filter((e) => (e.phase as { applyExtrinsic?: number }).applyExtrinsic === i + 1) as Ev[]
    const fee = evs.find((e) => e.event === 'transactionPayment.TransactionFeePaid')!.data as [string, number | string]
    const sudid = evs.find((e) => e.event === 'sudo.Sudid')?.data as [{ ok?: null; err?: { module?: ModuleErr } }] | undefined
    const failed = evs.find((e) => e.event === 'system.ExtrinsicFailed')?.data as [{ module?: ModuleErr; badOrigin?: null }] | undefined
    return {
      success: b.applied[i + 1]!.success,
      events: evs,
      names: evs.map((e) => e.event).filter((n) => !n.startsWith('balances.') && !n.startsWith('transactionPayment.') && !n.startsWith('system.')),
      fee: BigInt(fee[1]),
      /** The inner call's error under Sudo.sudo, undefined when it succeeded. */
      sudoError: sudid === undefined ? undefined : sudid[0].ok === null ? undefined : sudid[0].err!.module ?? sudid[0].err,
      /** The extrinsic's own dispatch error. */
      error: failed?.[0].module ?? failed?.[0],
    }
  })
}

/** Signs `xts` (calls) by `who`, nonces in order. */
function signAll(c: TestChain, who: KeyringPair, calls: ReturnType<TestChain['tx']>[]) {
  const n = c.nonce(pub(who))
  return calls.map((call, i) => c.sign(who, call, { nonce: n + i }))
}
const au = (c: TestChain, method: string, ...args: unknown[]) => c.tx('AdminUtils', method, ...args)
const sudo = (c: TestChain, call: ReturnType<TestChain['tx']>) => c.tx('Sudo', 'sudo', call)

/** Raw values of the keys a test watches, to show a refusal wrote nothing. */
const snapshot = (c: TestChain, keys: Uint8Array[]) => keys.map((k) => c.state.get(k))

describe('AdminUtils: root-only setters', () => {
  test('root (Sudo.sudo by //Alice) sets global and per-subnet values; each deposits its setter event; sudo pays no fee', () => {
    const c = chain()
    const r = run(c, signAll(c, dev.alice, [
      sudo(c, au(c, 'sudo_set_kappa', NETUID, 12_345)),
      sudo(c, au(c, 'sudo_set_tx_rate_limit', 77n)),
      sudo(c, au(c, 'sudo_set_default_take', 5_000)),
      sudo(c, au(c, 'sudo_set_tempo', NETUID, 200)),
      sudo(c, au(c, 'sudo_set_max_allowed_validators', NETUID, 32)),
      sudo(c, au(c, 'sudo_set_subnet_emission_enabled', NETUID, false)),
      sudo(c, au(c, 'sudo_set_max_epochs_per_block', 5)),
    ]))
    expect(r.map((x) => x.sudoError)).toEqual(Array(7).fill(undefined))
    expect(r.map((x) => x.fee)).toEqual(Array(7).fill(0n))
    expect(r.map((x) => x.names)).toEqual([
      ['subtensorModule.KappaSet', 'sudo.Sudid'],
      ['subtensorModule.TxRateLimitSet', 'sudo.Sudid'],
      ['subtensorModule.MaxDelegateTakeSet', 'sudo.Sudid'],
      ['subtensorModule.TempoSet', 'sudo.Sudid'],
      ['subtensorModule.MaxAllowedValidatorsSet', 'sudo.Sudid'],
      ['adminUtils.SubnetEmissionEnabledSet', 'sudo.Sudid'],
      ['subtensorModule.MaxEpochsPerBlockSet', 'sudo.Sudid'],
    ])
    expect(r[0]!.events.find((e) => e.event === 'subtensorModule.KappaSet')!.data).toEqual([NETUID, 12_345])
    expect(r[5]!.events.find((e) => e.event === 'adminUtils.SubnetEmissionEnabledSet')!.data).toEqual([NETUID, false])
    expect(Kappa.get(S(c), NETUID)).toBe(12_345)
    expect(TxRateLimit.get(S(c))).toBe(77n)
    expect(MaxDelegateTake.get(S(c))).toBe(5_000)
    expect(Tempo.get(S(c), NETUID)).toBe(200)
    // apply_tempo_with_cycle_reset: the cycle restarts at this block
    expect(LastEpochBlock.get(S(c), NETUID)).toBe(2n)
    expect(MaxAllowedValidators.get(S(c), NETUID)).toBe(32)
    expect(SubnetEmissionEnabled.get(S(c), NETUID)).toBe(false)
    expect(MaxEpochsPerBlock.get(S(c))).toBe(5)
  })

  test('a signed account that is not root gets BadOrigin, the subnet owner included; nothing is written', () => {
    const c = chain()
    const keys = [Kappa.key(NETUID), Tempo.key(NETUID), TxRateLimit.key(), MaxDelegateTake.key()]
    const before = snapshot(c, keys)
    const r = run(c, signAll(c, dev.bob, [
      au(c, 'sudo_set_kappa', NETUID, 1),
      au(c, 'sudo_set_tempo', NETUID, 1_000),
      au(c, 'sudo_set_tx_rate_limit', 1n),
    ]))
    const aliceDirect = run(c, signAll(c, dev.alice, [au(c, 'sudo_set_default_take', 1)]))
    expect([...r, ...aliceDirect].map((x) => x.success)).toEqual([false, false, false, false])
    expect([...r, ...aliceDirect].map((x) => x.error)).toEqual(Array(4).fill({ badOrigin: null }))
    expect(r.every((x) => x.fee > 0n)).toBe(true)
    expect(snapshot(c, keys)).toEqual(before)
  })

  test('root refusals: unknown subnet, root netuid, bounds; reported in Sudid and nothing is written', () => {
    const c = chain()
    const keys = [Kappa.key(9), MaxAllowedValidators.key(NETUID), SubnetEmissionEnabled.key(0), MaxEpochsPerBlock.key()]
    const before = snapshot(c, keys)
    const r = run(c, signAll(c, dev.alice, [
      sudo(c, au(c, 'sudo_set_kappa', 9, 1)),
      sudo(c, au(c, 'sudo_set_max_allowed_validators', NETUID, 257)),
      sudo(c, au(c, 'sudo_set_subnet_emission_enabled', 0, false)),
      sudo(c, au(c, 'sudo_set_max_epochs_per_block', 0)),
      sudo(c, au(c, 'sudo_set_min_allowed_uids', NETUID, 5)),
      sudo(c, au(c, 'sudo_set_total_issuance', 1n)),
      sudo(c, au(c, 'sudo_set_network_pow_registration_allowed', NETUID, true)),
    ]))
    expect(r.map((x) => x.success)).toEqual(Array(7).fill(true)) // Sudo.sudo itself succeeds
    expect(r.map((x) => x.sudoError)).toEqual([
      err('AdminUtils', 'SubnetDoesNotExist'),
      err('AdminUtils', 'MaxValidatorsLargerThanMaxUIds'),
      err('AdminUtils', 'NotPermittedOnRootSubnet'),
      err('AdminUtils', 'ValueNotInBounds'),
      // genesis netuid 1 has one UID: the minimum must be below it
      err('AdminUtils', 'MinAllowedUidsGreaterThanCurrentUids'),
      err('AdminUtils', 'Deprecated'),
      err('AdminUtils', 'POWRegistrationDisabled'),
    ])
    expect(r.map((x) => x.names)).toEqual(Array(7).fill(['sudo.Sudid']))
    expect(snapshot(c, keys)).toEqual(before)
  })
})

describe('AdminUtils: owner|root setters', () => {
  test('the subnet owner sets owner parameters and pays the fee; the owner rate limit is recorded per hyperparameter', () => {
    const c = chain()
    const r = run(c, signAll(c, dev.bob, [
      au(c, 'sudo_set_immunity_period', NETUID, 1_234),
      au(c, 'sudo_set_yuma3_enabled', NETUID, false),
      au(c, 'sudo_set_bonds_reset_enabled', NETUID, true),
      au(c, 'sudo_set_burn_increase_mult', NETUID, { bits: 2n * ONE }),
      au(c, 'sudo_set_burn_half_life', NETUID, 720),
      au(c, 'sudo_set_liquid_alpha_enabled', NETUID, true),
      au(c, 'sudo_set_alpha_values', NETUID, 2_000, 60_000),
      au(c, 'sudo_set_weights_version_key', NETUID, 42n),
    ]))
    expect(r.map((x) => x.success)).toEqual(Array(8).fill(true))
    expect(r.every((x) => x.fee > 0n)).toBe(true)
    expect(r.map((x) => x.names)).toEqual([
      ['subtensorModule.ImmunityPeriodSet'],
      ['adminUtils.Yuma3EnableToggled'],
      ['subtensorModule.BondsResetOnSet', 'adminUtils.BondsResetToggled'],
      ['adminUtils.BurnIncreaseMultSet'],
      ['adminUtils.BurnHalfLifeSet'],
      [],
      [],
      ['subtensorModule.WeightsVersionKeySet'],
    ])
    expect(r[1]!.events.find((e) => e.event === 'adminUtils.Yuma3EnableToggled')!.data).toEqual([NETUID, false])
    expect(ImmunityPeriod.get(S(c), NETUID)).toBe(1_234)
    expect(Yuma3On.get(S(c), NETUID)).toBe(false)
    expect(BondsResetOn.get(S(c), NETUID)).toBe(true)
    expect(BurnIncreaseMult.get(S(c), NETUID)).toEqual({ bits: 2n * ONE })
    expect(BurnHalfLife.get(S(c), NETUID)).toBe(720)
    expect(LiquidAlphaOn.get(S(c), NETUID)).toBe(true)
    expect(AlphaValues.get(S(c), NETUID)).toEqual([2_000, 60_000])
    expect(WeightsVersionKey.get(S(c), NETUID)).toBe(42n)
    // record_owner_rl: block 2 under each hyperparameter's key; the version key under (owner, netuid, SetWeightsVersionKey = 4)
    const last = (h: string) => LastRateLimitedBlock.get(S(c), { type: 'OwnerHyperparamUpdate', value: [NETUID, { type: h } as never] })
    expect(['ImmunityPeriod', 'Yuma3Enabled', 'BondsResetEnabled', 'BurnIncreaseMult', 'BurnHalfLife', 'LiquidAlphaEnabled', 'AlphaValues'].map(last)).toEqual(Array(7).fill(2n))
    expect(last('Kappa')).toBe(0n)
    expect(TransactionKeyLastBlock.get(S(c), BOB, NETUID, 4)).toBe(2n)
    // burn_half_life / burn_increase_mult are Operational
    expect(r[3]!.events.find((e) => e.event === 'system.ExtrinsicSuccess')!.data).toMatchObject([{ class: 'Operational', paysFee: 'Yes' }])
  })

  test('a signed account that is not the owner gets BadOrigin (the sudo key included); on an unknown subnet everyone signed does', () => {
    const c = chain()
    const keys = [ImmunityPeriod.key(NETUID), Yuma3On.key(NETUID), ImmunityPeriod.key(9)]
    const before = snapshot(c, keys)
    const r = run(c, signAll(c, dev.alice, [au(c, 'sudo_set_immunity_period', NETUID, 1), au(c, 'sudo_set_yuma3_enabled', NETUID, false)]))
    const unknown = run(c, signAll(c, dev.bob, [au(c, 'sudo_set_immunity_period', 9, 1)]))
    expect([...r, ...unknown].map((x) => x.error)).toEqual(Array(3).fill({ badOrigin: null }))
    expect(snapshot(c, keys)).toEqual(before)
  })

  test('root may call owner setters: not rate-limited, nothing recorded, root-only values (negative steepness, bonds MA > 975_000) allowed', () => {
    const c = chain()
    const r = run(c, signAll(c, dev.alice, [
      sudo(c, au(c, 'sudo_set_immunity_period', NETUID, 10)),
      sudo(c, au(c, 'sudo_set_immunity_period', NETUID, 11)),
      sudo(c, au(c, 'sudo_set_alpha_sigmoid_steepness', NETUID, -5)),
      sudo(c, au(c, 'sudo_set_bonds_moving_average', NETUID, 999_000n)),
    ]))
    expect(r.map((x) => x.sudoError)).toEqual(Array(4).fill(undefined))
    expect(ImmunityPeriod.get(S(c), NETUID)).toBe(11)
    expect(AlphaSigmoidSteepness.get(S(c), NETUID)).toBe(-5)
    expect(BondsMovingAverage.get(S(c), NETUID)).toBe(999_000n)
    expect(LastRateLimitedBlock.get(S(c), { type: 'OwnerHyperparamUpdate', value: [NETUID, { type: 'ImmunityPeriod' }] })).toBe(0n)
  })

  test('bounds: each refusal carries subtensor’s error (AdminUtils or SubtensorModule) and writes nothing', () => {
    const c = chain()
    const keys = [
      MinBurn.key(NETUID), MaxBurn.key(NETUID), MaxAllowedUids.key(NETUID), ActivityCutoff.key(NETUID), BondsMovingAverage.key(NETUID), AlphaValues.key(NETUID),
      RevealPeriodEpochs.key(NETUID), ImmuneOwnerUidsLimit.key(NETUID), BurnIncreaseMult.key(NETUID), BurnHalfLife.key(NETUID), AlphaSigmoidSteepness.key(NETUID),
      BurnHalfLife.key(0), MinAllowedWeights.key(NETUID),
    ]
    const before = snapshot(c, keys)
    const cases: Array<[ReturnType<TestChain['tx']>, ModuleErr]> = [
      [au(c, 'sudo_set_min_burn', NETUID, 1_000_000_000n), err('AdminUtils', 'ValueNotInBounds')], // not below 1 TAO
      [au(c, 'sudo_set_max_burn', NETUID, 100_000_000n), err('AdminUtils', 'ValueNotInBounds')], // not above 0.1 TAO
      [au(c, 'sudo_set_max_allowed_uids', NETUID, 257), err('AdminUtils', 'MaxAllowedUidsGreaterThanDefaultMaxAllowedUids')],
      [au(c, 'sudo_set_max_allowed_uids', NETUID, 63), err('AdminUtils', 'MaxAllowedUidsLessThanMinAllowedUids')], // MinAllowedUids 64
      [au(c, 'sudo_set_activity_cutoff', NETUID, 359), err('SubtensorModule', 'ActivityCutoffTooLow')],
      [au(c, 'sudo_set_bonds_moving_average', NETUID, 975_001n), err('AdminUtils', 'BondsMovingAverageMaxReached')],
      [au(c, 'sudo_set_alpha_values', NETUID, 2_000, 60_000), err('SubtensorModule', 'LiquidAlphaDisabled')],
      [au(c, 'sudo_set_commit_reveal_weights_interval', NETUID, 101n), err('SubtensorModule', 'RevealPeriodTooLarge')],
      [au(c, 'sudo_set_commit_reveal_weights_interval', NETUID, 0n), err('SubtensorModule', 'RevealPeriodTooSmall')],
      [au(c, 'sudo_set_owner_immune_neuron_limit', NETUID, 11), err('SubtensorModule', 'InvalidValue')],
      [au(c, 'sudo_set_burn_increase_mult', NETUID, { bits: 3n * ONE + 1n }), err('AdminUtils', 'InvalidValue')],
      [au(c, 'sudo_set_burn_half_life', NETUID, 0), err('AdminUtils', 'InvalidValue')],
      [au(c, 'sudo_set_alpha_sigmoid_steepness', NETUID, -1), err('AdminUtils', 'NegativeSigmoidSteepness')],
    ]
    const r = run(c, signAll(c, dev.bob, cases.map(([call]) => call)))
    expect(r.map((x) => x.error)).toEqual(cases.map(([, e]) => e))
    expect(snapshot(c, keys)).toEqual(before)

    // min/max burn must stay ordered: MinBurn below MaxBurn, MaxBurn above MinBurn
    MaxBurn.set(S(c), NETUID, 300_000_000n)
    const ordered = run(c, signAll(c, dev.bob, [au(c, 'sudo_set_min_burn', NETUID, 300_000_000n), au(c, 'sudo_set_max_burn', NETUID, 500_000n)]))
    expect(ordered.map((x) => x.error)).toEqual([err('AdminUtils', 'ValueNotInBounds'), err('AdminUtils', 'ValueNotInBounds')])
    // the root netuid: burn half-life is refused there (root owns netuid 0 here)
    const onRoot = run(c, signAll(c, dev.alice, [sudo(c, au(c, 'sudo_set_burn_half_life', 0, 10))]))
    expect(onRoot[0]!.sudoError).toEqual(err('AdminUtils', 'NotPermittedOnRootSubnet'))
  })

  test('owner rate limit: the same hyperparameter again within tempo × OwnerHyperparamRateLimit is TxRateLimitExceeded; others are not limited', () => {
    const c = chain()
    // a short tempo and no freeze window, so that the limit (tempo 3 × 2 = 6 blocks) runs out quickly
    Tempo.set(S(c), NETUID, 3)
    AdminFreezeWindow.set(S(c), 0)
    expect(run(c, signAll(c, dev.bob, [au(c, 'sudo_set_immunity_period', NETUID, 100)]))[0]!.success).toBe(true) // block 2
    const before = snapshot(c, [ImmunityPeriod.key(NETUID), LastRateLimitedBlock.key({ type: 'OwnerHyperparamUpdate', value: [NETUID, { type: 'ImmunityPeriod' }] })])
    const again = run(c, signAll(c, dev.bob, [au(c, 'sudo_set_immunity_period', NETUID, 101), au(c, 'sudo_set_min_allowed_weights', NETUID, 3)])) // block 3
    expect(again.map((x) => x.error)).toEqual([err('SubtensorModule', 'TxRateLimitExceeded'), undefined])
    expect(MinAllowedWeights.get(S(c), NETUID)).toBe(3)
    expect(snapshot(c, [ImmunityPeriod.key(NETUID), LastRateLimitedBlock.key({ type: 'OwnerHyperparamUpdate', value: [NETUID, { type: 'ImmunityPeriod' }] })])).toEqual(before)
    // blocks 4–6 pass; block 7 is 5 blocks after block 2 (refused), block 8 is 6 (allowed)
    for (let i = 0; i < 3; i++) c.block()
    expect(run(c, signAll(c, dev.bob, [au(c, 'sudo_set_immunity_period', NETUID, 102)]))[0]!.error).toEqual(err('SubtensorModule', 'TxRateLimitExceeded')) // block 7
    expect(run(c, signAll(c, dev.bob, [au(c, 'sudo_set_immunity_period', NETUID, 103)]))[0]!.success).toBe(true) // block 8
    expect(ImmunityPeriod.get(S(c), NETUID)).toBe(103)

    // root sets the multiplier to 0 tempos: the owner is no longer limited
    const set0 = run(c, signAll(c, dev.alice, [sudo(c, au(c, 'sudo_set_owner_hparam_rate_limit', 0))]))
    expect(set0[0]!.names).toEqual(['subtensorModule.OwnerHyperparamRateLimitSet', 'sudo.Sudid'])
    expect(OwnerHyperparamRateLimit.get(S(c))).toBe(0)
    expect(run(c, signAll(c, dev.bob, [au(c, 'sudo_set_immunity_period', NETUID, 104)]))[0]!.success).toBe(true)
  })

  test('weights_version_key has its own owner limit: tempo × WeightsVersionKeyRateLimit (5) blocks', () => {
    const c = chain()
    Tempo.set(S(c), NETUID, 2)
    AdminFreezeWindow.set(S(c), 0)
    expect(run(c, signAll(c, dev.bob, [au(c, 'sudo_set_weights_version_key', NETUID, 1n)]))[0]!.success).toBe(true) // block 2
    for (let i = 0; i < 8; i++) c.block() // blocks 3–10
    expect(run(c, signAll(c, dev.bob, [au(c, 'sudo_set_weights_version_key', NETUID, 2n)]))[0]!.error).toEqual(err('SubtensorModule', 'TxRateLimitExceeded')) // block 11: 9 < 10
    expect(run(c, signAll(c, dev.bob, [au(c, 'sudo_set_weights_version_key', NETUID, 3n)]))[0]!.success).toBe(true) // block 12
    expect(WeightsVersionKey.get(S(c), NETUID)).toBe(3n)
  })

  test('freeze window: the last AdminFreezeWindow blocks before the next epoch refuse owner calls and window-checked root calls', () => {
    const c = chain()
    // root sets tempo 12 at block 2: the cycle restarts there, the next epoch is due at block 14, the window (10) opens at block 5
    expect(run(c, signAll(c, dev.alice, [sudo(c, au(c, 'sudo_set_tempo', NETUID, 12))]))[0]!.sudoError).toBeUndefined()
    expect(LastEpochBlock.get(S(c), NETUID)).toBe(2n)
    expect(run(c, signAll(c, dev.bob, [au(c, 'sudo_set_immunity_period', NETUID, 7)]))[0]!.success).toBe(true) // block 3: 11 blocks left
    expect(run(c, signAll(c, dev.bob, [au(c, 'sudo_set_yuma3_enabled', NETUID, false)]))[0]!.success).toBe(true) // block 4: 10 left

    const keys = [MinAllowedWeights.key(NETUID), Tempo.key(NETUID), LastEpochBlock.key(NETUID), BondsResetOn.key(NETUID)]
    const before = snapshot(c, keys)
    const owner = run(c, signAll(c, dev.bob, [au(c, 'sudo_set_min_allowed_weights', NETUID, 7), au(c, 'sudo_set_bonds_reset_enabled', NETUID, true)])) // block 5: 9 left
    expect(owner.map((x) => x.error)).toEqual(Array(2).fill(err('SubtensorModule', 'AdminActionProhibitedDuringWeightsWindow')))
    const root = run(c, signAll(c, dev.alice, [sudo(c, au(c, 'sudo_set_tempo', NETUID, 500)), sudo(c, au(c, 'sudo_set_kappa', NETUID, 9))])) // block 6
    // root is held by the window too where the Rust checks it (tempo); kappa does not check it
    expect(root.map((x) => x.sudoError)).toEqual([err('SubtensorModule', 'AdminActionProhibitedDuringWeightsWindow'), undefined])
    expect(Kappa.get(S(c), NETUID)).toBe(9)
    expect(snapshot(c, keys)).toEqual(before)

    // an epoch at block 6 (as the coinbase would record it): the next is due at 18, so block 7 is open …
    LastEpochBlock.set(S(c), NETUID, 6n)
    expect(run(c, signAll(c, dev.bob, [au(c, 'sudo_set_min_allowed_weights', NETUID, 8)]))[0]!.success).toBe(true) // block 7
    // … unless a triggered epoch is pending: then it is frozen until that fires, whatever the window
    PendingEpochAt.set(S(c), NETUID, 30n)
    AdminFreezeWindow.set(S(c), 0)
    expect(run(c, signAll(c, dev.bob, [au(c, 'sudo_set_bonds_reset_enabled', NETUID, true)]))[0]!.error).toEqual(err('SubtensorModule', 'AdminActionProhibitedDuringWeightsWindow'))
    PendingEpochAt.set(S(c), NETUID, 0n)
    AdminFreezeWindow.set(S(c), 10)

    // in the window again (block 9: 9 left), root shrinks the window to 0 (a root-only call without a window check) and the owner gets through
    c.block() // block 8
    const w = run(c, signAll(c, dev.alice, [sudo(c, au(c, 'sudo_set_admin_freeze_window', 0))])) // block 9
    expect(w[0]!.names).toEqual(['subtensorModule.AdminFreezeWindowSet', 'sudo.Sudid'])
    expect(AdminFreezeWindow.get(S(c))).toBe(0)
    expect(run(c, signAll(c, dev.bob, [au(c, 'sudo_set_bonds_reset_enabled', NETUID, true)]))[0]!.success).toBe(true) // block 10
  })

  test('sn_owner_hotkey: owner sets it once per 50_400 blocks per subnet; never a subnet account; SubtensorModule errors', () => {
    const c = chain()
    const HOT: Hex = `0x${'42'.repeat(32)}`
    const first = run(c, signAll(c, dev.bob, [au(c, 'sudo_set_sn_owner_hotkey', NETUID, HOT)]))
    expect(first[0]!.names).toEqual(['subtensorModule.SubnetOwnerHotkeySet'])
    expect(SubnetOwnerHotkey.get(S(c), NETUID)).toBe(HOT)
    expect(LastRateLimitedBlock.get(S(c), { type: 'SetSNOwnerHotkey', value: NETUID })).toBe(2n)
    const again = run(c, signAll(c, dev.bob, [au(c, 'sudo_set_subnet_owner_hotkey', NETUID, ALICE)]))
    expect(again[0]!.error).toEqual(err('SubtensorModule', 'TxRateLimitExceeded'))
    // root is rate-limited here too, and a subnet account is refused
    LastRateLimitedBlock.set(S(c), { type: 'SetSNOwnerHotkey', value: NETUID }, 0n)
    const rootCalls = run(c, signAll(c, dev.alice, [
      sudo(c, au(c, 'sudo_set_sn_owner_hotkey', NETUID, subnetAccountId({ storage: S(c) }, NETUID)!)),
      sudo(c, au(c, 'sudo_set_sn_owner_hotkey', 9, ALICE)),
    ]))
    expect(rootCalls.map((x) => x.sudoError)).toEqual([err('SubtensorModule', 'CannotUseSystemAccount'), err('SubtensorModule', 'SubnetNotExists')])
    expect(SubnetOwnerHotkey.get(S(c), NETUID)).toBe(HOT)
  })
})
