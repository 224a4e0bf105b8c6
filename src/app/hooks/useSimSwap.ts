// useSimSwap(netuid, tao): the pool's quote for staking `tao` RAO on the subnet (received α, fee, price impact), kept current by NewHeads.
import { useQuery } from '@tanstack/react-query'
import { useChainClient } from '../chain/context.ts'
import { simSwapQueryOptions } from '../queries/stake.ts'

export function useSimSwap(netuid: number | undefined, tao: bigint | undefined) {
  const { client, network } = useChainClient()
  return useQuery(simSwapQueryOptions(client, { network, netuid, tao }))
}
