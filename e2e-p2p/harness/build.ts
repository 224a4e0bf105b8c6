// Builds the p2p test harness page with Vite (into test-results/, never into the app's dist/) and serves it — or a build of the app
// itself (e2e-p2p/fixtures/app.ts) — with the app's COOP/COEP headers from a tiny static server.
import { createReadStream, existsSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { dirname, extname, join, normalize, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'

const here = dirname(fileURLToPath(import.meta.url))
export const REPO_ROOT = resolve(here, '..', '..')
export const HARNESS_OUT_DIR = join(REPO_ROOT, 'test-results', 'p2p-harness')

/** The app's cross-origin isolation headers (vite.config.ts), so the harness runs under the same rules as the app. */
const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.onnx': 'application/octet-stream',
}

export async function buildHarness(outDir = HARNESS_OUT_DIR): Promise<string> {
  await build({
    configFile: false,
    root: here,
    base: './',
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 10_000 },
  })
  return outDir
}

export type HarnessServer = { url: string; close(): Promise<void> }

/** `spa`: paths that are no file get `index.html` (a single-page app's routes, e.g. the app's `/mine`). */
export async function serveHarness(dir = HARNESS_OUT_DIR, options: { host?: string; port?: number; spa?: boolean } = {}): Promise<HarnessServer> {
  const root = resolve(dir)
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)
    let file = normalize(join(root, path))
    if (!file.startsWith(root)) {
      response.writeHead(403).end()
      return
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html')
    if (!existsSync(file) && options.spa === true && extname(file) === '') file = join(root, 'index.html')
    if (!existsSync(file)) {
      response.writeHead(404, ISOLATION_HEADERS).end('not found')
      return
    }
    response.writeHead(200, { ...ISOLATION_HEADERS, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' })
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
