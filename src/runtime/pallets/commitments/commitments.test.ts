// Commitments end to end on the TestChain: extrinsics signed by polkadot-js from our metadata, storage read back through polkadot-js, refusals that change nothing but the nonce.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { readFileSync } from 'node:fs'
import { Metadata, TypeRegistry } from '@polkadot/types'
import { u8aToHex } from '@polkadot/util'
import { TestChain, dev, pub } from '../../testing/chain.ts'
import type { Hex } from '../../primitives/types.ts'
import {
  CommitmentInfo,
  CommitmentOf,
  Data,
  LastBondsReset,
  LastCommitment,
  MaxSpace,
  RevealedCommitments,
  TimelockedIndex,
  UsedSpaceOf,
  commitmentsHooks,
  resetCommitmentsHooks,
  setCommitmentsHooks,
  type CommitmentsHooks,
  setCanCommit,
  setEpochIndex,
  setRevealTimelock,
} from './index.ts'

const ALICE = pub(dev.alice)
const BOB = pub(dev.bob)
const bytes = (n: number, fill = 0xab) => u8aToHex(new Uint8Array(n).fill(fill)) as Hex

// SubtensorModule wires CanCommit to "registered on the netuid" at load; these tests exercise Commitments alone, with the default "allowed",
// and put SubtensorModule's wiring back for the test files that run after them in the same process.
let wired: CommitmentsHooks
beforeAll(() => void (wired = commitmentsHooks()))
beforeEach(() => resetCommitmentsHooks())
afterAll(() => setCommitmentsHooks(wired))

/** The raw values of every Commitments item for (netuid, who), to show a refusal wrote nothing. */
function snapshot(c: TestChain, netuid: number, who: Hex) {
  const keys = [CommitmentOf, LastCommitment, LastBondsReset, RevealedCommitments, UsedSpaceOf].map((i) => i.key(netuid, who))
  return [...keys, TimelockedIndex.key(), MaxSpace.key()].map((k) => c.state.get(k))
}

function commit(c: TestChain, who = dev.alice, netuid: number, fields: unknown[]) {
  const b = c.block([c.sign(who, c.tx('Commitments', 'set_commitment', netuid, { fields }))])
  return { success: b.applied.at(-1)!.success, events: c.events().filter((e) => e.phase && (e.phase as { applyExtrinsic?: number }).applyExtrinsic === 1) }
}

const moduleError = (c: TestChain) => (c.events().at(-1)!.data as [{ module: { index: number; error: string } }])[0].module

