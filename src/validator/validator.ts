// The validator loop (the I/O edge; the decisions are in the pure modules beside it): per step, discover the subnet's serving miners,
// send each the same seeded challenge with a deadline, score the answers, update the moving scores, and put weights on chain at the
// rate the chain allows (commit then reveal with commit-reveal on, set_weights otherwise). Shared by the headless validator and the
// Validate page; a UI follows it through `subscribe` (per-miner rows, next commit/reveal block, weights history).
import { multiaddr, type Multiaddr } from '@multiformats/multiaddr'
import { decodeAddress } from '@polkadot/util-crypto'
import { commitWeights, getMetagraph, getWeightsState, revealWeights, setWeights, type ChainClient, type ChainSigner, type GetWeightsStateReturnType } from '../chain/index.ts'
import { describeCause } from '../chain/errors/base.ts'
import { discoverPeers, type Skipped } from '../net/discovery/discover.ts'
import { QueryRefusedError, QueryResponseRejectedError, QueryTimeoutError } from '../net/errors.ts'
import type { QueryOptions, QueryRequest } from '../net/service/query.ts'
import type { ValidatorTask } from '../tasks/task.ts'
import { makeCommit, planWeights, randomSalt, type Hex, type PendingCommit, type WeightsPlan } from './commitReveal.ts'
import { DEFAULT_SCORE_ALPHA, updateMovingScores, type MovingScores } from './movingScores.ts'
import { permitStatus, type PermitStatus } from './permit.ts'
import { DEFAULT_DEADLINE_MS, DEFAULT_LATENCY_RULE, scoreAnswers, type Answer, type LatencyRule } from './scoring.ts'
import { weightsFromScores } from './weights.ts'

/** What the loop needs of a libp2p peer: its query service (a NodePeer, or a browser peer's `node`). */
export type ValidatorPeer = { services: { query: { query(peer: Multiaddr[], request: QueryRequest, options?: QueryOptions): Promise<{ body: Uint8Array }> } } }

export type CreateValidatorOptions = {
  client: ChainClient
  peer: ValidatorPeer
  /** The validator's hotkey: signs the weights transactions (the peer's query service signs queries with the same hotkey). */
  hotkey: ChainSigner
  netuid: number
  task: ValidatorTask<unknown>
  /** How long a miner has to answer, ms (default 10 000). */
  deadlineMs?: number
  /** Items per challenge (default: the task's). */
  challengeSize?: number
  /** Moving-average weight of a new step score (default 0.1). */
  scoreAlpha?: number
  latencyRule?: LatencyRule
  /** Salt for commits (default: 8 random u16s). */
  salt?: () => number[]
  /** Put weights on chain (default true). */
  submitWeights?: boolean
  /** Steps to score before the first weights go on chain (default 0). */
  warmupSteps?: number
  /** Milliseconds, for latencies (default performance.now). */
  now?: () => number
  /**
   * Where the weights come from instead of this validator's own queries and scores: the validator then queries nobody and weighs
   * what this returns (the test suite's weight copier, src/node/peers/weightCopier.ts, reads another validator's revealed weights).
   */
  weightsSource?: () => Promise<Array<{ uid: number; score: number }>>
}

/** What happened to one miner's query this step. */
export type MinerOutcome =
  | { kind: 'answered'; taskScore: number; latencyCredit: number; latencyMs: number }
  | { kind: 'malformed'; reason: string; latencyMs: number }
  | { kind: 'refused'; reason: string; message: string }
  | { kind: 'timeout' }
  | { kind: 'rejected'; reason: string; message: string }
  | { kind: 'unreachable'; message: string }

export type MinerRow = {
  uid: number
  hotkey: string
  peerId: string
  outcome: MinerOutcome
  /** This step's score (0 unless answered). */
  score: number
  /** The moving score after this step. */
  movingScore: number
}

export type WeightsSubmission = {
  type: 'set_weights' | 'commit' | 'reveal'
  /** The best block when it was sent. */
  block: number
  uids: number[]
  values: number[]
  hash?: Hex
  ok: boolean
  /** The block it landed in. */
  blockHash?: Hex
  error?: string
  /** How the vector was made (from the scores, padded, a self-weight). */
  note?: string
}

export type StepReport = {
  step: number
  block: number
  blockHash: Hex
  seed: string
  uid: number | undefined
  permit: PermitStatus
  queried: number
  answered: number
  /** Mean of this step's scores over the miners queried (0 when none). */
  meanScore: number
  rows: MinerRow[]
  /** Announcements skipped, with why. */
  skipped: Skipped[]
  weights: WeightsSubmission[]
  plan: Pick<WeightsPlan, 'epoch' | 'nextWeightsBlock' | 'nextRevealBlock' | 'notes'> | undefined
}

export type ValidatorEvent = { type: 'step'; report: StepReport } | { type: 'weights'; submission: WeightsSubmission } | { type: 'error'; step: number; message: string }

