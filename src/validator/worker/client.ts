// A ValidatorTask whose challenges are drawn and whose answers are scored inside the scoring Worker ("scoring runs in a Worker"): the
// validator loop (src/validator/validator.ts) takes it like any other task. `expected` is only a ticket naming the Worker's challenge.
import type { Seed } from '../../tasks/prng.ts'
import type { TaskScore, ValidatorTask } from '../../tasks/task.ts'
import type { FromScoringWorker, ToScoringWorker } from './protocol.ts'

/** The slice of a Worker the proxy uses (a real Worker, or an in-process stand-in in tests). */
export type ScoringWorkerLike = {
  postMessage(message: ToScoringWorker): void
  onmessage: ((event: { data: FromScoringWorker }) => void) | null
  onerror?: ((event: { message?: string }) => void) | null
  terminate(): void
}

/** What a worker challenge's `expected` is on this side: the Worker's number for it. */
export type ChallengeTicket = { challenge: number }

export type ScoringWorkerTask = ValidatorTask<ChallengeTicket> & {
  /** Stops the Worker; pending calls are refused. */
  close(): void
}

type Request = ToScoringWorker extends infer T ? (T extends { id: number } ? Omit<T, 'id'> : never) : never

export function newScoringWorker(): ScoringWorkerLike {
  return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'webtensor-scoring' }) as unknown as ScoringWorkerLike
}

/** Loads task `taskId` from `dataUrl` in a scoring Worker and resolves with the proxy once the Worker holds it. */
export async function createScoringWorkerTask({ taskId, dataUrl, worker = newScoringWorker() }: { taskId: string; dataUrl: string; worker?: ScoringWorkerLike }): Promise<ScoringWorkerTask> {
  const pending = new Map<number, { resolve(reply: FromScoringWorker): void; reject(error: Error): void }>()
  let nextId = 0
  let closed: Error | undefined
  const failAll = (error: Error) => {
    for (const p of pending.values()) p.reject(error)
    pending.clear()
  }
  worker.onmessage = ({ data }) => {
    if (data.type === 'error' && data.id === null) return failAll(new Error(`the scoring worker refused a message: ${data.message}`))
    const id = data.id
    const p = id === null ? undefined : pending.get(id)
    if (!p || id === null) return
    pending.delete(id)
    if (data.type === 'error') p.reject(new Error(data.message))
    else p.resolve(data)
  }
  worker.onerror = (event) => {
    closed = new Error(`the scoring worker stopped: ${event.message ?? 'it failed to start'}`)
    failAll(closed)
  }
  const call = <T extends FromScoringWorker['type']>(request: Request, expect: T): Promise<Extract<FromScoringWorker, { type: T }>> =>
    new Promise((resolve, reject) => {
      if (closed) return reject(closed)
      const id = ++nextId
      pending.set(id, {
        resolve: (reply) => (reply.type === expect ? resolve(reply as Extract<FromScoringWorker, { type: T }>) : reject(new Error(`the scoring worker answered ${reply.type} to ${request.type}`))),
        reject,
      })
      worker.postMessage({ ...request, id } as ToScoringWorker)
    })

  try {
    await call({ type: 'load', taskId, dataUrl }, 'loaded')
  } catch (error) {
    worker.terminate()
    throw error
  }
  return {
    id: taskId,
    async challenge(seed: Seed, options = {}) {
      const reply = await call({ type: 'challenge', seed, ...(options.size === undefined ? {} : { size: options.size }) }, 'challenge')
      return { body: reply.body, size: reply.size, expected: { challenge: reply.challenge } }
    },
    async scoreAnswer(body: Uint8Array, expected: ChallengeTicket): Promise<TaskScore> {
      return (await call({ type: 'score', challenge: expected.challenge, body }, 'score')).score
    },
    close() {
      closed ??= new Error('the scoring worker was closed')
      failAll(closed)
      worker.terminate()
    },
  }
}
