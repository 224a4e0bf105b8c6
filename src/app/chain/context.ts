// What ChainProvider shares: the selected network, its chain client once src/chain has loaded, and the connection state in words.
import { createContext, useContext } from 'react'
import type { ChainClient, NetworkId } from '../../chain/index.ts'

export type ConnectionState =
  | { state: 'connecting' }
  | { state: 'connected' }
  /** The node is away; the client keeps retrying. */
  | { state: 'disconnected'; reason: string }
  /** The node answered but cannot be used (not a subtensor chain, no endpoint); no retry. */
  | { state: 'refused'; reason: string; notSubtensor: boolean }

export type ChainContextValue = {
  network: NetworkId
  /** The endpoint in use ('' for a custom network without a valid URL). */
  url: string
  /** Undefined until src/chain has loaded (it is never on the first screen). */
  client: ChainClient | undefined
  connection: ConnectionState
}

export const ChainContext = createContext<ChainContextValue | undefined>(undefined)

/** The chain client of the selected network, for hooks in src/app/hooks only; components use those hooks. */
export function useChainClient(): ChainContextValue {
  const value = useContext(ChainContext)
  if (!value) throw new Error('useChainClient() needs <ChainProvider> above it')
  return value
}
