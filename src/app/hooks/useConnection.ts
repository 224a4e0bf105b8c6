// useConnection(): the selected network, its endpoint and the connection state in words, for the header and the pages' empty states.
import { useChainClient } from '../chain/context.ts'
import type { ChainContextValue } from '../chain/context.ts'

export function useConnection(): Pick<ChainContextValue, 'network' | 'url' | 'connection'> {
  const { network, url, connection } = useChainClient()
  return { network, url, connection }
}
