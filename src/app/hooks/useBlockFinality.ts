// useBlockFinality(): the newest finalized head of the selected network, from a finalized-heads subscription held while the caller is mounted.
import { useEffect } from 'react'
import { skipToken, useQuery, useQueryClient } from '@tanstack/react-query'
import type { Head } from '../../chain/index.ts'
import { useChainClient } from '../chain/context.ts'
import { finalizedHeadQueryKey, watchFinalizedHeadInto } from '../queries/explorer.ts'

export function useBlockFinality(): Head | undefined {
  const { client, network } = useChainClient()
  const queryClient = useQueryClient()
  useEffect(() => (client ? watchFinalizedHeadInto(queryClient, client, network) : undefined), [client, network, queryClient])
  return useQuery<Head>({ queryKey: finalizedHeadQueryKey({ network }), queryFn: skipToken }).data
}
