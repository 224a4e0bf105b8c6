// Query options for a subnet's leaderboard: getMetagraph (one runtime call) at the best block, refreshed by NewHeads on each block.
import { queryOptions } from '@tanstack/react-query'
import type { ChainClient, GetMetagraphReturnType, NetworkId } from '../../chain/index.ts'
import { errorName } from '../lib/format.ts'

export type MetagraphQueryParameters = { network: NetworkId; netuid: number }

export const metagraphQueryKey = ({ network, netuid }: MetagraphQueryParameters) => ['metagraph', { network, netuid }] as const

/** `useQuery(metagraphQueryOptions(client, { network, netuid }))`; a subnet that does not exist is not retried. */
export function metagraphQueryOptions(client: ChainClient | undefined, parameters: MetagraphQueryParameters) {
  return queryOptions({
    queryKey: metagraphQueryKey(parameters),
    enabled: Boolean(client),
    queryFn: async ({ queryKey: [, { netuid }] }): Promise<GetMetagraphReturnType> => {
      if (!client) throw new Error('No chain client yet')
      const { getMetagraph } = await import('../../chain/index.ts')
      return getMetagraph(client, { netuid, at: 'best' })
    },
    retry: (failures, error) => failures < 1 && errorName(error) !== 'SubnetNotFoundError',
  })
}
