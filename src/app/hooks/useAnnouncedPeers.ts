// useAnnouncedPeers(netuid): hotkey → the libp2p peer id it announced on the subnet (webtensor miners), read about once a minute.
import { useQuery } from '@tanstack/react-query'
import { useChainClient } from '../chain/context.ts'
import { announcedPeersQueryOptions } from '../queries/peers.ts'

export function useAnnouncedPeers(netuid: number) {
  const { client, network } = useChainClient()
  return useQuery(announcedPeersQueryOptions(client, { network, netuid }))
}
