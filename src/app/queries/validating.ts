// Query options for the Validate page: the hotkey's weights state on the subnet (schedule, commits, weights on chain, stake threshold),
// and the "what if" preview (the next epoch run by the chain's own Yuma code, as things stand and with this validator's pending weights).
// Both are keyed by the best block, so each new block reads them again.
import { keepPreviousData, queryOptions } from '@tanstack/react-query'
import type { ChainClient, GetWeightsStateReturnType, NetworkId } from '../../chain/index.ts'
import type { PendingWeights } from '../validating/store.ts'

export type WeightsStateQueryParameters = { network: NetworkId; netuid: number; hotkey: string | undefined; block: number | undefined }

export function weightsStateQueryOptions(client: ChainClient | undefined, parameters: WeightsStateQueryParameters) {
  return queryOptions({
    queryKey: ['validatorWeightsState', parameters] as const,
    enabled: Boolean(client && parameters.hotkey && parameters.block !== undefined),
    queryFn: async ({ queryKey: [, { netuid, hotkey }] }): Promise<GetWeightsStateReturnType> => {
      if (!client || !hotkey) throw new Error('No chain client or hotkey yet')
      const { getWeightsState } = await import('../../chain/index.ts')
      return getWeightsState(client, { netuid, hotkey, at: 'best' })
    },
    placeholderData: keepPreviousData,
    retry: false,
  })
}

export type WeightsPreviewRow = { uid: number; hotkey: string; incentive: [number, number]; dividends: [number, number] }
export type WeightsPreviewResult =
  | { ok: true; uid: number; source: 'commit' | 'scores'; weights: Array<[number, number]>; nextEpochBlock: number; rows: WeightsPreviewRow[] }
  | { ok: false; reason: string }

export type WeightsPreviewQueryParameters = {
  network: NetworkId
  netuid: number
  hotkey: string | undefined
  block: number | undefined
  pending: PendingWeights | undefined
  scores: Array<{ uid: number; score: number }>
}

export function weightsPreviewQueryOptions(client: ChainClient | undefined, parameters: WeightsPreviewQueryParameters) {
  return queryOptions({
    queryKey: ['validatorPreview', parameters] as const,
    enabled: Boolean(client && parameters.hotkey && parameters.block !== undefined),
    queryFn: async ({ queryKey: [, { netuid, hotkey, pending, scores }] }): Promise<WeightsPreviewResult> => {
      if (!client || !hotkey) throw new Error('No chain client or hotkey yet')
      const [{ getEpochState }, { previewWeights }, { previewWeightsFor }] = await Promise.all([
        import('../../chain/actions/getEpochState.ts'),
        import('../../validator/preview.ts'),
        import('../validating/preview.ts'),
      ])
      const { state, metagraph, nextEpochBlock } = await getEpochState(client, { netuid, at: 'best' })
      const me = metagraph.neurons.find((n) => n.hotkey === hotkey)
      if (!me) return { ok: false, reason: 'This hotkey holds no UID on the subnet.' }
      const h = metagraph.hyperparameters
      const weights = previewWeightsFor(pending, scores, { selfUid: me.uid, subnetN: metagraph.neurons.length, minAllowedWeights: h.minAllowedWeights, maxWeightsLimit: h.maxWeightsLimit, versionKey: h.weightsVersion })
      if (!weights) return { ok: false, reason: 'No pending weights yet: validate for a step to score the miners.' }
      const preview = previewWeights(state, me.uid, weights.row)
      return {
        ok: true,
        uid: me.uid,
        source: weights.source,
        weights: weights.row.map(([u, v]) => [u, v] as [number, number]),
        nextEpochBlock,
        rows: preview.rows.map((r) => ({ ...r, hotkey: metagraph.neurons[r.uid]?.hotkey ?? '' })),
      }
    },
    placeholderData: keepPreviousData,
    retry: false,
  })
}
