// useMiningSession(): the tab's mining session's actions, bound to the selected network's chain client (the state is useMining's).
import { useCallback } from 'react'
import { useChainClient } from '../chain/context.ts'
import type { TaskId } from '../../tasks/forSubnet.ts'
import type { ComputeShare } from '../mining/store.ts'
import { loadTabTask } from '../mining/tabTask.ts'
import { tabMiningSession } from '../mining/tabSession.ts'
import { unlockedHotkey } from '../wallet/hotkeyVault.ts'

export function useMiningSession() {
  const { client, network, url } = useChainClient()
  const start = useCallback(
    async (netuid: number, hotkey: string, taskId: TaskId) => {
      const unlocked = unlockedHotkey(hotkey)
      if (!client || !unlocked) throw new Error(!client ? 'Not connected to a chain yet.' : 'Unlock the hotkey first.')
      await (await tabMiningSession()).start({ chain: { client, network, url }, netuid, hotkey: unlocked, taskId })
    },
    [client, network, url],
  )
  /** Loads a model for `taskId` (the subnet's task), checked against that task's signature. */
  const loadModel = useCallback(async (taskId: TaskId, name: string, source: string | Blob) => (await tabMiningSession()).loadModel({ name, source }, await loadTabTask(taskId)), [])
  const act = useCallback(<A extends unknown[]>(run: (s: Awaited<ReturnType<typeof tabMiningSession>>, ...args: A) => unknown) => async (...args: A) => void run(await tabMiningSession(), ...args), [])
  return {
    start,
    loadModel,
    stop: act((s) => s.stop()),
    pause: act((s) => s.pause()),
    resume: act((s) => s.resume()),
    setShare: act((s, share: ComputeShare) => s.setShare(share)),
    setBackground: act((s, on: boolean) => s.setBackground(on)),
  }
}
