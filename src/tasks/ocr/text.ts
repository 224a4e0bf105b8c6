// The texts ocr challenges draw: random strings over glyphs a reader cannot confuse (pure).
//
// Left out: 0 O o Q D (round shapes), 1 l I i J j | (strokes), q 9 (g's look-alikes), and the letters
// whose capital is its small form scaled (c s u v w x z and C S U V W X Z), which no reader can tell apart without a
// baseline to compare with. No spaces: readers drop narrow word gaps, and the texts are random anyway. Every glyph is in
// PaddleOCR's dictionary (ppocr_keys_v1.txt), so the task is fair to its rec model. Measured on 300 rendered lines with
// PaddleOCR v4 rec: see src/tasks/README.md.
import type { Rng } from '../prng.ts'

export const CHARSET = 'ABEFGHKLMNPRTY' + 'abdefghkmnprty' + '2345678' + '#+=?'

export type TextLimits = { minChars: number; maxChars: number }
export const TEXT_LIMITS: TextLimits = { minChars: 6, maxChars: 12 }

/** One text: its length uniform in [minChars, maxChars], glyphs uniform over `charset`. */
export function drawText(rng: Rng, limits: TextLimits = TEXT_LIMITS, charset: string = CHARSET): string {
  const glyphs = Array.from(charset)
  const n = limits.minChars + rng.int(limits.maxChars - limits.minChars + 1)
  let text = ''
  for (let i = 0; i < n; i++) text += glyphs[rng.int(glyphs.length)]
  return text
}
