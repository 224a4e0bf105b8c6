// The cache entries NewHeads writes (never fetched): the best block, and per-subnet prices from the blocks this page has seen.
import type { QueryClient } from '@tanstack/react-query'
import type { GetSubnetsReturnType, Head, NetworkId } from '../../chain/index.ts'

export const bestBlockQueryKey = ({ network }: { network: NetworkId }) => ['bestBlock', { network }] as const
export const priceHistoryQueryKey = ({ network }: { network: NetworkId }) => ['priceHistory', { network }] as const

export type PricePoint = { block: number; price: number }
/** netuid → prices in block order, at most HISTORY_LENGTH points. */
export type PriceHistory = Record<number, PricePoint[]>
export const HISTORY_LENGTH = 120

/** Adds one read of the subnets to the history: one point per subnet per block, oldest dropped past HISTORY_LENGTH. Pure. */
export function appendPrices(history: PriceHistory | undefined, read: Pick<GetSubnetsReturnType, 'block' | 'subnets'>): PriceHistory {
  const next: PriceHistory = {}
  for (const subnet of read.subnets) {
    const points = history?.[subnet.netuid] ?? []
    const last = points[points.length - 1]
    if (last && last.block >= read.block.number) {
      next[subnet.netuid] = points
      continue
    }
    next[subnet.netuid] = [...points, { block: read.block.number, price: subnet.price.tao }].slice(-HISTORY_LENGTH)
  }
  return next
}

export const setBestBlock = (queryClient: QueryClient, network: NetworkId, head: Head) => queryClient.setQueryData(bestBlockQueryKey({ network }), head)
