// A libp2p node for the browser main thread (WebRTC has no RTCPeerConnection in workers): WebRTC through a circuit relay, websockets to the relay, Noise, yamux, identify, ping, gossipsub and the query service, with a watchdog that keeps the relay reservation.
import { circuitRelayTransport } from '@libp2p/circuit-relay-v2'
import { gossipsub, type GossipSub } from '@libp2p/gossipsub'
import { identify, type Identify } from '@libp2p/identify'
import type { Connection, PeerId, PrivateKey } from '@libp2p/interface'
import { noise } from '@libp2p/noise'
import { peerIdFromString } from '@libp2p/peer-id'
import { ping, type Ping } from '@libp2p/ping'
import { webRTC } from '@libp2p/webrtc'
import { webSockets } from '@libp2p/websockets'
import { yamux } from '@libp2p/yamux'
import { multiaddr, type Multiaddr } from '@multiformats/multiaddr'
import { createLibp2p, type Libp2p } from 'libp2p'
import { DATA_CHANNEL_MESSAGE_BYTES, describeConnection, type ConnectionInfo } from '../connections.ts'
import { webtensorQuery, type QueryHandler, type QueryOptions, type QueryRequest, type QueryResult, type QueryService, type QueryServiceInit } from '../service/query.ts'
import { RelayWatchdog, type RelayWatchdogEvent, type RelayWatchdogStatus } from './relayWatchdog.ts'

export type BrowserPeerServices = { identify: Identify; ping: Ping; pubsub: GossipSub; query: QueryService }
export type BrowserLibp2p = Libp2p<BrowserPeerServices>

export type BrowserPeerInit = {
  /** The relay's multiaddrs with `/p2p/<id>` (the devnet serves them over `webtensor_relayAddrs`). */
  relayAddrs: string[]
  /**
   * ICE servers from configuration: empty on the devnet and in tests, never the transport's four public STUN hosts
   * (notes, trap 2).
   */
  iceServers?: RTCIceServer[]
  /**
   * Allow dialling `ws://` and private or loopback addresses, the relay included. The browser build's connection gater
   * refuses them (notes, trap 4); only the devnet and tests set this. Real deployments use `wss://` and public addresses.
   */
  allowPrivateAddresses?: boolean
  /** The libp2p identity (default: a new one each start). */
  privateKey?: PrivateKey
  /** Relay watchdog tuning (tests shorten it), or false to run without one. */
  watchdog?: false | { intervalMs?: number; minBackoffMs?: number; maxBackoffMs?: number; reservationGraceMs?: number }
  /** Told about the watchdog's re-dials (status displays, logs). */
  onRelayEvent?: (event: RelayWatchdogEvent) => void
  /** Milliseconds to wait for the first relay reservation at start (default 10 s); 0 returns as soon as the relay is dialled. */
  reservationTimeout?: number
  query: QueryServiceInit
}

/** The small API the Mine and Validate pages use; `node` is there for everything else. */
export type BrowserPeer = {
  node: BrowserLibp2p
  peerId: string
  /** Every address of this node (circuit ones included). */
  multiaddrs(): string[]
  /** Where other peers reach this tab over WebRTC: `<relay>/p2p-circuit/webrtc/p2p/<this peer>`. */
  webrtcAddrs(): string[]
  /** Answers queries for `netuid` with `handler`; returns the function that stops serving it. */
  serve(netuid: number, handler: QueryHandler): () => void
  /** Netuids served now. */
  served(): number[]
  /** A signed query to a peer id (an open direct connection) or an address (dialled, WebRTC preferred). */
  query(peer: string | PeerId | Multiaddr | Multiaddr[], request: QueryRequest, options?: QueryOptions): Promise<QueryResult>
  /** Open connections, all or to one peer, each saying whether it is a direct WebRTC link. */
  connections(peer?: string | PeerId): ConnectionInfo[]
  /** Whether an open, unlimited WebRTC connection to `peer` exists (the one queries use). */
  isDirectWebRTC(peer: string | PeerId): boolean
  /** Query streams open now: outbound (pooled) and inbound. */
  streamCounts(): { outbound: number; inbound: number }
  relayStatus(): RelayWatchdogStatus
  /** Resolves once this tab holds a relay reservation (a `/p2p-circuit` address). */
  whenReserved(options?: { signal?: AbortSignal }): Promise<void>
  close(): Promise<void>
}

