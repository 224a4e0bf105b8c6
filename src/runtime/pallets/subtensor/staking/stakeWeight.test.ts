// Stake weights worked by hand in subtensor's fixed point: TaoWeight as U96F32 (32 fraction bits), S = α_inh + τ_inh·tw in I64F64, and child/parent inheritance in U96F32.
import { describe, expect, test } from 'vitest'
import { account, newTestExt } from '../../../testing/ext.ts'
import { I64F64 } from '../epoch/fixed.ts'
import { StakeThreshold } from '../storage/hyperparams.ts'
import { Keys, Uids } from '../storage/neurons.ts'
import { ChildKeys, ParentKeys, TaoWeight, TotalHotkeyAlpha } from '../storage/stake.ts'
import { SubnetOwnerHotkey, SubnetworkN } from '../storage/subnets.ts'
import {
  checkWeightsMinStake, getInheritedForHotkeyOnSubnet, getStakeWeightsForHotkeyOnSubnet, getStakeWeightsForNetwork, getTaoInheritedForHotkeyOnSubnet, getTaoWeight,
  normalizedProportion,
} from './stakeWeight.ts'

const U64_MAX = (1n << 64n) - 1n
const TWO32 = 1n << 32n
const P = account(0x51)
const Q = account(0x52)
const C = account(0x53)
const SN = 1

/** floor(971_718_665_099_567_868 · 2^32 / (2^64 − 1)): the default TaoWeight as U96F32 bits (≈ 0.0526769743). */
const TW_BITS = 226_245_882n
/** floor((u64::MAX / 2) · 2^32 / u64::MAX) = 2^31 − 1: a "half" proportion loses a 2^-32 to the truncation. */
const HALF_BITS = 2_147_483_647n
/** floor((u64::MAX / 4) · 2^32 / u64::MAX) = 2^30 − 1. */
const QUARTER_BITS = 1_073_741_823n

function ext() {
  return newTestExt()
}
const setStake = (s: ReturnType<typeof ext>['storage'], hotkey: typeof P, netuid: number, amount: bigint) => TotalHotkeyAlpha.set(s, hotkey, netuid, amount)

describe('tao weight', () => {
  test('the default TaoWeight is U96F32(971_718_665_099_567_868) / U96F32(u64::MAX), truncated to 32 fraction bits', () => {
    const e = ext()
    expect(TaoWeight.get(e.storage)).toBe(971_718_665_099_567_868n)
    expect(getTaoWeight(e.storage).bits).toBe(TW_BITS)
    TaoWeight.set(e.storage, U64_MAX)
    expect(getTaoWeight(e.storage).bits).toBe(TWO32) // exactly 1
    TaoWeight.set(e.storage, 0n)
    expect(getTaoWeight(e.storage).bits).toBe(0n)
  })

  test('proportions normalize with the same truncation', () => {
    expect(normalizedProportion(U64_MAX / 2n).bits).toBe(HALF_BITS)
    expect(normalizedProportion(U64_MAX / 4n).bits).toBe(QUARTER_BITS)
    expect(normalizedProportion(1n << 63n).bits).toBe(1n << 31n)
  })
})

