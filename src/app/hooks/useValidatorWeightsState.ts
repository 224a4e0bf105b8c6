// useValidatorWeightsState(netuid, hotkey): the hotkey's weights schedule, commits and weights on chain, read again at each best block.
import { useQuery } from '@tanstack/react-query'
import { useChainClient } from '../chain/context.ts'
import { weightsStateQueryOptions } from '../queries/validating.ts'
import { useBestBlock } from './useBestBlock.ts'

export function useValidatorWeightsState(netuid: number, hotkey: string | undefined) {
  const { client, network } = useChainClient()
  const block = useBestBlock()?.number
  return useQuery(weightsStateQueryOptions(client, { network, netuid, hotkey, block }))
}
