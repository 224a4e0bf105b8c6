// Moving scores per UID (pure): an exponential moving average of each step's score, reset when the UID changes hands.
//
// Rules, in order, for every UID registered on the subnet now:
//   1. a UID whose hotkey differs from the one its score was kept for changed hands: its score starts again from 0;
//   2. a UID queried this step moves towards its step score: s ← α·x + (1 − α)·s (a miner that did not answer scored x = 0);
//   3. a UID with a score that was not queried this step (it stopped serving) moves towards 0 the same way;
//   4. a UID never queried and never scored gets no entry.
// UIDs that left the subnet are dropped. A new score starts at 0, so a newcomer earns weight over several steps (α = 0.1 by default,
// the Bittensor validator template's `moving_average_alpha`).

export type MovingScore = { uid: number; hotkey: string; score: number; steps: number }
export type MovingScores = ReadonlyMap<number, MovingScore>

export const DEFAULT_SCORE_ALPHA = 0.1

export function updateMovingScores(
  previous: MovingScores,
  neurons: ReadonlyArray<{ uid: number; hotkey: string }>,
  stepScores: ReadonlyMap<number, number>,
  alpha: number = DEFAULT_SCORE_ALPHA,
): Map<number, MovingScore> {
  if (!(alpha > 0 && alpha <= 1)) throw new RangeError(`the moving-average alpha must be in (0, 1], not ${alpha}`)
  for (const [uid, x] of stepScores) if (!(x >= 0 && x <= 1)) throw new RangeError(`UID ${uid}'s step score ${x} is outside 0..1`)
  const next = new Map<number, MovingScore>()
  for (const { uid, hotkey } of neurons) {
    const kept = previous.get(uid)
    const prev = kept && kept.hotkey === hotkey ? kept : undefined
    const x = stepScores.get(uid)
    if (x === undefined && prev === undefined) continue
    const base = prev?.score ?? 0
    next.set(uid, { uid, hotkey, score: alpha * (x ?? 0) + (1 - alpha) * base, steps: (prev?.steps ?? 0) + 1 })
  }
  return next
}
