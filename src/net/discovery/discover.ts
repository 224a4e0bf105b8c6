// Peer discovery from the chain: a subnet's registered hotkeys and the announcements they committed, matched up. Validators dial only
// what a hotkey holding a UID announced; commitments left by deregistered hotkeys and malformed ones are skipped, with the reason kept.
import type { ChainClient, Commitment } from '../../chain/index.ts'
import { encodeAnnouncement, parseAnnouncement, type Announcement } from './announcement.ts'

export type DiscoveredPeer = {
  uid: number
  hotkey: string
  /** The block the commitment was set in. */
  block: number
  announcement: Announcement
}

export type Skipped = { hotkey: string; reason: string }

/**
 * Matches commitments to the subnet's UIDs (pure). A hotkey's webtensor announcement is the first field that parses as one; other
 * fields may hold anything (subnets use commitments for their own data).
 */
export function matchAnnouncements(neurons: ReadonlyArray<{ uid: number; hotkey: string }>, commitments: readonly Commitment[]): { peers: DiscoveredPeer[]; skipped: Skipped[] } {
  const uidOf = new Map(neurons.map((n) => [n.hotkey, n.uid]))
  const peers: DiscoveredPeer[] = []
  const skipped: Skipped[] = []
  for (const c of commitments) {
    const uid = uidOf.get(c.hotkey)
    if (uid === undefined) {
      skipped.push({ hotkey: c.hotkey, reason: 'the hotkey holds no UID on this subnet any more' })
      continue
    }
    let reason = 'no field is a webtensor announcement'
    let found: Announcement | undefined
    for (const f of c.fields) {
      if (f.kind !== 'raw' || f.bytes.length === 0) continue
      const parsed = parseAnnouncement(f.bytes)
      if (parsed.ok) {
        found = parsed.announcement
        break
      }
      reason = parsed.reason
    }
    if (found) peers.push({ uid, hotkey: c.hotkey, block: c.block, announcement: found })
    else skipped.push({ hotkey: c.hotkey, reason })
  }
  // one peer id announced by two hotkeys: neither is trusted (a hotkey cannot claim another's peer)
  const count = new Map<string, number>()
  for (const p of peers) count.set(p.announcement.peerId, (count.get(p.announcement.peerId) ?? 0) + 1)
  const unique = peers.filter((p) => {
    if (count.get(p.announcement.peerId) === 1) return true
    skipped.push({ hotkey: p.hotkey, reason: `peer ${p.announcement.peerId} is announced by more than one hotkey` })
    return false
  })
  return { peers: unique.sort((a, b) => a.uid - b.uid), skipped }
}

/** `discoverPeers(client, { netuid })`: the subnet's announced peers at the best block (one metagraph read, one commitments read). */
export async function discoverPeers(client: ChainClient, { netuid }: { netuid: number }): Promise<{ peers: DiscoveredPeer[]; skipped: Skipped[] }> {
  const { getCommitments, getNeuronsLite } = await import('../../chain/index.ts')
  const [neurons, commitments] = await Promise.all([getNeuronsLite(client, { netuid, at: 'best' }), getCommitments(client, { netuid, at: 'best' })])
  return matchAnnouncements(neurons, commitments)
}

/** The transaction that announces `{ peerId, multiaddrs }` on `netuid`; send it signed by the miner's hotkey. */
export async function announce(client: ChainClient, { netuid, peerId, multiaddrs }: { netuid: number; peerId: string; multiaddrs: string[] }) {
  const { setCommitment } = await import('../../chain/index.ts')
  return setCommitment(client, { netuid, fields: [encodeAnnouncement({ peerId, multiaddrs })] })
}
