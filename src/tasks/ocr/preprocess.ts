// PaddleOCR's recognition preprocessing (pure): lines of grey levels → float32 [N, 3, 48, W] in [−1, 1].
//
// PaddleOCR resizes a line to height 48 keeping its aspect ratio, pads it on the right up to the batch's width, and
// normalises every channel with (v / 255 − 0.5) / 0.5; padding is 0 after normalisation (mid grey). ocr queries already
// arrive 48 high and all of one width, so for them only the normalisation is left (`linesToTensor`); `resizeLine`
// does the rest for lines of other sizes (a miner's own images, tests).
import type { TensorLike } from '../task.ts'
import { LINE_HEIGHT, type OcrQuery } from './schema.ts'

/** Grey [N, 48, W] (0–255) → float32 [N, 3, 48, W], (v / 255 − 0.5) / 0.5 in all three channels. */
export function linesToTensor(query: OcrQuery): TensorLike {
  const [n, h, w] = query.dims
  const plane = h * w
  const lut = new Float32Array(256)
  for (let v = 0; v < 256; v++) lut[v] = (v / 255 - 0.5) / 0.5
  const out = new Float32Array(n * 3 * plane)
  const src = query.data
  for (let line = 0; line < n; line++) {
    const from = line * plane
    const to = line * 3 * plane
    for (let p = 0; p < plane; p++) {
      const v = lut[src[from + p] as number] as number
      out[to + p] = v
      out[to + plane + p] = v
      out[to + 2 * plane + p] = v
    }
  }
  return { data: out, dims: [n, 3, h, w] }
}

/**
 * A grey image of any size → one line 48 high and `width` wide, as PaddleOCR's resize_norm_img does: scaled to height 48
 * keeping the aspect ratio (bilinear; the scaled width is capped at `width`), then padded on the right with mid grey
 * (128, which normalises to ≈ 0). Returns grey levels, ready for `linesToTensor`.
 */
export function resizeLine(grey: Uint8Array, srcWidth: number, srcHeight: number, width: number): Uint8Array {
  if (grey.length !== srcWidth * srcHeight) throw new RangeError(`the image holds ${grey.length} pixels; ${srcWidth}×${srcHeight} need ${srcWidth * srcHeight}`)
  const h = LINE_HEIGHT
  const scaled = Math.max(1, Math.min(width, Math.ceil((h * srcWidth) / srcHeight)))
  const out = new Uint8Array(h * width).fill(128)
  const sx = srcWidth / scaled
  const sy = srcHeight / h
  const at = (x: number, y: number) => grey[Math.min(srcHeight - 1, Math.max(0, y)) * srcWidth + Math.min(srcWidth - 1, Math.max(0, x))] as number
  for (let y = 0; y < h; y++) {
    const fy = (y + 0.5) * sy - 0.5
    const y0 = Math.floor(fy)
    const dy = fy - y0
    for (let x = 0; x < scaled; x++) {
      const fx = (x + 0.5) * sx - 0.5
      const x0 = Math.floor(fx)
      const dx = fx - x0
      const v = (1 - dy) * ((1 - dx) * at(x0, y0) + dx * at(x0 + 1, y0)) + dy * ((1 - dx) * at(x0, y0 + 1) + dx * at(x0 + 1, y0 + 1))
      out[y * width + x] = Math.round(v)
    }
  }
  return out
}
