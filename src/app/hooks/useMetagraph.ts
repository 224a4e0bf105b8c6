// useMetagraph(netuid): the subnet's leaderboard on the selected network, kept current by NewHeads.
import { useQuery } from '@tanstack/react-query'
import { useChainClient } from '../chain/context.ts'
import { metagraphQueryOptions } from '../queries/metagraph.ts'

export function useMetagraph(netuid: number) {
  const { client, network } = useChainClient()
  return useQuery(metagraphQueryOptions(client, { network, netuid }))
}