describe('stake weight without children', () => {
  test('1000 alpha + 1000 root TAO: S = 10^12 + 10^12 · 226_245_882 / 2^32 exactly in I64F64 (floor 1_052_676_974_330)', () => {
    const e = ext()
    setStake(e.storage, P, SN, 10n ** 12n)
    setStake(e.storage, P, 0, 10n ** 12n)
    expect(getInheritedForHotkeyOnSubnet(e.storage, P, SN)).toBe(10n ** 12n)
    expect(getTaoInheritedForHotkeyOnSubnet(e.storage, P, SN)).toBe(10n ** 12n)
    const w = getStakeWeightsForHotkeyOnSubnet(e.storage, P, SN)
    expect(w.alpha.bits).toBe(10n ** 12n << 64n)
    expect(w.tao.bits).toBe(10n ** 12n << 64n)
    // tw as I64F64 has bits TW_BITS·2^32; the product keeps every bit: 10^12 · TW_BITS · 2^32
    expect(w.total.bits).toBe((10n ** 12n << 64n) + 10n ** 12n * TW_BITS * TWO32)
    expect(w.total.floor()).toBe(1_052_676_974_330n)
  })

  test('TaoWeight 0 leaves alpha only; u64::MAX counts root TAO one for one', () => {
    const e = ext()
    setStake(e.storage, P, SN, 300n)
    setStake(e.storage, P, 0, 7_000n)
    TaoWeight.set(e.storage, 0n)
    expect(getStakeWeightsForHotkeyOnSubnet(e.storage, P, SN).total.bits).toBe(300n << 64n)
    TaoWeight.set(e.storage, U64_MAX)
    expect(getStakeWeightsForHotkeyOnSubnet(e.storage, P, SN).total.bits).toBe(7_300n << 64n)
  })

  test('on root the alpha part is the root stake itself, and the tao part is the root stake too', () => {
    const e = ext()
    setStake(e.storage, P, 0, 5_000n)
    const w = getStakeWeightsForHotkeyOnSubnet(e.storage, P, 0)
    expect(w.alpha.floor()).toBe(5_000n)
    expect(w.tao.floor()).toBe(5_000n)
  })

  test('u64::MAX alpha saturates I64F64 at its maximum', () => {
    const e = ext()
    setStake(e.storage, P, SN, U64_MAX)
    const w = getStakeWeightsForHotkeyOnSubnet(e.storage, P, SN)
    expect(w.alpha.bits).toBe(I64F64.maxBits)
    expect(w.total.bits).toBe(I64F64.maxBits)
  })
})

describe('child/parent inheritance', () => {
  /** P (1000 alpha, 2000 root TAO) lends half to C (100 alpha, no root stake) on netuid 1. */
  function halfToChild() {
    const e = ext()
    setStake(e.storage, P, SN, 10n ** 12n)
    setStake(e.storage, P, 0, 2n * 10n ** 12n)
    setStake(e.storage, C, SN, 10n ** 11n)
    ChildKeys.set(e.storage, P, SN, [[U64_MAX / 2n, C]])
    ParentKeys.set(e.storage, C, SN, [[U64_MAX / 2n, P]])
    return e
  }

  test('the parent keeps 10^12 − 10^12·(2^31−1)/2^32 of its alpha, floored; the child adds what the parent lends', () => {
    const e = halfToChild()
    // 10^12 · (2^31 − 1) / 2^32 = 499_999_999_767.169…; parent 500_000_000_232.83… → 500_000_000_232
    expect(getInheritedForHotkeyOnSubnet(e.storage, P, SN)).toBe(500_000_000_232n)
    // child 10^11 + 499_999_999_767.169… → 599_999_999_767
    expect(getInheritedForHotkeyOnSubnet(e.storage, C, SN)).toBe(599_999_999_767n)
    // root TAO the same way: 2·10^12 · (2^31 − 1) / 2^32 = 999_999_999_534.338…
    expect(getTaoInheritedForHotkeyOnSubnet(e.storage, P, SN)).toBe(1_000_000_000_465n)
    expect(getTaoInheritedForHotkeyOnSubnet(e.storage, C, SN)).toBe(999_999_999_534n)
    // the floors lose a rao on each side of the split
    expect(500_000_000_232n + 599_999_999_767n).toBe(10n ** 12n + 10n ** 11n - 1n)
  })

  test('stake weights of parent and child: α_inh + τ_inh · tw', () => {
    const e = halfToChild()
    const p = getStakeWeightsForHotkeyOnSubnet(e.storage, P, SN)
    expect(p.total.bits).toBe((500_000_000_232n << 64n) + 1_000_000_000_465n * TW_BITS * TWO32)
    expect(p.total.floor()).toBe(552_676_974_586n)
    const c = getStakeWeightsForHotkeyOnSubnet(e.storage, C, SN)
    expect(c.total.bits).toBe((599_999_999_767n << 64n) + 999_999_999_534n * TW_BITS * TWO32)
    expect(c.total.floor()).toBe(652_676_974_072n)
  })

  test('children count only on their netuid; root alpha is never split, but root TAO follows the netuid asked about', () => {
    const e = halfToChild()
    expect(getInheritedForHotkeyOnSubnet(e.storage, P, 2)).toBe(0n)
    expect(getTaoInheritedForHotkeyOnSubnet(e.storage, P, 2)).toBe(2n * 10n ** 12n)
    expect(getTaoInheritedForHotkeyOnSubnet(e.storage, C, 2)).toBe(0n)
    ChildKeys.set(e.storage, P, 0, [[U64_MAX / 2n, C]])
    expect(getInheritedForHotkeyOnSubnet(e.storage, P, 0)).toBe(2n * 10n ** 12n)
  })

  test('two parents: C inherits a half of P and a quarter of Q', () => {
    const e = ext()
    setStake(e.storage, P, SN, 4n * 10n ** 9n)
    setStake(e.storage, Q, SN, 8n * 10n ** 9n)
    ParentKeys.set(e.storage, C, SN, [[U64_MAX / 2n, P], [U64_MAX / 4n, Q]])
    // 4e9·(2^31−1)/2^32 + 8e9·(2^30−1)/2^32 = 1_999_999_999.0686… + 1_999_999_998.1373… = 3_999_999_997.2059…
    const exact = 4n * 10n ** 9n * HALF_BITS + 8n * 10n ** 9n * QUARTER_BITS
    expect(getInheritedForHotkeyOnSubnet(e.storage, C, SN)).toBe(exact / TWO32)
    expect(exact / TWO32).toBe(3_999_999_997n)
  })

  test('proportions summing past 1 saturate the parent at 0 (U96F32 saturating_sub)', () => {
    const e = ext()
    setStake(e.storage, P, SN, 1_000n)
    ChildKeys.set(e.storage, P, SN, [[U64_MAX, C], [U64_MAX, Q]])
    expect(getInheritedForHotkeyOnSubnet(e.storage, P, SN)).toBe(0n)
  })
})

