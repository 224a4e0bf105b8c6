// The mining session with fake edges (worker, node, chain, visibility, clock): model refusals said in words, the start sequence and its
// failures, answers through the digits task, the compute share (queue within the deadline, else refuse), pause when hidden unless
// background mining is on, and the stats the page shows.
import { describe, expect, test } from 'vitest'
import type { LoadedInfo } from '../../miner-worker/client.ts'
import type { IncomingQuery, QueryHandler, RefusalEvent, ServedEvent } from '../../net/service/query.ts'
import { CLASSES, PIXELS } from '../../tasks/digits/schema.ts'
import { decodeDigitsAnswer, encodeDigitsQuery } from '../../tasks/digits/wire.ts'
import type { UnlockedHotkey } from '../../wallet/hotkeys.ts'
import { loadOcrDictionary } from '../../tasks/ocr/node.ts'
import { digitsTabTask, ocrTabTask } from './tabTask.ts'
import { MiningSession, type MinerWorker, type MiningDeps, type TabPeer } from './session.ts'
import { createMiningStore, percentile } from './store.ts'

const HOTKEY = { address: '5Hotkey', keys: { publicKey: new Uint8Array(32), secretKey: new Uint8Array(64) }, pair: {} } as unknown as UnlockedHotkey
const INFO: LoadedInfo = {
  backend: 'wasm',
  threads: 2,
  reason: 'wasm (2 threads) — no WebGPU adapter',
  adapter: null,
  crossOriginIsolated: true,
  signature: { inputs: [{ name: 'input', dims: ['N', 1, 28, 28], type: 'float32' }], outputs: [{ name: 'probabilities', dims: ['N', 10], type: 'float32' }] },
  operators: ['Gemm'],
  bytes: 1234,
  batching: true,
  downloadMs: 1,
  createMs: 1,
}

/** A worker whose model answers class (first pixel × 9) for each image, taking `runMs` of the fake clock. */
function fakeWorker(clock: { t: number }, options: { refuse?: string; runMs?: number; info?: LoadedInfo } = {}): MinerWorker & { runs: number; warmups: Array<Record<string, { dims: number[] }> | undefined> } {
  const worker = {
    runs: 0,
    warmups: [] as Array<Record<string, { dims: number[] }> | undefined>,
    async load(_source: string | Blob, o: { onProgress?: (p: { loaded: number; total: number | null }) => void }) {
      o.onProgress?.({ loaded: 600, total: 1234 })
      if (options.refuse) throw new Error(options.refuse)
      return options.info ?? INFO
    },
    async warmup(_runs?: number, feeds?: Record<string, { dims: number[] }>) {
      worker.warmups.push(feeds)
      return [3, 1, 1]
    },
    async run(feeds: Record<string, { data: unknown; dims: number[] }>) {
      worker.runs++
      const input = feeds.input!
      const rows = input.dims[0]!
      const out = new Float32Array(rows * CLASSES)
      for (let r = 0; r < rows; r++) out[r * CLASSES + Math.round((input.data as Float32Array)[r * PIXELS]! * 9)] = 1
      clock.t += options.runMs ?? 10
      return { outputs: { probabilities: { type: 'float32' as const, dims: [rows, CLASSES], data: out } }, batchSize: rows, queuedMs: 0, runMs: options.runMs ?? 10 }
    },
  }
  return worker
}

type Harness = {
  session: MiningSession<string>
  store: ReturnType<typeof createMiningStore>
  clock: { t: number }
  worker: ReturnType<typeof fakeWorker>
  calls: string[]
  /** Sends a digits query of these first-pixel values through the served handler as the service would, reporting to the hooks. */
  request(firstPixels: number[], options?: { deadlineInMs?: number }): Promise<{ ok: true; digits: number[] } | { ok: false; message: string }>
  setHidden(hidden: boolean): void
  sleeps: number[]
}

