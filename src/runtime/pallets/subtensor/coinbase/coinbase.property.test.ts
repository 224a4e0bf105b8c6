// Property test (fast-check, seeded): random blocks, stakes and unstakes on two emitting subnets keep the coinbase's books exact.
//
// TAO. Each block mints the emission E(SubtensorModule.TotalIssuance) as a credit, spends it into subnet accounts (pool injection
// SubnetTaoInEmission and chain buys SubnetExcessTao) and recycles what is left. So per block BOTH issuances grow by exactly
// Σ_n (SubnetTaoInEmission_n + SubnetExcessTao_n) — not by E itself: the per-subnet U96F32 shares and the tao_in / excess split are
// floored to RAO, and that dust (at most 2 RAO per subnet) is recycled, exactly as subtensor's `recycle_credit` does; and while every
// subnet's price EMA is still 0 (their first emitting block) the shares are all 0 and the whole E is recycled. Σ balances stays equal
// to Balances.TotalIssuance throughout.
//
// Alpha. Per subnet, SubnetAlphaOut = Σ TotalHotkeyAlpha + SubnetProtocolAlpha + the four pending pots + R, where R is alpha nobody
// holds: each block the minted alpha_out is split into four floored parts (owner cut, server, validator, root), so 0–3 RAO of it sits
// in SubnetAlphaOut in no pot; an epoch's payout floors a little more away, or overshoots by a few RAO (the epoch's incentive,
// E·ΣI/Σ(I+D) in I32F32, can exceed the server pot). And while Σ EMA prices ≤ 1 the root share is recycled out of the validator
// half, so E = S + V + R < 2S and the miners, who get E/2, leave (S − V − R)/2 of the server pot unpaid — subtensor's own arithmetic.
// Stakes and unstakes leave R exactly as it is; a block without an epoch raises it by 0–3 RAO; an epoch moves it by a few RAO, plus
// that unpaid half-gap when incentive was paid. (Nobody weights an owner hotkey here, so no alpha is burned.)
import { describe, expect, test } from 'vitest'
import fc from 'fast-check'
import { TestExt, account, newTestExt } from '../../../testing/ext.ts'
import { dev, pub } from '../../../testing/chain.ts'
import { tao, type AccountId, type NetUid } from '../../../primitives/bittensor.ts'
import { TotalIssuance as BalancesIssuance } from '../../balances/index.ts'
import { Number as SystemNumber } from '../../system/storage.ts'
import { getStake } from '../staking/shares.ts'
import {
  PendingOwnerCut,
  PendingRootAlphaDivs,
  PendingServerEmission,
  PendingValidatorEmission,
  SubnetAlphaOutEmission,
  SubnetExcessTao,
  SubnetProtocolAlpha,
  SubnetTaoInEmission,
} from '../storage/emission.ts'
import { NetworkRateLimit } from '../storage/hyperparams.ts'
import { Incentive, LastUpdate, Uids, Weights } from '../storage/neurons.ts'
import { TotalHotkeyAlpha, TotalIssuance } from '../storage/stake.ts'
import { SubnetAlphaOut, SubnetEpochIndex, SubnetMovingPrice, SubtokenEnabled, Tempo } from '../storage/subnets.ts'
import { blockEmissionForIssuance } from './blockEmission.ts'

const ALICE = pub(dev.alice) as AccountId
const BOB = pub(dev.bob) as AccountId
const CHARLIE = pub(dev.charlie) as AccountId
const S = 'SubtensorModule'
const NETUIDS: NetUid[] = [2, 3]
const VALIDATORS = [account(0x31), account(0x32)]
const MINERS = [account(0x41), account(0x42), account(0x43)]

const ok = (r: ReturnType<TestExt['call']>) => expect(r).toMatchObject({ ok: true })

