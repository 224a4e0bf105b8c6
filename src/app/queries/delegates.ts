// Query options for the validators a coldkey can stake to: DelegateInfoRuntimeApi.get_delegates at the best block, refreshed by NewHeads on each block.
import { queryOptions } from '@tanstack/react-query'
import type { ChainClient, Delegate, NetworkId } from '../../chain/index.ts'

export type DelegatesQueryParameters = { network: NetworkId }

export const delegatesQueryKey = ({ network }: DelegatesQueryParameters) => ['delegates', { network }] as const

/** `useQuery(delegatesQueryOptions(client, { network }))`: every delegate keyed by hotkey. */
export function delegatesQueryOptions(client: ChainClient | undefined, parameters: DelegatesQueryParameters) {
  return queryOptions({
    queryKey: delegatesQueryKey(parameters),
    enabled: Boolean(client),
    queryFn: async (): Promise<Map<string, Delegate>> => {
      if (!client) throw new Error('No chain client yet')
      const { getDelegates } = await import('../../chain/index.ts')
      return new Map((await getDelegates(client, { at: 'best' })).map((d) => [d.hotkey, d]))
    },
  })
}
