// One chain client per selected network: src/chain loaded lazily (the shell renders first), the client closed on switch, and one new-head subscription that refreshes the cache.
import { useEffect, useState, type ReactNode } from 'react'
import type { ChainClient, ChainStatus } from '../../chain/index.ts'
import { endpointOf } from '../../chain/networks.ts'
import { useSession } from '../state/session.ts'
import { ChainContext, type ConnectionState } from './context.ts'
import { NewHeads } from './NewHeads.tsx'

type Chain = typeof import('../../chain/index.ts')

/** ChainStatus (with error objects) as what the header says. */
export function connectionOf(status: ChainStatus): ConnectionState {
  switch (status.state) {
    case 'connecting':
    case 'connected':
      return { state: status.state }
    case 'disconnected':
      return { state: 'disconnected', reason: status.error.shortMessage }
    case 'error':
      return { state: 'refused', reason: status.message, notSubtensor: status.error.name === 'NotASubtensorChainError' }
  }
}

export function ChainProvider({ children }: { children: ReactNode }) {
  const network = useSession((s) => s.network)
  const customUrl = useSession((s) => (s.network === 'custom' ? s.customUrl : ''))
  const url = endpointOf(network, customUrl) ?? ''
  const [state, setState] = useState<{ chain?: Chain; client?: ChainClient; connection: ConnectionState }>({ connection: { state: 'connecting' } })

  useEffect(() => {
    let cancelled = false
    let client: ChainClient | undefined
    let stopStatus = () => {}
    setState({ connection: { state: 'connecting' } })
    import('../../chain/index.ts').then(
      (chain) => {
        if (cancelled) return
        client = chain.createChainClient({ network, customUrl })
        const current = client
        stopStatus = current.onStatus((status) => setState({ chain, client: current, connection: connectionOf(status) }))
        setState({ chain, client: current, connection: connectionOf(current.status) })
      },
      (error: unknown) => {
        if (!cancelled) setState({ connection: { state: 'refused', reason: `The chain client could not be loaded (${String(error)}); reload the page`, notSubtensor: false } })
      },
    )
    return () => {
      cancelled = true
      stopStatus()
      void client?.close()
    }
  }, [network, customUrl])

  return (
    <ChainContext.Provider value={{ network, url, client: state.client, connection: state.connection }}>
      {state.chain && state.client ? <NewHeads chain={state.chain} client={state.client} network={network} /> : null}
      {children}
    </ChainContext.Provider>
  )
}
