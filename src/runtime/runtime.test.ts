// The runtime end to end in memory: genesis, signed transfers through the transaction extensions, fees to the author, events as polkadot-js decodes them.
import { describe, expect, test } from 'vitest'
import { Keyring } from '@polkadot/keyring'
import { u8aToHex } from '@polkadot/util'
import { TestChain, dev, pub } from './testing/chain.ts'
import { tao } from './primitives/bittensor.ts'

const ALICE = pub(dev.alice)
const BOB = pub(dev.bob)
const CHARLIE = pub(dev.charlie)
const ONE = pub(dev.one)

function supply(c: TestChain) {
  return [ALICE, BOB, CHARLIE, ONE].reduce((n, who) => n + c.account(who).free + c.account(who).reserved, 0n)
}

describe('devnet runtime', () => {
  test('genesis funds the dev accounts and sets the issuance', () => {
    const c = new TestChain()
    expect(c.account(ALICE)).toEqual({ nonce: 0, free: tao(1_000_000), reserved: 0n, exists: true })
    expect(c.totalIssuance()).toBe(tao(2_002_000))
  })

  test('an empty block holds only the timestamp inherent', () => {
    const c = new TestChain()
    const b = c.block()
    expect(b.body).toHaveLength(1)
    // on_initialize mints the block emission (Balances' `issue`); with no subnet to emit to the credit is recycled (dropped, no event)
    expect(c.events()).toEqual([
      { phase: { initialization: null }, event: 'balances.Issued', data: [1_000_000_000] },
      { phase: { applyExtrinsic: 0 }, event: 'system.ExtrinsicSuccess', data: [{ weight: { refTime: 158_684_000, proofSize: 1_493 }, class: 'Mandatory', paysFee: 'Yes' }] },
    ])
  })

  test('a signed transfer moves TAO, pays the fee to the author and emits the events polkadot-js expects', () => {
    const c = new TestChain()
    c.block()
    const xt = c.sign(dev.alice, c.tx('Balances', 'transfer_keep_alive', { Id: CHARLIE }, tao(10)), { era: 64 })
    const v = c.validate(xt)
    expect(v.ok).toBe(true)
    const b = c.block([xt])
    expect(b.applied.map((a) => a.success)).toEqual([true, true])
    const events = c.events()
    const names = events.map((e) => e.event)
    expect(names).toEqual([
      'balances.Issued',
      'system.ExtrinsicSuccess',
      'balances.Withdraw',
      'system.NewAccount',
      'balances.Endowed',
      'balances.Transfer',
      'balances.Deposit',
      'balances.Deposit',
      'transactionPayment.TransactionFeePaid',
      'system.ExtrinsicSuccess',
    ])
    const feePaid = events[8]!.data as [string, number, number]
    const fee = BigInt(feePaid[1])
    expect(fee).toBe(54_078n + BigInt(xt.length) + 387_692n)
    expect(c.account(ALICE)).toMatchObject({ nonce: 1, free: tao(1_000_000) - tao(10) - fee })
    expect(c.account(CHARLIE).free).toBe(tao(10))
    expect(c.account(ONE).free).toBe(tao(2000) + fee)
    expect(supply(c)).toBe(c.totalIssuance())
  })

  test('a failing call keeps its fee and nonce and changes nothing else', () => {
    const c = new TestChain()
    c.block()
    const xt = c.sign(dev.bob, c.tx('Balances', 'transfer_keep_alive', { Id: CHARLIE }, tao(2_000_000)))
    const b = c.block([xt])
    expect(b.applied.at(-1)!.success).toBe(false)
    const failed = c.events().at(-1)!
    expect(failed.event).toBe('system.ExtrinsicFailed')
    expect((failed.data as [{ token: string }])[0]).toEqual({ token: 'FundsUnavailable' })
    expect(c.account(CHARLIE).exists).toBe(false)
    expect(c.account(BOB).nonce).toBe(1)
    expect(c.account(BOB).free).toBeLessThan(tao(1_000_000))
    expect(supply(c)).toBe(c.totalIssuance())
  })

  test('refusals: stale nonce, future nonce waits, bad signature, unpayable fee, unsigned calls', () => {
    const c = new TestChain()
    c.block([c.sign(dev.alice, c.tx('System', 'remark', '0x01'))])
    const stale = c.validate(c.sign(dev.alice, c.tx('System', 'remark', '0x02'), { nonce: 0 }))
    expect(stale).toMatchObject({ ok: false, invalid: { kind: 'Invalid', variant: 'Stale' } })
    const future = c.validate(c.sign(dev.alice, c.tx('System', 'remark', '0x02'), { nonce: 5 }))
    expect(future).toMatchObject({ ok: true, valid: { requires: [expect.any(String)] } })
    const good = c.sign(dev.alice, c.tx('System', 'remark', '0x02'))
    const tampered = good.slice()
    tampered[10] = tampered[10]! ^ 0xff
    expect(c.validate(tampered)).toMatchObject({ ok: false, invalid: { variant: 'BadProof', message: 'Transaction has a bad signature' } })
    const broke = c.validate(c.sign(dev.charlie, c.tx('System', 'remark', '0x02')))
    expect(broke).toMatchObject({ ok: false, invalid: { variant: 'Payment' } })
    expect(c.validate(new Uint8Array([0x08, 0x04, 0x00]))).toMatchObject({ ok: false, invalid: { kind: 'BadFormat' } })
  })

  test.each(['ed25519', 'ecdsa'] as const)('an %s-signed transfer is applied like an sr25519 one', (type) => {
    const pair = new Keyring({ type }).addFromUri('//Dave')
    // An ecdsa account id is the blake2_256 of its compressed public key.
    const id = u8aToHex(pair.addressRaw) as `0x${string}`
    const c = new TestChain([[ALICE, tao(1000)], [ONE, tao(1)], [id, tao(100)]])
    c.block()
    c.block([c.sign(pair, c.tx('Balances', 'transfer_allow_death', { Id: BOB }, tao(1)), { nonce: 0 })])
    expect(c.events().map((e) => e.event)).toContain('balances.Transfer')
    expect(c.account(BOB).free).toBe(tao(1))
    expect(c.account(id).nonce).toBe(1)
  })

  test('sudo: //Alice dispatches root calls; others are refused at the pool', () => {
    const c = new TestChain()
    c.block()
    const setBalance = c.tx('Balances', 'force_set_balance', { Id: CHARLIE }, tao(5))
    const bySudo = c.sign(dev.alice, c.tx('Sudo', 'sudo', setBalance))
    c.block([bySudo])
    expect(c.account(CHARLIE).free).toBe(tao(5))
    // Sudo is declared to pay, then refunds itself (Pays::No after dispatch): the fee goes out and comes back.
    const events = c.events()
    expect(events.map((e) => e.event)).toEqual([
      'balances.Issued',
      'system.ExtrinsicSuccess',
      'balances.Withdraw',
      'system.NewAccount',
      'balances.Endowed',
      'balances.BalanceSet',
      'sudo.Sudid',
      'balances.Deposit',
      'transactionPayment.TransactionFeePaid',
      'system.ExtrinsicSuccess',
    ])
    expect(events[2]!.data).toEqual(events[7]!.data)
    expect((events[8]!.data as unknown[])[1]).toBe(0)
    const byBob = c.validate(c.sign(dev.bob, c.tx('Sudo', 'sudo', setBalance)))
    expect(byBob).toMatchObject({ ok: false, invalid: { variant: 'BadSigner' } })
    expect(supply(c)).toBe(c.totalIssuance())
  })

  test('utility: batch stops at the first failure, batch_all rolls everything back, force_batch goes on', () => {
    const c = new TestChain()
    c.block()
    const ok = c.tx('Balances', 'transfer_keep_alive', { Id: CHARLIE }, tao(1))
    const bad = c.tx('Balances', 'transfer_keep_alive', { Id: CHARLIE }, tao(9_000_000))
    c.block([c.sign(dev.alice, c.tx('Utility', 'batch', [ok, bad, ok]))])
    expect(c.account(CHARLIE).free).toBe(tao(1))
    expect(c.events().map((e) => e.event)).toContain('utility.BatchInterrupted')
    c.block([c.sign(dev.alice, c.tx('Utility', 'batch_all', [ok, bad]))])
    expect(c.account(CHARLIE).free).toBe(tao(1))
    expect(c.events().at(-1)!.event).toBe('system.ExtrinsicFailed')
    c.block([c.sign(dev.alice, c.tx('Utility', 'force_batch', [ok, bad, ok]))])
    expect(c.account(CHARLIE).free).toBe(tao(3))
    expect(c.events().map((e) => e.event)).toContain('utility.BatchCompletedWithErrors')
    // A batch directly inside a batch is filtered, as subtensor's NoNestingCallFilter does.
    c.block([c.sign(dev.alice, c.tx('Utility', 'batch', [c.tx('Utility', 'batch', [ok])]))])
    expect(c.events().at(-1)!.event).toBe('system.ExtrinsicFailed')
    expect(supply(c)).toBe(c.totalIssuance())
  })
})
