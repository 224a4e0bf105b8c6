// The Stake page's query keys: NewHeads' per-network invalidation reaches them, and typed amounts parse through src/chain's units.
import { QueryClient } from '@tanstack/react-query'
import { describe, expect, test } from 'vitest'
import { queryKeyHashFn } from './hash.ts'
import { balanceQueryKey, checkedAddressQueryOptions, parsedTaoQueryOptions, simSwapQueryKey, stakeInfoQueryKey } from './stake.ts'

describe('stake queries', () => {
  test('a new block on the network invalidates balance, positions and the swap quote, and nothing on another network', async () => {
    const queryClient = new QueryClient({ defaultOptions: { queries: { queryKeyHashFn } } })
    const keys = [
      balanceQueryKey({ network: 'devnet', address: 'a' }),
      stakeInfoQueryKey({ network: 'devnet', coldkey: 'a' }),
      simSwapQueryKey({ network: 'devnet', netuid: 1, direction: 'stake', amount: 10n }),
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

  test('checkedAddress: the address in SS58-42, or why it is not one', async () => {
    const queryClient = new QueryClient()
    const alice = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY'
    expect(await queryClient.fetchQuery(checkedAddressQueryOptions(` ${alice} `))).toEqual({ ok: true, address: alice })
    const typo = await queryClient.fetchQuery(checkedAddressQueryOptions(alice.slice(0, -1) + 'Z'))
    expect(typo).toEqual({ ok: false, message: 'That is not a Bittensor address: its checksum does not match (a character is wrong or missing).' })
    // Polkadot's prefix 0 encoding of the same key
    const polkadot = await queryClient.fetchQuery(checkedAddressQueryOptions('15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5'))
    expect(!polkadot.ok && polkadot.message).toMatch(/prefix 42/)
  })
})
