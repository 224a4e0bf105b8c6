// useHotkeys(): the hotkeys kept in this browser, with whether each is unlocked in this page.
import { useQuery } from '@tanstack/react-query'
import { useSyncExternalStore } from 'react'
import { hotkeysQueryOptions } from '../queries/hotkeys.ts'
import { isUnlocked, subscribeUnlocked, unlockedVersion } from '../wallet/hotkeyVault.ts'

export function useHotkeys() {
  useSyncExternalStore(subscribeUnlocked, unlockedVersion)
  const query = useQuery(hotkeysQueryOptions())
  return { ...query, isUnlocked }
}
