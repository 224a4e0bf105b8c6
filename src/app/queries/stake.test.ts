// The Stake page's query keys: NewHeads' per-network invalidation reaches them, and typed amounts parse through src/chain's units.
import { QueryClient } from '@tanstack/react-query'
import { describe, expect, test } from 'vitest'
import { queryKeyHashFn } from './hash.ts'
import { balanceQueryKey, parsedTaoQueryOptions, simSwapQueryKey, stakeInfoQueryKey } from './stake.ts'

describe('stake queries', () => {
  test('a new block on the network invalidates balance, positions and the swap quote, and nothing on another network', async () => {
    const queryClient = new QueryClient({ defaultOptions: { queries: { queryKeyHashFn } } })
    const keys = [
      balanceQueryKey({ network: 'devnet', address: 'a' }),
      stakeInfoQueryKey({ network: 'devnet', coldkey: 'a' }),
      simSwapQueryKey({ network: 'devnet', netuid: 1, tao: 10n }),
      balanceQueryKey({ network: 'finney', address: 'a' }),
    ]
    for (const key of keys) queryClient.setQueryData(key, 1)
    for (const kind of ['balance', 'stakeInfo', 'simSwap']) await queryClient.invalidateQueries({ queryKey: [kind, { network: 'devnet' }] })
    expect(keys.map((key) => queryClient.getQueryState(key)?.isInvalidated)).toEqual([true, true, true, false])
  })

  test('parsedTao: RAO for a number, the parse error in words otherwise', async () => {
    const queryClient = new QueryClient()
    expect(await queryClient.fetchQuery(parsedTaoQueryOptions('1.5'))).toEqual({ ok: true, rao: 1_500_000_000n })
    const bad = await queryClient.fetchQuery(parsedTaoQueryOptions('1,5'))
    expect(bad.ok).toBe(false)
    expect(!bad.ok && bad.message).toMatch(/use a dot for decimals/)
  })
})
