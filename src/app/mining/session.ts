// A tab's mining session: the model in the inference worker, then on start the tab's one p2p node (claimed against other tabs), the
// relay, the subnet's query handler (decode → worker → encode, throttled to the compute share, refused while paused) and the peer's
// announcement signed by the hotkey; stop undoes it. Everything it does shows in a MiningStore. Every I/O edge is injected (MiningDeps):
// browser.ts binds them to the worker, libp2p and the chain; the tests pass fakes.
import type { Feeds, LoadedInfo, LoadOptions, Progress, RunResult } from '../../miner-worker/client.ts'
import type { QueryHandler, RefusalEvent, ServedEvent } from '../../net/service/query.ts'
import type { ModelFit, TensorLike } from '../../tasks/task.ts'
import type { UnlockedHotkey } from '../../wallet/hotkeys.ts'
import type { TabMinerTask } from './tabTask.ts'
import { LATENCY_WINDOW, initialMiningState, type ComputeShare, type MiningState, type MiningStore, type PauseCause } from './store.ts'
import { ComputeThrottle } from './throttle.ts'

/** The slice of the miner worker's client (src/miner-worker/client.ts) the session uses. */
export type MinerWorker = {
  load(source: string | Blob, options: LoadOptions & { onProgress?: (p: Progress) => void }): Promise<LoadedInfo>
  warmup(runs?: number, feeds?: Feeds): Promise<number[]>
  run(feeds: Feeds, options?: { signal?: AbortSignal }): Promise<RunResult>
}

/** The slice of the tab's libp2p node (src/net/browser/peer.ts) the session uses. */
export type TabPeer = {
  peerId: string
  /** Where validators reach the tab: `<relay>/p2p-circuit/webrtc/p2p/<peer>`. */
  webrtcAddrs(): string[]
  serve(netuid: number, handler: QueryHandler): () => void
  close(): Promise<void>
}

/** Whether the page is hidden, and a subscription to changes (document.visibilityState in the browser). */
export type Visibility = { hidden(): boolean; subscribe(listener: () => void): () => void }

export type MiningDeps<Chain> = {
  worker(): Promise<MinerWorker>
  /** Claims this browser's one p2p node for the chain's network (one owner tab); returns its release. Throws when another tab holds it. */
  claimNode(chain: Chain): Promise<() => void>
  /** The relays the chain's node offers (`webtensor_relayAddrs`). */
  relayAddrs(chain: Chain): Promise<string[]>
  /** Starts the tab's libp2p node: the hotkey signs answers; validator permits come from the chain; the hooks feed the stats. */
  startPeer(chain: Chain, init: { relayAddrs: string[]; hotkey: UnlockedHotkey; onServed(event: ServedEvent): void; onRefusal(event: RefusalEvent): void }): Promise<TabPeer>
  /** Publishes `{ peerId, multiaddrs }` in a commitment on `netuid` signed by the hotkey; resolves once in a block. */
  announce(chain: Chain, args: { netuid: number; peerId: string; multiaddrs: string[]; hotkey: UnlockedHotkey }): Promise<void>
  visibility?: Visibility
  now?: () => number
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>
}

/** A refusal the session itself makes (the service signs it as HandlerFailed with this message); `label` is how the stats count it. */
export class MiningRefusal extends Error {
  override name = 'MiningRefusal'
  constructor(
    readonly label: 'Paused' | 'Throttled',
    message: string,
  ) {
    super(message)
  }
}

/** How the stats count a refusal: the session's own label, else the wire reason (NoValidatorPermit, RateLimited, HandlerFailed, …). */
export function refusalLabel(event: RefusalEvent): string {
  return event.error instanceof MiningRefusal ? event.error.label : event.reason
}

const MAX_ANNOUNCED = 4

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason)
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    const onAbort = () => {
      clearTimeout(timer)
      reject(signal.reason)
    }
    signal.addEventListener('abort', onAbort, { once: true })
  })
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error))

type Running = { release?: () => void; peer?: TabPeer; unserve?: () => void; unsubscribeVisibility?: () => void }

export class MiningSession<Chain> {
  private worker: Promise<MinerWorker> | undefined
  private loaded: { task: TabMinerTask; fit: ModelFit } | undefined
  private loadGeneration = 0
  private running: Running | undefined
  private starting: AbortController | undefined
  private readonly throttle: ComputeThrottle
  private readonly now: () => number
  private readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>

  constructor(
    readonly store: MiningStore,
    private readonly deps: MiningDeps<Chain>,
  ) {
    this.now = deps.now ?? (() => performance.now())
    this.sleep = deps.sleep ?? abortableSleep
    this.throttle = new ComputeThrottle({ share: () => this.store.getState().share, now: this.now })
  }

  private set(patch: Partial<MiningState> | ((s: MiningState) => Partial<MiningState>)): void {
    this.store.setState(patch)
  }

