// Property tests: random sequences of register / stake / unstake / move / transfer / swap on two subnets never create or lose TAO or alpha,
// keep every hotkey's shares summing to its TotalHotkeyAlpha, keep each pool's price equal to its reserves' ratio, and leave state untouched when refused.
import { describe, expect, test } from 'vitest'
import fc from 'fast-check'
import { TestExt, account, newTestExt } from '../../../testing/ext.ts'
import { dev, pub } from '../../../testing/chain.ts'
import { tao, type AccountId, type NetUid } from '../../../primitives/bittensor.ts'
import { RAO_PER_TAO, currentAlphaPriceRao, subnetPool } from '../../swap/index.ts'
import { FirstEmissionBlockNumber, NetworksAdded, SubnetAlphaIn, SubnetAlphaOut, SubnetTAO, SubtokenEnabled } from '../storage/subnets.ts'
import { AlphaV2, TotalHotkeyAlpha } from '../storage/stake.ts'
import { GENESIS_POOL } from '../genesis.ts'
import { getStake } from './shares.ts'
import { subnetAccountId } from './pools.ts'

const COLDKEYS = [pub(dev.alice), pub(dev.bob), pub(dev.charlie)] as AccountId[]
const HOTKEYS = [1, 2, 3, 4, 5, 6].map((n) => account(0x10 + n))
const NETUIDS: NetUid[] = [1, 2]
/** TAO in a subnet's pool that no account holds: genesis gives netuid 1 a 10 TAO reserve without funding its account. */
const UNBACKED: Record<number, bigint> = { 1: GENESIS_POOL, 2: 0n }

/** Two subnets open for staking: genesis netuid 1, and netuid 2 registered by Alice; Alice's HK1–HK3 on both, Bob's HK4 on netuid 1. */
function world(): TestExt {
  const ext = newTestExt(COLDKEYS.map((c) => [c, tao(1_000_000)]))
  const ok = (r: ReturnType<TestExt['call']>) => expect(r).toMatchObject({ ok: true })
  ok(ext.call(COLDKEYS[0]!, 'SubtensorModule', 'register_network', { hotkey: HOTKEYS[0]! }))
  expect(NetworksAdded.get(ext.storage, 2)).toBe(true)
  ok(ext.call(COLDKEYS[0]!, 'SubtensorModule', 'start_call', { netuid: 2 }))
  // keep netuid 2 out of the coinbase (it emits alpha from FirstEmissionBlockNumber on, whatever SubnetEmissionEnabled says): this property
  // is about staking alone; coinbase/coinbase.property.test.ts holds the same invariants with emission running
  FirstEmissionBlockNumber.remove(ext.storage, 2)
  SubtokenEnabled.set(ext.storage, 1, true) // netuid 1's owner is the zero account, which cannot sign start_call
  ext.stepBlocks(1)
  for (const hk of HOTKEYS.slice(0, 3)) for (const netuid of NETUIDS) if (!(netuid === 2 && hk === HOTKEYS[0])) ok(ext.call(COLDKEYS[0]!, 'SubtensorModule', 'burned_register', { netuid, hotkey: hk }))
  ok(ext.call(COLDKEYS[1]!, 'SubtensorModule', 'burned_register', { netuid: 1, hotkey: HOTKEYS[3]! }))
  ext.stepBlocks(1)
  return ext
}

const coldkey = fc.constantFrom(...COLDKEYS)
/** Mostly the registered hotkeys; sometimes one nobody owns yet. */
const hotkey = fc.oneof({ arbitrary: fc.constantFrom(...HOTKEYS.slice(0, 4)), weight: 5 }, { arbitrary: fc.constantFrom(...HOTKEYS.slice(4)), weight: 1 })
const netuid = fc.constantFrom(...NETUIDS)
const amount = fc.bigInt({ min: 0n, max: tao(200) })
/** Part of the position, in millionths (over 1.0 asks for more than there is). */
const part = fc.oneof({ arbitrary: fc.integer({ min: 1, max: 1_000_000 }), weight: 4 }, { arbitrary: fc.integer({ min: 0, max: 1_200_000 }), weight: 1 })
/** A limit price as millionths of the current price. */
const limitFactor = fc.integer({ min: 500_000, max: 2_000_000 })

