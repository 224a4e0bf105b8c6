// Sorting rows by a column: one comparator for numbers, bigints, strings and booleans, undefined last. Pure.

export type SortValue = number | bigint | string | boolean | undefined
export type SortState<K extends string> = { key: K; direction: 'asc' | 'desc' }

export function compareValues(a: SortValue, b: SortValue): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1
  if (typeof a === 'string' && typeof b === 'string') return a.localeCompare(b)
  if (typeof a === 'boolean' || typeof b === 'boolean') return Number(a) - Number(b)
  return a < b ? -1 : a > b ? 1 : 0
}

/** A sorted copy; undefined values stay last in both directions; ties keep their order. */
export function sortRows<T, K extends string>(rows: readonly T[], { key, direction }: SortState<K>, valueOf: (row: T, key: K) => SortValue): T[] {
  const sign = direction === 'asc' ? 1 : -1
  return rows
    .map((row, index) => ({ row, index, value: valueOf(row, key) }))
    .sort((a, b) => {
      if (a.value === undefined || b.value === undefined) return compareValues(a.value, b.value) || a.index - b.index
      return sign * compareValues(a.value, b.value) || a.index - b.index
    })
    .map((x) => x.row)
}

/** Clicking a column: the same column flips direction, another starts with `initial`. */
export const nextSort = <K extends string>(current: SortState<K>, key: K, initial: 'asc' | 'desc' = 'desc'): SortState<K> =>
  current.key === key ? { key, direction: current.direction === 'asc' ? 'desc' : 'asc' } : { key, direction: initial }
