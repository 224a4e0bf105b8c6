// Column sorting: mixed types, undefined last in both directions, stable ties.
import { describe, expect, test } from 'vitest'
import { nextSort, sortRows } from './sort.ts'

const rows = [
  { id: 'a', stake: 5n, next: 3 as number | undefined },
  { id: 'b', stake: 10n ** 20n, next: undefined },
  { id: 'c', stake: 5n, next: 1 },
]
const value = (r: (typeof rows)[number], key: 'stake' | 'next' | 'id') => r[key]

describe('sortRows', () => {
  test('bigints, with ties kept in order', () => {
    expect(sortRows(rows, { key: 'stake', direction: 'desc' }, value).map((r) => r.id)).toEqual(['b', 'a', 'c'])
    expect(sortRows(rows, { key: 'stake', direction: 'asc' }, value).map((r) => r.id)).toEqual(['a', 'c', 'b'])
  })
  test('undefined last either way', () => {
    expect(sortRows(rows, { key: 'next', direction: 'asc' }, value).map((r) => r.id)).toEqual(['c', 'a', 'b'])
    expect(sortRows(rows, { key: 'next', direction: 'desc' }, value).map((r) => r.id)).toEqual(['a', 'c', 'b'])
  })
  test('nextSort flips the same column, starts a new one', () => {
    expect(nextSort({ key: 'id', direction: 'desc' }, 'id')).toEqual({ key: 'id', direction: 'asc' })
    expect(nextSort({ key: 'id', direction: 'desc' }, 'stake', 'asc')).toEqual({ key: 'stake', direction: 'asc' })
  })
})
