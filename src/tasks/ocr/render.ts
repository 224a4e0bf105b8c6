// Drawing a text as a challenge line: seeded font, size, offset, rotation, contrast and noise, on any 2D canvas (pure
// apart from the canvas it is handed: an OffscreenCanvas in the browser, @napi-rs/canvas in Node).
//
// What the seed fixes, drawn in this order per line from the challenge's stream: the font, the size (shrunk when the
// text would not fit), the horizontal placement, the vertical jitter, the rotation, the ink and paper greys, the noise
// level, then the noise itself pixel by pixel. The raster depends on the engine's text rasteriser (Skia in both, but
// hinting and anti-aliasing may differ in their last grey levels); the texts, which are what is scored, never do.
import type { Rng } from '../prng.ts'
import { LINE_HEIGHT } from './schema.ts'

/** The subset of CanvasRenderingContext2D / OffscreenCanvasRenderingContext2D / @napi-rs/canvas's context used here. */
export interface Context2DLike {
  fillStyle: unknown
  font: string
  textBaseline: string
  textAlign: string
  setTransform(a: number, b: number, c: number, d: number, e: number, f: number): void
  fillRect(x: number, y: number, w: number, h: number): void
  fillText(text: string, x: number, y: number): void
  measureText(text: string): { width: number }
  getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> }
}
export interface CanvasLike {
  width: number
  height: number
  getContext(kind: '2d'): unknown
}
/** Makes a blank canvas `width` × `height`; the fonts in OCR_FONTS must already be registered with the engine. */
export type CreateCanvas = (width: number, height: number) => CanvasLike

/** The fonts challenges use: DejaVu (dejavu-fonts-ttf), registered under these family names so no system font can stand in. */
export const OCR_FONTS = [
  { id: 'sans', family: 'webtensor DejaVu Sans', file: 'DejaVuSans.ttf' },
  { id: 'serif', family: 'webtensor DejaVu Serif', file: 'DejaVuSerif.ttf' },
  { id: 'mono', family: 'webtensor DejaVu Sans Mono', file: 'DejaVuSansMono.ttf' },
] as const
export type OcrFont = (typeof OCR_FONTS)[number]

export type LineLimits = {
  /** Font size in px, uniform in [min, max] (then shrunk to fit the line). */
  fontPx: readonly [number, number]
  /** Largest rotation, degrees either way. */
  maxRotationDeg: number
  /** Largest vertical jitter of the text's centre, px either way. */
  maxShiftYPx: number
  /** Margin kept free at both ends, px. */
  marginPx: number
  /** Ink grey in [0, maxInk]; paper grey in [minPaper, 255]. */
  maxInk: number
  minPaper: number
  /** Noise σ in grey levels, uniform in [0, maxNoise]. */
  maxNoise: number
}
export const LINE_AUGMENTATION: LineLimits = { fontPx: [24, 32], maxRotationDeg: 2, maxShiftYPx: 3, marginPx: 6, maxInk: 70, minPaper: 190, maxNoise: 12 }

export type LineStyle = { font: OcrFont; fontPx: number; placeX: number; shiftY: number; rotationDeg: number; ink: number; paper: number; noise: number }

export function drawLineStyle(rng: Rng, limits: LineLimits = LINE_AUGMENTATION, fonts: readonly OcrFont[] = OCR_FONTS): LineStyle {
  const font = fonts[rng.int(fonts.length)]!
  const fontPx = limits.fontPx[0] + rng.int(limits.fontPx[1] - limits.fontPx[0] + 1)
  const placeX = rng.float()
  const shiftY = rng.uniform(-limits.maxShiftYPx, limits.maxShiftYPx)
  const rotationDeg = rng.uniform(-limits.maxRotationDeg, limits.maxRotationDeg)
  const ink = rng.int(limits.maxInk + 1)
  const paper = limits.minPaper + rng.int(256 - limits.minPaper)
  const noise = rng.uniform(0, limits.maxNoise)
  return { font, fontPx, placeX, shiftY, rotationDeg, ink, paper, noise }
}

const grey = (v: number) => `rgb(${v}, ${v}, ${v})`

/**
 * Draws `text` in `style` on a 48-high, `width`-wide canvas and writes its grey levels to `out[at … at + 48·width)`,
 * adding N(0, noise²) per pixel from `rng`. Returns the font size used (smaller than the style's when the text had to
 * shrink to fit).
 */
export function renderLine(createCanvas: CreateCanvas, text: string, style: LineStyle, width: number, rng: Rng, out: Uint8Array, at = 0, limits: LineLimits = LINE_AUGMENTATION): number {
  const h = LINE_HEIGHT
  const canvas = createCanvas(width, h)
  const ctx = canvas.getContext('2d') as Context2DLike | null
  if (!ctx) throw new Error('this canvas gives no 2D context')
  ctx.setTransform(1, 0, 0, 1, 0, 0)
  ctx.fillStyle = grey(style.paper)
  ctx.fillRect(0, 0, width, h)
  const room = width - 2 * limits.marginPx
  let px = style.fontPx
  ctx.font = `${px}px "${style.font.family}"`
  let textWidth = ctx.measureText(text).width
  if (textWidth > room) {
    px = Math.max(8, Math.floor((px * room) / textWidth))
    ctx.font = `${px}px "${style.font.family}"`
    textWidth = ctx.measureText(text).width
  }
  const cx = limits.marginPx + textWidth / 2 + style.placeX * Math.max(0, room - textWidth)
  const cy = h / 2 + style.shiftY
  const angle = (style.rotationDeg * Math.PI) / 180
  const cos = Math.cos(angle)
  const sin = Math.sin(angle)
  ctx.setTransform(cos, sin, -sin, cos, cx, cy)
  ctx.fillStyle = grey(style.ink)
  ctx.textBaseline = 'middle'
  ctx.textAlign = 'center'
  ctx.fillText(text, 0, 0)
  const rgba = ctx.getImageData(0, 0, width, h).data
  for (let p = 0; p < width * h; p++) {
    // Luminance of an opaque grey: R = G = B, but weigh them anyway in case the engine dithers.
    let v = ((rgba[4 * p] as number) * 77 + (rgba[4 * p + 1] as number) * 150 + (rgba[4 * p + 2] as number) * 29) >> 8
    if (style.noise > 0) v += Math.round(style.noise * rng.normal())
    out[at + p] = v < 0 ? 0 : v > 255 ? 255 : v
  }
  return px
}