/** Subnets 2 (Alice, tempo 5) and 3 (Bob, tempo 7), both emitting; Bob's validators and Charlie's miners on both; root stake on V1. */
function world(): TestExt {
  const ext = newTestExt([[ALICE, tao(1_000_000)], [BOB, tao(1_000_000)], [CHARLIE, tao(1_000_000)]])
  NetworkRateLimit.set(ext.storage, 0n)
  ok(ext.call(ALICE, S, 'register_network', { hotkey: account(0x21) }))
  ok(ext.call(BOB, S, 'register_network', { hotkey: account(0x22) }))
  for (const [n, tempo] of [[2, 5], [3, 7]] as const) {
    ok(ext.call(n === 2 ? ALICE : BOB, S, 'start_call', { netuid: n }))
    ok(ext.root('AdminUtils', 'sudo_set_subnet_emission_enabled', { netuid: n, enabled: true }))
    Tempo.set(ext.storage, n, tempo)
  }
  ext.stepBlocks(1)
  for (const n of NETUIDS) {
    for (const v of VALIDATORS) ok(ext.call(BOB, S, 'burned_register', { netuid: n, hotkey: v }))
    for (const m of MINERS) ok(ext.call(CHARLIE, S, 'burned_register', { netuid: n, hotkey: m }))
    ok(ext.call(BOB, S, 'add_stake', { hotkey: VALIDATORS[0]!, netuid: n, amountStaked: tao(100) }))
  }
  SubtokenEnabled.set(ext.storage, 0, true)
  ok(ext.call(CHARLIE, S, 'add_stake', { hotkey: VALIDATORS[0]!, netuid: 0, amountStaked: tao(500) }))
  ext.stepBlocks(1)
  const block = BigInt(SystemNumber.get(ext.storage))
  for (const n of NETUIDS) {
    const last = [...LastUpdate.get(ext.storage, n)]
    for (const v of VALIDATORS) {
      const uid = Uids.get(ext.storage, n, v)!
      Weights.set(ext.storage, n, uid, MINERS.map((m, i) => [Uids.get(ext.storage, n, m)!, 65535 - i * 20000] as [number, number]))
      last[uid] = block
    }
    LastUpdate.set(ext.storage, n, last)
  }
  return ext
}

type Op =
  | { op: 'add'; coldkey: AccountId; hotkey: AccountId; netuid: NetUid; amount: bigint }
  | { op: 'remove'; coldkey: AccountId; hotkey: AccountId; netuid: NetUid; part: number }
  | { op: 'blocks'; n: number }

const coldkey = fc.constantFrom(ALICE, BOB, CHARLIE)
const hotkey = fc.constantFrom(...VALIDATORS, ...MINERS)
const netuid = fc.constantFrom(...NETUIDS)
const ops: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.record({ op: fc.constant('add' as const), coldkey, hotkey, netuid, amount: fc.bigInt({ min: 0n, max: tao(300) }) }), weight: 3 },
  { arbitrary: fc.record({ op: fc.constant('remove' as const), coldkey, hotkey, netuid, part: fc.integer({ min: 1, max: 1_000_000 }) }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('blocks' as const), n: fc.integer({ min: 1, max: 12 }) }), weight: 3 },
)

/** SubnetAlphaOut less everything accounted for: the alpha nobody holds. */
function residual(ext: TestExt, n: NetUid): bigint {
  const s = ext.storage
  const held = TotalHotkeyAlpha.entries(s).filter(([[, net]]) => net === n).reduce((a, [, v]) => a + v, 0n)
  const pending = PendingServerEmission.get(s, n) + PendingValidatorEmission.get(s, n) + PendingRootAlphaDivs.get(s, n) + PendingOwnerCut.get(s, n)
  return SubnetAlphaOut.get(s, n) - held - SubnetProtocolAlpha.get(s, n) - pending
}

/** Pending server − validator − root: what the recycled root share took out of the validator half since the last epoch. */
const gap = (ext: TestExt, n: NetUid) => PendingServerEmission.get(ext.storage, n) - PendingValidatorEmission.get(ext.storage, n) - PendingRootAlphaDivs.get(ext.storage, n)

