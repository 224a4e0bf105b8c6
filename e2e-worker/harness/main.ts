// The miner-worker harness page: exposes the real client (src/miner-worker/client.ts) and test inputs to Playwright.
import { createMinerClient, MinerError, type Feeds, type MinerClient } from '../../src/miner-worker/client.ts'
import { DIGITS_SIGNATURE, randomDigits } from '../../src/miner-worker/testing/models.ts'

/** Plain-data view of an error for page.evaluate. */
const describe = (e: unknown) => (e instanceof MinerError ? { code: e.code, message: e.message, ran: e.ran } : { code: 'other', message: String(e), ran: false })
const digit = (seed: number): Feeds => ({ input: { type: 'float32', dims: [1, 1, 28, 28], data: randomDigits(1, seed) } })
const rows = (r: { outputs: Feeds }) => Array.from(Object.values(r.outputs)[0]!.data as Float32Array)

const harness = {
  createMinerClient,
  DIGITS_SIGNATURE,
  randomDigits,
  describe,
  digit,
  rows,
  client: undefined as MinerClient | undefined,
  /** A fresh worker (each has its own runtime, so thread counts and backends never leak between tests). */
  fresh(): MinerClient {
    harness.client?.terminate()
    return (harness.client = createMinerClient())
  },
  /** Runs one request per seed, all at once (so they may share a batch); each answer's rows and batch size. */
  async classify(client: MinerClient, seeds: number[]) {
    const results = await Promise.all(seeds.map((s) => client.run(digit(s))))
    return { rows: results.map(rows), batchSizes: results.map((r) => r.batchSize) }
  },
  async bytes(url: string) {
    return new Uint8Array(await (await fetch(url)).arrayBuffer())
  },
  gpu: async () => {
    const gpu = (navigator as Navigator & { gpu?: { requestAdapter(): Promise<any> } }).gpu
    const adapter = await gpu?.requestAdapter()
    return adapter ? { isFallbackAdapter: Boolean(adapter.info?.isFallbackAdapter), vendor: String(adapter.info?.vendor ?? '') } : null
  },
}
Object.assign(window, { harness })
document.getElementById('status')!.textContent = 'ready'
export type Harness = typeof harness
