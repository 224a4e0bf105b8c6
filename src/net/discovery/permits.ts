// Who may query a miner, read from the chain: a validator permit on the subnet and the hotkey's share of the subnet's stake (which
// weights its rate limit), from the metagraph, cached per subnet for about a block so a burst of queries costs one read.
import { decodeAddress } from '@polkadot/util-crypto'
import { u8aToHex } from '@polkadot/util'
import type { ChainClient } from '../../chain/index.ts'
import type { ValidatorInfo, ValidatorLookup } from '../query/miner.ts'

const NONE: ValidatorInfo = { permit: false, stakeWeight: 0 }

/** hotkey public key (hex) → permit and its share of the permit holders' stake, from a metagraph's rows. Pure. */
export function validatorTable(neurons: ReadonlyArray<{ hotkey: string; validatorPermit: boolean; totalStake: bigint }>): Map<string, ValidatorInfo> {
  const total = neurons.reduce((sum, n) => (n.validatorPermit ? sum + n.totalStake : sum), 0n)
  const share = (stake: bigint) => (total === 0n ? 0 : Number((stake * 1_000_000n) / total) / 1_000_000)
  return new Map(neurons.map((n) => [u8aToHex(decodeAddress(n.hotkey)), { permit: n.validatorPermit, stakeWeight: n.validatorPermit ? share(n.totalStake) : 0 }]))
}

/**
 * A ValidatorLookup backed by `getMetagraph` at the best block, re-read when older than `maxAgeMs` (default 12 s, one mainnet block).
 * A read that fails leaves the previous table in place (or refuses everyone when there is none): the miner never crashes on it.
 */
export function chainValidatorLookup(client: ChainClient, { maxAgeMs = 12_000, now = Date.now }: { maxAgeMs?: number; now?: () => number } = {}): ValidatorLookup {
  const cache = new Map<number, { at: number; table: Map<string, ValidatorInfo>; pending?: Promise<void> }>()
  const refresh = (netuid: number): Promise<void> => {
    const entry = cache.get(netuid)
    if (entry?.pending) return entry.pending
    const pending = import('../../chain/index.ts')
      .then(({ getMetagraph }) => getMetagraph(client, { netuid, at: 'best' }))
      .then(
        ({ neurons }) => void cache.set(netuid, { at: now(), table: validatorTable(neurons) }),
        () => void cache.set(netuid, { at: now(), table: cache.get(netuid)?.table ?? new Map() }),
      )
    cache.set(netuid, { at: entry?.at ?? 0, table: entry?.table ?? new Map(), pending })
    return pending
  }
  return async (netuid, hotkey) => {
    const entry = cache.get(netuid)
    if (!entry || now() - entry.at > maxAgeMs) await refresh(netuid)
    return cache.get(netuid)!.table.get(u8aToHex(hotkey)) ?? NONE
  }
}
