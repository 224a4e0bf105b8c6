// useSubnets(): every subnet of the selected network, kept current by NewHeads.
import { useQuery } from '@tanstack/react-query'
import { useChainClient } from '../chain/context.ts'
import { subnetsQueryOptions } from '../queries/subnets.ts'

export function useSubnets() {
  const { client, network } = useChainClient()
  return useQuery(subnetsQueryOptions(client, { network }))
}
