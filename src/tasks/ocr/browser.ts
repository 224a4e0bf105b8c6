// The ocr task's browser side: OffscreenCanvas with the DejaVu fonts loaded through FontFace (in a page or a worker),
// and the dictionary fetched from where the build copied it (assets.ts).
import { OCR_ASSET_URLS } from './assets.ts'
import { parseDictionary } from './ctc.ts'
import { OCR_FONTS, type CreateCanvas } from './render.ts'

type FontSet = { add(face: FontFace): unknown }
const here = () => (globalThis as { document?: Document }).document?.baseURI ?? globalThis.location.href

/**
 * Loads the challenge fonts from `<base>/fonts/` (base: the page's base URL) into the page's or worker's font set and
 * returns an OffscreenCanvas maker. Throws when a font cannot be loaded: a stand-in font would change every challenge.
 */
export async function browserOcrCanvas(options: { base?: string | URL } = {}): Promise<CreateCanvas> {
  const fonts = ((globalThis as { document?: Document }).document?.fonts ?? (globalThis as unknown as { fonts?: FontSet }).fonts) as FontSet | undefined
  if (!fonts || typeof FontFace === 'undefined' || typeof OffscreenCanvas === 'undefined') {
    throw new Error('this browser cannot draw ocr challenges: it lacks FontFace or OffscreenCanvas')
  }
  const base = new URL(OCR_ASSET_URLS.fontDir, new URL(String(options.base ?? here()), here()))
  await Promise.all(
    OCR_FONTS.map(async (f) => {
      const url = new URL(f.file, base).href
      const face = new FontFace(f.family, `url(${JSON.stringify(url)})`)
      try {
        await face.load()
      } catch (e) {
        throw new Error(`the ocr font ${url} could not be loaded: ${(e as Error).message ?? String(e)}`)
      }
      fonts.add(face)
    }),
  )
  return (width, height) => new OffscreenCanvas(width, height)
}

/** The rec model's classes, from the dictionary the build copied beside the model. */
export async function fetchOcrDictionary(options: { base?: string | URL } = {}): Promise<string[]> {
  const url = new URL(OCR_ASSET_URLS.dictionary, new URL(String(options.base ?? here()), here()))
  const response = await fetch(url)
  if (!response.ok) throw new Error(`the ocr dictionary ${url.href} could not be fetched: HTTP ${response.status}`)
  return parseDictionary(await response.text())
}