describe('Commitments.set_commitment', () => {
  test('commits fields, emits Commitment { netuid, who }, pays no fee; polkadot-js reads the registration back', () => {
    const c = new TestChain()
    c.block()
    const before = c.account(ALICE)
    const { success, events } = commit(c, dev.alice, 3, [{ Raw5: '0x68656c6c6f' }, { Sha256: bytes(32, 1) }, { BigRaw: bytes(200) }])
    expect(success).toBe(true)
    expect(events.map((e) => e.event).filter((e) => !e.startsWith('balances.'))).toEqual(['commitments.Commitment', 'transactionPayment.TransactionFeePaid', 'system.ExtrinsicSuccess'])
    expect(events[0]!.data).toEqual([3, c.registry.createType('AccountId32', ALICE).toString()])
    expect(events.find((e) => e.event === 'transactionPayment.TransactionFeePaid')!.data).toEqual([c.registry.createType('AccountId32', ALICE).toString(), 0, 0])
    expect((events.at(-1)!.data as [{ paysFee: string }])[0].paysFee).toBe('No')
    // Pays::No: the nonce moves, the balance does not
    expect(c.account(ALICE)).toEqual({ ...before, nonce: before.nonce + 1 })

    const raw = c.state.get(CommitmentOf.key(3, ALICE))!
    const reg = c.registry.createType('PalletCommitmentsRegistration', raw).toJSON()
    expect(reg).toEqual({ deposit: 0, block: 2, info: { fields: [{ raw5: '0x68656c6c6f' }, { sha256: bytes(32, 1) }, { bigRaw: bytes(200) }] } })
    // our own codec reads the same bytes
    expect(CommitmentOf.value.dec(raw).info.fields).toEqual([
      { type: 'Raw', value: new TextEncoder().encode('hello') },
      { type: 'Sha256', value: bytes(32, 1) },
      { type: 'BigRaw', value: new Uint8Array(200).fill(0xab) },
    ])
    expect(c.registry.createType('u32', c.state.get(LastCommitment.key(3, ALICE))).toNumber()).toBe(2)
    // 5 + 32 + 200 bytes counted against MaxSpace in epoch 0
    expect(c.registry.createType('PalletCommitmentsUsageTracker', c.state.get(UsedSpaceOf.key(3, ALICE))).toJSON()).toEqual({ lastEpoch: 0, usedSpace: 237 })
  })

  test('space limit per epoch: a commit over MaxSpace (3100) is refused and changes nothing but the nonce; a new epoch resets it', () => {
    const c = new TestChain()
    c.block()
    const big = [{ BigRaw: bytes(512) }, { BigRaw: bytes(512) }, { BigRaw: bytes(512) }]
    expect(commit(c, dev.alice, 1, big).success).toBe(true)
    expect(commit(c, dev.alice, 1, big).success).toBe(true)
    expect(UsedSpaceOf.get(c.state as never, 1, ALICE)).toEqual({ lastEpoch: 0n, usedSpace: 3072n })

    const state = snapshot(c, 1, ALICE)
    const account = c.account(ALICE)
    // a small commit still counts the minimum 100 bytes: 3072 + 100 > 3100
    const refused = commit(c, dev.alice, 1, [{ Raw1: '0x01' }])
    expect(refused.success).toBe(false)
    expect(refused.events.map((e) => e.event).filter((e) => !e.startsWith('balances.'))).toEqual(['transactionPayment.TransactionFeePaid', 'system.ExtrinsicFailed'])
    expect(moduleError(c)).toEqual({ index: 18, error: '0x02000000' }) // SpaceLimitExceeded
    expect(snapshot(c, 1, ALICE)).toEqual(state)
    expect(c.account(ALICE)).toEqual({ ...account, nonce: account.nonce + 1 })

    // other subnets and other hotkeys have their own allowance
    expect(commit(c, dev.alice, 2, [{ Raw1: '0x01' }]).success).toBe(true)
    expect(commit(c, dev.bob, 1, [{ Raw1: '0x01' }]).success).toBe(true)

    // the subnet's epoch index moves on: usage starts again
    setEpochIndex(() => 1n)
    expect(commit(c, dev.alice, 1, [{ Raw1: '0x01' }]).success).toBe(true)
    expect(UsedSpaceOf.get(c.state as never, 1, ALICE)).toEqual({ lastEpoch: 1n, usedSpace: 100n })
  })

  test('size: a smaller MaxSpace (root set_max_space) refuses a commit that does not fit', () => {
    const c = new TestChain()
    c.block()
    const setMax = c.tx('Commitments', 'set_max_space', 150)
    // signed origin is not root
    c.block([c.sign(dev.bob, setMax)])
    expect(c.events().at(-1)!.event).toBe('system.ExtrinsicFailed')
    expect((c.events().at(-1)!.data as [unknown])[0]).toEqual({ badOrigin: null })
    c.block([c.sign(dev.alice, c.tx('Sudo', 'sudo', setMax))])
    expect(MaxSpace.get(c.state as never)).toBe(150)

    const state = snapshot(c, 1, ALICE)
    const refused = commit(c, dev.alice, 1, [{ Raw128: bytes(128) }, { Raw30: bytes(30) }])
    expect(refused.success).toBe(false)
    expect(moduleError(c)).toEqual({ index: 18, error: '0x02000000' })
    expect(snapshot(c, 1, ALICE)).toEqual(state)
    expect(commit(c, dev.alice, 1, [{ Raw128: bytes(128) }]).success).toBe(true)
  })

  test('size: more than MaxFields (3) fields or an over-long BigRaw do not decode (as BoundedVec), so the pool refuses them', () => {
    const c = new TestChain()
    c.block()
    const four = c.sign(dev.alice, c.tx('Commitments', 'set_commitment', 1, { fields: [{ Raw1: '0x01' }, { Raw1: '0x02' }, { Raw1: '0x03' }, { Raw1: '0x04' }] }))
    expect(c.validate(four).ok).toBe(false)
    const long = c.sign(dev.alice, c.tx('Commitments', 'set_commitment', 1, { fields: [{ BigRaw: bytes(513) }] }))
    expect(c.validate(long).ok).toBe(false)
    const state = snapshot(c, 1, ALICE)
    const b = c.block([four, long])
    expect(b.body).toHaveLength(1) // only the timestamp inherent
    expect(snapshot(c, 1, ALICE)).toEqual(state)
    expect(c.account(ALICE).nonce).toBe(0)
    // our codec agrees: encoding refuses too
    expect(() => CommitmentInfo.enc({ fields: Array(4).fill({ type: 'None' }) })).toThrow(/bound of 3/)
    expect(() => Data.enc({ type: 'Raw', value: new Uint8Array(129) })).toThrow(/at most 128/)
  })

  test('CanCommit: a refused hotkey gets AccountNotAllowedCommit and nothing is written', () => {
    const c = new TestChain()
    c.block()
    setCanCommit((_ctx, netuid, who) => !(netuid === 1 && who === BOB))
    const state = snapshot(c, 1, BOB)
    expect(commit(c, dev.bob, 1, [{ Raw1: '0x01' }]).success).toBe(false)
    expect(moduleError(c)).toEqual({ index: 18, error: '0x01000000' })
    expect(snapshot(c, 1, BOB)).toEqual(state)
    expect(commit(c, dev.bob, 2, [{ Raw1: '0x01' }]).success).toBe(true)
  })

  test('ResetBondsFlag records LastBondsReset; a timelocked field emits TimelockCommitment and is revealed in on_initialize', () => {
    const c = new TestChain()
    c.block()
    expect(commit(c, dev.alice, 1, ['ResetBondsFlag']).success).toBe(true)
    expect(LastBondsReset.get(c.state as never, 1, ALICE)).toBe(2)

    const { success, events } = commit(c, dev.alice, 1, [{ TimelockEncrypted: { encrypted: bytes(40), reveal_round: 77 } }, { Raw2: '0xbeef' }])
    expect(success).toBe(true)
    expect(events[0]).toMatchObject({ event: 'commitments.TimelockCommitment', data: [1, c.registry.createType('AccountId32', ALICE).toString(), 77] })
    expect(TimelockedIndex.get(c.state as never)).toEqual([[1, ALICE]])

    // no drand pulse yet: nothing changes
    c.block()
    expect(CommitmentOf.get(c.state as never, 1, ALICE)!.info.fields).toHaveLength(2)

    setRevealTimelock((_ctx, encrypted, round) => (round === 77n ? { type: 'Revealed', value: encrypted.slice(0, 4) } : { type: 'Pending' }))
    c.block()
    expect(c.events().map((e) => e.event)).toContain('commitments.CommitmentRevealed')
    expect(RevealedCommitments.get(c.state as never, 1, ALICE)).toEqual([[new Uint8Array(4).fill(0xab), BigInt(c.number)]])
    expect(CommitmentOf.get(c.state as never, 1, ALICE)!.info.fields).toEqual([{ type: 'Raw', value: new Uint8Array([0xbe, 0xef]) }])
    expect(TimelockedIndex.get(c.state as never)).toEqual([])
  })
})

