// Query options for the Stake page: free balance, stake positions and a simulated τ→α swap at the best block, refreshed by NewHeads on each block.
import { queryOptions } from '@tanstack/react-query'
import type { ChainClient, GetBalanceReturnType, GetStakeInfoReturnType, NetworkId, SwapQuote } from '../../chain/index.ts'
import { errorText } from '../lib/format.ts'

export type BalanceQueryParameters = { network: NetworkId; address: string | undefined }
export type StakeInfoQueryParameters = { network: NetworkId; coldkey: string | undefined }
/** `stake` quotes τ → α (amount in RAO of τ); `unstake` quotes α → τ (amount in RAO of the subnet's α). */
export type SimSwapQueryParameters = { network: NetworkId; netuid: number | undefined; direction: 'stake' | 'unstake'; amount: bigint | undefined }

export const balanceQueryKey = ({ network, address }: BalanceQueryParameters) => ['balance', { network, address }] as const
export const stakeInfoQueryKey = ({ network, coldkey }: StakeInfoQueryParameters) => ['stakeInfo', { network, coldkey }] as const
export const simSwapQueryKey = ({ network, netuid, direction, amount }: SimSwapQueryParameters) => ['simSwap', { network, netuid, direction, amount }] as const

/** `useQuery(balanceQueryOptions(client, { network, address }))`: free, reserved, frozen and transferable RAO. */
export function balanceQueryOptions(client: ChainClient | undefined, parameters: BalanceQueryParameters) {
  return queryOptions({
    queryKey: balanceQueryKey(parameters),
    enabled: Boolean(client && parameters.address),
    queryFn: async ({ queryKey: [, { address }] }): Promise<GetBalanceReturnType> => {
      if (!client || !address) throw new Error('No chain client or account yet')
      const { getBalance } = await import('../../chain/index.ts')
      return getBalance(client, { address, at: 'best' })
    },
  })
}

/** `useQuery(stakeInfoQueryOptions(client, { network, coldkey }))`: the coldkey's positions with nonzero stake. */
export function stakeInfoQueryOptions(client: ChainClient | undefined, parameters: StakeInfoQueryParameters) {
  return queryOptions({
    queryKey: stakeInfoQueryKey(parameters),
    enabled: Boolean(client && parameters.coldkey),
    queryFn: async ({ queryKey: [, { coldkey }] }): Promise<GetStakeInfoReturnType> => {
      if (!client || !coldkey) throw new Error('No chain client or account yet')
      const { getStakeInfo } = await import('../../chain/index.ts')
      return getStakeInfo(client, { coldkey, at: 'best' })
    },
  })
}

/** `useQuery(simSwapQueryOptions(client, { network, netuid, direction, amount }))`: what staking τ buys, or unstaking α gives; disabled until both are known. */
export function simSwapQueryOptions(client: ChainClient | undefined, parameters: SimSwapQueryParameters) {
  return queryOptions({
    queryKey: simSwapQueryKey(parameters),
    enabled: Boolean(client && parameters.netuid !== undefined && parameters.amount !== undefined && parameters.amount > 0n),
    queryFn: async ({ queryKey: [, { netuid, direction, amount }] }): Promise<SwapQuote> => {
      if (!client || netuid === undefined || amount === undefined) throw new Error('No chain client, subnet or amount yet')
      const { simSwapTaoForAlpha, simSwapAlphaForTao } = await import('../../chain/index.ts')
      return direction === 'stake' ? simSwapTaoForAlpha(client, { netuid, tao: amount, at: 'best' }) : simSwapAlphaForTao(client, { netuid, alpha: amount, at: 'best' })
    },
    retry: false,
    placeholderData: (previous) => previous,
  })
}

export type ParsedAmount = { ok: true; rao: bigint } | { ok: false; message: string }

/** What the user typed as τ, parsed by src/chain's parseTao (its InvalidAmountError in words); src/chain's units load on first use. */
export function parsedTaoQueryOptions(text: string) {
  return queryOptions({
    queryKey: ['parsedTao', { text }] as const,
    queryFn: async (): Promise<ParsedAmount> => {
      const { parseTao } = await import('../../chain/units.ts')
      try {
        return { ok: true, rao: parseTao(text) }
      } catch (error) {
        return { ok: false, message: errorText(error) }
      }
    },
    staleTime: Infinity,
    placeholderData: (previous) => previous,
  })
}

export type CheckedAddress = { ok: true; address: string } | { ok: false; message: string }

/** What the user typed as an SS58 address, checked by src/chain's checkSs58 (prefix 42); the reason in words when it is not one. */
export function checkedAddressQueryOptions(text: string) {
  return queryOptions({
    queryKey: ['checkedAddress', { text }] as const,
    queryFn: async (): Promise<CheckedAddress> => {
      const { checkSs58 } = await import('../../chain/units.ts')
      const check = checkSs58(text)
      return check.ok ? check : { ok: false, message: `That is not a Bittensor address: ${check.reason}.` }
    },
    staleTime: Infinity,
    placeholderData: (previous) => previous,
  })
}
