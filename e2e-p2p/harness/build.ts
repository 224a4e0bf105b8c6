// The p2p test harness page, built into test-results/ and served — or a build of the app itself (e2e-p2p/fixtures/app.ts) — with
// the app's COOP/COEP headers (scripts/harness/static.ts).
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildPage, REPO_ROOT, serveStatic, type ServeOptions, type StaticServer } from '../../scripts/harness/static.ts'

export { REPO_ROOT }
export const HARNESS_OUT_DIR = join(REPO_ROOT, 'test-results', 'p2p-harness')

export function buildHarness(outDir = HARNESS_OUT_DIR): Promise<string> {
  return buildPage(dirname(fileURLToPath(import.meta.url)), outDir, { sourcemap: true })
}

export type HarnessServer = StaticServer

/** `spa`: paths that are no file get `index.html` (a single-page app's routes, e.g. the app's `/mine`). */
export function serveHarness(dir = HARNESS_OUT_DIR, options: Pick<ServeOptions, 'host' | 'port' | 'spa'> = {}): Promise<HarnessServer> {
  return serveStatic(dir, options)
}