describe('Commitments metadata', () => {
  test('Data keeps spec 224’s variants (None, Raw0..Raw128, the four hashes) and adds TimelockEncrypted, ResetBondsFlag, BigRaw', () => {
    const describeData = (bytes: Uint8Array | Hex) => {
      const registry = new TypeRegistry()
      const metadata = new Metadata(registry, bytes)
      registry.setMetadata(metadata)
      const t = registry.lookup.types.find((x) => x.type.path.map(String).join('::') === 'pallet_commitments::types::Data')!
      return t.type.def.asVariant.variants.map((v) => `${v.index}:${v.name}(${v.fields.map((f) => `${f.name.toString()}:${registry.lookup.getTypeDef(f.type).type}`).join(',')})`)
    }
    const ours = describeData(new TestChain().runtime.metadata(14))
    const spec224 = describeData(readFileSync(new URL('../../../../fixtures/subtensor-metadata-spec224.hex', import.meta.url), 'utf8').trim() as Hex)
    expect(ours.slice(0, spec224.length)).toEqual(spec224)
    expect(ours.slice(spec224.length)).toEqual(['134:TimelockEncrypted(encrypted:Bytes,reveal_round:u64)', '135:ResetBondsFlag()', '136:BigRaw(:Bytes)'])
  })
})
