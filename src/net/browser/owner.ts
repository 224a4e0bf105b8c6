// One libp2p node per browser profile and network: the tab holding the Web Lock `webtensor:p2p:<network>` owns it (notes, trap 6); the other tabs reach it over the BroadcastChannel of the same name (serve status and queries relayed as request/response), and the next tab in the lock's queue takes over when the owner closes.
import type { QueryRequest } from '../service/query.ts'

/** What the owner tab tells other tabs about its node. Plain data: it crosses a BroadcastChannel. */
export type OwnerStatus = {
  peerId: string
  /** Where other peers reach the node over WebRTC. */
  multiaddrs: string[]
  /** Netuids the owner's node serves. */
  served: number[]
  relay: { reserved: boolean; redials: number; failures: number; lastError?: string | undefined }
  connections: number
}

/** The owner tab's node, as the relay needs it. */
export type OwnerBackend = {
  status(): OwnerStatus
  query(target: string, request: QueryRequest, options: { timeout?: number }): Promise<Uint8Array>
}

export type OwnerRole = 'owner' | 'follower'

// ── messages (pure) ──────────────────────────────────────────────────────────────────────────

export type RelayedError = { name: string; message: string; reason?: string }

export type OwnerMessage =
  /** A follower asks the owner (whoever holds the lock answers). */
  | { kind: 'request'; id: number; from: string; op: 'status' }
  | { kind: 'request'; id: number; from: string; op: 'query'; target: string; request: QueryRequest; timeout?: number }
  /** The owner answers one follower. */
  | { kind: 'response'; id: number; to: string; ok: true; result: unknown }
  | { kind: 'response'; id: number; to: string; ok: false; error: RelayedError }
  /** A tab became the owner (informational: followers keep their pending requests, which time out if lost). */
  | { kind: 'owner'; from: string }

const NETWORK_NAME = /^[A-Za-z0-9._:-]{1,64}$/

/** The Web Lock a network's owner tab holds. */
export function lockName(network: string): string {
  if (!NETWORK_NAME.test(network)) throw new RangeError(`a network name is 1–64 letters, digits, '.', '_', ':' or '-', got ${JSON.stringify(network)}`)
  return `webtensor:p2p:${network}`
}

/** The BroadcastChannel the tabs of a network talk on (the lock's name). */
export const channelName = lockName

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null
const isId = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0
const isTab = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= 64

function isQueryRequest(value: unknown): value is QueryRequest {
  return (
    isRecord(value) &&
    Number.isInteger(value.netuid) &&
    (value.netuid as number) >= 0 &&
    (value.netuid as number) <= 0xffff &&
    value.minerHotkey instanceof Uint8Array &&
    value.minerHotkey.length === 32 &&
    value.body instanceof Uint8Array
  )
}

/** Decodes a BroadcastChannel message; anything else (another version, another app) is undefined and ignored. */
export function parseOwnerMessage(data: unknown): OwnerMessage | undefined {
  if (!isRecord(data)) return undefined
  switch (data.kind) {
    case 'request':
      if (!isId(data.id) || !isTab(data.from)) return undefined
      if (data.op === 'status') return { kind: 'request', id: data.id, from: data.from, op: 'status' }
      if (data.op === 'query' && typeof data.target === 'string' && data.target.length > 0 && isQueryRequest(data.request) && (data.timeout === undefined || (typeof data.timeout === 'number' && data.timeout > 0))) {
        return { kind: 'request', id: data.id, from: data.from, op: 'query', target: data.target, request: data.request, timeout: data.timeout as number | undefined }
      }
      return undefined
    case 'response':
      if (!isId(data.id) || !isTab(data.to)) return undefined
      if (data.ok === true) return { kind: 'response', id: data.id, to: data.to, ok: true, result: data.result }
      if (data.ok === false && isRecord(data.error) && typeof data.error.name === 'string' && typeof data.error.message === 'string') {
        const reason = typeof data.error.reason === 'string' ? data.error.reason : undefined
        return { kind: 'response', id: data.id, to: data.to, ok: false, error: { name: data.error.name, message: data.error.message, ...(reason === undefined ? {} : { reason }) } }
      }
      return undefined
    case 'owner':
      return isTab(data.from) ? { kind: 'owner', from: data.from } : undefined
    default:
      return undefined
  }
}

