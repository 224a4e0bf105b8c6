// Seeded ocr challenges: the same seed gives every validator the same texts drawn the same way (pure, given a canvas).
//
// From the seed (under CHALLENGE_DOMAIN) one xoshiro128** stream draws, line by line: the text (text.ts), its style
// (render.ts: font, size, placement, rotation, greys, noise level), then the noise pixel by pixel. The query (the lines'
// grey levels) goes to the miner; the texts stay with the validator. Texts are random, so no table of past challenges
// helps a miner.
import { createRng, type Seed } from '../prng.ts'
import { drawLineStyle, LINE_AUGMENTATION, renderLine, type CreateCanvas, type LineLimits, type LineStyle } from './render.ts'
import { LINE_HEIGHT, LINE_WIDTH, MAX_LINES, type OcrQuery } from './schema.ts'
import type { OcrExpected } from './score.ts'
import { drawText, TEXT_LIMITS, type TextLimits } from './text.ts'

export const CHALLENGE_DOMAIN = 'webtensor/ocr/challenge/v1'
export const DEFAULT_CHALLENGE_SIZE = 8

export type OcrChallengeOptions = { size?: number; text?: TextLimits; augmentation?: LineLimits }
export type OcrChallenge = { query: OcrQuery; expected: OcrExpected & { styles: LineStyle[] } }

export function makeOcrChallenge(seed: Seed, createCanvas: CreateCanvas, options: OcrChallengeOptions = {}): OcrChallenge {
  const size = options.size ?? DEFAULT_CHALLENGE_SIZE
  if (!Number.isInteger(size) || size < 1 || size > MAX_LINES) throw new RangeError(`challenge size ${size} must be a whole number from 1 to ${MAX_LINES}`)
  const limits = options.augmentation ?? LINE_AUGMENTATION
  const rng = createRng(seed, CHALLENGE_DOMAIN)
  const plane = LINE_HEIGHT * LINE_WIDTH
  const data = new Uint8Array(size * plane)
  const texts: string[] = []
  const styles: LineStyle[] = []
  for (let i = 0; i < size; i++) {
    const text = drawText(rng, options.text ?? TEXT_LIMITS)
    const style = drawLineStyle(rng, limits)
    const fontPx = renderLine(createCanvas, text, style, LINE_WIDTH, rng, data, i * plane, limits)
    texts.push(text)
    styles.push({ ...style, fontPx })
  }
  return { query: { data, dims: [size, LINE_HEIGHT, LINE_WIDTH] }, expected: { texts, styles } }
}
