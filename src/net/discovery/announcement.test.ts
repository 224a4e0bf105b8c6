// Announcements round-trip, fit a commitment field, and anything malformed, foreign or oversized is refused with its reason.
import { describe, expect, test } from 'vitest'
import { generateKeyPair } from '@libp2p/crypto/keys'
import { peerIdFromPrivateKey } from '@libp2p/peer-id'
import { Bytes, Struct, Vector, str, u8 } from '@polkadot-api/substrate-bindings'
import { MAX_ANNOUNCEMENT_BYTES, encodeAnnouncement, parseAnnouncement } from './announcement.ts'

const relay = '12D3KooWGzxzKZYveHXtpG6AsrUJBcWxHBFS2HsEoGTxrMLvKXtf'
const peerId = peerIdFromPrivateKey(await generateKeyPair('Ed25519')).toString()
const other = peerIdFromPrivateKey(await generateKeyPair('Ed25519')).toString()
const viaRelay = `/ip4/203.0.113.7/tcp/9945/ws/p2p/${relay}/p2p-circuit/webrtc/p2p/${peerId}`
const direct = `/ip4/203.0.113.8/udp/4001/webrtc-direct/certhash/uEiAkH5a4DPGKUuOBjYw0CgwjvcJCJMD2K_rsIaLHZtrlzQ/p2p/${peerId}`

describe('announcements', () => {
  test('a browser miner (via the relay) and a Node miner (webrtc-direct) round-trip, within one BigRaw field', () => {
    const bytes = encodeAnnouncement({ peerId, multiaddrs: [viaRelay, direct] })
    expect(bytes.length).toBeLessThanOrEqual(MAX_ANNOUNCEMENT_BYTES)
    expect(parseAnnouncement(bytes)).toEqual({ ok: true, announcement: { peerId, multiaddrs: [viaRelay, direct], protocol: '/webtensor/query/1.0.0' } })
  })

  test('what cannot be announced is refused at the source', () => {
    expect(() => encodeAnnouncement({ peerId, multiaddrs: [] })).toThrow('at least one multiaddr')
    expect(() => encodeAnnouncement({ peerId, multiaddrs: [viaRelay.replace(peerId, other)] })).toThrow(`does not end in /p2p/${peerId}`)
    expect(() => encodeAnnouncement({ peerId: 'not-a-peer', multiaddrs: [viaRelay] })).toThrow()
    expect(() => encodeAnnouncement({ peerId, multiaddrs: [viaRelay, viaRelay, viaRelay, viaRelay, viaRelay] })).toThrow('at most 4')
  })

  test('a validator refuses foreign, malformed, mismatched and oversized commitments, saying why', () => {
    const Wire = Struct({ magic: str, version: u8, peerId: str, multiaddrs: Vector(Bytes()) })
    const good = encodeAnnouncement({ peerId, multiaddrs: [viaRelay] })
    expect(parseAnnouncement(new TextEncoder().encode('{"ip":"1.2.3.4"}'))).toMatchObject({ ok: false })
    expect(parseAnnouncement(new Uint8Array(MAX_ANNOUNCEMENT_BYTES + 1))).toEqual({ ok: false, reason: `it is ${MAX_ANNOUNCEMENT_BYTES + 1} bytes, more than ${MAX_ANNOUNCEMENT_BYTES}` })
    expect(parseAnnouncement(Wire.enc({ magic: 'xx', version: 1, peerId, multiaddrs: [] }))).toEqual({ ok: false, reason: 'it is not a webtensor announcement' })
    expect(parseAnnouncement(Wire.enc({ magic: 'wt', version: 9, peerId, multiaddrs: [] }))).toEqual({ ok: false, reason: 'announcement version 9 is not supported (this peer speaks 1)' })
    expect(parseAnnouncement(Wire.enc({ magic: 'wt', version: 1, peerId: 'nope', multiaddrs: [] }))).toEqual({ ok: false, reason: '"nope" is not a libp2p peer id' })
    expect(parseAnnouncement(Wire.enc({ magic: 'wt', version: 1, peerId, multiaddrs: [] }))).toEqual({ ok: false, reason: 'it lists 0 multiaddrs; 1 to 4 are allowed' })
    // an address of somebody else: a hotkey cannot send validators to another peer
    const stolen = encodeAnnouncement({ peerId: other, multiaddrs: [viaRelay.replace(peerId, other)] })
    const decoded = Wire.dec(stolen)
    expect(parseAnnouncement(Wire.enc({ ...decoded, peerId }))).toMatchObject({ ok: false, reason: expect.stringContaining(`is not an address of ${peerId}`) })
    expect(parseAnnouncement(new Uint8Array([...good, 0]))).toEqual({ ok: false, reason: 'it has trailing bytes' })
    expect(parseAnnouncement(Wire.enc({ magic: 'wt', version: 1, peerId, multiaddrs: [new Uint8Array([0xff, 0xff, 0xff])] }))).toEqual({ ok: false, reason: 'a multiaddr in it does not decode' })
  })
})
