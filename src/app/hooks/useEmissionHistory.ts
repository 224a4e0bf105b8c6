// useEmissionHistory(netuid, lastStep): the α each recent epoch of the subnet emitted, read again only when a new epoch has run.
import { useQuery } from '@tanstack/react-query'
import { useChainClient } from '../chain/context.ts'
import { emissionHistoryQueryOptions } from '../queries/metagraph.ts'

export function useEmissionHistory(netuid: number, lastStep: number | undefined) {
  const { client, network } = useChainClient()
  return useQuery(emissionHistoryQueryOptions(client, { network, netuid, lastStep }))
}
