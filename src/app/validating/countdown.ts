// When this validator's next weights can go on chain and when each of its commits can be revealed, counted in blocks from the best
// block (pure; the epoch arithmetic is src/validator/commitReveal.ts's, the same the loop plans with).
import { epochAtBlock, firstBlockOfEpoch, nextEpochFireBlock, planWeights, type WeightsSchedule } from '../../validator/commitReveal.ts'

export type Countdown = {
  commitReveal: boolean
  /** The next commit (or set_weights with commit-reveal off): the block it can land in and the blocks until then; undefined when never. */
  nextWeights: { block: number; blocks: number } | undefined
  /** The hotkey's commits on chain, oldest first: when each can be revealed ('open' now), or 'expired'. */
  reveals: Array<{ hash: string; commitBlock: number; revealEpoch: number; state: 'open' | 'waiting' | 'expired'; block: number | undefined; blocks: number | undefined }>
  /** The next epoch's block. */
  nextEpochBlock: number | undefined
  notes: string[]
}

export function weightsCountdown(s: WeightsSchedule): Countdown {
  const next = s.block + 1
  const plan = planWeights(s, [], { haveWeights: true })
  const now = plan.actions.some((a) => a.type === 'commit' || a.type === 'set_weights')
  const nextWeightsBlock = now ? next : plan.nextWeightsBlock
  const epoch = epochAtBlock(s, next)
  const reveals = [...s.commits]
    .sort((a, b) => a.block - b.block)
    .map((c) => {
      const revealEpoch = c.epoch + s.revealPeriodEpochs
      const state = epoch > revealEpoch ? ('expired' as const) : epoch === revealEpoch ? ('open' as const) : ('waiting' as const)
      const block = state === 'open' ? next : state === 'waiting' ? firstBlockOfEpoch(s, revealEpoch) : undefined
      return { hash: c.hash, commitBlock: c.block, revealEpoch, state, block, blocks: block === undefined ? undefined : block - s.block }
    })
  const nextEpochBlock = nextEpochFireBlock(s)
  return {
    commitReveal: s.commitRevealEnabled,
    nextWeights: nextWeightsBlock === undefined ? undefined : { block: nextWeightsBlock, blocks: nextWeightsBlock - s.block },
    reveals,
    nextEpochBlock,
    // the plan is made without this tab's salts: its notes about unknown commits and committing again are the loop's business
    notes: plan.notes.filter((n) => n.startsWith('rate limited') || n.includes('waiting for their reveal')),
  }
}
