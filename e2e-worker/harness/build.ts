// The miner-worker test harness page, built into test-results/ with the test models beside it (and, through the ocr task's Vite
// plugin, PaddleOCR's rec model, its dictionary and the DejaVu fonts, copied from node_modules as the app's build does), served
// twice: under /iso/ with the app's COOP/COEP headers and under /plain/ without them.
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildPage, REPO_ROOT, serveStatic, type StaticServer } from '../../scripts/harness/static.ts'
import { digitsCnn, flatSoftmax, randomBytes, slowChain, unknownOperator } from '../../src/miner-worker/testing/models.ts'
import { ocrAssets } from '../../src/tasks/ocr/vite.ts'

export { REPO_ROOT }
export const HARNESS_OUT_DIR = join(REPO_ROOT, 'test-results', 'worker-harness')

/** The models the specs load from `models/` (the same builders give the specs their onnxruntime-node reference). */
export const TEST_MODELS: Record<string, () => Uint8Array> = {
  'digits-cnn.onnx': () => digitsCnn(1),
  'flat-softmax.onnx': () => flatSoftmax(2),
  'slow-chain.onnx': () => slowChain(120),
  'random.onnx': () => randomBytes(4096),
  'unknown-operator.onnx': () => unknownOperator(),
}

export async function buildHarness(outDir = HARNESS_OUT_DIR): Promise<string> {
  await buildPage(dirname(fileURLToPath(import.meta.url)), outDir, { plugins: [ocrAssets()] })
  mkdirSync(join(outDir, 'models'), { recursive: true })
  for (const [name, make] of Object.entries(TEST_MODELS)) writeFileSync(join(outDir, 'models', name), make())
  return outDir
}

export type HarnessServer = StaticServer

/** Serves `dir` under /iso/ (cross-origin isolated) and /plain/ (not), and each `extra` file at /iso|plain/extra/<name>. */
export function serveHarness(dir = HARNESS_OUT_DIR, options: { host?: string; port?: number; extra?: Record<string, string> } = {}): Promise<HarnessServer> {
  return serveStatic(dir, { ...options, isolatedAndPlain: true })
}
