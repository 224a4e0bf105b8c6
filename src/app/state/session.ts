// Session and UI state that survives a reload: the chosen network and the selected account. Chain data never lives here.
import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import { DEFAULT_NETWORK, isNetworkId, type NetworkId } from '../../chain/networks.ts'

export type SessionState = {
  network: NetworkId
  /** The URL typed for the `custom` network (checked with parseEndpoint before use). */
  customUrl: string
  /** SS58 address of the selected coldkey, once a wallet is connected. */
  account: string | undefined
  setNetwork: (network: NetworkId, customUrl?: string) => void
  setAccount: (account: string | undefined) => void
}

type Persisted = Pick<SessionState, 'network' | 'customUrl' | 'account'>

export const useSession = create<SessionState>()(
  persist(
    (set) => ({
      network: DEFAULT_NETWORK,
      customUrl: '',
      account: undefined,
      setNetwork: (network, customUrl) => set((s) => ({ network, customUrl: customUrl ?? s.customUrl })),
      setAccount: (account) => set({ account }),
    }),
    {
      name: 'webtensor.session',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (s): Persisted => ({ network: s.network, customUrl: s.customUrl, account: s.account }),
      // Anything unreadable from an older or tampered store falls back to the defaults.
      migrate: (persisted) => {
        const p = (persisted ?? {}) as Partial<Persisted>
        return {
          network: isNetworkId(p.network) ? p.network : DEFAULT_NETWORK,
          customUrl: typeof p.customUrl === 'string' ? p.customUrl : '',
          account: typeof p.account === 'string' ? p.account : undefined,
        }
      },
    },
  ),
)
