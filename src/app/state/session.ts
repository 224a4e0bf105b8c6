// Session and UI state that survives a reload: the chosen network and the selected account. Chain data never lives here.
import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import { DEFAULT_NETWORK, isNetworkId, type NetworkId } from '../../chain/networks.ts'

/** An account the user picked before: enough to list it in the header's menu (never a key). */
export type KnownAccount = { address: string; name: string; source: string }

const MAX_KNOWN = 8

export type SessionState = {
  network: NetworkId
  /** The URL typed for the `custom` network (checked with parseEndpoint before use). */
  customUrl: string
  /** SS58 address of the selected coldkey, once a wallet is connected. */
  account: string | undefined
  /** Accounts picked on the Wallet page, newest first, for switching from the header. */
  known: KnownAccount[]
  setNetwork: (network: NetworkId, customUrl?: string) => void
  setAccount: (account: string | undefined) => void
  /** Selects `account` and puts it first in `known`. */
  pickAccount: (account: KnownAccount) => void
}

type Persisted = Pick<SessionState, 'network' | 'customUrl' | 'account' | 'known'>

const isKnown = (a: unknown): a is KnownAccount =>
  Boolean(a) && typeof a === 'object' && ['address', 'name', 'source'].every((k) => typeof (a as Record<string, unknown>)[k] === 'string')

function sanitize(persisted: unknown): Persisted {
  const p = (persisted ?? {}) as Partial<Persisted>
  return {
    network: isNetworkId(p.network) ? p.network : DEFAULT_NETWORK,
    customUrl: typeof p.customUrl === 'string' ? p.customUrl : '',
    account: typeof p.account === 'string' ? p.account : undefined,
    known: Array.isArray(p.known) ? p.known.filter(isKnown).slice(0, MAX_KNOWN) : [],
  }
}

export const useSession = create<SessionState>()(
  persist(
    (set) => ({
      network: DEFAULT_NETWORK,
      customUrl: '',
      account: undefined,
      known: [],
      setNetwork: (network, customUrl) => set((s) => ({ network, customUrl: customUrl ?? s.customUrl })),
      setAccount: (account) => set({ account }),
      pickAccount: (account) => set((s) => ({ account: account.address, known: [account, ...s.known.filter((k) => k.address !== account.address)].slice(0, MAX_KNOWN) })),
    }),
    {
      name: 'webtensor.session',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (s): Persisted => ({ network: s.network, customUrl: s.customUrl, account: s.account, known: s.known }),
      // Anything unreadable from an older or tampered store falls back to the defaults, field by field.
      migrate: (persisted) => sanitize(persisted),
      merge: (persisted, current) => ({ ...current, ...sanitize(persisted) }),
    },
  ),
)