function harness(options: { refuse?: string; runMs?: number; failAt?: string; relays?: string[]; otherTab?: boolean; info?: LoadedInfo } = {}): Harness {
  const clock = { t: 1000 }
  const calls: string[] = []
  const store = createMiningStore()
  const worker = fakeWorker(clock, options)
  let handler: QueryHandler | undefined
  let hooks: { onServed(e: ServedEvent): void; onRefusal(e: RefusalEvent): void } | undefined
  let hidden = false
  const listeners = new Set<() => void>()
  const sleeps: number[] = []
  const fail = (step: string) => {
    if (options.failAt === step) throw new Error(`${step} failed`)
  }
  const peer: TabPeer = {
    peerId: '12D3KooWtab',
    webrtcAddrs: () => ['/ip4/10.0.0.1/tcp/1/ws/p2p/relay/p2p-circuit/webrtc/p2p/12D3KooWtab'],
    serve(netuid, h) {
      calls.push(`serve ${netuid}`)
      handler = h
      return () => {
        calls.push(`unserve ${netuid}`)
        handler = undefined
      }
    },
    async close() {
      calls.push('close peer')
    },
  }
  const deps: MiningDeps<string> = {
    worker: async () => worker,
    async claimNode(chain) {
      if (options.otherTab) throw new Error('another tab holds the node')
      calls.push(`claim ${chain}`)
      return () => calls.push('release')
    },
    async relayAddrs() {
      fail('relay')
      return options.relays ?? ['/ip4/127.0.0.1/tcp/9945/ws/p2p/relay']
    },
    async startPeer(_chain, init) {
      fail('peer')
      calls.push(`start peer (${init.relayAddrs.length} relay)`)
      hooks = init
      return peer
    },
    async announce(_chain, args) {
      fail('announce')
      calls.push(`announce ${args.netuid} ${args.peerId} by ${args.hotkey.address}`)
    },
    visibility: { hidden: () => hidden, subscribe: (l) => (listeners.add(l), () => listeners.delete(l)) },
    now: () => clock.t,
    sleep: async (ms) => {
      sleeps.push(ms)
      clock.t += ms
    },
  }
  const session = new MiningSession(store, deps)
  return {
    session,
    store,
    clock,
    worker,
    calls,
    sleeps,
    setHidden(h) {
      hidden = h
      listeners.forEach((l) => l())
    },
    async request(firstPixels, { deadlineInMs = 5000 } = {}) {
      if (!handler || !hooks) throw new Error('not serving')
      const data = new Float32Array(firstPixels.length * PIXELS)
      firstPixels.forEach((p, i) => (data[i * PIXELS] = p))
      const body = encodeDigitsQuery({ data, dims: [firstPixels.length, 1, 28, 28] })
      const query: IncomingQuery = { netuid: 7, validatorHotkey: new Uint8Array(32), body, deadline: Date.now() + deadlineInMs, remotePeer: undefined as never }
      const started = clock.t
      try {
        const answer = await handler(query, { signal: new AbortController().signal })
        hooks.onServed({ netuid: 7, ms: clock.t - started })
        const decoded = decodeDigitsAnswer(answer, firstPixels.length)
        if (!decoded.ok) throw new Error(decoded.reason)
        const digits = [...Array(firstPixels.length).keys()].map((r) => decoded.value.data.subarray(r * CLASSES, (r + 1) * CLASSES).indexOf(1))
        return { ok: true, digits }
      } catch (error) {
        const message = `the handler failed: ${(error as Error).message}`
        hooks.onRefusal({ reason: 'HandlerFailed', message, netuid: 7, error })
        return { ok: false, message }
      }
    },
  }
}

async function serving(options: Parameters<typeof harness>[0] = {}): Promise<Harness> {
  const h = harness(options)
  expect(await h.session.loadModel({ name: 'digits-cnn.onnx', source: '/models/digits-cnn.onnx' }, digitsTabTask)).toBe(true)
  await h.session.start({ chain: 'devnet', netuid: 7, hotkey: HOTKEY })
  return h
}

