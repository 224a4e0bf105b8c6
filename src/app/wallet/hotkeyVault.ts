// The app's hotkey vault: the IndexedDB store of src/wallet/hotkeys (loaded lazily), and the hotkeys unlocked in this page's memory.
// An unlocked hotkey is never written anywhere; a reload locks every hotkey again.
import type { UnlockedHotkey } from '../../wallet/hotkeys.ts'

const unlocked = new Map<string, UnlockedHotkey>()
const listeners = new Set<() => void>()

export const vault = async () => {
  const hotkeys = await import('../../wallet/hotkeys.ts')
  return { ...hotkeys, store: hotkeys.indexedDbHotkeyStore() }
}

export function rememberUnlocked(hotkey: UnlockedHotkey): void {
  unlocked.set(hotkey.address, hotkey)
  listeners.forEach((l) => l())
}
export function lock(address: string): void {
  unlocked.delete(address)
  listeners.forEach((l) => l())
}
export const unlockedHotkey = (address: string): UnlockedHotkey | undefined => unlocked.get(address)
export const isUnlocked = (address: string): boolean => unlocked.has(address)
/** For useSyncExternalStore: re-render when a hotkey is unlocked or locked. */
export function subscribeUnlocked(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}
export const unlockedVersion = (() => {
  let version = 0
  listeners.add(() => version++)
  return () => version
})()
