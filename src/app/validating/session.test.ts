import { describe, expect, test } from 'vitest'
import type { ChainClient } from '../../chain/index.ts'
import type { CreateValidatorOptions, StepReport, Validator, ValidatorEvent, WeightsSubmission } from '../../validator/validator.ts'
import type { UnlockedHotkey } from '../../wallet/hotkeys.ts'
import { ValidatingSession, type ValidatingDeps } from './session.ts'
import { createValidatingStore } from './store.ts'

const hotkey = { address: '5Validator', pair: { address: '5Validator' }, keys: { publicKey: new Uint8Array(32), secretKey: new Uint8Array(64) } } as unknown as UnlockedHotkey
const chain = { name: 'test' }
const permit = { permit: true as const, uid: 0, reason: 'UID 0 holds a validator permit on subnet 2' }

function report(step: number, rows: StepReport['rows']): StepReport {
  return { step, block: 10 + step, blockHash: '0x01', seed: 's', uid: 0, permit, queried: rows.length, answered: rows.length, meanScore: 0.9, rows, skipped: [], weights: [], plan: undefined }
}

function fakes({ relays = ['/ip4/127.0.0.1/tcp/1/ws/p2p/relay'], failTask = false } = {}) {
  const log: string[] = []
  const tasks: string[] = []
  let listener: ((e: ValidatorEvent) => void) | undefined
  let options: CreateValidatorOptions | undefined
  let pending: Array<{ hash: `0x${string}`; netuid: number; uids: number[]; values: number[]; salt: number[]; versionKey: bigint }> = []
  const validator: Validator = {
    hotkey: hotkey.address,
    netuid: 2,
    step: async () => report(1, []),
    start: (ms) => void log.push(`start ${ms}`),
    stop: async () => void log.push('validator stopped'),
    subscribe: (l) => ((listener = l), () => (listener = undefined)),
    scores: () => new Map([[1, { uid: 1, hotkey: '5Miner1', score: 0.5, steps: 1 }]]),
    history: () => [],
    pendingCommits: () => pending,
  }
  const deps: ValidatingDeps<typeof chain> = {
    client: () => ({}) as ChainClient,
    relayAddrs: async () => relays,
    task: async (_chain, netuid, taskId) => {
      tasks.push(`${taskId} on ${netuid}`)
      if (failTask) throw new Error('cannot fetch the task data /tasks/digits-heldout.bin: HTTP 404')
      return { id: taskId, challenge: async () => ({ body: new Uint8Array(), expected: 0, size: 0 }), scoreAnswer: async () => ({ ok: true, score: 1 }), close: () => void log.push('task closed') }
    },
    startPeer: async () => ({ peer: { services: { query: { query: async () => ({ body: new Uint8Array() }) } } }, peerId: '12D3Koo', close: async () => void log.push('peer closed') }),
    createValidator: (o) => ((options = o), validator),
  }
  return {
    deps,
    log,
    tasks,
    emit: (e: ValidatorEvent) => listener?.(e),
    options: () => options,
    setPending: (p: typeof pending) => (pending = p),
  }
}

