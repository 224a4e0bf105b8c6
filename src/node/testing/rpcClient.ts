// Test fixture: a raw JSON-RPC client over WebSocket that shows results and errors exactly as the node sends them, with subscriptions as async queues.
import { once } from 'node:events'
import { WebSocket } from 'ws'

export type RpcErrorObject = { code: number; message: string; data?: unknown }

/** An error answer, kept whole so tests can check code, message and data. */
export class RpcCallError extends Error {
  constructor(readonly error: RpcErrorObject) {
    super(`${error.code}: ${error.message}${error.data === undefined ? '' : `: ${String(error.data)}`}`)
  }
}

export type Subscription<T = unknown> = {
  id: string
  /** The next notification's result (waits for it). */
  next(): Promise<T>
  /** Notifications received and not yet taken. */
  readonly buffered: number
  unsubscribe(method: string): Promise<unknown>
}

type Pending = { resolve(value: unknown): void; reject(error: unknown): void }
type Queue = { items: unknown[]; waiters: Array<(value: unknown) => void> }

export class RpcClient {
  private nextId = 1
  private readonly pending = new Map<number, Pending>()
  private readonly queues = new Map<string, Queue>()

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => this.receive(JSON.parse(data.toString()) as Record<string, unknown>))
    ws.on('close', () => {
      for (const p of this.pending.values()) p.reject(new Error('connection closed'))
      this.pending.clear()
    })
  }

  static async connect(url: string): Promise<RpcClient> {
    const ws = new WebSocket(url)
    await once(ws, 'open')
    return new RpcClient(ws)
  }

  /** The `result`, or throws RpcCallError with the `error`. */
  call<T = unknown>(method: string, params: unknown[] = []): Promise<T> {
    const id = this.nextId++
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject })
      this.ws.send(JSON.stringify({ jsonrpc: '2.0', id, method, params }))
    })
  }

  /** The error a call is answered with (fails the test if it succeeds). */
  async error(method: string, params: unknown[] = []): Promise<RpcErrorObject> {
    try {
      const result = await this.call(method, params)
      throw new Error(`${method} succeeded with ${JSON.stringify(result)}`)
    } catch (error) {
      if (error instanceof RpcCallError) return error.error
      throw error
    }
  }

  async subscribe<T = unknown>(method: string, params: unknown[] = []): Promise<Subscription<T>> {
    const id = await this.call<string>(method, params)
    const queue = this.queue(id)
    return {
      id,
      next: () =>
        new Promise<T>((resolve) => {
          if (queue.items.length > 0) resolve(queue.items.shift() as T)
          else queue.waiters.push(resolve as (value: unknown) => void)
        }),
      get buffered() {
        return queue.items.length
      },
      unsubscribe: (unsubscribeMethod: string) => this.call(unsubscribeMethod, [id]),
    }
  }

  async close(): Promise<void> {
    if (this.ws.readyState === WebSocket.CLOSED) return
    const closed = once(this.ws, 'close')
    this.ws.close()
    await closed
  }

  private queue(id: string): Queue {
    let queue = this.queues.get(id)
    if (!queue) this.queues.set(id, (queue = { items: [], waiters: [] }))
    return queue
  }

  private receive(message: Record<string, unknown>) {
    if (typeof message.id === 'number') {
      const pending = this.pending.get(message.id)
      if (!pending) return
      this.pending.delete(message.id)
      if (message.error) pending.reject(new RpcCallError(message.error as RpcErrorObject))
      else pending.resolve(message.result)
      return
    }
    const params = message.params as { subscription: string; result?: unknown; error?: unknown } | undefined
    if (!params) return
    const queue = this.queue(params.subscription)
    const value = params.error === undefined ? params.result : { error: params.error }
    const waiter = queue.waiters.shift()
    if (waiter) waiter(value)
    else queue.items.push(value)
  }
}
