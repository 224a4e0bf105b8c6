// Query options for the subnets page: every subnet read at the best block, refreshed by NewHeads on each block.
import { queryOptions } from '@tanstack/react-query'
import type { ChainClient, GetSubnetsReturnType, NetworkId } from '../../chain/index.ts'

export type SubnetsQueryParameters = { network: NetworkId }

export const subnetsQueryKey = ({ network }: SubnetsQueryParameters) => ['subnets', { network }] as const

/** `useQuery(subnetsQueryOptions(client, { network }))`; src/chain is loaded on first use, never on the first screen. */
export function subnetsQueryOptions(client: ChainClient | undefined, parameters: SubnetsQueryParameters) {
  return queryOptions({
    queryKey: subnetsQueryKey(parameters),
    enabled: Boolean(client),
    queryFn: async (): Promise<GetSubnetsReturnType> => {
      if (!client) throw new Error('No chain client yet')
      const { getSubnets } = await import('../../chain/index.ts')
      return getSubnets(client, { at: 'best' })
    },
  })
}
