// The tab's validating session as the UI reads it (a vanilla zustand store): status, the subnet and hotkey, the per-miner table, the
// weights history, and the pending weights the "what if" preview uses. Written by session.ts; nothing here is persisted.
import { createStore } from 'zustand/vanilla'
import type { StepReport, WeightsSubmission } from '../../validator/validator.ts'
import type { MinerStats } from './rows.ts'

export type ValidatingStatus = 'idle' | 'starting' | 'validating' | 'stopping' | 'failed'

/** Weights this validator holds and has not revealed (the newest commit), or would commit next (from its moving scores). */
export type PendingWeights = { uids: number[]; values: number[]; hash?: `0x${string}` }

export type ValidatingState = {
  status: ValidatingStatus
  /** What the session is doing while starting or stopping, in words. */
  step: string | undefined
  /** Why the last start failed, in words. */
  error: string | undefined
  netuid: number | undefined
  /** The task the session validates (the subnet's, when it started). */
  taskId: string | undefined
  hotkey: string | undefined
  peerId: string | undefined
  /** The latest step: its block, permit, counts and plan; `stepError` when the latest step failed. */
  lastStep: Omit<StepReport, 'rows' | 'weights'> | undefined
  stepError: string | undefined
  /** One row per miner queried so far, by UID. */
  miners: MinerStats[]
  /** Weights transactions, newest first. */
  history: WeightsSubmission[]
  /** The newest commit not yet revealed (with what it hashed), if any. */
  pendingCommit: PendingWeights | undefined
  /** The moving scores, by UID. */
  scores: Array<{ uid: number; score: number }>
}

export const initialValidatingState = (): ValidatingState => ({
  status: 'idle',
  step: undefined,
  error: undefined,
  netuid: undefined,
  taskId: undefined,
  hotkey: undefined,
  peerId: undefined,
  lastStep: undefined,
  stepError: undefined,
  miners: [],
  history: [],
  pendingCommit: undefined,
  scores: [],
})

export type ValidatingStore = ReturnType<typeof createValidatingStore>
export const createValidatingStore = () => createStore<ValidatingState>()(() => initialValidatingState())

/** The page's one validating store. */
export const validatingStore = createValidatingStore()

/** Whether the session holds a validator (starting, validating or stopping). */
export const isValidating = (s: Pick<ValidatingState, 'status'>): boolean => s.status === 'starting' || s.status === 'validating' || s.status === 'stopping'
