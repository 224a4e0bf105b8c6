// The registry of JSON-RPC methods and subscriptions a server serves, with the built-in `rpc_methods`.
import type { Params } from './params.ts'

/** What a handler knows of the call's origin. */
export type CallContext = {
  transport: 'http' | 'ws'
  /** The WebSocket connection, or the HTTP request, the call came on. */
  connectionId: number
  /** Aborted when the client goes away (or the server closes) before the answer is sent. */
  signal: AbortSignal
}

/** Returns the `result` (undefined is sent as null) or throws: an `RpcError` as is, anything else as -32603. */
export type MethodHandler = (params: Params, ctx: CallContext) => unknown

/** Where a subscription's producer sends to; every call after the subscription ended is ignored. */
export type SubscriptionSink = {
  /** The subscription id the client was given (protocols such as chainHead_v1 refer to it in later calls). */
  readonly id: string
  /** Sends `{ jsonrpc, method: notification, params: { subscription, result } }`. */
  next(result: unknown): void
  /** Sends `params: { subscription, error }` (an RpcError as is, anything else as -32603) and ends the subscription. */
  error(error: unknown): void
  /** Ends the subscription without telling the client (as jsonrpsee does when a server-side stream ends). */
  close(): void
  readonly closed: boolean
}

export type StopSubscription = () => void

export type SubscriptionDefinition = {
  subscribe: string
  /** Other names of the subscribe method (e.g. `chain_subscribeNewHead` for `chain_subscribeNewHeads`). */
  aliases?: readonly string[]
  /** The unsubscribe method and its aliases (e.g. `chain_unsubscribeNewHead`, `unsubscribe_newHead`). */
  unsubscribe: string | readonly string[]
  notification: string
  /**
   * Starts producing into `sink`; throw (e.g. `params.hex(0)` failing) to refuse the subscription.
   * Returns the function that stops the producer: it runs exactly once, whether the client
   * unsubscribes, disconnects, the server closes, or the producer itself calls `sink.close`/`error`.
   * Notifications sent before the subscribe call is answered are held until it is.
   */
  start(params: Params, sink: SubscriptionSink, ctx: CallContext): StopSubscription | Promise<StopSubscription>
}

export type RegisteredMethod =
  | { kind: 'call'; handler: MethodHandler }
  | { kind: 'subscribe'; subscription: SubscriptionDefinition }
  | { kind: 'unsubscribe'; subscription: SubscriptionDefinition }

export class RpcMethods {
  private readonly entries = new Map<string, RegisteredMethod>()

  constructor() {
    this.add('rpc_methods', () => ({ version: 1, methods: this.names() }))
  }

  /** Registers a plain method under its name and any aliases; a name can be registered once. */
  add(name: string, handler: MethodHandler, aliases: readonly string[] = []): this {
    this.ensureFree([name, ...aliases])
    for (const n of [name, ...aliases]) this.entries.set(n, { kind: 'call', handler })
    return this
  }

  /** Registers the subscribe method (and its aliases) and every unsubscribe name of one subscription. */
  addSubscription(subscription: SubscriptionDefinition): this {
    const unsubscribe = typeof subscription.unsubscribe === 'string' ? [subscription.unsubscribe] : [...subscription.unsubscribe]
    if (unsubscribe.length === 0) throw new Error(`subscription ${subscription.subscribe} needs an unsubscribe method`)
    const subscribe = [subscription.subscribe, ...(subscription.aliases ?? [])]
    this.ensureFree([...subscribe, ...unsubscribe])
    for (const name of subscribe) this.entries.set(name, { kind: 'subscribe', subscription })
    for (const name of unsubscribe) this.entries.set(name, { kind: 'unsubscribe', subscription })
    return this
  }

  get(name: string): RegisteredMethod | undefined {
    return this.entries.get(name)
  }

  /** Every registered name, sorted, as `rpc_methods` lists them. */
  names(): string[] {
    return [...this.entries.keys()].sort()
  }

  private ensureFree(names: string[]) {
    for (const [i, name] of names.entries()) {
      if (name === '') throw new Error('an RPC method name cannot be empty')
      if (this.entries.has(name) || names.indexOf(name) !== i) throw new Error(`RPC method ${name} is already registered`)
    }
  }
}
