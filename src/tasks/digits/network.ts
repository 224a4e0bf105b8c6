// The digits task over the network: the ValidatorTask (seeded challenge → request body bytes; answer bytes → score) and the MinerTask
// (request body → model → answer bytes). The held-out digits are passed in: Node reads them with loadMnist.ts, a browser supplies its own.
import type { Seed } from '../prng.ts'
import type { MinerTask, ValidatorTask } from '../task.ts'
import type { DigitsExpected } from './challenge.ts'
import type { DigitSet } from './data.ts'
import { digitsTask } from './index.ts'
import { CLASSES, checkModelSignature } from './schema.ts'
import { decodeDigitsAnswer, decodeDigitsQuery, encodeDigitsAnswer, encodeDigitsQuery } from './wire.ts'

/** `digitsValidatorTask(loadDigitsSplit().heldOut)`: challenges drawn from `heldOut`, answers scored by accuracy. */
export function digitsValidatorTask(heldOut: DigitSet): ValidatorTask<DigitsExpected> {
  if (!heldOut || !(heldOut.count > 0)) throw new Error('the digits validator needs a non-empty held-out digit set')
  return {
    id: digitsTask.id,
    async challenge(seed: Seed, options = {}) {
      const { query, expected } = digitsTask.challenge(seed, heldOut, { size: options.size })
      return { body: encodeDigitsQuery(query), expected, size: query.dims[0] }
    },
    scoreAnswer(body, expected) {
      const answer = decodeDigitsAnswer(body, expected.labels.length)
      if (!answer.ok) return { ok: false, score: 0, reason: answer.reason }
      return digitsTask.score(answer.value, expected)
    },
  }
}

/** The digits miner: decodes the query, runs the model on it, checks the output's size and encodes it. */
export const digitsMinerTask: MinerTask = {
  id: digitsTask.id,
  checkModelSignature,
  async answer(body, run) {
    const query = decodeDigitsQuery(body)
    if (!query.ok) throw new Error(query.reason)
    const rows = query.value.dims[0]
    const output = await run({ data: query.value.data, dims: query.value.dims })
    if (output.data.length !== rows * CLASSES) throw new Error(`the model gave ${output.data.length} values for ${rows} digits; it should give ${rows * CLASSES} (${CLASSES} per digit)`)
    return encodeDigitsAnswer({ data: Float32Array.from(output.data), dims: [rows, CLASSES] })
  },
}
