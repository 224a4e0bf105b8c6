// Miners that try to earn without doing the work, for the test suite and the demo network: each answers digits queries its own
// dishonest (or deliberately weak) way. A healthy subnet gives every one of them less incentive than every honest miner.
//
// A behaviour turns a request into answer bytes; `honest` runs the miner's real model on the same request. Behaviours are pure apart
// from the time `slow` waits, so their answers are reproducible from the request and their seed.
import { blake2AsU8a } from '@polkadot/util-crypto'
import { u8aToHex } from '@polkadot/util'
import { createRng } from '../../tasks/prng.ts'
import type { DigitSet } from '../../tasks/digits/data.ts'
import { CLASSES, PIXELS } from '../../tasks/digits/schema.ts'
import { argmaxRows } from '../../tasks/digits/score.ts'
import { decodeDigitsAnswer, decodeDigitsQuery, encodeDigitsAnswer } from '../../tasks/digits/wire.ts'

export type BehaviourRequest = { body: Uint8Array; validatorHotkey: Uint8Array; signal: AbortSignal }
export type HonestAnswer = (body: Uint8Array) => Promise<Uint8Array>

export type MinerBehaviour = {
  /** What it does, in a few words (printed by the demo, shown in test names). */
  name: string
  answer(request: BehaviourRequest, honest: HonestAnswer): Promise<Uint8Array>
}

function rowsOf(body: Uint8Array): number {
  const query = decodeDigitsQuery(body)
  if (!query.ok) throw new Error(query.reason)
  return query.value.dims[0]
}

function oneHot(classes: ArrayLike<number>): Uint8Array {
  const data = new Float32Array(classes.length * CLASSES)
  for (let r = 0; r < classes.length; r++) data[r * CLASSES + (classes[r]! % CLASSES)] = 1
  return encodeDigitsAnswer({ data, dims: [classes.length, CLASSES] })
}

function classesOf(answer: Uint8Array, rows: number): number[] {
  const decoded = decodeDigitsAnswer(answer, rows)
  if (!decoded.ok) throw new Error(`the model's own answer is malformed: ${decoded.reason}`)
  return [...argmaxRows(decoded.value.data, rows)]
}

/** The model's answers, unchanged. */
export const honest: MinerBehaviour = { name: 'honest', answer: (request, run) => run(request.body) }

/**
 * An honest miner of known, lower quality: it runs the model, then answers a seeded share `1 − keep` of the rows with a wrong class.
 * Its accuracy is about `keep` × the model's, which makes the expected incentive order of a set of such miners known in advance.
 */
export function degraded(keep: number, seed = 'degraded'): MinerBehaviour {
  if (!(keep >= 0 && keep <= 1)) throw new RangeError(`keep ${keep} must be between 0 and 1`)
  return {
    name: `honest at ${Math.round(keep * 100)} % of its model`,
    async answer(request, run) {
      const rows = rowsOf(request.body)
      const classes = classesOf(await run(request.body), rows)
      const rng = createRng(`${seed}/${u8aToHex(blake2AsU8a(request.body, 128))}`, 'webtensor/adversaries/degraded')
      return oneHot(classes.map((c) => (rng.float() < keep ? c : (c + 1 + rng.int(CLASSES - 1)) % CLASSES)))
    },
  }
}

/** Random bytes of the size a real answer has: a validator finds them malformed (NaNs, values outside 0…1) or scores them at chance. */
export function garbage(seed = 'garbage'): MinerBehaviour {
  let n = 0
  return {
    name: 'garbage (random bytes)',
    async answer(request) {
      const rows = rowsOf(request.body)
      const rng = createRng(`${seed}/${n++}`, 'webtensor/adversaries/garbage')
      const out = new Uint8Array(4 + rows * CLASSES * 4)
      new DataView(out.buffer).setUint32(0, rows, true)
      for (let i = 4; i < out.length; i++) out[i] = rng.int(256)
      return out
    },
  }
}