/** An error the owner tab's node raised, carried to a follower with its name and reason (e.g. QueryRefusedError, `NoValidatorPermit`). */
export class OwnerRelayedError extends Error {
  readonly reason: string | undefined
  constructor(relayed: RelayedError) {
    super(relayed.message)
    this.name = relayed.name
    this.reason = relayed.reason
  }
}

/** No owner tab answered in time (none has started its node, or it closed). */
export class OwnerUnavailableError extends Error {
  override name = 'OwnerUnavailableError'
}

export function relayError(error: unknown): RelayedError {
  const e: Error & { reason?: unknown } = error instanceof Error ? error : new Error(String(error))
  return { name: e.name, message: e.message, ...(typeof e.reason === 'string' ? { reason: e.reason } : {}) }
}

/** Requests a follower sent and waits on, each with its own timeout. */
export class PendingRequests {
  private nextId = 0
  private readonly waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void; timer: ReturnType<typeof setTimeout> }>()

  /** A new request id and the promise its response settles. */
  open(timeoutMs: number, what: string): { id: number; response: Promise<unknown> } {
    const id = this.nextId++
    const response = new Promise<unknown>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id)
        reject(new OwnerUnavailableError(`no owner tab answered ${what} within ${timeoutMs} ms`))
      }, timeoutMs)
      this.waiting.set(id, { resolve, reject, timer })
    })
    return { id, response }
  }

  /** Settles the request a response answers; false if none waits (answered, timed out, or not ours). */
  settle(message: Extract<OwnerMessage, { kind: 'response' }>): boolean {
    const entry = this.waiting.get(message.id)
    if (entry === undefined) return false
    this.waiting.delete(message.id)
    clearTimeout(entry.timer)
    if (message.ok) entry.resolve(message.result)
    else entry.reject(new OwnerRelayedError(message.error))
    return true
  }

  /** Fails every waiting request (the owner changed, or this tab stops). */
  rejectAll(error: Error): void {
    for (const entry of this.waiting.values()) {
      clearTimeout(entry.timer)
      entry.reject(error)
    }
    this.waiting.clear()
  }

  get size(): number {
    return this.waiting.size
  }
}

// ── the tab's part in the election (I/O: Web Locks, BroadcastChannel) ───────────────────────

/** The slice of `navigator.locks` used here (tests pass a fake). */
export type Locks = {
  request(name: string, options: { ifAvailable?: boolean; signal?: AbortSignal }, callback: (lock: unknown) => Promise<void>): Promise<unknown>
}

/** The slice of `BroadcastChannel` used here. */
export type Channel = {
  postMessage(message: unknown): void
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void
  close(): void
}

export type OwnerTabInit = {
  /** A name per network (devnet, testnet, finney…): one owner per profile and network. */
  network: string
  /** The owner's node, once this tab has started it (undefined: requests are answered with an error). */
  backend: () => OwnerBackend | undefined
  locks?: Locks
  channel?: Channel
  /** This tab's id in messages (default a random UUID). */
  tabId?: string
  /** Default time a follower waits for the owner (ms, default 3000) besides a query's own timeout. */
  timeout?: number
  onRoleChange?: (role: OwnerRole) => void
}

export class OwnerTab {
  readonly tabId: string
  private current: OwnerRole = 'follower'
  private readonly pending = new PendingRequests()
  private readonly locks: Locks
  private readonly channel: Channel
  private readonly stopped = new AbortController()

  constructor(private readonly init: OwnerTabInit) {
    lockName(init.network)
    this.tabId = init.tabId ?? crypto.randomUUID()
    this.locks = init.locks ?? navigator.locks
    this.channel = init.channel ?? new BroadcastChannel(channelName(init.network))
    this.channel.addEventListener('message', (event) => void this.onMessage(event.data))
  }

