// useRegisterTransaction(): registers a hotkey on a subnet with register_limit, signed by the session's coldkey, at the quoted burn plus a
// tolerance so the price cannot jump between quote and signature; the metagraph and balance are refetched once it is through.
import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { TransactionResult, TransactionStatus } from '../../chain/index.ts'
import { useChainClient } from '../chain/context.ts'
import { useSession } from '../state/session.ts'

export type RegisterTransaction = { netuid: number; hotkey: string; tolerance: number; onStatus?: (status: TransactionStatus) => void }

export function useRegisterTransaction() {
  const { client, network } = useChainClient()
  const account = useSession((s) => s.account)
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async ({ netuid, hotkey, tolerance, onStatus }: RegisterTransaction): Promise<TransactionResult> => {
      if (!client) throw new Error('Not connected to a node yet')
      if (!account) throw new Error('Connect a wallet first: your coldkey pays the registration burn')
      const [chain, { signerFor }] = await Promise.all([import('../../chain/index.ts'), import('../wallet/signer.ts')])
      const prepared = await chain.registerLimit(client, { netuid, hotkey, tolerance })
      return prepared.send(await signerFor(network, account), { onStatus })
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: ['metagraph', { network }] })
      void queryClient.invalidateQueries({ queryKey: ['balance', { network }] })
    },
  })
}