/** The same class for every digit. */
export function constant(digit = 7): MinerBehaviour {
  return { name: `constant (always ${digit})`, answer: async (request) => oneHot(new Array<number>(rowsOf(request.body)).fill(digit)) }
}

/** Right answers, too late: it waits `delayMs` (past any validator's deadline) before answering. */
export function slow(delayMs: number): MinerBehaviour {
  return {
    name: `slow (${delayMs} ms late)`,
    async answer(request, run) {
      const answer = await run(request.body)
      await new Promise((resolve) => setTimeout(resolve, delayMs))
      return answer
    },
  }
}

/**
 * A copier: it does no work and replays answers it saw from another miner (here handed to it by `source`, as if sniffed from an
 * earlier exchange). Challenges are fresh each time, so replayed answers are answers to other digits. Before it has anything to copy it
 * answers a constant.
 */
export function copier(source: () => Uint8Array | undefined): MinerBehaviour {
  return {
    name: 'copier (replays another miner’s answers)',
    async answer(request) {
      const rows = rowsOf(request.body)
      const seen = source()
      const classes = seen ? classesOf(seen, new DataView(seen.buffer, seen.byteOffset).getUint32(0, true)) : [0]
      return oneHot(Array.from({ length: rows }, (_, r) => classes[r % classes.length]!))
    },
  }
}

/** The pixels of a digit, rounded to what an exact lookup can key on. */
function digitKey(images: Float32Array | ArrayLike<number>, offset: number): string {
  let key = ''
  for (let p = 0; p < PIXELS; p++) key += String.fromCharCode(Math.round(Number(images[offset + p]) * 15))
  return key
}

/**
 * A memoriser: a lookup table of the public training digits (pixels → label), no model. A digit it has seen answers right; any other
 * (every augmented held-out digit) gets the training set's most common class.
 */
export function memoriser(train: DigitSet): MinerBehaviour {
  const table = new Map<string, number>()
  const counts = new Array<number>(CLASSES).fill(0)
  for (let i = 0; i < train.count; i++) {
    table.set(digitKey(train.images, i * PIXELS), train.labels[i]!)
    counts[train.labels[i]!]!++
  }
  const common = counts.indexOf(Math.max(...counts))
  return {
    name: 'memoriser (lookup table of the training data)',
    async answer(request) {
      const query = decodeDigitsQuery(request.body)
      if (!query.ok) throw new Error(query.reason)
      const rows = query.value.dims[0]
      return oneHot(Array.from({ length: rows }, (_, r) => table.get(digitKey(query.value.data, r * PIXELS)) ?? common))
    },
  }
}

/** Honest to one validator it favours, `others` (garbage by default) to everyone else. */
export function favouring(validatorHotkey: Uint8Array, others: MinerBehaviour = garbage('favouring')): MinerBehaviour {
  const favoured = u8aToHex(validatorHotkey)
  return {
    name: `favouring one validator (${favoured.slice(0, 10)}…), ${others.name} to the rest`,
    answer: (request, run) => (u8aToHex(request.validatorHotkey) === favoured ? run(request.body) : others.answer(request, run)),
  }
}

/** A behaviour by name, as the command line (`--behaviour`) and the demo plan give it; `honest` is no behaviour at all. */
export type BehaviourSpec = { kind: 'honest' | 'garbage' | 'constant' | 'slow' | 'memoriser' } | { kind: 'degraded'; keep: number }

/** The behaviour a spec names (`slow` waits 15 s, past any default deadline; `memoriser` loads the training digits). */
export async function behaviourFrom(spec: BehaviourSpec | undefined, seed = 'webtensor'): Promise<MinerBehaviour | undefined> {
  if (!spec || spec.kind === 'honest') return undefined
  if (spec.kind === 'degraded') return degraded(spec.keep, seed)
  if (spec.kind === 'garbage') return garbage(seed)
  if (spec.kind === 'constant') return constant()
  if (spec.kind === 'slow') return slow(15_000)
  const { loadDigitsSplit } = await import('../../tasks/digits/loadMnist.ts')
  return memoriser(loadDigitsSplit().train)
}