export async function createBrowserPeer(init: BrowserPeerInit): Promise<BrowserPeer> {
  if (init.relayAddrs.length === 0) throw new RangeError('a browser peer needs at least one relay address to be reachable')
  const relayAddrs = init.relayAddrs.map((address) => {
    const parsed = multiaddr(address)
    if (parsed.getComponents().find((component) => component.name === 'p2p') === undefined) throw new RangeError(`the relay address ${address} has no /p2p/<peer id>`)
    return parsed
  })
  const rtcConfiguration = { iceServers: init.iceServers ?? [] }
  const node: BrowserLibp2p = await createLibp2p({
    privateKey: init.privateKey,
    addresses: { listen: ['/p2p-circuit', '/webrtc'] },
    transports: [webSockets(), webRTC({ rtcConfiguration, dataChannel: { maxMessageSize: DATA_CHANNEL_MESSAGE_BYTES } }), circuitRelayTransport()],
    connectionEncrypters: [noise()],
    streamMuxers: [yamux()],
    // Without a gater of our own, the browser build's refuses ws:// and private addresses (the devnet relay is both).
    ...(init.allowPrivateAddresses === true ? { connectionGater: { denyDialMultiaddr: () => false } } : {}),
    services: {
      identify: identify(),
      ping: ping(),
      pubsub: gossipsub({ allowPublishToZeroTopicPeers: true }),
      query: webtensorQuery(init.query),
    },
  })

  const hasCircuitAddress = () => node.getMultiaddrs().some((address) => address.getComponents().some((component) => component.name === 'p2p-circuit'))
  const reservedWaiters = new Set<() => void>()
  const onAddresses = () => {
    if (!hasCircuitAddress()) return
    for (const wake of reservedWaiters) wake()
    reservedWaiters.clear()
  }
  node.addEventListener('self:peer:update', onAddresses)

  const watchdog =
    init.watchdog === false
      ? undefined
      : new RelayWatchdog({
          relayAddrs: init.relayAddrs,
          hasCircuitAddress,
          dial: async (address, signal) => void (await node.dial(multiaddr(address), { signal })),
          hangUp: async (address) => node.hangUp(multiaddr(address)),
          ...init.watchdog,
          onEvent: init.onRelayEvent,
        })
  const relayPeers = new Set(relayAddrs.map((address) => address.getComponents().findLast((component) => component.name === 'p2p')!.value!))
  const onConnectionClose = (event: CustomEvent<Connection>) => {
    if (relayPeers.has(event.detail.remotePeer.toString())) void watchdog?.check()
  }
  const check = () => void watchdog?.check()
  node.addEventListener('connection:close', onConnectionClose)
  node.addEventListener('self:peer:update', check)

  const whenReserved = (options: { signal?: AbortSignal } = {}) =>
    new Promise<void>((resolve, reject) => {
      if (hasCircuitAddress()) return resolve()
      const signal = options.signal
      const wake = () => {
        signal?.removeEventListener('abort', onAbort)
        resolve()
      }
      const onAbort = () => {
        reservedWaiters.delete(wake)
        reject(signal!.reason)
      }
      signal?.throwIfAborted()
      signal?.addEventListener('abort', onAbort, { once: true })
      reservedWaiters.add(wake)
    })

  let closing: Promise<void> | undefined
  const close = () => {
    closing ??= (async () => {
      watchdog?.stop()
      node.removeEventListener('connection:close', onConnectionClose)
      node.removeEventListener('self:peer:update', check)
      node.removeEventListener('self:peer:update', onAddresses)
      await node.stop()
    })()
    return closing
  }

  try {
    const errors: string[] = []
    const reached = await Promise.all(
      relayAddrs.map((address) =>
        node.dial(address, { signal: AbortSignal.timeout(10_000) }).then(
          () => true,
          (error: Error) => (errors.push(`${address.toString()}: ${error.message}`), false),
        ),
      ),
    )
    if (!reached.includes(true)) throw new Error(`cannot reach the relay: ${errors.join('; ')}`)
    const reservationTimeout = init.reservationTimeout ?? 10_000
    if (reservationTimeout > 0) {
      await whenReserved({ signal: AbortSignal.timeout(reservationTimeout) }).catch(() => {
        throw new Error(`the relay accepted the connection but gave no reservation within ${reservationTimeout} ms`)
      })
    }
  } catch (error) {
    await close()
    throw error
  }
  watchdog?.start()

  const toPeerId = (peer: string | PeerId) => (typeof peer === 'string' ? peerIdFromString(peer) : peer)
  const query = node.services.query
  const served = new Set<number>()
  return {
    node,
    peerId: node.peerId.toString(),
    multiaddrs: () => node.getMultiaddrs().map((address) => address.toString()),
    webrtcAddrs: () =>
      node
        .getMultiaddrs()
        .filter((address) => {
          const names = address.getComponents().map((component) => component.name)
          return names.includes('p2p-circuit') && names.includes('webrtc')
        })
        .map((address) => address.toString()),
    serve(netuid, handler) {
      const stop = query.serve(netuid, handler)
      served.add(netuid)
      return () => {
        stop()
        served.delete(netuid)
      }
    },
    served: () => [...served].sort((a, b) => a - b),
    query(peer, request, options) {
      const target = typeof peer === 'string' ? (peer.startsWith('/') ? multiaddr(peer) : peerIdFromString(peer)) : peer
      return query.query(target, request, options)
    },
    connections: (peer) => node.getConnections(peer === undefined ? undefined : toPeerId(peer)).map(describeConnection),
    isDirectWebRTC: (peer) => node.getConnections(toPeerId(peer)).some((connection) => connection.status === 'open' && describeConnection(connection).directWebRTC),
    streamCounts: () => query.streamCounts(),
    relayStatus: () => watchdog?.status() ?? { reserved: hasCircuitAddress(), redials: 0, failures: 0, lastError: undefined },
    whenReserved,
    close,
  }
}
