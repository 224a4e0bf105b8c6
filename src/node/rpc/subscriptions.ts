// One WebSocket connection's live subscriptions: Substrate-style ids, notifications in order after the subscribe answer, and stopping each producer exactly once.
import { randomInt } from 'node:crypto'
import { INTERNAL_ERROR, internalError, RpcError, type ErrorObject, tooManySubscriptions } from './errors.ts'
import type { CallContext, StopSubscription, SubscriptionDefinition, SubscriptionSink } from './methods.ts'
import type { Params } from './params.ts'
import type { RpcLogger } from './dispatch.ts'

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
/** Substrate's nodes use jsonrpsee's `RandomStringIdProvider::new(16)`. */
const ID_LENGTH = 16

type Live = {
  id: string
  definition: SubscriptionDefinition
  /** Notifications held until the subscribe call's answer has been sent; null once it has. */
  held: string[] | null
  ended: boolean
  stop?: StopSubscription
  stopped: boolean
}

/** What `open` gives the dispatcher: the id to answer with, and what to do once that answer was sent (or could not be). */
export type Opened = { id: string; settle(delivered: boolean): void }

export class Subscriptions {
  private readonly live = new Map<string, Live>()
  private closed = false

  constructor(
    /** Sends one serialised message on the connection. */
    private readonly send: (text: string) => void,
    private readonly maxSubscriptions: number,
    private readonly logger: RpcLogger,
  ) {}

  get size(): number {
    return this.live.size
  }

  async open(definition: SubscriptionDefinition, params: Params, ctx: CallContext): Promise<Opened> {
    if (this.closed) throw new RpcError(INTERNAL_ERROR, 'Internal error')
    if (this.live.size >= this.maxSubscriptions) throw tooManySubscriptions(this.maxSubscriptions)
    const sub: Live = { id: this.newId(), definition, held: [], ended: false, stopped: false }
    this.live.set(sub.id, sub)
    const sink: SubscriptionSink = {
      id: sub.id,
      next: (result) => this.notify(sub, { subscription: sub.id, result: result ?? null }),
      error: (error) => {
        if (sub.ended) return
        this.notify(sub, { subscription: sub.id, error: this.errorObject(sub, error) })
        this.end(sub)
      },
      close: () => this.end(sub),
      get closed() {
        return sub.ended
      },
    }
    try {
      sub.stop = await definition.start(params, sink, ctx)
    } catch (error) {
      sub.ended = sub.stopped = true
      this.live.delete(sub.id)
      throw error
    }
    if (sub.ended) this.runStop(sub)
    return {
      id: sub.id,
      settle: (delivered) => {
        const held = sub.held ?? []
        sub.held = null
        if (!delivered) return this.end(sub)
        for (const text of held) this.send(text)
      },
    }
  }

  /** The unsubscribe call: true if `id` named a live subscription of `definition` on this connection. */
  cancel(definition: SubscriptionDefinition, params: Params): boolean {
    const id = params.get(0)
    const sub = typeof id === 'string' ? this.live.get(id) : undefined
    if (!sub || sub.definition !== definition) return false
    this.end(sub)
    return true
  }

  /** Ends every subscription (the connection closed); later `open` calls are refused. */
  closeAll() {
    this.closed = true
    for (const sub of [...this.live.values()]) this.end(sub)
  }

  private notify(sub: Live, params: { subscription: string; result?: unknown; error?: ErrorObject }) {
    if (sub.ended) return
    let text: string
    try {
      text = JSON.stringify({ jsonrpc: '2.0', method: sub.definition.notification, params })
    } catch (error) {
      this.logger.error(`rpc: ${sub.definition.subscribe} produced a notification that cannot be serialised`, error)
      text = JSON.stringify({ jsonrpc: '2.0', method: sub.definition.notification, params: { subscription: sub.id, error: internalError() } })
      this.end(sub)
    }
    if (sub.held) sub.held.push(text)
    else this.send(text)
  }

  private end(sub: Live) {
    if (sub.ended && sub.stopped) return
    sub.ended = true
    this.live.delete(sub.id)
    if (sub.stop) this.runStop(sub)
  }

  private runStop(sub: Live) {
    if (sub.stopped || !sub.stop) return
    sub.stopped = true
    try {
      sub.stop()
    } catch (error) {
      this.logger.error(`rpc: stopping ${sub.definition.subscribe} subscription failed`, error)
    }
  }

  private errorObject(sub: Live, error: unknown): ErrorObject {
    if (error instanceof RpcError) return error.toJSON()
    this.logger.error(`rpc: ${sub.definition.subscribe} subscription failed`, error)
    return internalError()
  }

  private newId(): string {
    for (;;) {
      let id = ''
      for (let i = 0; i < ID_LENGTH; i++) id += ID_ALPHABET[randomInt(ID_ALPHABET.length)]
      if (!this.live.has(id)) return id
    }
  }
}
