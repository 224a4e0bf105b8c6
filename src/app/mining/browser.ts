// The mining session's edges in the browser: the miner worker (src/miner-worker/client.ts), the tab's libp2p node (createBrowserPeer,
// its relay watchdog) owned by one tab per network (OwnerTab, Web Locks), validator permits read from the chain, the relay list from the
// node's `webtensor_relayAddrs`, the announcement signed by the hotkey, and page visibility. Loaded with the Mine page only.
import type { ChainClient, NetworkId } from '../../chain/index.ts'
import type { BrowserPeer } from '../../net/browser/peer.ts'
import type { OwnerBackend, OwnerStatus } from '../../net/browser/owner.ts'
import type { MinerWorker, MiningDeps, Visibility } from './session.ts'

/** The chain a session mines on: the app's client, its network and endpoint. */
export type TabChain = { client: ChainClient; network: NetworkId; url: string }

/** The Web Lock / BroadcastChannel name of a network: one owner tab per profile and network (custom endpoints by host). */
export function ownerNetworkName({ network, url }: Pick<TabChain, 'network' | 'url'>): string {
  if (network !== 'custom') return network
  let host = 'unknown'
  try {
    host = new URL(url).host
  } catch {
    // an unparsable URL never gets this far (parseEndpoint); keep a stable name anyway
  }
  return `custom:${host.replace(/[^A-Za-z0-9._:-]/g, '_')}`.slice(0, 64)
}

/** Whether the node is on this machine or a private network (the devnet): only then may the tab's node dial ws:// and private addresses. */
export function isLocalEndpoint(url: string): boolean {
  try {
    const { hostname } = new URL(url)
    return hostname === 'localhost' || hostname === '[::1]' || /^127\./.test(hostname) || /^10\./.test(hostname) || /^192\.168\./.test(hostname)
  } catch {
    return false
  }
}

const RELAY_TIMEOUT_MS = 10_000

/**
 * The node's relays, from its `webtensor_relayAddrs` JSON-RPC method over a one-shot WebSocket. A devnet method (real subtensor nodes
 * have none, and @polkadot/api hides methods it does not know): a node without it offers no relay, which the session then says.
 */
export function fetchRelayAddrs(url: string, timeoutMs = RELAY_TIMEOUT_MS): Promise<string[]> {
  return new Promise<string[]>((resolve, reject) => {
    const socket = new WebSocket(url)
    const done = (settle: () => void) => {
      clearTimeout(timer)
      socket.close()
      settle()
    }
    const timer = setTimeout(() => done(() => reject(new Error(`the node at ${url} did not say where its relay is within ${timeoutMs / 1000} s`))), timeoutMs)
    socket.onopen = () => socket.send(JSON.stringify({ id: 1, jsonrpc: '2.0', method: 'webtensor_relayAddrs', params: [] }))
    socket.onerror = () => done(() => reject(new Error(`cannot reach the node at ${url} to ask for its relay`)))
    socket.onmessage = (event) => {
      let reply: { result?: unknown; error?: { code?: number; message?: string } }
      try {
        reply = JSON.parse(String(event.data)) as typeof reply
      } catch {
        return done(() => reject(new Error('the node answered webtensor_relayAddrs with something that is not JSON')))
      }
      if (reply.error) return done(() => (reply.error?.code === -32601 ? resolve([]) : reject(new Error(`webtensor_relayAddrs failed: ${reply.error?.message ?? 'no reason given'}`))))
      const list = reply.result
      if (!Array.isArray(list) || !list.every((a) => typeof a === 'string')) return done(() => reject(new Error('the node’s webtensor_relayAddrs answer is not a list of multiaddrs')))
      done(() => resolve(list as string[]))
    }
  })
}

export const documentVisibility: Visibility = {
  hidden: () => document.visibilityState === 'hidden',
  subscribe(listener) {
    document.addEventListener('visibilitychange', listener)
    return () => document.removeEventListener('visibilitychange', listener)
  },
}

export function browserMiningDeps(): MiningDeps<TabChain> {
  let peer: BrowserPeer | undefined
  const backend = (): OwnerBackend | undefined => {
    const current = peer
    if (!current) return undefined
    return {
      status: (): OwnerStatus => ({
        peerId: current.peerId,
        multiaddrs: current.webrtcAddrs(),
        served: current.served(),
        relay: current.relayStatus(),
        connections: current.connections().length,
      }),
      query: async (target, request, options) => (await current.query(target, request, options)).body,
    }
  }
  return {
    async worker(): Promise<MinerWorker> {
      const { createMinerClient } = await import('../../miner-worker/client.ts')
      return createMinerClient()
    },
    async claimNode(chain) {
      const { OwnerTab } = await import('../../net/browser/owner.ts')
      const owner = new OwnerTab({ network: ownerNetworkName(chain), backend })
      if ((await owner.start()) !== 'owner') {
        owner.stop()
        throw new Error('Another tab of this browser already runs webtensor’s p2p node on this network: mine from that tab, or close it and start again.')
      }
      return () => owner.stop()
    },
    async relayAddrs({ url }) {
      return fetchRelayAddrs(url)
    },
    async startPeer(chain, { relayAddrs, hotkey, onServed, onRefusal }) {
      const [{ createBrowserPeer }, { chainValidatorLookup }, { sr25519Signer }] = await Promise.all([
        import('../../net/browser/peer.ts'),
        import('../../net/discovery/permits.ts'),
        import('../../net/query/signer.ts'),
      ])
      const started = await createBrowserPeer({
        relayAddrs,
        iceServers: [],
        allowPrivateAddresses: isLocalEndpoint(chain.url),
        query: { hotkey: sr25519Signer(hotkey.keys), lookupValidator: chainValidatorLookup(chain.client), onServed, onRefusal },
      })
      peer = started
      return {
        peerId: started.peerId,
        webrtcAddrs: () => started.webrtcAddrs(),
        serve: (netuid, handler) => started.serve(netuid, handler),
        close: async () => {
          if (peer === started) peer = undefined
          await started.close()
        },
      }
    },
    async announce({ client }, { netuid, peerId, multiaddrs, hotkey }) {
      const { announce } = await import('../../net/discovery/discover.ts')
      await (await announce(client, { netuid, peerId, multiaddrs })).send(hotkey.pair, { waitFor: 'inBlock' })
    },
    visibility: documentVisibility,
  }
}
