// The header's connection state, beside the network selector: connecting, connected at block N, or disconnected and why.
import { NETWORKS } from '../../chain/networks.ts'
import { useBestBlock } from '../hooks/useBestBlock.ts'
import { useConnection } from '../hooks/useConnection.ts'

export function ConnectionStatus() {
  const { network, url, connection } = useConnection()
  const head = useBestBlock()
  const name = NETWORKS[network].name
  let text: string
  let title = url
  switch (connection.state) {
    case 'connecting':
      text = `Connecting to ${name}…`
      break
    case 'connected':
      text = head ? `Connected · block #${head.number.toLocaleString('en-US')}` : 'Connected'
      break
    case 'disconnected':
      text = 'Disconnected · retrying'
      title = connection.reason
      break
    case 'refused':
      text = connection.notSubtensor ? 'Not a subtensor chain' : 'Cannot connect'
      title = connection.reason
      break
  }
  return (
    <span className={`connection connection-${connection.state}`} role="status" aria-label="Connection" title={title}>
      <span className="connection-dot" aria-hidden="true" />
      {text}
    </span>
  )
}
