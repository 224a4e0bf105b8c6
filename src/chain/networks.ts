// The networks webtensor can point at, and the check for a user-typed custom endpoint.

export type NetworkId = 'devnet' | 'testnet' | 'finney' | 'custom'

export type Network = {
  id: NetworkId
  /** What the header shows. */
  name: string
  /** WebSocket JSON-RPC endpoint; for `custom`, the user's URL replaces it. */
  endpoint: string
  /** One line for the network picker. */
  description: string
}

export const NETWORKS: Record<NetworkId, Network> = {
  devnet: {
    id: 'devnet',
    name: 'Local devnet',
    endpoint: 'ws://127.0.0.1:9944',
    description: 'The webtensor devnet that `npm start` runs on this machine',
  },
  testnet: {
    id: 'testnet',
    name: 'Bittensor testnet',
    endpoint: 'wss://test.finney.opentensor.ai:443',
    description: "Bittensor's public test network (test TAO, no value)",
  },
  finney: {
    id: 'finney',
    name: 'Bittensor mainnet (finney)',
    endpoint: 'wss://entrypoint-finney.opentensor.ai:443',
    description: 'Bittensor mainnet: real TAO',
  },
  custom: {
    id: 'custom',
    name: 'Custom endpoint',
    endpoint: '',
    description: 'Any subtensor-compatible node (ws:// or wss://)',
  },
}

export const DEFAULT_NETWORK: NetworkId = 'devnet'

export function isNetworkId(value: unknown): value is NetworkId {
  return typeof value === 'string' && Object.hasOwn(NETWORKS, value)
}

export type EndpointCheck = { ok: true; url: string } | { ok: false; reason: string }

/**
 * Checks a user-typed node endpoint. Accepts ws:// and wss:// URLs with a host; plain `ws://` is
 * only accepted for loopback hosts, because a page served over https cannot open insecure sockets
 * to other machines and a typo there would silently leak nothing but time.
 */
export function parseEndpoint(input: string): EndpointCheck {
  const text = input.trim()
  if (text === '') return { ok: false, reason: 'Enter a node endpoint, e.g. wss://node.example.org:443' }
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return { ok: false, reason: `"${text}" is not a URL; an endpoint looks like wss://host:port` }
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:')
    return { ok: false, reason: `The endpoint must start with ws:// or wss://, not ${url.protocol}//` }
  if (!url.hostname) return { ok: false, reason: 'The endpoint has no host name' }
  const loopback = url.hostname === 'localhost' || url.hostname === '[::1]' || /^127\./.test(url.hostname)
  if (url.protocol === 'ws:' && !loopback)
    return { ok: false, reason: 'Use wss:// for remote nodes; plain ws:// is only for this machine (localhost / 127.0.0.1)' }
  if (url.username || url.password) return { ok: false, reason: 'Do not put credentials in the endpoint URL' }
  return { ok: true, url: url.toString().replace(/\/$/, '') }
}

/** The endpoint a network id resolves to, taking the user's custom URL for `custom`. */
export function endpointOf(network: NetworkId, customUrl: string | undefined): string | undefined {
  if (network !== 'custom') return NETWORKS[network].endpoint
  const check = parseEndpoint(customUrl ?? '')
  return check.ok ? check.url : undefined
}
