// The one new-head subscription: each best block goes into the cache, refreshes the active chain queries, and adds the subnets' prices to their history.
import { useEffect } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import type { ChainClient, GetSubnetsReturnType, NetworkId } from '../../chain/index.ts'
import { appendPrices, priceHistoryQueryKey, setBestBlock, type PriceHistory } from '../queries/heads.ts'

type Chain = Pick<typeof import('../../chain/index.ts'), 'watchNewHeads'>

/** The queries a new block makes stale; only those observed by a mounted page are refetched. */
const LIVE = ['subnets', 'metagraph', 'balance', 'stakeInfo', 'simSwap', 'delegates'] as const

export function NewHeads({ chain, client, network }: { chain: Chain; client: ChainClient; network: NetworkId }) {
  const queryClient = useQueryClient()

  useEffect(() => {
    // a custom endpoint may be another chain than the one cached under 'custom': start from nothing
    if (network === 'custom') void queryClient.resetQueries({ predicate: (q) => (q.queryKey[1] as { network?: unknown } | undefined)?.network === 'custom' })
    const unwatch = chain.watchNewHeads(client, (head) => {
      setBestBlock(queryClient, network, head)
      // an in-flight read is left to finish: with fast blocks, cancelling would starve it
      for (const key of LIVE) void queryClient.invalidateQueries({ queryKey: [key, { network }] }, { cancelRefetch: false })
    })
    return unwatch
  }, [chain, client, network, queryClient])

  useEffect(
    () =>
      queryClient.getQueryCache().subscribe((event) => {
        if (event.type !== 'updated' || event.action.type !== 'success') return
        const [kind, params] = event.query.queryKey as [string, { network?: NetworkId }?]
        if (kind !== 'subnets' || params?.network !== network) return
        const read = event.query.state.data as GetSubnetsReturnType | undefined
        if (read) queryClient.setQueryData<PriceHistory>(priceHistoryQueryKey({ network }), (history) => appendPrices(history, read))
      }),
    [network, queryClient],
  )

  return null
}
