// The scoring Worker's typed protocol: the page asks it to load a subnet task (with its held-out data), draw seeded challenges and score
// miners' answer bytes. What a challenge expects stays inside the Worker; the page holds only the challenge's number.
import type { Seed } from '../../tasks/prng.ts'
import type { TaskScore } from '../../tasks/task.ts'

export type ToScoringWorker =
  | { type: 'load'; id: number; taskId: string; dataUrl: string }
  | { type: 'challenge'; id: number; seed: Seed; size?: number }
  | { type: 'score'; id: number; challenge: number; body: Uint8Array }

export type FromScoringWorker =
  | { type: 'loaded'; id: number; taskId: string }
  | { type: 'challenge'; id: number; challenge: number; body: Uint8Array; size: number }
  | { type: 'score'; id: number; score: TaskScore }
  | { type: 'error'; id: number | null; message: string }

/** Checks a message that came into the Worker; throws an Error that says what was wrong. */
export function parseToScoringWorker(data: unknown): ToScoringWorker {
  const m = data as Partial<Record<string, unknown>> | null
  if (!m || typeof m !== 'object') throw new Error('a scoring request must be an object')
  if (typeof m.id !== 'number' || !Number.isInteger(m.id)) throw new Error('a scoring request needs a whole-number id')
  switch (m.type) {
    case 'load':
      if (typeof m.taskId !== 'string' || typeof m.dataUrl !== 'string') throw new Error('load needs a taskId and a dataUrl')
      return { type: 'load', id: m.id, taskId: m.taskId, dataUrl: m.dataUrl }
    case 'challenge':
      if (typeof m.seed !== 'string' && typeof m.seed !== 'number') throw new Error('challenge needs a seed (a string or a number)')
      if (m.size !== undefined && typeof m.size !== 'number') throw new Error('challenge size must be a number')
      return { type: 'challenge', id: m.id, seed: m.seed, ...(m.size === undefined ? {} : { size: m.size }) }
    case 'score':
      if (typeof m.challenge !== 'number' || !(m.body instanceof Uint8Array)) throw new Error('score needs a challenge number and the answer bytes')
      return { type: 'score', id: m.id, challenge: m.challenge, body: m.body }
    default:
      throw new Error(`unknown scoring request type ${JSON.stringify(m.type)}`)
  }
}
