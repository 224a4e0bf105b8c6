// The query-key hash: bigints do not throw, object key order does not matter, different values differ.
import { describe, expect, test } from 'vitest'
import { queryKeyHashFn } from './hash.ts'

describe('queryKeyHashFn', () => {
  test('hashes bigints instead of throwing', () => {
    expect(queryKeyHashFn(['stake', { amount: 10n ** 20n }])).toBe('["stake",{"amount":{"$bigint":"100000000000000000000"}}]')
  })
  test('object key order does not change the hash; values do', () => {
    expect(queryKeyHashFn(['metagraph', { network: 'devnet', netuid: 1 }])).toBe(queryKeyHashFn(['metagraph', { netuid: 1, network: 'devnet' }]))
    expect(queryKeyHashFn(['x', { a: 1n }])).not.toBe(queryKeyHashFn(['x', { a: 2n }]))
    expect(queryKeyHashFn(['x', { a: 1n }])).not.toBe(queryKeyHashFn(['x', { a: 1 }]))
  })
})
