// Query options for a subnet's leaderboard: getMetagraph (one runtime call) at the best block, refreshed by NewHeads on each block.
import { queryOptions } from '@tanstack/react-query'
import type { ChainClient, GetEmissionHistoryReturnType, GetMetagraphReturnType, NetworkId } from '../../chain/index.ts'
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

export type EmissionHistoryQueryParameters = { network: NetworkId; netuid: number; /** The subnet's last epoch block: a new epoch makes a new key, so no per-block refetch. */ lastStep: number | undefined }

export const emissionHistoryQueryKey = ({ network, netuid, lastStep }: EmissionHistoryQueryParameters) => ['emissionHistory', { network, netuid, lastStep }] as const

/** `useQuery(emissionHistoryQueryOptions(client, { network, netuid, lastStep }))`: α emitted per epoch, oldest first, as far as the node keeps state. */
export function emissionHistoryQueryOptions(client: ChainClient | undefined, parameters: EmissionHistoryQueryParameters) {
  return queryOptions({
    queryKey: emissionHistoryQueryKey(parameters),
    enabled: Boolean(client && parameters.lastStep !== undefined),
    queryFn: async ({ queryKey: [, { netuid }] }): Promise<GetEmissionHistoryReturnType> => {
      if (!client) throw new Error('No chain client yet')
      const { getEmissionHistory } = await import('../../chain/index.ts')
      return getEmissionHistory(client, { netuid, epochs: 24, at: 'best' })
    },
    staleTime: Infinity,
    retry: false,
    placeholderData: (previous) => previous,
  })
}
