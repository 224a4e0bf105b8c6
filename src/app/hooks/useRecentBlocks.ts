// useRecentBlocks(count): the newest blocks below the best head NewHeads has seen, newest first; each new head adds one read, no polling.
import { useQueries } from '@tanstack/react-query'
import { useChainClient } from '../chain/context.ts'
import { blockQueryOptions, combineRecentBlocks, recentBlockNumbers, RECENT_BLOCKS } from '../queries/explorer.ts'
import { useBestBlock } from './useBestBlock.ts'

export function useRecentBlocks(count: number = RECENT_BLOCKS) {
  const { client, network } = useChainClient()
  const numbers = recentBlockNumbers(useBestBlock()?.number, count)
  return useQueries({
    queries: numbers.map((at) => blockQueryOptions(client, { network, at })),
    combine: (results) => combineRecentBlocks(results, numbers),
  })
}