  // ── the model ──────────────────────────────────────────────────────────────────────────────────

  /**
   * Loads a model into the worker (a bundled URL or an uploaded file), checked against the task, then warms it up. A file the worker or
   * the task refuses leaves no model loaded and its message in `model.message`. Not while mining: stop first.
   */
  async loadModel(model: { name: string; source: string | Blob }, task: TabMinerTask): Promise<boolean> {
    if (this.running || this.starting) throw new Error('Stop mining before changing the model.')
    const generation = ++this.loadGeneration
    const current = () => generation === this.loadGeneration
    this.loaded = undefined
    this.set({ model: { state: 'loading', name: model.name, loaded: 0, total: null, phase: 'download' } })
    try {
      const worker = await (this.worker ??= this.deps.worker())
      const info = await worker.load(model.source, {
        ...(task.workerSignature ? { signature: task.workerSignature } : {}),
        onProgress: ({ loaded, total }) => {
          if (current()) this.set({ model: { state: 'loading', name: model.name, loaded, total, phase: 'download' } })
        },
      })
      if (!current()) return false
      const fit = task.checkModelSignature({ inputs: info.signature.inputs, outputs: info.signature.outputs })
      if (!fit.ok) throw new Error(`the model does not fit the ${task.id} task: ${fit.reason}`)
      this.set({ model: { state: 'loading', name: model.name, loaded: info.bytes, total: info.bytes, phase: 'warmup' } })
      const warmup = task.warmupInput
      const warmupMs = await worker.warmup(3, warmup ? { [fit.inputName]: { type: 'float32', dims: [...warmup.dims], data: warmup.data } } : undefined)
      if (!current()) return false
      this.loaded = { task, fit }
      this.set({ model: { state: 'ready', name: model.name, task: task.id, bytes: info.bytes, backend: info.backend, threads: info.threads, reason: info.reason, warmupMs } })
      return true
    } catch (error) {
      if (current()) this.set({ model: { state: 'refused', name: model.name, message: messageOf(error) } })
      return false
    }
  }

  // ── start / stop ───────────────────────────────────────────────────────────────────────────────

  /**
   * Starts serving `netuid` with the loaded model, signed by `hotkey` (which must hold a UID there). `taskId` is the task the subnet runs:
   * a model loaded for another task is refused before anything starts. Failures after that end in status 'failed'.
   */
  async start({ chain, netuid, hotkey, taskId }: { chain: Chain; netuid: number; hotkey: UnlockedHotkey; taskId?: string }): Promise<void> {
    const status = this.store.getState().status
    if (status !== 'idle' && status !== 'failed') throw new Error(`mining is already ${status}`)
    const loaded = this.loaded
    if (!loaded) throw new Error('Load a model first.')
    if (taskId !== undefined && loaded.task.id !== taskId) throw new Error(`The loaded model answers the ${loaded.task.id} task, and subnet ${netuid} runs ${taskId}: load a model for ${taskId} first.`)
    const abort = new AbortController()
    this.starting = abort
    const running: Running = {}
    this.running = running
    const step = (text: string) => {
      abort.signal.throwIfAborted()
      this.set({ step: text })
    }
    this.set({ ...statsReset(), status: 'starting', error: undefined, netuid, hotkey: hotkey.address, paused: [], peer: undefined, step: 'Claiming this browser’s p2p node…' })
    try {
      running.release = await this.deps.claimNode(chain)
      step('Asking the node for its relay…')
      const relayAddrs = await this.deps.relayAddrs(chain)
      if (relayAddrs.length === 0) throw new Error('this network’s node offers no relay, and a tab can only be reached through one')
      step('Starting this tab’s libp2p node and reserving a relay address…')
      running.peer = await this.deps.startPeer(chain, {
        relayAddrs,
        hotkey,
        onServed: (event) => this.onServed(event),
        onRefusal: (event) => this.onRefusal(event),
      })
      abort.signal.throwIfAborted()
      running.unserve = running.peer.serve(netuid, this.handler(loaded))
      const multiaddrs = running.peer.webrtcAddrs().slice(0, MAX_ANNOUNCED)
      if (multiaddrs.length === 0) throw new Error('the relay gave this tab no reservation, so validators could not reach it')
      this.set({ peer: { peerId: running.peer.peerId, addrs: multiaddrs, announcedAt: undefined } })
      step('Announcing the peer in a commitment signed by your hotkey…')
      await this.deps.announce(chain, { netuid, peerId: running.peer.peerId, multiaddrs, hotkey })
      abort.signal.throwIfAborted()
      if (this.deps.visibility) running.unsubscribeVisibility = this.deps.visibility.subscribe(() => this.applyVisibility())
      this.set((s) => ({ peer: s.peer && { ...s.peer, announcedAt: Date.now() }, startedAt: Date.now(), step: undefined }))
      this.starting = undefined
      this.applyVisibility()
      this.refreshStatus()
    } catch (error) {
      this.starting = undefined
      const stopped = abort.signal.aborted
      await this.teardown(running)
      this.set({ status: stopped ? 'idle' : 'failed', step: undefined, error: stopped ? undefined : messageOf(error), peer: undefined, paused: [] })
    }
  }

