// The Mine page's "should I mine here?" facts, from a subnet's metagraph: what registering costs, how long immunity lasts, what a new
// miner must out-earn to keep its UID, and how many miners earn anything at all. Pure: the page passes the rows in.
// Pruning follows subtensor's `get_neuron_to_prune` (subnets/registration.rs @ 14bc6f9): the subnet owner's hotkeys are never pruned;
// the lowest-emission non-immune UID goes first (earliest registration, then lowest UID, on ties); when no UID is out of immunity
// the lowest immune one goes. (subtensor also keeps a floor of MinNonImmuneUids non-immune UIDs; the metagraph does not carry it.)

/** Seconds per block on Bittensor (12 s; the devnet's may differ, so the caller passes its own). */
export const BLOCK_SECONDS = 12

export type AdviceRow = {
  uid: number
  emission: bigint
  incentive: number
  immunityLeft: number
  validatorPermit: boolean
  blockAtRegistration: number
  /** A hotkey of the subnet owner: never pruned. */
  immortal?: boolean
}

export type MineAdvice = {
  /** RAO of τ burned to register now. */
  burn: bigint
  immunityBlocks: number
  immunitySeconds: number
  /** A free UID exists: registering prunes nobody. */
  freeSlots: number
  /** The UID that would be pruned next, its emission per epoch (α RAO) and whether it is still immune; undefined with free slots. */
  pruneNext: { uid: number; emission: bigint; immune: boolean } | undefined
  /** Miners (UIDs without a validator permit) and how many of them earn any incentive. */
  miners: number
  earningMiners: number
  /** The median emission per epoch of earning miners (α RAO), 0 when none earns. */
  medianMinerEmission: bigint
  /** Plain sentences for the panel, most important first. */
  notes: string[]
}

export function mineAdvice({
  burn,
  immunityPeriod,
  numUids,
  maxUids,
  neurons,
  blockSeconds = BLOCK_SECONDS,
}: {
  burn: bigint
  immunityPeriod: number
  numUids: number
  maxUids: number
  neurons: readonly AdviceRow[]
  blockSeconds?: number
}): MineAdvice {
  const freeSlots = Math.max(0, maxUids - numUids)
  const lowest = (rows: readonly AdviceRow[]) =>
    rows.reduce<AdviceRow | undefined>((low, n) => {
      if (!low) return n
      if (n.emission !== low.emission) return n.emission < low.emission ? n : low
      if (n.blockAtRegistration !== low.blockAtRegistration) return n.blockAtRegistration < low.blockAtRegistration ? n : low
      return n.uid < low.uid ? n : low
    }, undefined)
  const prunable = neurons.filter((n) => !n.immortal)
  const nonImmune = lowest(prunable.filter((n) => n.immunityLeft <= 0))
  const chosen = freeSlots > 0 ? undefined : (nonImmune ?? lowest(prunable.filter((n) => n.immunityLeft > 0)))
  const pruneNext = chosen ? { uid: chosen.uid, emission: chosen.emission, immune: chosen.immunityLeft > 0 } : undefined
  const miners = neurons.filter((n) => !n.validatorPermit)
  const earning = miners.filter((n) => n.incentive > 0)
  const sorted = earning.map((n) => n.emission).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  const medianMinerEmission = sorted.length === 0 ? 0n : sorted[Math.floor((sorted.length - 1) / 2)]!
  const notes: string[] = []
  if (freeSlots > 0) notes.push(`${freeSlots} UID${freeSlots === 1 ? ' is' : 's are'} free: registering takes one and prunes nobody.`)
  else if (pruneNext && !pruneNext.immune)
    notes.push(`The subnet is full: registering prunes UID ${pruneNext.uid}, and once your immunity ends you are pruned in turn unless you earn more than the lowest non-immune UID.`)
  else if (pruneNext) notes.push(`The subnet is full and every UID is still immune: registering prunes UID ${pruneNext.uid}, the lowest-earning immune one.`)
  else notes.push('Every UID belongs to the subnet owner: there is no UID registration could take.')
  if (miners.length > 0 && earning.length === 0) notes.push('No miner here earns incentive yet: validators have not set weights, so expected earnings are zero for now.')
  else if (miners.length > 0) notes.push(`${earning.length} of ${miners.length} miners earn incentive.`)
  return {
    burn,
    immunityBlocks: immunityPeriod,
    immunitySeconds: immunityPeriod * blockSeconds,
    freeSlots,
    pruneNext,
    miners: miners.length,
    earningMiners: earning.length,
    medianMinerEmission,
    notes,
  }
}

/**
 * α per day a miner earning `emissionPerEpoch` makes: epochs run every `tempo` blocks (tempo + 1 on older runtimes; the difference is
 * under 1 %), so a day holds 86 400 / (blockSeconds · tempo) of them.
 */
export function perDay(emissionPerEpoch: bigint, tempo: number, blockSeconds = BLOCK_SECONDS): bigint {
  if (tempo <= 0) return 0n
  return (emissionPerEpoch * 86_400n) / BigInt(blockSeconds * tempo)
}
