// What the browser suites (e2e-worker, e2e-p2p) and the benches share to put a page in front of Chromium: a Vite build of a
// harness page into test-results/ (never into the app's dist/), and a small static server that sends the app's cross-origin
// isolation headers (WASM threads and SharedArrayBuffer need them), a Content-Length with every file (model downloads report
// progress against it), and no caching.
import { createReadStream, existsSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { dirname, extname, join, normalize, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build, type PluginOption } from 'vite'

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')

/** The app's cross-origin isolation headers (the same as vite.config.ts's dev and preview servers send). */
export const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
} as const

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.onnx': 'application/octet-stream',
}

/** Builds the page whose index.html is in `root` into `outDir` (emptied first). */
export async function buildPage(root: string, outDir: string, options: { plugins?: PluginOption[]; sourcemap?: boolean } = {}): Promise<string> {
  await build({
    configFile: false,
    root,
    base: './',
    logLevel: 'error',
    worker: { format: 'es' },
    plugins: options.plugins ?? [],
    build: { outDir, emptyOutDir: true, target: 'es2022', sourcemap: options.sourcemap ?? false, chunkSizeWarningLimit: 10_000 },
  })
  return outDir
}

export type StaticServer = { url: string; close(): Promise<void> }

export interface ServeOptions {
  host?: string
  port?: number
  /** Paths that are no file get `index.html` (a single-page app's routes, e.g. the app's `/mine`). */
  spa?: boolean
  /** Serve `dir` twice: under /iso/ with the isolation headers and under /plain/ without them (`/` redirects to /iso/). */
  isolatedAndPlain?: boolean
  /** Files from elsewhere, at <mount>/extra/<name>. */
  extra?: Record<string, string>
}

/** Serves `dir` (with the isolation headers unless under /plain/) until `close()`. */
export async function serveStatic(dir: string, options: ServeOptions = {}): Promise<StaticServer> {
  const root = resolve(dir)
  const server = createServer((request, response) => {
    let path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)
    let headers: Record<string, string> = ISOLATION_HEADERS
    if (options.isolatedAndPlain) {
      const mount = /^\/(iso|plain)(\/.*)?$/.exec(path)
      if (!mount) return void response.writeHead(302, { Location: '/iso/' }).end()
      if (mount[1] === 'plain') headers = {}
      path = mount[2] ?? '/'
    }
    const extra = path.startsWith('/extra/') ? options.extra?.[path.slice('/extra/'.length)] : undefined
    let file = extra ?? normalize(join(root, path))
    if (!extra && !file.startsWith(root)) return void response.writeHead(403).end()
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html')
    if (!existsSync(file) && options.spa === true && extname(file) === '') file = join(root, 'index.html')
    if (!existsSync(file)) return void response.writeHead(404, headers).end('not found')
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
  return { url: `http://${host}:${port}/`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) }
}

/** A harness server's entry (`tsx …/serve.ts`): serves until SIGINT/SIGTERM, then closes and exits 0. */
export function closeOnSignal(server: StaticServer): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void server.close().then(() => process.exit(0)))
}
