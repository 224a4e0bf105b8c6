// The validator's scoring Worker: decodes each message at the edge and routes it to the scoring host (host.ts).
import { createScoringHost } from './host.ts'
import { parseToScoringWorker, type FromScoringWorker } from './protocol.ts'
import { loadWorkerTask } from './tasks.ts'

type Scope = { postMessage(m: unknown, transfer: Transferable[]): void; onmessage: ((e: MessageEvent) => void) | null }
const scope = self as unknown as Scope
const host = createScoringHost((taskId, dataUrl) => loadWorkerTask(taskId, dataUrl))

const post = (reply: FromScoringWorker) => scope.postMessage(reply, [])

scope.onmessage = (event: MessageEvent) => {
  const id = typeof event.data?.id === 'number' ? (event.data.id as number) : null
  let message
  try {
    message = parseToScoringWorker(event.data)
  } catch (error) {
    return post({ type: 'error', id, message: error instanceof Error ? error.message : String(error) })
  }
  void host.handle(message).then(post)
}
