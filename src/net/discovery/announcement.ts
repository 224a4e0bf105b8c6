// What a miner publishes on chain so validators can dial it: its libp2p peer id, the multiaddrs it is reachable at and the query
// protocol version, SCALE-encoded into one `Data::BigRaw` commitment field (≤ 512 bytes) set by its hotkey. Pure: no I/O.
import { Bytes, Struct, Vector, str, u8, type CodecType } from '@polkadot-api/substrate-bindings'
import { multiaddr } from '@multiformats/multiaddr'
import { peerIdFromString } from '@libp2p/peer-id'
import { PROTOCOL } from '../query/constants.ts'

/** Announcement format versions: 1 = `/webtensor/query/1.0.0`. */
export const ANNOUNCEMENT_VERSION = 1
/** `Data::BigRaw`'s bound in subtensor's Commitments pallet. */
export const MAX_ANNOUNCEMENT_BYTES = 512
export const MAX_ANNOUNCED_ADDRS = 4
/** Leading bytes that mark a webtensor announcement among other commitments a hotkey may publish. */
const MAGIC = 'wt'

const Codec = Struct({ magic: str, version: u8, peerId: str, multiaddrs: Vector(Bytes()) })
type Wire = CodecType<typeof Codec>

/** The peer a multiaddr finally reaches: its last `/p2p/<id>` (after a relay's own `/p2p/<relay>/p2p-circuit`). */
const finalPeer = (ma: ReturnType<typeof multiaddr>): string | undefined => ma.getComponents().filter((c) => c.name === 'p2p').at(-1)?.value

export type Announcement = {
  peerId: string
  /** Each ends in `/p2p/<peerId>` (for a browser tab: `<relay>/p2p-circuit/webrtc/p2p/<peerId>` or a direct `/webrtc-direct` one). */
  multiaddrs: string[]
  protocol: string
}

export type ParsedAnnouncement = { ok: true; announcement: Announcement } | { ok: false; reason: string }

/** The commitment field bytes for `announcement`; throws, saying what is wrong, when it cannot be announced as given. */
export function encodeAnnouncement({ peerId, multiaddrs }: Pick<Announcement, 'peerId' | 'multiaddrs'>): Uint8Array {
  peerIdFromString(peerId) // throws on a malformed id
  if (multiaddrs.length === 0) throw new Error('announce at least one multiaddr: a validator has nothing to dial otherwise')
  if (multiaddrs.length > MAX_ANNOUNCED_ADDRS) throw new Error(`announce at most ${MAX_ANNOUNCED_ADDRS} multiaddrs (got ${multiaddrs.length})`)
  const bytes = multiaddrs.map((a) => {
    const ma = multiaddr(a)
    if (finalPeer(ma) !== peerId) throw new Error(`${a} does not end in /p2p/${peerId}`)
    return ma.bytes
  })
  const encoded = Codec.enc({ magic: MAGIC, version: ANNOUNCEMENT_VERSION, peerId, multiaddrs: bytes })
  if (encoded.length > MAX_ANNOUNCEMENT_BYTES) throw new Error(`the announcement is ${encoded.length} bytes; a commitment field holds at most ${MAX_ANNOUNCEMENT_BYTES}: announce fewer addresses`)
  return encoded
}

/** Reads a commitment field as an announcement, refusing (with the reason) anything malformed, oversized or not ours. */
export function parseAnnouncement(bytes: Uint8Array): ParsedAnnouncement {
  if (bytes.length > MAX_ANNOUNCEMENT_BYTES) return { ok: false, reason: `it is ${bytes.length} bytes, more than ${MAX_ANNOUNCEMENT_BYTES}` }
  let wire: Wire
  try {
    wire = Codec.dec(bytes)
  } catch {
    return { ok: false, reason: 'it does not decode as a webtensor announcement' }
  }
  if (wire.magic !== MAGIC) return { ok: false, reason: 'it is not a webtensor announcement' }
  if (Codec.enc(wire).length !== bytes.length) return { ok: false, reason: 'it has trailing bytes' }
  if (wire.version !== ANNOUNCEMENT_VERSION) return { ok: false, reason: `announcement version ${wire.version} is not supported (this peer speaks ${ANNOUNCEMENT_VERSION})` }
  try {
    peerIdFromString(wire.peerId)
  } catch {
    return { ok: false, reason: `"${wire.peerId.slice(0, 64)}" is not a libp2p peer id` }
  }
  if (wire.multiaddrs.length === 0 || wire.multiaddrs.length > MAX_ANNOUNCED_ADDRS) return { ok: false, reason: `it lists ${wire.multiaddrs.length} multiaddrs; 1 to ${MAX_ANNOUNCED_ADDRS} are allowed` }
  const multiaddrs: string[] = []
  for (const raw of wire.multiaddrs) {
    let text: string
    try {
      const ma = multiaddr(raw)
      text = ma.toString()
      if (finalPeer(ma) !== wire.peerId) return { ok: false, reason: `${text} is not an address of ${wire.peerId}` }
    } catch {
      return { ok: false, reason: 'a multiaddr in it does not decode' }
    }
    multiaddrs.push(text)
  }
  return { ok: true, announcement: { peerId: wire.peerId, multiaddrs, protocol: PROTOCOL } }
}
