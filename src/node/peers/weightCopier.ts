// A weight copier, for the test suite and the demo: a validator that does no work and, each epoch, weighs the miners exactly as another
// validator's last revealed weights did. Commit-reveal is what makes this a losing strategy: what it copies is one epoch old when
// revealed, and two by the time its own copy is revealed.
import type { ChainClient } from '../../chain/client.ts'
import { getMetagraph } from '../../chain/actions/getMetagraph.ts'
import { readAt, storageAt, num, type Untyped } from '../../chain/internal/read.ts'

/** A `weightsSource` for createValidator: the revealed Weights row of `targetHotkey` on the subnet, as scores. */
export function copyRevealedWeights(client: ChainClient, { netuid, targetHotkey }: { netuid: number; targetHotkey: string }): () => Promise<Array<{ uid: number; score: number }>> {
  return async () => {
    const { neurons } = await getMetagraph(client, { netuid })
    const target = neurons.find((n) => n.hotkey === targetHotkey)
    if (!target) return []
    const { api, hash } = await readAt(client, 'best')
    const row = (await storageAt(api, hash, 'subtensorModule', 'weights', netuid, target.uid)) as Untyped
    return [...row].map((pair: Untyped) => ({ uid: num(pair[0]), score: num(pair[1]) / 65_535 })).filter((w) => w.uid !== target.uid)
  }
}
