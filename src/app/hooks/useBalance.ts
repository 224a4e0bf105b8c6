// useBalance(address): the account's free and transferable TAO on the selected network, kept current by NewHeads.
import { useQuery } from '@tanstack/react-query'
import { useChainClient } from '../chain/context.ts'
import { balanceQueryOptions } from '../queries/stake.ts'

export function useBalance(address: string | undefined) {
  const { client, network } = useChainClient()
  return useQuery(balanceQueryOptions(client, { network, address }))
}