type Op =
  | { op: 'register'; coldkey: AccountId; hotkey: AccountId; netuid: NetUid }
  | { op: 'add'; coldkey: AccountId; hotkey: AccountId; netuid: NetUid; amount: bigint }
  | { op: 'addLimit'; coldkey: AccountId; hotkey: AccountId; netuid: NetUid; amount: bigint; limit: number; partial: boolean }
  | { op: 'remove'; coldkey: AccountId; hotkey: AccountId; netuid: NetUid; part: number }
  | { op: 'removeLimit'; coldkey: AccountId; hotkey: AccountId; netuid: NetUid; part: number; limit: number; partial: boolean }
  | { op: 'move'; coldkey: AccountId; from: AccountId; to: AccountId; origin: NetUid; destination: NetUid; part: number }
  | { op: 'transfer'; coldkey: AccountId; to: AccountId; hotkey: AccountId; origin: NetUid; destination: NetUid; part: number }
  | { op: 'swap'; coldkey: AccountId; hotkey: AccountId; origin: NetUid; destination: NetUid; part: number; limit?: number; partial: boolean }
  | { op: 'unstakeAll'; coldkey: AccountId; hotkey: AccountId; alphaOnly: boolean }
  | { op: 'block' }

const ops: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('register' as const), coldkey, hotkey, netuid }),
  { arbitrary: fc.record({ op: fc.constant('add' as const), coldkey, hotkey, netuid, amount }), weight: 4 },
  { arbitrary: fc.record({ op: fc.constant('addLimit' as const), coldkey, hotkey, netuid, amount, limit: limitFactor, partial: fc.boolean() }), weight: 2 },
  fc.record({ op: fc.constant('remove' as const), coldkey, hotkey, netuid, part }),
  fc.record({ op: fc.constant('removeLimit' as const), coldkey, hotkey, netuid, part, limit: limitFactor, partial: fc.boolean() }),
  fc.record({ op: fc.constant('move' as const), coldkey, from: hotkey, to: hotkey, origin: netuid, destination: netuid, part }),
  fc.record({ op: fc.constant('transfer' as const), coldkey, to: coldkey, hotkey, origin: netuid, destination: netuid, part }),
  fc.record({ op: fc.constant('swap' as const), coldkey, hotkey, origin: netuid, destination: netuid, part, limit: fc.option(limitFactor, { nil: undefined }), partial: fc.boolean() }),
  fc.record({ op: fc.constant('unstakeAll' as const), coldkey, hotkey, alphaOnly: fc.boolean() }),
  fc.constant({ op: 'block' as const }),
)

const price = (ext: TestExt, n: NetUid) => currentAlphaPriceRao(subnetPool(ext.storage, n))
const share = (stake: bigint, millionths: number) => (stake * BigInt(millionths)) / 1_000_000n
const scaled = (p: bigint, millionths: number) => (p * BigInt(millionths)) / 1_000_000n

function apply(ext: TestExt, o: Op): ReturnType<TestExt['call']> | undefined {
  const S = 'SubtensorModule'
  switch (o.op) {
    case 'register':
      return ext.call(o.coldkey, S, 'burned_register', { netuid: o.netuid, hotkey: o.hotkey })
    case 'add':
      return ext.call(o.coldkey, S, 'add_stake', { hotkey: o.hotkey, netuid: o.netuid, amountStaked: o.amount })
    case 'addLimit':
      return ext.call(o.coldkey, S, 'add_stake_limit', { hotkey: o.hotkey, netuid: o.netuid, amountStaked: o.amount, limitPrice: scaled(price(ext, o.netuid), o.limit), allowPartial: o.partial })
    case 'remove':
      return ext.call(o.coldkey, S, 'remove_stake', { hotkey: o.hotkey, netuid: o.netuid, amountUnstaked: share(getStake(ext.storage, o.hotkey, o.coldkey, o.netuid), o.part) })
    case 'removeLimit':
      return ext.call(o.coldkey, S, 'remove_stake_limit', {
        hotkey: o.hotkey, netuid: o.netuid, amountUnstaked: share(getStake(ext.storage, o.hotkey, o.coldkey, o.netuid), o.part), limitPrice: scaled(price(ext, o.netuid), o.limit), allowPartial: o.partial,
      })
    case 'move':
      return ext.call(o.coldkey, S, 'move_stake', { originHotkey: o.from, destinationHotkey: o.to, originNetuid: o.origin, destinationNetuid: o.destination, alphaAmount: share(getStake(ext.storage, o.from, o.coldkey, o.origin), o.part) })
    case 'transfer':
      return ext.call(o.coldkey, S, 'transfer_stake', { destinationColdkey: o.to, hotkey: o.hotkey, originNetuid: o.origin, destinationNetuid: o.destination, alphaAmount: share(getStake(ext.storage, o.hotkey, o.coldkey, o.origin), o.part) })
    case 'swap': {
      const alphaAmount = share(getStake(ext.storage, o.hotkey, o.coldkey, o.origin), o.part)
      if (o.limit === undefined) return ext.call(o.coldkey, S, 'swap_stake', { hotkey: o.hotkey, originNetuid: o.origin, destinationNetuid: o.destination, alphaAmount })
      // the limit is the origin/destination price ratio, RAO per RAO scaled by 1e9
      const ratio = (price(ext, o.origin) * RAO_PER_TAO) / (price(ext, o.destination) || 1n)
      return ext.call(o.coldkey, S, 'swap_stake_limit', { hotkey: o.hotkey, originNetuid: o.origin, destinationNetuid: o.destination, alphaAmount, limitPrice: scaled(ratio, o.limit), allowPartial: o.partial })
    }
    case 'unstakeAll':
      return ext.call(o.coldkey, S, o.alphaOnly ? 'unstake_all_alpha' : 'unstake_all', { hotkey: o.hotkey })
    case 'block':
      ext.stepBlocks(1)
      return undefined
  }
}

