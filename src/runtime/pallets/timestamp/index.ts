// pallet_timestamp (pallet 2): the block's time, set once per block by the `set` inherent.
import { storageValue } from '../../primitives/storage.ts'
import { bool, compact, u64 } from '../../primitives/types.ts'
import { call, definePallet } from '../../framework/pallet.ts'
import { DispatchFailure, ensureNone } from '../../framework/dispatch.ts'
import { DEFAULT_SLOT_DURATION_MS, weight, reads, writes } from '../../config.ts'

export const Now = storageValue('Timestamp', 'Now', { value: u64, docs: ' The current time for the current block.' })
export const DidUpdate = storageValue('Timestamp', 'DidUpdate', { value: bool, docs: ' Whether the timestamp has been updated in this block.\n\n This value is updated to `true` upon successful submission of a timestamp by a node.\n It is then checked at the end of each block execution in the `on_finalize` hook.' })

/** Half a slot: the minimum time between blocks (subtensor: MILLISECS_PER_BLOCK / 2). */
let minimumPeriod = DEFAULT_SLOT_DURATION_MS / 2n
export function setSlotDuration(ms: bigint) {
  minimumPeriod = ms / 2n
}
export const getMinimumPeriod = () => minimumPeriod

export const Timestamp = definePallet({
  name: 'Timestamp',
  index: 2,
  storage: { Now, DidUpdate },
  calls: [
    call({
      index: 0,
      name: 'set',
      args: { now: compact(u64) },
      weight: weight(8_684_000n + reads(2) + writes(1), 1_493n),
      class: 'Mandatory',
      docs: 'Set the current time.\n\nThis call should be invoked exactly once per block. It will panic at the finalization\nphase, if this call hasn\'t been invoked by that time.',
      run: (ctx, origin, { now }) => {
        ensureNone(origin)
        // A block must not set the time twice, nor move it back or forward by less than MinimumPeriod.
        if (DidUpdate.get(ctx.storage)) throw new DispatchFailure({ type: 'Other' })
        const prev = Now.get(ctx.storage)
        if (prev !== 0n && now < prev + minimumPeriod) throw new DispatchFailure({ type: 'Other' })
        Now.set(ctx.storage, now)
        DidUpdate.set(ctx.storage, true)
      },
    }),
  ],
  constants: {
    MinimumPeriod: {
      type: u64,
      get value() {
        return minimumPeriod
      },
      docs: [' The minimum period between blocks.'],
    },
  },
  hooks: {
    onFinalize: (ctx) => {
      if (!DidUpdate.take(ctx.storage)) throw new Error('Timestamp must be updated once in the block')
    },
  },
})

