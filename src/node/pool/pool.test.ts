import { describe, expect, test } from 'vitest'
import { PoolError, TransactionPool, type PoolEvent, type PoolTransaction, type Validity } from './pool.ts'

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

  test('a transaction needing two that share a predecessor (a diamond) is ready once all are', () => {
    const { p } = pool()
    const validity = (requires: string[], provides: string[], priority = 1n): Validity => ({ priority, requires, provides, longevity: 64 })
    p.submit('0xd', bytes(), validity(['b', 'c'], ['d']), 0)
    p.submit('0xb', bytes(), validity(['a'], ['b'], 5n), 0)
    p.submit('0xc', bytes(), validity(['a'], ['c'], 9n), 0)
    expect(p.ready()).toEqual([])
    expect(p.submit('0xa', bytes(), validity([], ['a']), 0)).toBe('ready')
    expect(p.ready().map((t) => t.hash)).toEqual(['0xa', '0xc', '0xb', '0xd'])
  })

  test('block order matches the definition (best priority among those whose requirements are met) on random pools', () => {
    // The definition, written the slow way: repeatedly take the best ready transaction whose requirements are provided.
    const reference = (txs: PoolTransaction[]) => {
      const out: PoolTransaction[] = []
      const provided = new Set<string>()
      const left = new Set(txs)
      while (left.size > 0) {
        const next = [...left]
          .filter((t) => t.validity.requires.every((r) => provided.has(r)))
          .sort((a, b) => (a.validity.priority !== b.validity.priority ? (a.validity.priority > b.validity.priority ? -1 : 1) : a.seq - b.seq))[0]
        if (!next) break
        left.delete(next)
        out.push(next)
        for (const tag of next.validity.provides) provided.add(tag)
      }
      return out
    }
    let seed = 7
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      return seed % n
    }
    for (let round = 0; round < 40; round++) {
      const { p, events } = pool()
      const senders = 1 + random(6)
      const next = Array.from({ length: senders }, () => 0)
      for (let i = 0; i < 30; i++) {
        const who = random(senders)
        // Mostly the next nonce, sometimes a gap (future), with random priorities.
        const nonce = next[who]! + (random(5) === 0 ? 1 : 0)
        next[who] = Math.max(next[who]!, nonce + 1)
        const hash = `0x${round}-${i}`
        if (p.has(hash)) continue
        try {
          p.submit(hash, bytes(), v(`s${who}`, nonce, 0, BigInt(random(4)), 64), 0)
        } catch {
          // Same sender and nonce at no better priority: refused, as it should be.
        }
      }
      const ready = p.ready()
      expect(ready.map((t) => t.hash)).toEqual(reference(p.pending().filter((t) => ready.includes(t))).map((t) => t.hash))
      // Every transaction reported ready is ready or was replaced since.
      const reported = events.filter((e) => e.type === 'ready').map((e) => e.hash)
      for (const t of ready) expect(reported).toContain(t.hash)
    }
  })
})

