// Builds the miner-worker test harness page with Vite (into test-results/, never into the app's dist/), writes the test
// models beside it (and, through the ocr task's Vite plugin, PaddleOCR's rec model, its dictionary and the DejaVu fonts,
// copied from node_modules as the app's build does), and serves it twice: under /iso/ with the app's COOP/COEP headers
// and under /plain/ without them.
import { createReadStream, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { dirname, extname, join, normalize, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'
import { digitsCnn, flatSoftmax, randomBytes, slowChain, unknownOperator } from '../../src/miner-worker/testing/models.ts'
import { ocrAssets } from '../../src/tasks/ocr/vite.ts'

const here = dirname(fileURLToPath(import.meta.url))
export const REPO_ROOT = resolve(here, '..', '..')
export const HARNESS_OUT_DIR = join(REPO_ROOT, 'test-results', 'worker-harness')

/** The app's cross-origin isolation headers (vite.config.ts): threads need them. */
const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
}
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.ttf': 'font/ttf',
}

/** The models the specs load from `models/` (the same builders give the specs their onnxruntime-node reference). */
export const TEST_MODELS: Record<string, () => Uint8Array> = {
  'digits-cnn.onnx': () => digitsCnn(1),
  'flat-softmax.onnx': () => flatSoftmax(2),
  'slow-chain.onnx': () => slowChain(120),
  'random.onnx': () => randomBytes(4096),
  'unknown-operator.onnx': () => unknownOperator(),
}

export async function buildHarness(outDir = HARNESS_OUT_DIR): Promise<string> {
  await build({
    configFile: false,
    root: here,
    base: './',
    logLevel: 'error',
    worker: { format: 'es' },
    plugins: [ocrAssets()],
    build: { outDir, emptyOutDir: true, target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 10_000 },
  })
  mkdirSync(join(outDir, 'models'), { recursive: true })
  for (const [name, make] of Object.entries(TEST_MODELS)) writeFileSync(join(outDir, 'models', name), make())
  return outDir
}

export type HarnessServer = { url: string; close(): Promise<void> }

/**
 * Serves `dir` under /iso/ (cross-origin isolated) and /plain/ (not), and each `extra` file at /iso|plain/extra/<name>.
 * Content-Length is always sent, so model downloads report progress against a total.
 */
export async function serveHarness(dir = HARNESS_OUT_DIR, options: { host?: string; port?: number; extra?: Record<string, string> } = {}): Promise<HarnessServer> {
  const root = resolve(dir)
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)
    const match = /^\/(iso|plain)(\/.*)?$/.exec(path)
    if (!match) {
      response.writeHead(302, { Location: '/iso/' }).end()
      return
    }
    const headers = match[1] === 'iso' ? ISOLATION_HEADERS : {}
    const rest = match[2] ?? '/'
    const extra = rest.startsWith('/extra/') ? options.extra?.[rest.slice('/extra/'.length)] : undefined
    let file = extra ?? normalize(join(root, rest))
    if (!extra && !file.startsWith(root)) {
      response.writeHead(403).end()
      return
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html')
    if (!existsSync(file)) {
      response.writeHead(404, headers).end('not found')
      return
    }
    response.writeHead(200, {
      ...headers,
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Length': String(statSync(file).size),
      'Cache-Control': 'no-store',
    })
    createReadStream(file).pipe(response)
  })
  const host = options.host ?? '127.0.0.1'
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => resolve())
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://${host}:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