describe('ValidatingSession', () => {
  test('starts the loop with the hotkey, the task and the peer, and shows each step and weights transaction', async () => {
    const store = createValidatingStore()
    const f = fakes()
    const session = new ValidatingSession(store, f.deps)
    await session.start({ chain, netuid: 2, taskId: 'digits', hotkey, intervalMs: 3000, challengeSize: 128 })
    expect(store.getState()).toMatchObject({ status: 'validating', netuid: 2, taskId: 'digits', hotkey: '5Validator', peerId: '12D3Koo', error: undefined })
    expect(f.tasks).toEqual(['digits on 2'])
    expect(f.options()).toMatchObject({ netuid: 2, challengeSize: 128, hotkey: hotkey.pair })
    expect(f.options()!.task.id).toBe('digits')
    expect(f.log).toEqual(['start 3000'])

    const answered = { kind: 'answered' as const, taskScore: 0.95, latencyCredit: 1, latencyMs: 12 }
    f.emit({ type: 'step', report: report(1, [{ uid: 1, hotkey: '5Miner1', peerId: 'p1', outcome: answered, score: 0.95, movingScore: 0.095 }]) })
    const commit: WeightsSubmission = { type: 'commit', block: 11, uids: [1], values: [65535], hash: '0xabc', ok: true }
    f.setPending([{ hash: '0xabc', netuid: 2, uids: [1], values: [65535], salt: [1], versionKey: 0n }])
    f.emit({ type: 'weights', submission: commit })
    const s = store.getState()
    expect(s.miners).toMatchObject([{ uid: 1, score: 0.95, movingScore: 0.095, latencyMs: 12, last: 'answered: 95.0% correct', queried: 1, answered: 1 }])
    expect(s.lastStep).toMatchObject({ step: 1, block: 11, permit })
    expect(s.history).toEqual([commit])
    expect(s.pendingCommit).toEqual({ uids: [1], values: [65535], hash: '0xabc' })
    expect(s.scores).toEqual([{ uid: 1, score: 0.5 }])

    f.emit({ type: 'error', step: 2, message: 'the node went away' })
    expect(store.getState().stepError).toBe('step 2 failed: the node went away')

    await session.stop()
    expect(store.getState()).toMatchObject({ status: 'idle', peerId: undefined })
    expect(store.getState().history).toEqual([commit])
    expect(f.log).toEqual(['start 3000', 'validator stopped', 'peer closed', 'task closed'])
    // events after stop are not the page's any more
    f.emit({ type: 'weights', submission: { ...commit, type: 'reveal' } })
    expect(store.getState().history).toEqual([commit])
  })

  test('a node without a relay fails the start with the reason and leaves nothing running', async () => {
    const store = createValidatingStore()
    const f = fakes({ relays: [] })
    await new ValidatingSession(store, f.deps).start({ chain, netuid: 2, taskId: 'digits', hotkey, intervalMs: 1000 })
    expect(store.getState()).toMatchObject({ status: 'failed', error: 'this network’s node offers no relay, and a tab reaches miners through one', step: undefined })
    expect(f.log).toEqual(['task closed'])
  })

  test('a task that cannot load says why', async () => {
    const store = createValidatingStore()
    await new ValidatingSession(store, fakes({ failTask: true }).deps).start({ chain, netuid: 2, taskId: 'digits', hotkey, intervalMs: 1000 })
    expect(store.getState()).toMatchObject({ status: 'failed', error: 'cannot fetch the task data /tasks/digits-heldout.bin: HTTP 404' })
  })

  test('a second start while validating is refused; a bad interval is refused before anything starts', async () => {
    const store = createValidatingStore()
    const session = new ValidatingSession(store, fakes().deps)
    await expect(session.start({ chain, netuid: 2, taskId: 'digits', hotkey, intervalMs: -1 })).rejects.toThrow('the step interval must be a whole number of milliseconds, not -1')
    expect(store.getState().status).toBe('idle')
    await session.start({ chain, netuid: 2, taskId: 'digits', hotkey, intervalMs: 1000 })
    await expect(session.start({ chain, netuid: 2, taskId: 'digits', hotkey, intervalMs: 1000 })).rejects.toThrow('validating is already validating')
  })

  test('an ocr subnet is validated with the ocr task, and a restart on another task starts the table over', async () => {
    const store = createValidatingStore()
    const f = fakes()
    const session = new ValidatingSession(store, f.deps)
    await session.start({ chain, netuid: 2, taskId: 'digits', hotkey, intervalMs: 1000 })
    f.emit({ type: 'step', report: report(1, [{ uid: 1, hotkey: '5Miner1', peerId: 'p1', outcome: { kind: 'answered', taskScore: 0.9, latencyCredit: 1, latencyMs: 5 }, score: 0.9, movingScore: 0.09 }]) })
    await session.stop()
    expect(store.getState().miners).toHaveLength(1)
    await session.start({ chain, netuid: 2, taskId: 'ocr', hotkey, intervalMs: 1000 })
    expect(f.tasks).toEqual(['digits on 2', 'ocr on 2'])
    expect(f.options()!.task.id).toBe('ocr')
    expect(store.getState()).toMatchObject({ status: 'validating', taskId: 'ocr', miners: [] })
  })
})
