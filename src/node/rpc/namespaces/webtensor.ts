// The `webtensor_*` namespace: what only a webtensor devnet serves — where its libp2p relay listens, for browser and Node peers to dial.
import type { RpcMethods } from '../methods.ts'

export type RelayInfo = {
  /** `/ip4/…/tcp/…/ws/p2p/<peerId>` addresses of the relay. */
  multiaddrs(): string[]
}

export function registerWebtensorMethods(methods: RpcMethods, relay: RelayInfo | undefined): void {
  // An empty list when the devnet runs without a relay (in-process tests that do not ask for one).
  methods.add('webtensor_relayAddrs', () => relay?.multiaddrs() ?? [])
}