export type Validator = {
  hotkey: string
  netuid: number
  /** Runs one step now (steps never overlap: a second call waits for the first). */
  step(): Promise<StepReport>
  /** Runs a step every `intervalMs` (measured from the end of the previous one) until `stop`. */
  start(intervalMs: number): void
  stop(): Promise<void>
  subscribe(listener: (event: ValidatorEvent) => void): () => void
  scores(): MovingScores
  history(): readonly WeightsSubmission[]
  pendingCommits(): readonly PendingCommit[]
}

const HISTORY = 100

function outcomeOf(error: unknown): MinerOutcome {
  if (error instanceof QueryRefusedError) return { kind: 'refused', reason: error.reason, message: error.message }
  if (error instanceof QueryTimeoutError) return { kind: 'timeout' }
  if (error instanceof QueryResponseRejectedError) return { kind: 'rejected', reason: error.reason, message: error.message }
  return { kind: 'unreachable', message: describeCause(error) }
}

export function createValidator(options: CreateValidatorOptions): Validator {
  const { client, peer, hotkey: signer, netuid, task } = options
  const hotkey = signer.address
  const deadlineMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS
  if (!(Number.isInteger(deadlineMs) && deadlineMs > 0)) throw new RangeError(`the deadline must be a whole positive number of milliseconds, not ${deadlineMs}`)
  if (!Number.isInteger(netuid) || netuid < 1 || netuid > 0xffff) throw new RangeError(`netuid ${netuid} is not a subnet validators can set weights on (1 to 65535)`)
  const alpha = options.scoreAlpha ?? DEFAULT_SCORE_ALPHA
  const rule = options.latencyRule ?? DEFAULT_LATENCY_RULE
  const salt = options.salt ?? (() => randomSalt())
  const now = options.now ?? (() => performance.now())
  const submit = options.submitWeights ?? true
  const warmupSteps = options.warmupSteps ?? 0
  if (!(Number.isInteger(warmupSteps) && warmupSteps >= 0)) throw new RangeError(`warmupSteps must be a whole number of steps, not ${warmupSteps}`)
  const minerHotkeyBytes = (address: string) => decodeAddress(address)

  let scores: MovingScores = new Map()
  let pending: PendingCommit[] = []
  const history: WeightsSubmission[] = []
  const listeners = new Set<(event: ValidatorEvent) => void>()
  let stepCount = 0
  let running: Promise<StepReport> | undefined
  let timer: ReturnType<typeof setTimeout> | undefined
  let stopped = false

  const emit = (event: ValidatorEvent) => {
    for (const l of listeners) {
      try {
        l(event)
      } catch {
        // a listener's failure is not the validator's
      }
    }
  }
  const record = (submission: WeightsSubmission) => {
    history.push(submission)
    if (history.length > HISTORY) history.shift()
    emit({ type: 'weights', submission })
  }

  async function putWeights(state: GetWeightsStateReturnType, maxWeightsLimit: number): Promise<{ plan: WeightsPlan; sent: WeightsSubmission[] }> {
    const basis = options.weightsSource ? await options.weightsSource() : [...scores.values()].map(({ uid, score }) => ({ uid, score }))
    const plan = planWeights(state, pending, { haveWeights: basis.length > 0 })
    const forget = new Set(plan.forget.map((h) => h.toLowerCase()))
    pending = pending.filter((p) => !forget.has(p.hash.toLowerCase()))
    const sent: WeightsSubmission[] = []
    const send = async (base: Omit<WeightsSubmission, 'ok' | 'block'>, prepared: Promise<{ send: (s: ChainSigner, o: { waitFor: 'inBlock' }) => Promise<{ blockHash: Hex }> }>) => {
      const submission: WeightsSubmission = { ...base, block: state.block, ok: false }
      try {
        const result = await (await prepared).send(signer, { waitFor: 'inBlock' })
        submission.ok = true
        submission.blockHash = result.blockHash
      } catch (error) {
        submission.error = describeCause(error)
      }
      sent.push(submission)
      record(submission)
      return submission.ok
    }
    for (const action of plan.actions) {
      if (action.type === 'reveal') {
        const c = action.commit
        const ok = await send({ type: 'reveal', uids: c.uids, values: c.values, hash: c.hash }, revealWeights(client, { netuid, uids: c.uids, values: c.values, salt: c.salt, versionKey: c.versionKey }))
        if (ok) pending = pending.filter((p) => p !== c)
        continue
      }
      const vector = weightsFromScores(
        basis,
        { selfUid: state.uid!, subnetN: state.subnetN, minAllowedWeights: state.minAllowedWeights, maxWeightsLimit, versionKey: state.weightsVersionKey },
      )
      if (action.type === 'set_weights') {
        await send({ type: 'set_weights', uids: vector.uids, values: vector.values, note: vector.note }, setWeights(client, { netuid, uids: vector.uids, values: vector.values, versionKey: vector.versionKey }))
        continue
      }
      const commit = makeCommit(hotkey, { netuid, uids: vector.uids, values: vector.values, versionKey: vector.versionKey }, salt())
      const ok = await send({ type: 'commit', uids: vector.uids, values: vector.values, hash: commit.hash, note: vector.note }, commitWeights(client, { netuid, commitHash: commit.hash }))
      if (ok) pending.push(commit)
    }
    return { plan, sent }
  }

  async function runStep(): Promise<StepReport> {
    const step = ++stepCount
    const [metagraph, before] = await Promise.all([getMetagraph(client, { netuid }), getWeightsState(client, { netuid, hotkey })])
    const { neurons, hyperparameters, subnet, blockHash } = metagraph
    const permit = permitStatus(neurons, hotkey, { netuid, maxValidators: hyperparameters.maxValidators, stakeThreshold: before.stakeThreshold, ownerHotkey: subnet.owner.hotkey })
    const seed = `${blockHash}/${hotkey}/${step}`
    const report: StepReport = { step, block: subnet.block, blockHash, seed, uid: permit.uid, permit, queried: 0, answered: 0, meanScore: 0, rows: [], skipped: [], weights: [], plan: undefined }
    if (!permit.permit) return report

    // 1. the serving miners, and one challenge for all of them
    const { peers, skipped } = await discoverPeers(client, { netuid })
    report.skipped = skipped
    const miners = options.weightsSource ? [] : peers.filter((p) => p.hotkey !== hotkey)
    const challenge = await task.challenge(seed, { size: options.challengeSize })

    // 2. every miner at once, with the deadline
    const results = await Promise.all(
      miners.map(async (m): Promise<{ uid: number; answer?: Answer; outcome?: MinerOutcome }> => {
        const started = now()
        try {
          const addrs = m.announcement.multiaddrs.map((a) => multiaddr(a))
          const { body } = await peer.services.query.query(addrs, { netuid, minerHotkey: minerHotkeyBytes(m.hotkey), body: challenge.body }, { timeout: deadlineMs })
          return { uid: m.uid, answer: { uid: m.uid, body, latencyMs: now() - started } }
        } catch (error) {
          return { uid: m.uid, outcome: outcomeOf(error) }
        }
      }),
    )

    // 3. scores (pure), then the moving scores
    const scored = new Map((await scoreAnswers(task.scoreAnswer, challenge.expected, results.flatMap((r) => (r.answer ? [r.answer] : [])), deadlineMs, rule)).map((s) => [s.uid, s]))
    const stepScores = new Map(results.map((r) => [r.uid, scored.get(r.uid)?.score ?? 0]))
    scores = updateMovingScores(scores, neurons, stepScores, alpha)
    report.rows = miners.map((m, i) => {
      const s = scored.get(m.uid)
      const outcome: MinerOutcome = s ? (s.ok ? { kind: 'answered', taskScore: s.taskScore, latencyCredit: s.latencyCredit, latencyMs: s.latencyMs } : { kind: 'malformed', reason: s.reason, latencyMs: s.latencyMs }) : results[i]!.outcome!
      return { uid: m.uid, hotkey: m.hotkey, peerId: m.announcement.peerId, outcome, score: s?.score ?? 0, movingScore: scores.get(m.uid)?.score ?? 0 }
    })
    report.queried = miners.length
    report.answered = report.rows.filter((r) => r.outcome.kind === 'answered').length
    report.meanScore = miners.length === 0 ? 0 : report.rows.reduce((a, r) => a + r.score, 0) / miners.length

    // 4. weights, at the chain's pace
    if (submit && step > warmupSteps) {
      const state = await getWeightsState(client, { netuid, hotkey })
      if (state.uid !== undefined) {
        const { plan, sent } = await putWeights(state, hyperparameters.maxWeightsLimit)
        report.weights = sent
        report.plan = { epoch: plan.epoch, nextWeightsBlock: plan.nextWeightsBlock, nextRevealBlock: plan.nextRevealBlock, notes: plan.notes }
      }
    }
    return report
  }

  const validator: Validator = {
    hotkey,
    netuid,
    step() {
      const previous = running ?? Promise.resolve(undefined as unknown as StepReport)
      const next = previous
        .catch(() => undefined)
        .then(runStep)
        .then(
          (report) => {
            emit({ type: 'step', report })
            return report
          },
          (error: unknown) => {
            emit({ type: 'error', step: stepCount, message: describeCause(error) })
            throw error
          },
        )
      running = next
      return next
    },
    start(intervalMs) {
      if (!(intervalMs >= 0)) throw new RangeError(`the step interval must be a non-negative number of milliseconds, not ${intervalMs}`)
      stopped = false
      const loop = () => {
        if (stopped) return
        validator
          .step()
          .catch(() => undefined)
          .finally(() => {
            if (!stopped) timer = setTimeout(loop, intervalMs)
          })
      }
      loop()
    },
    async stop() {
      stopped = true
      clearTimeout(timer)
      await running?.catch(() => undefined)
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    scores: () => scores,
    history: () => history,
    pendingCommits: () => pending,
  }
  return validator
}