  /** Stops serving, closes the tab's node and releases it; the model stays loaded. */
  async stop(): Promise<void> {
    if (this.starting) {
      this.starting.abort(new Error('stopped'))
      return
    }
    const running = this.running
    if (!running) return
    this.set({ status: 'stopping', step: 'Closing this tab’s p2p node…' })
    await this.teardown(running)
    this.set({ status: 'idle', step: undefined, peer: undefined, paused: [] })
  }

  private async teardown(running: Running): Promise<void> {
    if (this.running === running) this.running = undefined
    running.unsubscribeVisibility?.()
    running.unserve?.()
    await running.peer?.close().catch(() => undefined)
    running.release?.()
  }

  // ── pause, settings ────────────────────────────────────────────────────────────────────────────

  pause(): void {
    this.setPaused('user', true)
  }

  resume(): void {
    this.setPaused('user', false)
  }

  setShare(share: ComputeShare): void {
    this.set({ share })
  }

  /** Whether mining goes on while the tab is hidden. */
  setBackground(background: boolean): void {
    this.set({ background })
    this.applyVisibility()
  }

  private applyVisibility(): void {
    if (!this.running || this.starting) return
    const hidden = this.deps.visibility?.hidden() ?? false
    this.setPaused('hidden', hidden && !this.store.getState().background)
  }

  private setPaused(cause: PauseCause, on: boolean): void {
    const paused = this.store.getState().paused.filter((c) => c !== cause)
    if (on) paused.push(cause)
    this.set({ paused })
    this.refreshStatus()
  }

  private refreshStatus(): void {
    const s = this.store.getState()
    if (!this.running || this.starting || (s.status !== 'starting' && s.status !== 'serving' && s.status !== 'paused')) return
    this.set({ status: s.paused.length > 0 ? 'paused' : 'serving' })
  }

  // ── serving ────────────────────────────────────────────────────────────────────────────────────

  private refuseIfPaused(): void {
    const { paused } = this.store.getState()
    if (paused.length === 0) return
    const why = paused.includes('user') ? 'its user paused it' : 'its tab is hidden and mining in the background is off'
    throw new MiningRefusal('Paused', `this miner is paused: ${why}`)
  }

  /** decode → (wait for the compute share) → worker → encode; refused while paused or when the wait would miss the deadline. */
  private handler({ task, fit }: { task: TabMinerTask; fit: ModelFit }): QueryHandler {
    return async ({ body, deadline }, { signal }) => {
      this.refuseIfPaused()
      const workerPromise = this.worker
      if (!workerPromise) throw new Error('no model is loaded')
      const worker = await workerPromise
      // `deadline` is wall-clock (Date.now); the throttle runs on this session's clock.
      const due = this.now() + (deadline - Date.now())
      for (;;) {
        const plan = this.throttle.plan(due)
        if (!plan.ok) throw new MiningRefusal('Throttled', plan.message)
        if (plan.waitMs === 0) break
        const done = this.throttle.waiting()
        try {
          await this.sleep(plan.waitMs, signal)
        } finally {
          done()
        }
        this.refuseIfPaused()
      }
      return task.answer(body, async (input: TensorLike): Promise<TensorLike> => {
        const started = this.now()
        let result: RunResult
        try {
          result = await worker.run({ [fit.inputName]: { type: 'float32', dims: [...input.dims], data: input.data } }, { signal })
        } catch (error) {
          this.throttle.ran(this.now() - started)
          throw error
        }
        this.throttle.ran(result.runMs)
        const out = result.outputs[fit.outputName]
        if (!out) throw new Error(`the model gave no output '${fit.outputName}'`)
        return { data: out.data as Float32Array, dims: out.dims }
      })
    }
  }

  private onServed({ ms }: ServedEvent): void {
    this.set((s) => ({ served: s.served + 1, latencies: [...s.latencies.slice(-(LATENCY_WINDOW - 1)), ms] }))
  }

  private onRefusal(event: RefusalEvent): void {
    const label = refusalLabel(event)
    this.set((s) => ({ refusals: { ...s.refusals, [label]: (s.refusals[label] ?? 0) + 1 } }))
  }
}

const statsReset = (): Pick<MiningState, 'served' | 'latencies' | 'refusals' | 'startedAt'> => {
  const { served, latencies, refusals, startedAt } = initialMiningState()
  return { served, latencies, refusals, startedAt }
}
