// useMining(selector): the tab's mining state (src/app/mining/store.ts), for the header's indicator and the Mine page.
import { useStore } from 'zustand'
import { miningStore, type MiningState } from '../mining/store.ts'

export function useMining<T>(selector: (state: MiningState) => T): T {
  return useStore(miningStore, selector)
}
