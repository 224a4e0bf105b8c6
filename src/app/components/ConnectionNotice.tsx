// What a page says instead of data while the selected network is not connected: connecting, away (and how to fix it), or refused.
import { NETWORKS } from '../../chain/networks.ts'
import { useConnection } from '../hooks/useConnection.ts'
import { EmptyState } from './EmptyState.tsx'

/** Renders nothing once connected. */
export function ConnectionNotice({ what }: { what: string }) {
  const { network, url, connection } = useConnection()
  const name = NETWORKS[network].name
  switch (connection.state) {
    case 'connected':
      return null
    case 'connecting':
      return (
        <EmptyState title={`Connecting to ${name}…`}>
          <p aria-busy="true">
            {what} will show once the node at <code>{url || '(no endpoint)'}</code> answers.
          </p>
        </EmptyState>
      )
    case 'disconnected':
      return (
        <EmptyState title={`Disconnected from ${name}`}>
          <p>{connection.reason}. Retrying on its own.</p>
          <p>
            {network === 'devnet' ? (
              <>
                Start the local devnet with <code>npm start</code> (or <code>npx webtensor devnet</code>), or pick another network above.
              </>
            ) : (
              'Check your connection, or pick another network above.'
            )}
          </p>
        </EmptyState>
      )
    case 'refused':
      return (
        <EmptyState title={connection.notSubtensor ? `${name} is not a subtensor chain` : `Cannot use ${name}`}>
          <p>{connection.reason}.</p>
          <p>Pick the local devnet, Bittensor's testnet or mainnet, or the endpoint of a subtensor node.</p>
        </EmptyState>
      )
  }
}