const issuances = (ext: TestExt) => ({ sub: TotalIssuance.get(ext.storage), bal: BalancesIssuance.get(ext.storage) })

describe('coinbase properties', () => {
  test('blocks, stakes and unstakes on two emitting subnets: issuance grows by exactly what the coinbase spent, alpha stays accounted for', () => {
    let epochs = 0
    let blocks = 0
    fc.assert(
      fc.property(fc.array(ops, { minLength: 5, maxLength: 25 }), (seq) => {
        const ext = world()
        for (const o of seq) {
          if (o.op === 'blocks') {
            for (let i = 0; i < o.n; i++) {
              const before = { ...issuances(ext), r: NETUIDS.map((n) => residual(ext, n)), epoch: NETUIDS.map((n) => SubnetEpochIndex.get(ext.storage, n)), gap: NETUIDS.map((n) => gap(ext, n)) }
              const pricesSum = NETUIDS.reduce((a, n) => a + SubnetMovingPrice.get(ext.storage, n).bits, 0n)
              const emission = blockEmissionForIssuance(before.sub)
              ext.stepBlocks(1)
              blocks++
              const after = issuances(ext)
              const spent = NETUIDS.reduce((a, n) => a + SubnetTaoInEmission.get(ext.storage, n) + SubnetExcessTao.get(ext.storage, n), 0n)
              expect(after.sub - before.sub, 'SubtensorModule.TotalIssuance growth').toBe(spent)
              expect(after.bal - before.bal, 'Balances.TotalIssuance growth').toBe(spent)
              if (pricesSum === 0n) expect(spent, 'no price EMA yet: no shares, the whole emission is recycled').toBe(0n)
              else expect(emission - spent >= 0n && emission - spent <= 2n * BigInt(NETUIDS.length), `dust ${emission - spent}`).toBe(true)
              NETUIDS.forEach((n, k) => {
                const fired = SubnetEpochIndex.get(ext.storage, n) !== before.epoch[k]
                const moved = residual(ext, n) - before.r[k]!
                if (fired) {
                  epochs++
                  const paidIncentive = Incentive.get(ext.storage, n).some((x) => x > 0)
                  // with incentive, the miners get E/2 = (S + V + R)/2 of the server pot S: the root share recycled out of the validator half leaves (S − V − R)/2 unpaid
                  const [lo, hi] = paidIncentive ? [before.gap[k]! / 2n - 16n, (before.gap[k]! + SubnetAlphaOutEmission.get(ext.storage, n)) / 2n + 19n] : [-16n, 19n]
                  expect(moved >= lo && moved <= hi, `residual moved by ${moved} at an epoch of ${n}, expected ${lo}..${hi}`).toBe(true)
                } else expect(moved >= 0n && moved <= 3n, `residual of ${n} moved by ${moved} without an epoch`).toBe(true)
              })
            }
          } else {
            const before = { ...issuances(ext), r: NETUIDS.map((n) => residual(ext, n)) }
            if (o.op === 'add') ext.call(o.coldkey, S, 'add_stake', { hotkey: o.hotkey, netuid: o.netuid, amountStaked: o.amount })
            else ext.call(o.coldkey, S, 'remove_stake', { hotkey: o.hotkey, netuid: o.netuid, amountUnstaked: (getStake(ext.storage, o.hotkey, o.coldkey, o.netuid) * BigInt(o.part)) / 1_000_000n })
            expect(issuances(ext)).toEqual({ sub: before.sub, bal: before.bal })
            expect(NETUIDS.map((n) => residual(ext, n))).toEqual(before.r)
          }
          const { sum, issuance } = ext.balancesTotal()
          expect(sum).toBe(issuance)
        }
      }),
      { seed: 0x5eed, numRuns: 25 },
    )
    expect(blocks).toBeGreaterThan(200)
    expect(epochs).toBeGreaterThan(20)
  }, 120_000) // 25 seeded runs of hundreds of blocks: seconds here, more on a loaded machine
})
