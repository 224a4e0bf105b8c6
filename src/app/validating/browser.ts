// The validating session's edges in the browser: the scoring Worker with the subnet's task (its data served by the app), the node's
// relay list, and the tab's libp2p node (createBrowserPeer) signing queries with the hotkey. Loaded with the Validate page only.
import type { ChainClient, NetworkId } from '../../chain/index.ts'
import { isTaskId } from '../../tasks/forSubnet.ts'
import { fetchRelayAddrs, isLocalEndpoint } from '../mining/browser.ts'
import type { ValidatingDeps } from './session.ts'
import { scoringWorkerLoad } from './task.ts'

/** The chain a session validates on: the app's client, its network and endpoint. */
export type TabChain = { client: ChainClient; network: NetworkId; url: string }

export function browserValidatingDeps(): ValidatingDeps<TabChain> {
  return {
    client: (chain) => chain.client,
    relayAddrs: ({ url }) => fetchRelayAddrs(url),
    async task(_chain, _netuid, taskId) {
      if (!isTaskId(taskId)) throw new Error(`this tab cannot validate the task "${taskId}"`)
      const { createScoringWorkerTask } = await import('../../validator/worker/client.ts')
      return createScoringWorkerTask(scoringWorkerLoad(taskId, new URL(import.meta.env.BASE_URL, location.href).href))
    },
    async startPeer(chain, { relayAddrs, hotkey }) {
      const [{ createBrowserPeer }, { sr25519Signer }] = await Promise.all([import('../../net/browser/peer.ts'), import('../../net/query/signer.ts')])
      // A validator only dials: it needs the relay to reach tabs over WebRTC, not a reservation of its own.
      const started = await createBrowserPeer({
        relayAddrs,
        iceServers: [],
        allowPrivateAddresses: isLocalEndpoint(chain.url),
        reservationTimeout: 0,
        query: { hotkey: sr25519Signer(hotkey.keys) },
      })
      return { peer: started.node, peerId: started.peerId, close: () => started.close() }
    },
  }
}