describe('the model', () => {
  test('a model the worker accepts is loaded and warmed up; the backend and its reason are kept for the page', async () => {
    const h = harness()
    expect(await h.session.loadModel({ name: 'digits-cnn.onnx', source: '/models/digits-cnn.onnx' }, digitsTabTask)).toBe(true)
    expect(h.store.getState().model).toEqual({ state: 'ready', name: 'digits-cnn.onnx', task: 'digits', bytes: 1234, backend: 'wasm', threads: 2, reason: 'wasm (2 threads) — no WebGPU adapter', warmupMs: [3, 1, 1] })
    expect(h.worker.warmups).toEqual([undefined])
  })

  test('for ocr, the model is checked against the ocr task and warmed up on one blank line as wide as the challenges', async () => {
    const ocrInfo: LoadedInfo = { ...INFO, signature: { inputs: [{ name: 'x', dims: ['N', 3, 48, 'W'], type: 'float32' }], outputs: [{ name: 'softmax', dims: ['N', 'T', 6625], type: 'float32' }] } }
    const ocr = ocrTabTask(loadOcrDictionary())
    const h = harness({ info: ocrInfo })
    expect(await h.session.loadModel({ name: 'ch_PP-OCRv4_rec_infer.onnx', source: '/models/ocr/ch_PP-OCRv4_rec_infer.onnx' }, ocr)).toBe(true)
    expect(h.store.getState().model).toMatchObject({ state: 'ready', name: 'ch_PP-OCRv4_rec_infer.onnx', task: 'ocr' })
    expect(Object.keys(h.worker.warmups[0]!)).toEqual(['x'])
    expect(h.worker.warmups[0]!.x!.dims).toEqual([1, 3, 48, 320])
    // a digits model does not fit ocr: refused in words, nothing loaded
    const digits = harness()
    expect(await digits.session.loadModel({ name: 'digits-cnn.onnx', source: '/models/digits-cnn.onnx' }, ocr)).toBe(false)
    expect(digits.store.getState().model).toMatchObject({ state: 'refused', name: 'digits-cnn.onnx', message: expect.stringMatching(/^the model does not fit the ocr task: /) })
  })

  test('a model loaded for one task does not start on a subnet that runs another', async () => {
    const h = harness()
    await h.session.loadModel({ name: 'digits-cnn.onnx', source: '/models/digits-cnn.onnx' }, digitsTabTask)
    await expect(h.session.start({ chain: 'devnet', netuid: 7, hotkey: HOTKEY, taskId: 'ocr' })).rejects.toThrow(
      'The loaded model answers the digits task, and subnet 7 runs ocr: load a model for ocr first.',
    )
    expect(h.calls).toEqual([])
    expect(h.store.getState().status).toBe('idle')
    await h.session.start({ chain: 'devnet', netuid: 7, hotkey: HOTKEY, taskId: 'digits' })
    expect(h.store.getState().status).toBe('serving')
  })

  test('a file the worker refuses leaves no model and its message in place; starting is then refused', async () => {
    const h = harness({ refuse: 'notes.onnx: the file is not an ONNX model (it does not parse as one: index out of range)' })
    expect(await h.session.loadModel({ name: 'notes.onnx', source: new Blob(['hello']) }, digitsTabTask)).toBe(false)
    expect(h.store.getState().model).toEqual({ state: 'refused', name: 'notes.onnx', message: 'notes.onnx: the file is not an ONNX model (it does not parse as one: index out of range)' })
    await expect(h.session.start({ chain: 'devnet', netuid: 7, hotkey: HOTKEY })).rejects.toThrow('Load a model first.')
  })
})

describe('start and stop', () => {
  test('start claims the node, starts the peer with the relay, serves the subnet and announces the peer signed by the hotkey; stop undoes it', async () => {
    const h = await serving()
    expect(h.calls).toEqual(['claim devnet', 'start peer (1 relay)', 'serve 7', 'announce 7 12D3KooWtab by 5Hotkey'])
    expect(h.store.getState()).toMatchObject({ status: 'serving', netuid: 7, hotkey: '5Hotkey', peer: { peerId: '12D3KooWtab' }, step: undefined, error: undefined })
    await h.session.stop()
    expect(h.calls.slice(4)).toEqual(['unserve 7', 'close peer', 'release'])
    expect(h.store.getState()).toMatchObject({ status: 'idle', peer: undefined })
  })

  test('a failure on the way is said, and whatever had started is undone', async () => {
    const h = harness({ failAt: 'announce' })
    await h.session.loadModel({ name: 'm', source: '/m.onnx' }, digitsTabTask)
    await h.session.start({ chain: 'devnet', netuid: 7, hotkey: HOTKEY })
    expect(h.store.getState()).toMatchObject({ status: 'failed', error: 'announce failed' })
    expect(h.calls).toEqual(['claim devnet', 'start peer (1 relay)', 'serve 7', 'unserve 7', 'close peer', 'release'])
  })

  test('another tab holding the node, or a network without a relay, fails the start with the reason', async () => {
    const other = harness({ otherTab: true })
    await other.session.loadModel({ name: 'm', source: '/m.onnx' }, digitsTabTask)
    await other.session.start({ chain: 'devnet', netuid: 7, hotkey: HOTKEY })
    expect(other.store.getState()).toMatchObject({ status: 'failed', error: 'another tab holds the node' })
    const noRelay = harness({ relays: [] })
    await noRelay.session.loadModel({ name: 'm', source: '/m.onnx' }, digitsTabTask)
    await noRelay.session.start({ chain: 'devnet', netuid: 7, hotkey: HOTKEY })
    expect(noRelay.store.getState().error).toBe('this network’s node offers no relay, and a tab can only be reached through one')
    expect(noRelay.calls).toEqual(['claim devnet', 'release'])
  })

  test('the model cannot change while mining', async () => {
    const h = await serving()
    await expect(h.session.loadModel({ name: 'other', source: '/o.onnx' }, digitsTabTask)).rejects.toThrow('Stop mining before changing the model.')
  })
})

