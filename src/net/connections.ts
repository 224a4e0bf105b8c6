// What a libp2p connection is, in the words the p2p layer needs (direct WebRTC, relayed, websockets), and the transport settings every webtensor peer shares.
import type { Connection } from '@libp2p/interface'
import { PROTOCOL } from './query/constants.ts'

/**
 * Data-channel messages of 256 KiB instead of the 16 KiB default (kept for go/rust interop): ~28 MB/s instead of
 * 16–25 MB/s between JS peers (notes, trap 10). Both ends must agree; every webtensor peer (browser and Node) uses it.
 */
export const DATA_CHANNEL_MESSAGE_BYTES = 256 * 1024

/** The muxer protocol `@libp2p/webrtc` reports for connections made of RTCDataChannels. */
const WEBRTC_MUXER = '/webrtc'

export type ConnectionTransport = 'webrtc' | 'webrtc-direct' | 'relayed' | 'websockets' | 'other'

export type ConnectionInfo = {
  id: string
  remotePeer: string
  /**
   * As libp2p records it. The dialer of a browser-to-browser WebRTC link keeps the address it dialed for signalling
   * (`<relay>/p2p-circuit/webrtc/p2p/<peer>`); the recipient records `/webrtc/p2p/<peer>`. Use `directWebRTC`.
   */
  remoteAddr: string
  direction: 'inbound' | 'outbound'
  status: string
  /** Relay limits apply (2 min / 128 KiB on the devnet relay): not for application protocols (notes, trap 8). */
  limited: boolean
  transport: ConnectionTransport
  /** A WebRTC peer connection of our own (data channels, no relay limits, not a circuit): queries go here. */
  directWebRTC: boolean
  multiplexer: string | undefined
  /** Streams open on the connection, and those of them carrying `/webtensor/query/1.0.0`. */
  streams: number
  queryStreams: number
  /** Milliseconds since the epoch. */
  openedAt: number
}

/** Describes `connection` for status displays, logs and tests. */
export function describeConnection(connection: Connection): ConnectionInfo {
  const names = connection.remoteAddr.getComponents().map((component) => component.name)
  const afterCircuit = names.slice(names.lastIndexOf('p2p-circuit') + 1)
  const limited = connection.limits != null
  const transport: ConnectionTransport = limited
    ? 'relayed'
    : names.includes('webrtc-direct')
      ? 'webrtc-direct'
      : connection.multiplexer === WEBRTC_MUXER || afterCircuit.includes('webrtc')
        ? 'webrtc'
        : names.includes('ws') || names.includes('wss') || names.includes('tls')
          ? 'websockets'
          : 'other'
  return {
    id: connection.id,
    remotePeer: connection.remotePeer.toString(),
    remoteAddr: connection.remoteAddr.toString(),
    direction: connection.direction,
    status: connection.status,
    limited,
    transport,
    directWebRTC: !limited && connection.direct && (transport === 'webrtc' || transport === 'webrtc-direct'),
    multiplexer: connection.multiplexer,
    streams: connection.streams.length,
    queryStreams: connection.streams.filter((stream) => stream.protocol === PROTOCOL).length,
    openedAt: connection.timeline.open,
  }
}
