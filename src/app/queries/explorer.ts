// Query options for the Explorer page: one decoded block per cache entry (by number or hash), the latest blocks as the numbers below the best head, the finalized head from its subscription, and an SS58 check.
import { queryOptions, type QueryClient, type UseQueryResult } from '@tanstack/react-query'
import type { Block, ChainClient, Hex, Head, NetworkId } from '../../chain/index.ts'
import { errorName, errorText } from '../lib/format.ts'

/** How many of the newest blocks the page lists, and searches for extrinsic hashes and an account's extrinsics. */
export const RECENT_BLOCKS = 20

export type BlockQueryParameters = { network: NetworkId; at: number | Hex | undefined }

export const blockQueryKey = ({ network, at }: BlockQueryParameters) => ['block', { network, at }] as const
export const finalizedHeadQueryKey = ({ network }: { network: NetworkId }) => ['finalizedHead', { network }] as const

/**
 * `useQuery(blockQueryOptions(client, { network, at: 12 }))`: a block with its extrinsics and events decoded. A block never changes,
 * so it is read once (NewHeads does not refresh it); a hash the node does not know is BlockNotFoundError, not retried.
 */
export function blockQueryOptions(client: ChainClient | undefined, parameters: BlockQueryParameters) {
  return queryOptions({
    queryKey: blockQueryKey(parameters),
    enabled: Boolean(client) && parameters.at !== undefined,
    queryFn: async ({ queryKey: [, { at }] }): Promise<Block> => {
      if (!client || at === undefined) throw new Error('No chain client or block yet')
      const { getBlock } = await import('../../chain/index.ts')
      if (typeof at === 'string') {
        // by hash, the header first: it says "no such block" plainly where decoding at an unknown hash would fail obscurely
        const { getHeader } = await import('../../chain/actions/getHeader.ts')
        await getHeader(client, { at })
      }
      return getBlock(client, { at })
    },
    staleTime: Infinity,
    retry: (failures, error) => failures < 1 && errorName(error) !== 'BlockNotFoundError',
  })
}

/** The numbers of the `count` newest blocks at or below `best`, newest first (fewer near genesis; none before the first head). Pure. */
export function recentBlockNumbers(best: number | undefined, count: number = RECENT_BLOCKS): number[] {
  if (best === undefined || best < 0) return []
  return Array.from({ length: Math.min(count, best + 1) }, (_, i) => best - i)
}

export type RecentBlocks = {
  /** The numbers asked for, newest first. */
  numbers: number[]
  /** number → the block, once read. */
  byNumber: ReadonlyMap<number, Block>
  /** The blocks read so far, newest first. */
  blocks: Block[]
  /** Every block asked for has been read (or failed). */
  complete: boolean
  /** The first read that failed, in words. */
  error: string | undefined
}

/** `useQueries`' `combine` for the latest blocks: one list, newest first, with what is still missing. Pure. */
export function combineRecentBlocks(results: ReadonlyArray<Pick<UseQueryResult<Block>, 'data' | 'error' | 'isPending' | 'isError'>>, numbers: number[]): RecentBlocks {
  const blocks = results.flatMap((r) => (r.data ? [r.data] : []))
  const failed = results.find((r) => r.isError)
  return {
    numbers,
    byNumber: new Map(blocks.map((b) => [b.number, b])),
    blocks,
    complete: results.every((r) => !r.isPending),
    error: failed ? errorText(failed.error) : undefined,
  }
}

/** Keeps the finalized head in the cache (read with `queryFn: skipToken`) while the page is open; returns `unwatch`. src/chain loads lazily. */
export function watchFinalizedHeadInto(queryClient: QueryClient, client: ChainClient, network: NetworkId): () => void {
  let unwatch: (() => void) | undefined
  let stopped = false
  void import('../../chain/index.ts').then(({ watchFinalizedHead }) => {
    if (stopped) return
    unwatch = watchFinalizedHead(client, (head) => {
      queryClient.setQueryData<Head>(finalizedHeadQueryKey({ network }), (previous) => (previous && previous.number > head.number ? previous : head))
    })
  })
  return () => {
    stopped = true
    unwatch?.()
  }
}

export type AddressCheck = { ok: true; address: string } | { ok: false; reason: string }

/** `useQuery(addressCheckQueryOptions(text))`: src/chain's checkSs58 (checksum, key length, prefix 42) on what was typed, loaded on first use. */
export function addressCheckQueryOptions(text: string | undefined) {
  return queryOptions({
    queryKey: ['addressCheck', { text }] as const,
    enabled: text !== undefined,
    queryFn: async ({ queryKey: [, { text }] }): Promise<AddressCheck> => {
      const { checkSs58 } = await import('../../chain/units.ts')
      return checkSs58(text ?? '')
    },
    staleTime: Infinity,
  })
}
