// What a mining hotkey earns, read from its subnet's metagraph (pure): incentive, rank among the subnet's miners, last epoch's emission,
// and an estimate per day (emission per epoch × epochs per day, in α and in τ at the pool's price), with an honest note when it is ~0.
import type { GetMetagraphReturnType } from '../../chain/index.ts'
import { BLOCK_SECONDS, perDay } from '../lib/mineAdvice.ts'

/** Below this many RAO of τ a day (0.001 τ), expected earnings are called near zero. */
export const NEAR_ZERO_RAO_PER_DAY = 1_000_000n

export type MinerStanding = {
  uid: number
  incentive: number
  /** 1 = highest incentive among the miners (UIDs without a validator permit, and this one); ties share a rank. */
  rank: number
  miners: number
  /** α RAO emitted to this UID in the last epoch. */
  emissionPerEpoch: bigint
  alphaPerDay: bigint
  /** RAO of τ a day at the pool's price (τ reserve / α reserve). */
  taoPerDay: bigint
  nearZero: boolean
  /** Plain words for the page when earnings are near zero, else undefined. */
  note: string | undefined
}

type Metagraph = Pick<GetMetagraphReturnType, 'neurons'> & { subnet: Pick<GetMetagraphReturnType['subnet'], 'tempo' | 'taoIn' | 'alphaIn'> }

/** The hotkey's standing on the subnet, or undefined when it holds no UID there. */
export function minerStanding(metagraph: Metagraph, hotkey: string, blockSeconds = BLOCK_SECONDS): MinerStanding | undefined {
  const { neurons, subnet } = metagraph
  const row = neurons.find((n) => n.hotkey === hotkey)
  if (!row) return undefined
  const miners = neurons.filter((n) => !n.validatorPermit || n.uid === row.uid)
  const rank = 1 + miners.filter((n) => n.incentive > row.incentive).length
  const alphaPerDay = perDay(row.emission, subnet.tempo, blockSeconds)
  const priceRao = subnet.alphaIn === 0n ? 0n : (subnet.taoIn * 1_000_000_000n) / subnet.alphaIn
  const taoPerDay = (alphaPerDay * priceRao) / 1_000_000_000n
  const nearZero = taoPerDay < NEAR_ZERO_RAO_PER_DAY
  let note: string | undefined
  if (row.incentive === 0)
    note = 'This hotkey earns no incentive yet: validators have to query it and set weights, and the chain counts them at the next epoch. Until then expected earnings are zero.'
  else if (nearZero) note = 'Expected earnings are near zero (under 0.001 τ a day): at this subnet’s emission and price, mining here pays almost nothing.'
  return { uid: row.uid, incentive: row.incentive, rank, miners: miners.length, emissionPerEpoch: row.emission, alphaPerDay, taoPerDay, nearZero, note }
}