  /** Takes the lock if free (this tab owns), else queues for it (this tab follows until the owner closes). Resolves once the role is known. */
  async start(): Promise<OwnerRole> {
    const name = lockName(this.init.network)
    let decide!: (role: OwnerRole) => void
    let fail!: (error: unknown) => void
    const decided = new Promise<OwnerRole>((resolve, reject) => ((decide = resolve), (fail = reject)))
    // The lock is held while the callback's promise is pending, so neither request is awaited here.
    void this.locks
      .request(name, { ifAvailable: true }, async (lock) => {
        if (lock === null) return decide('follower')
        this.become('owner')
        decide('owner')
        await this.hold()
      })
      .catch(fail)
    const role = await decided
    if (role === 'follower') {
      // Queued: granted when the owner tab closes (or stops), and this tab takes over.
      void this.locks
        .request(name, { signal: this.stopped.signal }, async () => {
          if (this.stopped.signal.aborted) return
          this.become('owner')
          await this.hold()
        })
        .catch(() => undefined)
    }
    return role
  }

  private hold(): Promise<void> {
    return new Promise<void>((resolve) => {
      if (this.stopped.signal.aborted) return resolve()
      this.stopped.signal.addEventListener('abort', () => resolve(), { once: true })
    })
  }

  role(): OwnerRole {
    return this.current
  }

  /** The owner's node status, from this tab's node or over the channel. */
  async status(options: { timeout?: number } = {}): Promise<OwnerStatus> {
    if (this.current === 'owner') return this.ownBackend().status()
    return (await this.ask({ op: 'status' }, options.timeout ?? this.init.timeout ?? 3000, 'a status request')) as OwnerStatus
  }

  /** A query through the owner's node; its errors keep their name and reason. */
  async query(target: string, request: QueryRequest, options: { timeout?: number } = {}): Promise<Uint8Array> {
    if (this.current === 'owner') return this.ownBackend().query(target, request, options)
    const wait = (options.timeout ?? 10_000) + (this.init.timeout ?? 3000)
    return (await this.ask({ op: 'query', target, request, timeout: options.timeout }, wait, `a query to ${target}`)) as Uint8Array
  }

  /** Gives the lock up (the next tab in the queue takes over) and stops listening. */
  stop(): void {
    this.stopped.abort(new Error('this tab left the owner election'))
    this.pending.rejectAll(new OwnerUnavailableError('this tab left the owner election'))
    this.channel.close()
  }

  private ownBackend(): OwnerBackend {
    const backend = this.init.backend()
    if (backend === undefined) throw new OwnerUnavailableError('this tab owns the p2p node but has not started it yet')
    return backend
  }

  private become(role: OwnerRole): void {
    const changed = role !== this.current
    this.current = role
    if (role === 'owner') {
      // Requests this tab sent as a follower went to the tab that is gone, and a tab never hears its own messages.
      this.pending.rejectAll(new OwnerUnavailableError('the owner tab changed; send the request again'))
      this.channel.postMessage({ kind: 'owner', from: this.tabId } satisfies OwnerMessage)
    }
    if (changed) this.init.onRoleChange?.(role)
  }

  private ask(request: { op: 'status' } | { op: 'query'; target: string; request: QueryRequest; timeout: number | undefined }, timeoutMs: number, what: string): Promise<unknown> {
    const { id, response } = this.pending.open(timeoutMs, what)
    this.channel.postMessage({ kind: 'request', id, from: this.tabId, ...request } as OwnerMessage)
    return response
  }

  private async onMessage(data: unknown): Promise<void> {
    const message = parseOwnerMessage(data)
    if (message === undefined || this.stopped.signal.aborted) return
    if (message.kind === 'response') {
      if (message.to === this.tabId) this.pending.settle(message)
      return
    }
    // A new owner announced itself. Requests already sent may have reached it or its predecessor (the channel does not
    // order messages from different tabs), so they are left to be answered or to time out.
    if (message.kind === 'owner') return
    // Only the owner answers requests.
    if (this.current !== 'owner') return
    let reply: OwnerMessage
    try {
      const backend = this.ownBackend()
      const result = message.op === 'status' ? backend.status() : await backend.query(message.target, message.request, { timeout: message.timeout })
      reply = { kind: 'response', id: message.id, to: message.from, ok: true, result }
    } catch (error) {
      reply = { kind: 'response', id: message.id, to: message.from, ok: false, error: relayError(error) }
    }
    if (!this.stopped.signal.aborted) this.channel.postMessage(reply)
  }
}
