// What the scoring Worker does, without the Worker (testable in Node): holds one ValidatorTask, draws challenges, keeps what each
// expects (the latest few), and scores answer bytes against them.
import type { ValidatorTask } from '../../tasks/task.ts'
import type { FromScoringWorker, ToScoringWorker } from './protocol.ts'

/** Challenges whose expected answers are kept: a step scores its own challenge; older steps' are dropped. */
export const KEPT_CHALLENGES = 8

export type LoadTask = (taskId: string, dataUrl: string) => Promise<ValidatorTask<unknown>>

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error))

export function createScoringHost(loadTask: LoadTask) {
  let task: Promise<ValidatorTask<unknown>> | undefined
  let taskId: string | undefined
  const expected = new Map<number, unknown>()
  let next = 0

  const loaded = async () => {
    if (!task) throw new Error('no task is loaded in the scoring worker: send load first')
    return task
  }

  async function handle(m: ToScoringWorker): Promise<FromScoringWorker> {
    try {
      switch (m.type) {
        case 'load': {
          if (!task || taskId !== `${m.taskId} ${m.dataUrl}`) {
            taskId = `${m.taskId} ${m.dataUrl}`
            task = loadTask(m.taskId, m.dataUrl)
            task.catch(() => {
              task = undefined
              taskId = undefined
            })
          }
          await task
          return { type: 'loaded', id: m.id, taskId: m.taskId }
        }
        case 'challenge': {
          const drawn = await (await loaded()).challenge(m.seed, m.size === undefined ? {} : { size: m.size })
          const challenge = ++next
          expected.set(challenge, drawn.expected)
          for (const old of expected.keys()) if (expected.size > KEPT_CHALLENGES) expected.delete(old)
          return { type: 'challenge', id: m.id, challenge, body: drawn.body, size: drawn.size }
        }
        case 'score': {
          const t = await loaded()
          if (!expected.has(m.challenge)) throw new Error(`challenge ${m.challenge} is no longer held by the scoring worker (it keeps the latest ${KEPT_CHALLENGES})`)
          return { type: 'score', id: m.id, score: await t.scoreAnswer(m.body, expected.get(m.challenge)) }
        }
      }
    } catch (error) {
      return { type: 'error', id: m.id, message: messageOf(error) }
    }
  }
  return { handle }
}
