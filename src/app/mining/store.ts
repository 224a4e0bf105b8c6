// The mining session's state as the UI reads it (a vanilla zustand store): status, model, backend, the tab's peer, settings and live
// stats. Light on purpose: the header's indicator imports it on every page; the session that writes it (session.ts) loads with /mine.
import { createStore } from 'zustand/vanilla'

/** How much of the worker's time mining may take: after a run of t ms the session waits so the worker is busy at most this share. */
export const COMPUTE_SHARES = [0.25, 0.5, 1] as const
export type ComputeShare = (typeof COMPUTE_SHARES)[number]

export type MiningStatus = 'idle' | 'starting' | 'serving' | 'paused' | 'stopping' | 'failed'
export type PauseCause = 'user' | 'hidden'

export type ModelState =
  | { state: 'none' }
  | { state: 'loading'; name: string; loaded: number; total: number | null; phase: 'download' | 'warmup' }
  /** `task`: the task id the model was checked against and answers. */
  | { state: 'ready'; name: string; task: string; bytes: number; backend: 'webgpu' | 'wasm'; threads: number; reason: string; warmupMs: number[] }
  /** The worker refused the file (not ONNX, does not fit the task, cannot run): its message, said in place. */
  | { state: 'refused'; name: string; message: string }

export type MiningState = {
  status: MiningStatus
  /** What the session is doing while starting or stopping, in words. */
  step: string | undefined
  /** Why the last start failed, in words. */
  error: string | undefined
  netuid: number | undefined
  hotkey: string | undefined
  model: ModelState
  /** The tab's libp2p peer while serving. */
  peer: { peerId: string; addrs: string[]; announcedAt: number | undefined } | undefined
  /** Settings: compute share and whether mining goes on while the tab is hidden. */
  share: ComputeShare
  background: boolean
  /** Why serving is paused (both may hold). */
  paused: PauseCause[]
  /** Live: answers sent, the latest latencies (ms, arrival → signed answer), refusals by label. */
  served: number
  latencies: number[]
  refusals: Record<string, number>
  startedAt: number | undefined
}

/** Latencies kept for the percentile (the latest ones). */
export const LATENCY_WINDOW = 256

export const initialMiningState = (): MiningState => ({
  status: 'idle',
  step: undefined,
  error: undefined,
  netuid: undefined,
  hotkey: undefined,
  model: { state: 'none' },
  peer: undefined,
  share: 0.5,
  background: false,
  paused: [],
  served: 0,
  latencies: [],
  refusals: {},
  startedAt: undefined,
})

export type MiningStore = ReturnType<typeof createMiningStore>
export const createMiningStore = () => createStore<MiningState>()(() => initialMiningState())

/** The page's one mining store: the header indicator and the Mine page read it, the session writes it. */
export const miningStore = createMiningStore()

/** The q-quantile (0…1) of `values`, nearest rank; undefined when empty. Pure. */
export function percentile(values: readonly number[], q: number): number | undefined {
  if (values.length === 0) return undefined
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]
}

/** Whether the session holds the tab's node (starting, serving, paused or stopping): what the header shows. */
export const isMining = (s: Pick<MiningState, 'status'>): boolean => s.status === 'starting' || s.status === 'serving' || s.status === 'paused' || s.status === 'stopping'
