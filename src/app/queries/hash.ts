// A bigint-safe queryKeyHashFn: TanStack's default hash (JSON with sorted object keys) throws on bigint; this tags it instead.
import type { QueryKey } from '@tanstack/react-query'

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype

/** `['stake', { amount: 1n }]` → `'["stake",{"amount":{"$bigint":"1"}}]'`; object keys sorted, so key order never matters. */
export function queryKeyHashFn(queryKey: QueryKey): string {
  return JSON.stringify(queryKey, (_, value: unknown) => {
    if (typeof value === 'bigint') return { $bigint: value.toString() }
    if (isPlainObject(value))
      return Object.keys(value)
        .sort()
        .reduce<Record<string, unknown>>((sorted, key) => {
          sorted[key] = value[key]
          return sorted
        }, {})
    return value
  })
}
