// A libp2p node for Node peers (miners, validators, tests): websockets, WebRTC (direct and via a circuit relay), Noise, yamux, identify, ping, gossipsub and the query service.
import './polyfills.ts'
import { circuitRelayTransport } from '@libp2p/circuit-relay-v2'
import { gossipsub, type GossipSub } from '@libp2p/gossipsub'
import { identify, type Identify } from '@libp2p/identify'
import type { PrivateKey } from '@libp2p/interface'
import { noise } from '@libp2p/noise'
import { ping, type Ping } from '@libp2p/ping'
import { webRTC, webRTCDirect } from '@libp2p/webrtc'
import { webSockets } from '@libp2p/websockets'
import { yamux } from '@libp2p/yamux'
import { multiaddr } from '@multiformats/multiaddr'
import { createLibp2p, type Libp2p } from 'libp2p'
import { DATA_CHANNEL_MESSAGE_BYTES } from '../connections.ts'
import { webtensorQuery, type QueryService, type QueryServiceInit } from '../service/query.ts'

export type NodePeerServices = { identify: Identify; ping: Ping; pubsub: GossipSub; query: QueryService }
export type NodePeer = Libp2p<NodePeerServices>

export type NodePeerInit = {
  /** The libp2p identity (default: a new one each start; see `loadOrCreateNodeKey`). */
  privateKey?: PrivateKey
  /** Listen addresses (default a loopback websocket on a free port). */
  listen?: string[]
  /** Add the WebRTC transports: `/webrtc-direct` on a loopback UDP port and `/webrtc` through relays (default true). */
  webrtc?: boolean
  /**
   * ICE servers for WebRTC: empty by default, never the transport's four public STUN hosts (notes, trap 2). Set them from
   * configuration for real deployments.
   */
  iceServers?: RTCIceServer[]
  /** Relays (multiaddrs with /p2p/<id>) to dial at start and reserve a `/p2p-circuit` address on. */
  relays?: string[]
  query: QueryServiceInit
}

/** Data-channel message size shared with browser peers (notes, trap 10); both ends must agree. */
export { DATA_CHANNEL_MESSAGE_BYTES }

export async function createNodePeer(init: NodePeerInit): Promise<NodePeer> {
  const webrtc = init.webrtc ?? true
  const rtcConfiguration = { iceServers: init.iceServers ?? [] }
  const dataChannel = { maxMessageSize: DATA_CHANNEL_MESSAGE_BYTES }
  const relays = init.relays ?? []
  const listen = [
    ...(init.listen ?? ['/ip4/127.0.0.1/tcp/0/ws']),
    ...(webrtc ? ['/ip4/127.0.0.1/udp/0/webrtc-direct', '/webrtc'] : []),
    ...(relays.length > 0 ? ['/p2p-circuit'] : []),
  ]
  const node = await createLibp2p({
    privateKey: init.privateKey,
    addresses: { listen },
    transports: [webSockets(), circuitRelayTransport(), ...(webrtc ? [webRTC({ rtcConfiguration, dataChannel }), webRTCDirect({ rtcConfiguration, dataChannel })] : [])],
    connectionEncrypters: [noise()],
    streamMuxers: [yamux()],
    services: {
      identify: identify(),
      ping: ping(),
      pubsub: gossipsub({ allowPublishToZeroTopicPeers: true }),
      query: webtensorQuery(init.query),
    },
  })
  try {
    await Promise.all(relays.map((relay) => node.dial(multiaddr(relay))))
  } catch (error) {
    await node.stop()
    throw new Error(`cannot reach the relay: ${(error as Error).message}`, { cause: error })
  }
  return node
}
