// getEmissionHistory: the α a subnet's epochs emitted to its UIDs, newest epochs first walked back through state (Emission at each
// epoch's block, LastMechansimStepBlock one block before it), as far as the node keeps state (archive nodes: all; pruned nodes: ~256 blocks).

import type { ChainClient } from '../client.ts'
import type { WebtensorErrorType } from '../errors/base.ts'
import { SubnetNotFoundError, type BlockNotFoundErrorType, type InvalidAmountErrorType, type SubnetNotFoundErrorType } from '../errors/input.ts'
import type { ChainDisconnectedErrorType, RuntimeApiMissingErrorType } from '../errors/transport.ts'
import { big, blockHashOf, bool, num, readAt, storageAt, type At, type Hex, type Untyped } from '../internal/read.ts'
import { assertNetuid } from '../units.ts'

export type GetEmissionHistoryParameters = { netuid: number; /** How many epochs at most (default 16). */ epochs?: number; at?: At }

export type EpochEmission = {
  /** The block the epoch ran in. */
  block: number
  hash: Hex
  /** RAO of the subnet's α emitted to its UIDs by that epoch (Σ Emission). */
  alpha: bigint
  /** UIDs that received any. */
  recipients: number
}

/** Oldest first. `complete` is false when the node no longer has the state of older epochs (a pruned node), or `epochs` was reached. */
export type GetEmissionHistoryReturnType = { epochs: EpochEmission[]; complete: boolean }
export type GetEmissionHistoryErrorType = SubnetNotFoundErrorType | InvalidAmountErrorType | BlockNotFoundErrorType | ChainDisconnectedErrorType | RuntimeApiMissingErrorType | WebtensorErrorType

/** A node answers a read of discarded state with an error, not with empty storage. */
const isPrunedState = (error: unknown) => /discarded|pruned|unknown block|not found|BlockNotFound/i.test(String((error as { message?: unknown })?.message ?? error))

/** `getEmissionHistory(client, { netuid: 1, epochs: 16 })`. */
export async function getEmissionHistory(client: ChainClient, { netuid, epochs = 16, at = 'best' }: GetEmissionHistoryParameters): Promise<GetEmissionHistoryReturnType> {
  assertNetuid(netuid)
  const { api, hash } = await readAt(client, at)
  if (!bool(await storageAt(api, hash, 'subtensorModule', 'networksAdded', netuid))) throw new SubnetNotFoundError({ netuid })
  const out: EpochEmission[] = []
  let block = num(await storageAt(api, hash, 'subtensorModule', 'lastMechansimStepBlock', netuid))
  let complete = true
  while (block > 0) {
    if (out.length === epochs) {
      complete = false
      break
    }
    try {
      const [epochHash, beforeHash] = await Promise.all([blockHashOf(api, block), blockHashOf(api, block - 1)])
      const [emission, previous] = await Promise.all([
        storageAt(api, epochHash, 'subtensorModule', 'emission', netuid),
        storageAt(api, beforeHash, 'subtensorModule', 'lastMechansimStepBlock', netuid),
      ])
      const amounts = [...emission].map((e: Untyped) => big(e))
      out.push({ block, hash: epochHash, alpha: amounts.reduce((a, b) => a + b, 0n), recipients: amounts.filter((a) => a > 0n).length })
      const next = num(previous)
      if (next >= block) break
      block = next
    } catch (error) {
      if (out.length === 0 || !isPrunedState(error)) throw error
      complete = false
      break
    }
  }
  return { epochs: out.reverse(), complete }
}
