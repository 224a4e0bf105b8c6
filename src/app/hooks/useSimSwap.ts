// useSimSwap(netuid, direction, amount): the pool's quote for staking τ or unstaking α on the subnet (amount out, fee, price impact), kept current by NewHeads.
import { useQuery } from '@tanstack/react-query'
import { useChainClient } from '../chain/context.ts'
import { simSwapQueryOptions } from '../queries/stake.ts'

export function useSimSwap(netuid: number | undefined, direction: 'stake' | 'unstake', amount: bigint | undefined) {
  const { client, network } = useChainClient()
  return useQuery(simSwapQueryOptions(client, { network, netuid, direction, amount }))
}
