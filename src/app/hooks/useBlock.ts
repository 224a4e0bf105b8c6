// useBlock(at): one block of the selected network by number or hash, decoded (extrinsics, events); read once, blocks never change.
import { useQuery } from '@tanstack/react-query'
import type { Hex } from '../../chain/index.ts'
import { useChainClient } from '../chain/context.ts'
import { blockQueryOptions } from '../queries/explorer.ts'

export function useBlock(at: number | Hex | undefined) {
  const { client, network } = useChainClient()
  return useQuery(blockQueryOptions(client, { network, at }))
}
