// usePriceHistory(netuid): the subnet's τ/α prices from the blocks this page has seen (written by NewHeads).
import { skipToken, useQuery } from '@tanstack/react-query'
import { useChainClient } from '../chain/context.ts'
import { priceHistoryQueryKey, type PriceHistory, type PricePoint } from '../queries/heads.ts'

const NONE: PricePoint[] = []

export function usePriceHistory(netuid: number): PricePoint[] {
  const { network } = useChainClient()
  const history = useQuery<PriceHistory>({ queryKey: priceHistoryQueryKey({ network }), queryFn: skipToken }).data
  return history?.[netuid] ?? NONE
}
