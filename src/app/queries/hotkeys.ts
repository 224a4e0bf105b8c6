// Query options for the hotkeys this browser keeps (IndexedDB, device-wide: not per network). Written by the vault's mutations.
import { queryOptions } from '@tanstack/react-query'
import type { HotkeySummary } from '../../wallet/hotkeys.ts'
import { vault } from '../wallet/hotkeyVault.ts'

export const hotkeysQueryKey = ['hotkeys'] as const

/** `useQuery(hotkeysQueryOptions())`: names and addresses, oldest first; never keys. */
export function hotkeysQueryOptions() {
  return queryOptions({
    queryKey: hotkeysQueryKey,
    queryFn: async (): Promise<HotkeySummary[]> => {
      const { listHotkeys, store } = await vault()
      return listHotkeys(store)
    },
    staleTime: Infinity,
  })
}
