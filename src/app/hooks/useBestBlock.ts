// useBestBlock(): the newest best block NewHeads has seen on the selected network (undefined before the first).
import { skipToken, useQuery } from '@tanstack/react-query'
import type { Head } from '../../chain/index.ts'
import { useChainClient } from '../chain/context.ts'
import { bestBlockQueryKey } from '../queries/heads.ts'

export function useBestBlock(): Head | undefined {
  const { network } = useChainClient()
  return useQuery<Head>({ queryKey: bestBlockQueryKey({ network }), queryFn: skipToken }).data
}
