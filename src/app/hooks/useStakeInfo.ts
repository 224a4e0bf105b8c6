// useStakeInfo(coldkey): the coldkey's stake positions on the selected network, kept current by NewHeads.
import { useQuery } from '@tanstack/react-query'
import { useChainClient } from '../chain/context.ts'
import { stakeInfoQueryOptions } from '../queries/stake.ts'

export function useStakeInfo(coldkey: string | undefined) {
  const { client, network } = useChainClient()
  return useQuery(stakeInfoQueryOptions(client, { network, coldkey }))
}
