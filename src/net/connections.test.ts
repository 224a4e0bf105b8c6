// describeConnection: which links are direct WebRTC (queries go there), which are relayed, which are websockets.
import type { Connection } from '@libp2p/interface'
import { peerIdFromString } from '@libp2p/peer-id'
import { multiaddr } from '@multiformats/multiaddr'
import { describe, expect, test } from 'vitest'
import { describeConnection } from './connections.ts'
import { PROTOCOL } from './query/constants.ts'

const RELAY = '12D3KooWMFPUGJRWBMfePF6gjjM9BoQWfxsS47kdn3P7KdegZ8S3'
const PEER = '12D3KooWCpGdmM1FDSzUQ7oZd1q4yhivAXP9dSAXcYCURWxCgnHV'

function connection(remoteAddr: string, fields: { limits?: object; multiplexer?: string; direct?: boolean; protocols?: string[] }): Connection {
  return {
    id: 'c1',
    remotePeer: peerIdFromString(PEER),
    remoteAddr: multiaddr(remoteAddr),
    direction: 'outbound',
    status: 'open',
    limits: fields.limits,
    multiplexer: fields.multiplexer,
    direct: fields.direct ?? !remoteAddr.endsWith(`/p2p-circuit/p2p/${PEER}`),
    streams: (fields.protocols ?? []).map((protocol) => ({ protocol })),
    timeline: { open: 1 },
  } as unknown as Connection
}

describe('describeConnection', () => {
  test('the dialer’s WebRTC link (recorded under the circuit address it signalled through) is direct WebRTC', () => {
    const info = describeConnection(connection(`/ip4/127.0.0.1/tcp/9945/ws/p2p/${RELAY}/p2p-circuit/webrtc/p2p/${PEER}`, { multiplexer: '/webrtc', protocols: [PROTOCOL, PROTOCOL, '/ipfs/id/1.0.0'] }))
    expect(info).toMatchObject({ transport: 'webrtc', directWebRTC: true, limited: false, streams: 3, queryStreams: 2 })
  })

  test('the recipient’s side of the same link', () => {
    expect(describeConnection(connection(`/webrtc/p2p/${PEER}`, { multiplexer: '/webrtc' }))).toMatchObject({ transport: 'webrtc', directWebRTC: true })
  })

  test('the relayed connection beside it is limited, not direct', () => {
    const info = describeConnection(connection(`/ip4/127.0.0.1/tcp/9945/ws/p2p/${RELAY}/p2p-circuit/p2p/${PEER}`, { limits: { bytes: 131072n, seconds: 120 }, multiplexer: '/yamux/1.0.0' }))
    expect(info).toMatchObject({ transport: 'relayed', directWebRTC: false, limited: true })
  })

  test('websockets and webrtc-direct', () => {
    expect(describeConnection(connection(`/ip4/127.0.0.1/tcp/4001/ws/p2p/${PEER}`, { multiplexer: '/yamux/1.0.0' }))).toMatchObject({ transport: 'websockets', directWebRTC: false })
    expect(describeConnection(connection(`/ip4/127.0.0.1/udp/4001/webrtc-direct/p2p/${PEER}`, { multiplexer: '/webrtc' }))).toMatchObject({ transport: 'webrtc-direct', directWebRTC: true })
  })
})