describe('stake weights for the network and the min-stake check', () => {
  test('one entry per uid 0..SubnetworkN; a uid without a Keys entry weighs 0', () => {
    const e = ext()
    SubnetworkN.set(e.storage, SN, 3)
    Keys.set(e.storage, SN, 0, P)
    Keys.set(e.storage, SN, 2, C)
    setStake(e.storage, P, SN, 10n ** 12n)
    setStake(e.storage, P, 0, 10n ** 12n)
    setStake(e.storage, C, SN, 5n)
    const w = getStakeWeightsForNetwork(e.storage, SN)
    expect(w.total.map((x) => x.floor())).toEqual([1_052_676_974_330n, 0n, 5n])
    expect(w.alpha.map((x) => x.floor())).toEqual([10n ** 12n, 0n, 5n])
    expect(w.tao.map((x) => x.floor())).toEqual([10n ** 12n, 0n, 0n])
    expect(w.total[0]!.bits).toBe(getStakeWeightsForHotkeyOnSubnet(e.storage, P, SN).total.bits)
  })

  test('check_weights_min_stake compares S with StakeThreshold exactly; the subnet owner hotkey is exempt', () => {
    const e = ext()
    setStake(e.storage, P, SN, 10n ** 12n)
    setStake(e.storage, P, 0, 10n ** 12n)
    expect(checkWeightsMinStake(e.storage, P, SN)).toBe(true) // threshold 0
    StakeThreshold.set(e.storage, 1_052_676_974_330n) // S = 1_052_676_974_330.097…
    expect(checkWeightsMinStake(e.storage, P, SN)).toBe(true)
    StakeThreshold.set(e.storage, 1_052_676_974_331n)
    expect(checkWeightsMinStake(e.storage, P, SN)).toBe(false)
    // Q has no stake: refused until it is the owner hotkey with a uid
    expect(checkWeightsMinStake(e.storage, Q, SN)).toBe(false)
    SubnetOwnerHotkey.set(e.storage, SN, Q)
    expect(checkWeightsMinStake(e.storage, Q, SN)).toBe(false)
    Uids.set(e.storage, SN, Q, 4)
    expect(checkWeightsMinStake(e.storage, Q, SN)).toBe(true)
  })
})
