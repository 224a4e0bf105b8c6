// The timestamp and Aura slot of the next block: monotonic time, at least MinimumPeriod after the parent, and a slot strictly after the parent's.

export type SlotInputs = {
  /** The wall clock (plus any `dev_timeTravel` offset), in milliseconds since the Unix epoch. */
  now: bigint
  /** The parent's `Timestamp.Now` (0 at genesis). */
  parentTimestamp: bigint
  /** The parent's Aura slot (undefined at genesis). */
  parentSlot: bigint | undefined
  slotDurationMs: bigint
}

export type SlotTiming = { timestamp: bigint; slot: bigint }

/**
 * pallet_timestamp refuses a time less than `MinimumPeriod` (half a slot) after the parent's, and pallet_aura a slot
 * that does not increase and a slot other than `timestamp / slot duration`. So the block takes the wall clock when it
 * can; when blocks come faster than slots, it takes the start of the parent's next slot, and time runs ahead.
 */
export function nextSlot({ now, parentTimestamp, parentSlot, slotDurationMs }: SlotInputs): SlotTiming {
  if (slotDurationMs < 2n) throw new RangeError(`the slot duration must be at least 2 ms, got ${slotDurationMs}`)
  const minimumPeriod = slotDurationMs / 2n
  let timestamp = parentTimestamp === 0n ? now : max(now, parentTimestamp + minimumPeriod)
  let slot = timestamp / slotDurationMs
  if (parentSlot !== undefined && slot <= parentSlot) {
    slot = parentSlot + 1n
    // The parent's time lies inside its slot, so the next slot's start is more than `timestamp` was.
    timestamp = slot * slotDurationMs
  }
  return { timestamp, slot }
}

const max = (a: bigint, b: bigint) => (a > b ? a : b)