describe('serving', () => {
  test('queries are answered by the model through the digits task; served count and latencies feed the stats', async () => {
    const h = await serving({ runMs: 4 })
    h.session.setShare(1)
    expect(await h.request([0, 1, 5 / 9])).toEqual({ ok: true, digits: [0, 9, 5] })
    expect(await h.request([2 / 9])).toEqual({ ok: true, digits: [2] })
    const s = h.store.getState()
    expect(s.served).toBe(2)
    expect(s.latencies).toEqual([4, 4])
    expect(percentile(s.latencies, 0.5)).toBe(4)
    expect(h.sleeps).toEqual([])
  })

  test('a malformed query is refused with the task’s reason before the model runs, counted as HandlerFailed', async () => {
    const h = await serving()
    expect(await h.request([])).toEqual({ ok: false, message: "the handler failed: the query's batch size is 0; it must be a whole number from 1 to 256" })
    expect(h.worker.runs).toBe(0)
    expect(h.store.getState().refusals).toEqual({ HandlerFailed: 1 })
  })

  test('at a 25 % share a run of 40 ms makes the worker rest 120 ms: the next request waits for it, or is refused when that misses its deadline', async () => {
    const h = await serving({ runMs: 40 })
    h.session.setShare(0.25)
    expect(await h.request([0])).toMatchObject({ ok: true })
    // queued: the rest fits in the deadline
    expect(await h.request([0], { deadlineInMs: 5000 })).toMatchObject({ ok: true })
    expect(h.sleeps).toEqual([120])
    // refused: the worker rests 120 ms more, the request is due in 100
    expect(await h.request([0], { deadlineInMs: 100 })).toEqual({
      ok: false,
      message: "the handler failed: this tab mines with 25 % of its compute: its worker rests 120 ms more, past this request's deadline",
    })
    expect(h.store.getState().refusals).toEqual({ Throttled: 1 })
    expect(h.worker.runs).toBe(2)
    // at 100 % nothing waits
    h.session.setShare(1)
    h.clock.t += 1000
    expect(await h.request([0])).toMatchObject({ ok: true })
    expect(await h.request([0], { deadlineInMs: 1 })).toMatchObject({ ok: true })
  })

  test('hidden tab: paused and refusing unless background mining is on; visible again: serving', async () => {
    const h = await serving()
    h.setHidden(true)
    expect(h.store.getState()).toMatchObject({ status: 'paused', paused: ['hidden'] })
    expect(await h.request([0])).toEqual({ ok: false, message: 'the handler failed: this miner is paused: its tab is hidden and mining in the background is off' })
    expect(h.store.getState().refusals).toEqual({ Paused: 1 })
    h.session.setBackground(true)
    expect(h.store.getState()).toMatchObject({ status: 'serving', paused: [] })
    expect(await h.request([0])).toMatchObject({ ok: true })
    h.session.setBackground(false)
    expect(h.store.getState().status).toBe('paused')
    h.setHidden(false)
    expect(h.store.getState()).toMatchObject({ status: 'serving', paused: [] })
    expect(h.worker.runs).toBe(1)
  })

  test('the user’s pause refuses requests until resumed; a tab hidden before the start begins paused', async () => {
    const h = await serving()
    h.session.pause()
    expect(h.store.getState().status).toBe('paused')
    expect(await h.request([0])).toEqual({ ok: false, message: 'the handler failed: this miner is paused: its user paused it' })
    h.session.resume()
    expect(h.store.getState().status).toBe('serving')

    const hidden = harness()
    hidden.setHidden(true)
    await hidden.session.loadModel({ name: 'm', source: '/m.onnx' }, digitsTabTask)
    await hidden.session.start({ chain: 'devnet', netuid: 7, hotkey: HOTKEY })
    expect(hidden.store.getState()).toMatchObject({ status: 'paused', paused: ['hidden'] })
  })
})