const alphaTotal = (ext: TestExt, n: NetUid) => SubnetAlphaIn.get(ext.storage, n) + SubnetAlphaOut.get(ext.storage, n)

function checkInvariants(ext: TestExt, issuance0: bigint) {
  const s = ext.storage
  // TAO: every RAO is in some account, and none was minted or burned
  const { sum, issuance } = ext.balancesTotal()
  expect(sum).toBe(issuance)
  expect(issuance).toBe(issuance0)
  for (const n of NETUIDS) {
    // alpha outstanding is exactly what the hotkeys hold
    const held = TotalHotkeyAlpha.entries(s).filter(([[, net]]) => net === n).reduce((a, [, v]) => a + v, 0n)
    expect(held, `Σ TotalHotkeyAlpha on ${n}`).toBe(SubnetAlphaOut.get(s, n))
    // the pool's price is its reserves' ratio (equal weights): floor(τ·1e9/α), to the rounding of U64F64
    const [t, a] = [SubnetTAO.get(s, n), SubnetAlphaIn.get(s, n)]
    expect(a > 0n && t > 0n, `reserves of ${n}`).toBe(true)
    const expected = (t * RAO_PER_TAO) / a
    const p = price(ext, n)
    expect(p >= expected - 1n && p <= expected + 1n, `price ${p} vs τ/α ${expected} on ${n}`).toBe(true)
    // the subnet account holds at least the pool's TAO (fees and registration fees stay in it)
    expect(ext.free(subnetAccountId(ext, n)!) + UNBACKED[n]!, `subnet ${n} account`).toBeGreaterThanOrEqual(t)
  }
  // every hotkey pool: the coldkeys' values add up to its TotalHotkeyAlpha, less at most a RAO of rounding per coldkey
  const pools = new Map<string, { hotkey: AccountId; netuid: NetUid; coldkeys: AccountId[] }>()
  for (const [[h, c, n]] of AlphaV2.entries(s)) {
    const key = `${h}/${n}`
    const entry = pools.get(key) ?? { hotkey: h, netuid: n, coldkeys: [] }
    entry.coldkeys.push(c)
    pools.set(key, entry)
  }
  for (const { hotkey, netuid, coldkeys } of pools.values()) {
    const total = TotalHotkeyAlpha.get(s, hotkey, netuid)
    const values = coldkeys.reduce((a, c) => a + getStake(s, hotkey, c, netuid), 0n)
    expect(values, `Σ stakes on ${hotkey}/${netuid}`).toBeLessThanOrEqual(total)
    expect(total - values, `rounding on ${hotkey}/${netuid}`).toBeLessThanOrEqual(BigInt(coldkeys.length))
  }
}

describe('staking properties', () => {
  test('random sequences of register / stake / unstake / move / transfer / swap conserve TAO and alpha and keep pools and shares consistent', () => {
    let calls = 0
    let succeeded = 0
    fc.assert(
      fc.property(fc.array(ops, { minLength: 5, maxLength: 40 }), (sequence) => {
        const ext = world()
        const issuance0 = ext.balancesTotal().issuance
        checkInvariants(ext, issuance0)
        for (const o of sequence) {
          const alphaBefore = NETUIDS.map((n) => alphaTotal(ext, n))
          const pending = ext.pendingChanges()
          const r = apply(ext, o)
          if (r) calls++
          if (r && !r.ok) {
            // a refusal writes nothing
            expect(ext.pendingChanges(), `${o.op} refused with ${r.error}`).toEqual(pending)
            continue
          }
          if (r) succeeded++
          // alpha in + out only shrinks by what registration burns
          NETUIDS.forEach((n, i) => {
            if (o.op === 'register' && o.netuid === n) expect(alphaTotal(ext, n)).toBeLessThanOrEqual(alphaBefore[i]!)
            else if (o.op !== 'block') expect(alphaTotal(ext, n), `${o.op}: α in+out on ${n}`).toBe(alphaBefore[i])
          })
          checkInvariants(ext, issuance0)
        }
      }),
      { numRuns: 60, seed: 20261202, endOnFailure: true },
    )
    // the sequences exercised the calls, and most of them were accepted
    expect(calls).toBeGreaterThan(500)
    expect(succeeded / calls).toBeGreaterThan(0.3)
  })
})
