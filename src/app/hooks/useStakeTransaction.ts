// useStakeTransaction(): a mutation that stakes (add_stake_limit) or unstakes (remove_stake_limit) with a slippage limit, signed for the
// session's account, reporting each lifecycle step; the balance and positions are refetched once it is through.
import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { TransactionResult, TransactionStatus } from '../../chain/index.ts'
import { useChainClient } from '../chain/context.ts'
import { useSession } from '../state/session.ts'

export type StakeTransaction = {
  kind: 'stake' | 'unstake'
  hotkey: string
  netuid: number
  /** RAO of τ to stake, or of α to unstake. */
  amount: bigint
  tolerance: number
  onStatus?: (status: TransactionStatus) => void
}

export function useStakeTransaction() {
  const { client, network } = useChainClient()
  const account = useSession((s) => s.account)
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async ({ kind, hotkey, netuid, amount, tolerance, onStatus }: StakeTransaction): Promise<TransactionResult> => {
      if (!client) throw new Error('Not connected to a node yet')
      if (!account) throw new Error('Connect a wallet first')
      const [chain, { signerFor }] = await Promise.all([import('../../chain/index.ts'), import('../wallet/signer.ts')])
      const write = kind === 'stake' ? chain.addStakeLimit : chain.removeStakeLimit
      const prepared = await write(client, { hotkey, netuid, amount, tolerance })
      return prepared.send(await signerFor(network, account), { onStatus })
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: ['balance', { network }] })
      void queryClient.invalidateQueries({ queryKey: ['stakeInfo', { network }] })
    },
  })
}
