// The devnet's libp2p relay: a websocket listener with circuit-relay-v2 (WebRTC signalling for browser miners), identify, ping and gossipsub; its identity kept in the data directory.
import '../../net/node/polyfills.ts'
import { circuitRelayServer, type CircuitRelayService } from '@libp2p/circuit-relay-v2'
import { gossipsub, type GossipSub } from '@libp2p/gossipsub'
import { identify, type Identify } from '@libp2p/identify'
import { noise } from '@libp2p/noise'
import { ping, type Ping } from '@libp2p/ping'
import { webSockets } from '@libp2p/websockets'
import { yamux } from '@libp2p/yamux'
import { createLibp2p, type Libp2p } from 'libp2p'
import { join } from 'node:path'
import { loadOrCreateNodeKey } from '../../net/node/keys.ts'

/** The relay's key file in the data directory: delete it to get a new peer id. */
export const RELAY_KEY_FILE = 'relay.key'

export type RelayOptions = {
  /** Data directory holding the key file. */
  dataDir: string
  /** Websocket port; 0 picks a free one. */
  port: number
  /** Interface to bind (default loopback). */
  host?: string
}

export type Relay = {
  /** Base58 peer id, the same on every start with the same data directory. */
  peerId: string
  /** Where peers dial it: `/ip4/…/tcp/…/ws/p2p/<peerId>`. */
  multiaddrs(): string[]
  node: Libp2p<{ identify: Identify; ping: Ping; relay: CircuitRelayService; pubsub: GossipSub }>
  close(): Promise<void>
}

export class RelayError extends Error {
  override name = 'RelayError'
}

export async function startRelay(options: RelayOptions): Promise<Relay> {
  const privateKey = await loadOrCreateNodeKey(join(options.dataDir, RELAY_KEY_FILE))
  const host = options.host ?? '127.0.0.1'
  let node: Relay['node']
  try {
    node = await createLibp2p({
      privateKey,
      addresses: { listen: [`/ip4/${host}/tcp/${options.port}/ws`] },
      transports: [webSockets()],
      connectionEncrypters: [noise()],
      streamMuxers: [yamux()],
      services: {
        identify: identify(),
        ping: ping(),
        // Every tab and Node miner of a devnet reserves here; the default (15) is too few. Relayed connections keep the
        // default limits (2 min / 128 KiB): they carry WebRTC signalling, then peers talk directly.
        relay: circuitRelayServer({ reservations: { maxReservations: 1024 } }),
        pubsub: gossipsub({ allowPublishToZeroTopicPeers: true }),
      },
    })
  } catch (error) {
    const message = (error as Error).message
    const hint = /EADDRINUSE|address already in use/i.test(message) ? `; another process uses port ${options.port}: pick another --relay-port` : ''
    throw new RelayError(`cannot start the libp2p relay on ${host}:${options.port}: ${message}${hint}`, { cause: error })
  }
  let closing: Promise<void> | undefined
  return {
    peerId: node.peerId.toString(),
    multiaddrs: () => node.getMultiaddrs().map((address) => address.toString()),
    node,
    close() {
      closing ??= Promise.resolve(node.stop())
      return closing
    },
  }
}
