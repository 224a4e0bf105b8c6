// useDelegates(): every delegate (take, nominators, estimated return) of the selected network by hotkey, kept current by NewHeads.
import { useQuery } from '@tanstack/react-query'
import { useChainClient } from '../chain/context.ts'
import { delegatesQueryOptions } from '../queries/delegates.ts'

export function useDelegates() {
  const { client, network } = useChainClient()
  return useQuery(delegatesQueryOptions(client, { network }))
}
