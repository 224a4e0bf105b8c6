// A tab's validating session: on start, the subnet's task in the scoring Worker, the tab's libp2p node (through the node's relay; the
// hotkey signs queries), and the validator loop (src/validator/validator.ts) stepping at an interval; each step and weights transaction
// lands in a ValidatingStore. Every I/O edge is injected (ValidatingDeps): browser.ts binds them, the tests pass fakes.
import type { ChainClient } from '../../chain/index.ts'
import type { ValidatorTask } from '../../tasks/task.ts'
import { createValidator as realCreateValidator, type CreateValidatorOptions, type Validator, type ValidatorEvent, type ValidatorPeer } from '../../validator/validator.ts'
import type { UnlockedHotkey } from '../../wallet/hotkeys.ts'
import { foldStep } from './rows.ts'
import { type ValidatingState, type ValidatingStore } from './store.ts'

export type ValidatingPeer = { peer: ValidatorPeer; peerId: string; close(): Promise<void> }
export type ValidatingTask = ValidatorTask<unknown> & { close?(): void }

export type ValidatingDeps<Chain> = {
  client(chain: Chain): ChainClient
  /** The relays the chain's node offers (`webtensor_relayAddrs`). */
  relayAddrs(chain: Chain): Promise<string[]>
  /** Starts the tab's libp2p node; the hotkey signs every query. */
  startPeer(chain: Chain, init: { relayAddrs: string[]; hotkey: UnlockedHotkey }): Promise<ValidatingPeer>
  /** The subnet's task (`taskId`), scoring in a Worker. */
  task(chain: Chain, netuid: number, taskId: string): Promise<ValidatingTask>
  createValidator?: (options: CreateValidatorOptions) => Validator
}

export type StartValidating<Chain> = {
  chain: Chain
  netuid: number
  /** The task the subnet runs (src/tasks/forSubnet.ts): what the challenges are and how answers are scored. */
  taskId: string
  hotkey: UnlockedHotkey
  /** Milliseconds from the end of one step to the start of the next. */
  intervalMs: number
  /** Items per challenge (default: the task's). */
  challengeSize?: number
  /** How long a miner has to answer, ms (default: the loop's). */
  deadlineMs?: number
}

type Running = { peer?: ValidatingPeer; task?: ValidatingTask; validator?: Validator; unsubscribe?: () => void }

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error))
const HISTORY = 50

export class ValidatingSession<Chain> {
  private running: Running | undefined
  private starting: AbortController | undefined

  constructor(
    readonly store: ValidatingStore,
    private readonly deps: ValidatingDeps<Chain>,
  ) {}

  private set(patch: Partial<ValidatingState> | ((s: ValidatingState) => Partial<ValidatingState>)): void {
    this.store.setState(patch)
  }

  /** Starts validating `netuid` as `hotkey`. Failures end in status 'failed' with the reason; nothing is left running. */
  async start(options: StartValidating<Chain>): Promise<void> {
    const status = this.store.getState().status
    if (status !== 'idle' && status !== 'failed') throw new Error(`validating is already ${status}`)
    if (!(Number.isInteger(options.intervalMs) && options.intervalMs >= 0)) throw new RangeError(`the step interval must be a whole number of milliseconds, not ${options.intervalMs}`)
    const { chain, netuid, hotkey, taskId } = options
    const abort = new AbortController()
    this.starting = abort
    const running: Running = {}
    this.running = running
    const step = (text: string) => {
      abort.signal.throwIfAborted()
      this.set({ step: text })
    }
    const before = this.store.getState()
    const sameRun = before.netuid === netuid && before.hotkey === hotkey.address && before.taskId === taskId
    this.set({
      status: 'starting',
      error: undefined,
      stepError: undefined,
      netuid,
      taskId,
      hotkey: hotkey.address,
      peerId: undefined,
      // a restart on the same subnet and hotkey keeps the table and history; anything else starts over
      ...(sameRun ? {} : { miners: [], history: [], lastStep: undefined, pendingCommit: undefined, scores: [] }),
      step: `Loading the subnet’s task (${taskId}) into the scoring worker…`,
    })
    try {
      running.task = await this.deps.task(chain, netuid, taskId)
      step('Asking the node for its relay…')
      const relayAddrs = await this.deps.relayAddrs(chain)
      if (relayAddrs.length === 0) throw new Error('this network’s node offers no relay, and a tab reaches miners through one')
      step('Starting this tab’s libp2p node…')
      running.peer = await this.deps.startPeer(chain, { relayAddrs, hotkey })
      abort.signal.throwIfAborted()
      const create = this.deps.createValidator ?? realCreateValidator
      const validator = create({
        client: this.deps.client(chain),
        peer: running.peer.peer,
        hotkey: hotkey.pair,
        netuid,
        task: running.task,
        ...(options.challengeSize === undefined ? {} : { challengeSize: options.challengeSize }),
        ...(options.deadlineMs === undefined ? {} : { deadlineMs: options.deadlineMs }),
      })
      running.validator = validator
      running.unsubscribe = validator.subscribe((event) => this.onEvent(validator, event))
      this.starting = undefined
      this.set({ status: 'validating', step: undefined, peerId: running.peer.peerId })
      validator.start(options.intervalMs)
    } catch (error) {
      this.starting = undefined
      const stopped = abort.signal.aborted
      await this.teardown(running)
      this.set({ status: stopped ? 'idle' : 'failed', step: undefined, error: stopped ? undefined : messageOf(error), peerId: undefined })
    }
  }

  /** Stops the loop (after the step in flight), closes the tab's node and the scoring worker. The table and history stay. */
  async stop(): Promise<void> {
    if (this.starting) {
      this.starting.abort(new Error('stopped'))
      return
    }
    const running = this.running
    if (!running) return
    this.set({ status: 'stopping', step: 'Finishing the step in flight, then closing this tab’s p2p node…' })
    await this.teardown(running)
    this.set({ status: 'idle', step: undefined, peerId: undefined })
  }

  private async teardown(running: Running): Promise<void> {
    if (this.running === running) this.running = undefined
    running.unsubscribe?.()
    await running.validator?.stop().catch(() => undefined)
    await running.peer?.close().catch(() => undefined)
    running.task?.close?.()
  }

  private onEvent(validator: Validator, event: ValidatorEvent): void {
    if (this.running?.validator !== validator) return
    const pending = validator.pendingCommits().at(-1)
    const common = {
      pendingCommit: pending && { uids: [...pending.uids], values: [...pending.values], hash: pending.hash },
      scores: [...validator.scores().values()].map(({ uid, score }) => ({ uid, score })).sort((a, b) => a.uid - b.uid),
    }
    if (event.type === 'step') {
      const { rows: _rows, weights: _weights, ...lastStep } = event.report
      this.set((s) => ({ ...common, lastStep, stepError: undefined, miners: foldStep(s.miners, event.report) }))
    } else if (event.type === 'weights') {
      this.set((s) => ({ ...common, history: [event.submission, ...s.history].slice(0, HISTORY) }))
    } else {
      this.set({ ...common, stepError: `step ${event.step} failed: ${event.message}` })
    }
  }
}
