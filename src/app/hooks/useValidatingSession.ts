// useValidatingSession(): start and stop the tab's validating session on the selected network (the state is useValidating's).
import { useCallback } from 'react'
import type { TaskId } from '../../tasks/forSubnet.ts'
import { useChainClient } from '../chain/context.ts'
import { tabValidatingSession } from '../validating/tabSession.ts'
import { unlockedHotkey } from '../wallet/hotkeyVault.ts'

export function useValidatingSession() {
  const { client, network, url } = useChainClient()
  const start = useCallback(
    async (netuid: number, hotkey: string, settings: { taskId: TaskId; intervalMs: number; challengeSize?: number }) => {
      const unlocked = unlockedHotkey(hotkey)
      if (!client || !unlocked) throw new Error(!client ? 'Not connected to a chain yet.' : 'Unlock the hotkey first.')
      await (await tabValidatingSession()).start({ chain: { client, network, url }, netuid, hotkey: unlocked, ...settings })
    },
    [client, network, url],
  )
  const stop = useCallback(async () => (await tabValidatingSession()).stop(), [])
  return { start, stop }
}
