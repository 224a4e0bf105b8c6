// Query options for the libp2p peers a subnet's hotkeys announced in their commitments (src/net/discovery's format), for the
// leaderboard's peer status. Commitments change rarely: read once a minute, not per block.
import { queryOptions } from '@tanstack/react-query'
import type { ChainClient, NetworkId } from '../../chain/index.ts'

export type AnnouncedPeersQueryParameters = { network: NetworkId; netuid: number }

/** `useQuery(announcedPeersQueryOptions(client, { network, netuid }))`: hotkey → announced peer id (valid announcements only). */
export function announcedPeersQueryOptions(client: ChainClient | undefined, parameters: AnnouncedPeersQueryParameters) {
  return queryOptions({
    queryKey: ['announcedPeers', parameters] as const,
    enabled: Boolean(client),
    queryFn: async ({ queryKey: [, { netuid }] }): Promise<Map<string, string>> => {
      if (!client) throw new Error('No chain client yet')
      const [{ getCommitments }, { parseAnnouncement }] = await Promise.all([import('../../chain/index.ts'), import('../../net/discovery/announcement.ts')])
      const peers = new Map<string, string>()
      for (const c of await getCommitments(client, { netuid, at: 'best' })) {
        for (const f of c.fields) {
          if (f.kind !== 'raw') continue
          const parsed = parseAnnouncement(f.bytes)
          if (parsed.ok) {
            peers.set(c.hotkey, parsed.announcement.peerId)
            break
          }
        }
      }
      return peers
    },
    staleTime: 60_000,
  })
}
