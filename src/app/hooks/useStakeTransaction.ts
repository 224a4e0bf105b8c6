// useStakeTransaction(): one mutation for every stake write, signed for the session's account, reporting each lifecycle step: stake
// (add_stake_limit) and unstake (remove_stake_limit) with a slippage limit, move_stake and transfer_stake (the chain has no limit for
// these), swap_stake_limit. The balance and positions are refetched once it is through.
import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { TransactionResult, TransactionStatus } from '../../chain/index.ts'
import { useChainClient } from '../chain/context.ts'
import { useSession } from '../state/session.ts'

/** Amounts in RAO: τ for `stake`, the origin subnet's α for the rest. */
export type StakeTransaction = (
  | { kind: 'stake'; hotkey: string; netuid: number; amount: bigint; tolerance: number }
  | { kind: 'unstake'; hotkey: string; netuid: number; amount: bigint; tolerance: number }
  | { kind: 'move'; originHotkey: string; destinationHotkey: string; originNetuid: number; destinationNetuid: number; amount: bigint }
  | { kind: 'transfer'; hotkey: string; destinationColdkey: string; originNetuid: number; destinationNetuid: number; amount: bigint }
  | { kind: 'swap'; hotkey: string; originNetuid: number; destinationNetuid: number; amount: bigint; tolerance: number }
) & { onStatus?: (status: TransactionStatus) => void }

export function useStakeTransaction() {
  const { client, network } = useChainClient()
  const account = useSession((s) => s.account)
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async ({ onStatus, ...input }: StakeTransaction): Promise<TransactionResult> => {
      if (!client) throw new Error('Not connected to a node yet')
      if (!account) throw new Error('Connect a wallet first')
      const [chain, { signerFor }] = await Promise.all([import('../../chain/index.ts'), import('../wallet/signer.ts')])
      const prepared =
        input.kind === 'stake'
          ? await chain.addStakeLimit(client, input)
          : input.kind === 'unstake'
            ? await chain.removeStakeLimit(client, input)
            : input.kind === 'move'
              ? await chain.moveStake(client, input)
              : input.kind === 'transfer'
                ? await chain.transferStake(client, input)
                : await chain.swapStakeLimit(client, input)
      return prepared.send(await signerFor(network, account), { onStatus })
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: ['balance', { network }] })
      void queryClient.invalidateQueries({ queryKey: ['stakeInfo', { network }] })
    },
  })
}
