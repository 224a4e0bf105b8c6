// What every subnet task provides to miners, validators and the devnet: schema checks, a seeded challenge, a scorer.

import type { Seed } from './prng.ts'

/** The result of checking something that came from outside: the value, or a reason in words. */
export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string }

/** A tensor as it travels between validator, miner and worker: flat data plus its dimensions. */
export type TensorLike<D extends ArrayLike<number> = Float32Array> = { data: D; dims: readonly number[] }

/** One model input or output as a model file declares it (onnxruntime's `inputMetadata`/`outputMetadata`, flattened). */
export type ModelTensorSpec = {
  name?: string
  /** A fixed size, or a symbolic name / null / a negative number for a size chosen per run. */
  dims: ReadonlyArray<number | string | null>
  /** onnxruntime's tensor type name (`'float32'`, …). */
  type: string
  /** False for a sequence or map output; missing means tensor. */
  isTensor?: boolean
}
export type ModelSignature = { inputs: readonly ModelTensorSpec[]; outputs: readonly ModelTensorSpec[] }

/** What the worker needs to know to run a model that passed the check. */
export type ModelFit = {
  inputName: string
  outputName: string
  /** `'dynamic'` when requests can be stacked into one run; otherwise the fixed batch size the model takes. */
  batch: 'dynamic' | number
}
export type ModelSignatureCheck = ({ ok: true } & ModelFit) | { ok: false; reason: string; problems: string[] }

/** A scored answer, or a refusal (a malformed answer scores 0 and says why). */
export type TaskScore = { ok: true; score: number } | { ok: false; score: 0; reason: string }

export interface Task<Data, Query, Answer, Expected, ChallengeOptions = unknown> {
  /** Stable id, used in commitments and file names. */
  id: string
  /** Human- and machine-readable description of the query and answer tensors. */
  schema: unknown
  /** Miner side: is this query well-formed? */
  checkQuery(query: unknown): Checked<Query>
  /** Validator side: is this a well-formed answer to `query`? */
  checkAnswer(answer: unknown, query: Query): Checked<Answer>
  /** Can a model with this signature answer the task's queries? */
  checkModelSignature(signature: ModelSignature): ModelSignatureCheck
  /** Same seed and data → the same challenge, on every validator. `expected` never leaves the validator. */
  challenge(seed: Seed, data: Data, options?: ChallengeOptions): { query: Query; expected: Expected }
  /** Score an answer against what the validator expected; in [0, 1]. */
  score(answer: unknown, expected: Expected): TaskScore
}

/** One float32 tensor in, one out: how a task asks a miner's model to run (the worker, or onnxruntime-node). */
export type RunModel = (input: TensorLike) => Promise<TensorLike>

/**
 * A task as validators run it over the network: a seeded challenge as the request body's bytes, and a scorer for the answer's
 * bytes. `expected` never leaves the validator. Implemented per task (`src/tasks/<id>/network.ts`).
 */
export interface ValidatorTask<Expected = unknown> {
  id: string
  /** Same seed → the same challenge on every validator of the same build. `size` is how many items (digits, lines) it holds. */
  challenge(seed: Seed, options?: { size?: number }): Promise<{ body: Uint8Array; expected: Expected; size: number }>
  /** Score a miner's answer bytes; malformed bytes score 0 with the reason. A browser validator scores in a Worker, hence the Promise. */
  scoreAnswer(body: Uint8Array, expected: Expected): TaskScore | Promise<TaskScore>
}

/** A task as miners serve it: decode and check the request body, run the model, encode the answer. */
export interface MinerTask {
  id: string
  checkModelSignature(signature: ModelSignature): ModelSignatureCheck
  /** Throws an Error whose message says what was wrong with the request. */
  answer(body: Uint8Array, run: RunModel): Promise<Uint8Array>
}
