// useValidating(selector): the tab's validating state (src/app/validating/store.ts), for the Validate page.
import { useStore } from 'zustand'
import { validatingStore, type ValidatingState } from '../validating/store.ts'

export function useValidating<T>(selector: (state: ValidatingState) => T): T {
  return useStore(validatingStore, selector)
}
