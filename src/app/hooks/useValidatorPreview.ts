// useValidatorPreview(netuid, hotkey, pending, scores): the next epoch with and without this validator's pending weights, per block.
import { useQuery } from '@tanstack/react-query'
import { useChainClient } from '../chain/context.ts'
import { weightsPreviewQueryOptions } from '../queries/validating.ts'
import type { PendingWeights } from '../validating/store.ts'
import { useBestBlock } from './useBestBlock.ts'

export function useValidatorPreview(netuid: number, hotkey: string | undefined, pending: PendingWeights | undefined, scores: Array<{ uid: number; score: number }>) {
  const { client, network } = useChainClient()
  const block = useBestBlock()?.number
  return useQuery(weightsPreviewQueryOptions(client, { network, netuid, hotkey, block, pending, scores }))
}
