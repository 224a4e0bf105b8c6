import { describe, expect, test } from 'vitest'
import { PoolError, TransactionPool, type PoolEvent, type Validity } from './pool.ts'

const v = (who: string, nonce: number, stateNonce: number, priority = 1n, longevity = 64): Validity => ({
  priority,
  requires: nonce > stateNonce ? [`${who}:${nonce - 1}`] : [],
  provides: [`${who}:${nonce}`],
  longevity,
})
const bytes = (n = 10) => new Uint8Array(n)

function pool(limits?: { maxCount: number; maxBytes: number }) {
  const p = new TransactionPool(limits)
  const events: PoolEvent[] = []
  p.onEvent((e) => events.push(e))
  return { p, events }
}

describe('transaction pool', () => {
  test('a gap in nonces waits in future until filled, then both are ready in nonce order', () => {
    const { p, events } = pool()
    expect(p.submit('0xb', bytes(), v('alice', 1, 0), 0)).toBe('future')
    expect(p.ready()).toEqual([])
    expect(p.submit('0xa', bytes(), v('alice', 0, 0), 0)).toBe('ready')
    expect(p.ready().map((t) => t.hash)).toEqual(['0xa', '0xb'])
    expect(events).toEqual([
      { type: 'future', hash: '0xb' },
      { type: 'ready', hash: '0xa' },
      { type: 'ready', hash: '0xb' },
    ])
  })

  test('higher priority goes first across senders, but never before its own predecessor', () => {
    const { p } = pool()
    p.submit('0xa0', bytes(), v('alice', 0, 0, 1n), 0)
    p.submit('0xa1', bytes(), v('alice', 1, 0, 100n), 0)
    p.submit('0xb0', bytes(), v('bob', 0, 0, 50n), 0)
    expect(p.ready().map((t) => t.hash)).toEqual(['0xb0', '0xa0', '0xa1'])
  })

  test('same sender and nonce: a higher priority replaces, an equal or lower one is refused', () => {
    const { p, events } = pool()
    p.submit('0x1', bytes(), v('alice', 0, 0, 5n), 0)
    expect(() => p.submit('0x2', bytes(), v('alice', 0, 0, 5n), 0)).toThrow('Priority is too low: (5 vs 5)')
    p.submit('0x3', bytes(), v('alice', 0, 0, 9n), 0)
    expect(events).toContainEqual({ type: 'usurped', hash: '0x1', by: '0x3' })
    expect(p.ready().map((t) => t.hash)).toEqual(['0x3'])
  })

  test('duplicates are refused', () => {
    const { p } = pool()
    p.submit('0x1', bytes(), v('alice', 0, 0), 0)
    expect(() => p.submit('0x1', bytes(), v('alice', 0, 0), 0)).toThrow(new PoolError('AlreadyImported', 'Transaction Already Imported'))
  })

  test('a full pool drops its lowest priority for a better one and refuses a worse one', () => {
    const { p, events } = pool({ maxCount: 2, maxBytes: 1 << 20 })
    p.submit('0x1', bytes(), v('a', 0, 0, 1n), 0)
    p.submit('0x2', bytes(), v('b', 0, 0, 5n), 0)
    expect(() => p.submit('0x3', bytes(), v('c', 0, 0, 1n), 0)).toThrow('Immediately Dropped: the transaction pool is full')
    p.submit('0x4', bytes(), v('d', 0, 0, 7n), 0)
    expect(events).toContainEqual({ type: 'dropped', hash: '0x1', reason: 'pool is full' })
    expect(p.size).toBe(2)
  })

  test('after a block: included ones leave, the rest are re-validated, stale ones become invalid, old ones die', () => {
    const { p, events } = pool()
    p.submit('0xa0', bytes(), v('alice', 0, 0), 0)
    p.submit('0xa1', bytes(), v('alice', 1, 0), 0)
    p.submit('0xb0', bytes(), v('bob', 0, 0), 0)
    p.submit('0xc0', bytes(), v('carol', 0, 0, 1n, 2), 0)
    // Block 1 included alice's nonce 0; bob's nonce 0 got used by another transaction.
    // Carol's transaction is mortal: re-validated one block later, it has one block less to live.
    p.pruneAndRevalidate(['0xa0'], 1, (tx) =>
      tx.hash === '0xb0' ? { invalid: 'Stale' } : tx.hash === '0xa1' ? v('alice', 1, 1) : v('carol', 0, 0, 1n, 1),
    )
    expect(p.has('0xa0')).toBe(false)
    expect(events).toContainEqual({ type: 'invalid', hash: '0xb0', reason: 'Stale' })
    expect(p.ready().map((t) => t.hash)).toEqual(['0xa1', '0xc0'])
    p.pruneAndRevalidate([], 2, (tx) => tx.validity)
    expect(events).toContainEqual({ type: 'dropped', hash: '0xc0', reason: 'longevity elapsed' })
    expect(p.pending().map((t) => t.hash)).toEqual(['0xa1'])
  })
})
