// The /webtensor/query/1.0.0 libp2p service: `serve(netuid, handler)` on the miner side, `query(peer, request, { timeout })` on the validator side, over long-lived length-prefixed streams.
import { serviceDependencies, type AbortOptions, type ComponentLogger, type Connection, type Logger, type PeerId, type Startable, type Stream } from '@libp2p/interface'
import type { ConnectionManager, Registrar } from '@libp2p/interface-internal'
import { lpStream, UnexpectedEOFError } from '@libp2p/utils'
import type { Multiaddr } from '@multiformats/multiaddr'
import { NoDirectConnectionError, QueryRefusedError, QueryResponseRejectedError, QueryStreamError, QueryTimeoutError } from '../errors.ts'
import { MAX_BODY_BYTES, MESSAGE_OVERHEAD_BYTES, PROTOCOL, TIMEOUT_MS } from '../query/constants.ts'
import { RequestGate, signRefusal, signResponse, type ValidatorLookup } from '../query/miner.ts'
import type { RateLimit } from '../query/rateLimit.ts'
import type { RefusalReason } from '../query/reasons.ts'
import type { Signer } from '../query/signer.ts'
import { NonceSource, checkResponse, signRequest } from '../query/validator.ts'
import { StreamPool } from './streamPool.ts'

export type QueryServiceInit = {
  /** The node's sr25519 hotkey: signs requests (as a validator) and responses (as a miner). */
  hotkey: Signer
  /** Who may query this node's handlers (default: nobody; the edge reads permits and stake from the chain). */
  lookupValidator?: ValidatorLookup
  rateLimit?: RateLimit
  /** Largest body accepted in either direction (default MAX_BODY_BYTES). */
  maxBodyBytes?: number
  /** Concurrent queries (hence streams) per connection (default 4). */
  streamsPerConnection?: number
  /** Default query timeout in ms (default TIMEOUT_MS). */
  timeout?: number
  /** Milliseconds since the epoch (default Date.now). */
  now?: () => number
  /** Told after each request answered Ok, with the ms from its arrival to the signed answer (stats displays; never changes the answer). */
  onServed?: (event: ServedEvent) => void
  /** Told after each refusal the miner side signs, with its reason (stats displays; never changes the answer). */
  onRefusal?: (event: RefusalEvent) => void
}

export type ServedEvent = { netuid: number; ms: number }
/** `netuid` is undefined when the request was refused before it was decoded; `error` is what the handler threw (HandlerFailed). */
export type RefusalEvent = { reason: RefusalReason; message: string; netuid: number | undefined; error?: unknown }

export type QueryComponents = {
  registrar: Registrar
  connectionManager: ConnectionManager
  logger: ComponentLogger
}

/** A request that passed every check, as the handler sees it. */
export type IncomingQuery = {
  netuid: number
  validatorHotkey: Uint8Array
  body: Uint8Array
  /** Milliseconds since the epoch; `signal` aborts then. */
  deadline: number
  remotePeer: PeerId
}

export type QueryHandler = (query: IncomingQuery, options: { signal: AbortSignal }) => Uint8Array | Promise<Uint8Array>

export type QueryRequest = { netuid: number; minerHotkey: Uint8Array; body: Uint8Array }

export type QueryOptions = AbortOptions & {
  /** Milliseconds for the whole query: connecting, sending, the miner's work and the answer (default: the service's). */
  timeout?: number
  /** Use a relayed (limited) connection when no direct one exists (default false). */
  allowLimited?: boolean
}

export type QueryResult = { body: Uint8Array; requestId: Uint8Array }

const DEFAULT_STREAMS_PER_CONNECTION = 4

/**
 * Miner side: each inbound stream is read in a loop (one request, one response) until the validator closes its side,
 * then this side closes too (trap 7 of the notes: half-open streams otherwise pile up). Validator side: a bounded pool
 * of streams per connection, direct (unlimited) connections preferred (trap 8), every query with its own timeout (trap 9).
 */
export class QueryService implements Startable {
  readonly [Symbol.toStringTag] = '@webtensor/query'
  readonly [serviceDependencies] = ['@libp2p/identify']
  private readonly handlers = new Map<number, QueryHandler>()
  private readonly gate: RequestGate
  private readonly nonces: NonceSource
  private readonly pool: StreamPool
  private readonly maxBodyBytes: number
  private readonly timeout: number
  private readonly now: () => number
  private readonly log: Logger
  private readonly inbound = new Set<Stream>()

  constructor(
    private readonly components: QueryComponents,
    private readonly init: QueryServiceInit,
  ) {
    this.maxBodyBytes = init.maxBodyBytes ?? MAX_BODY_BYTES
    this.timeout = init.timeout ?? TIMEOUT_MS
    this.now = init.now ?? Date.now
    this.log = components.logger.forComponent('webtensor:query')
    this.nonces = new NonceSource(this.now)
    this.gate = new RequestGate({
      minerHotkey: init.hotkey.publicKey,
      isServed: (netuid) => this.handlers.has(netuid),
      lookupValidator: init.lookupValidator ?? (() => ({ permit: false, stakeWeight: 0 })),
      maxBodyBytes: this.maxBodyBytes,
      rateLimit: init.rateLimit,
      now: this.now,
    })
    this.pool = new StreamPool({ protocol: PROTOCOL, size: init.streamsPerConnection ?? DEFAULT_STREAMS_PER_CONNECTION })
  }

  async start(): Promise<void> {
    const streams = this.init.streamsPerConnection ?? DEFAULT_STREAMS_PER_CONNECTION
    await this.components.registrar.handle(PROTOCOL, (stream, connection) => this.handleStream(stream, connection), {
      // Headroom over our own pool size for peers that pool a little more.
      maxInboundStreams: streams * 2,
      // Streams still closing count against the limit: twice the pool keeps a new one from being refused.
      maxOutboundStreams: streams * 2,
      // Accept queries over a relay too: the dialer decides whether it may use a limited connection.
      runOnLimitedConnection: true,
    })
  }

  async stop(): Promise<void> {
    await this.components.registrar.unhandle(PROTOCOL)
    await this.pool.close()
    for (const stream of this.inbound) stream.abort(new Error('the query service stopped'))
  }

  /** Answers queries for `netuid` with `handler`; returns the function that stops serving it. */
  serve(netuid: number, handler: QueryHandler): () => void {
    if (this.handlers.has(netuid)) throw new Error(`netuid ${netuid} is already served; call the function serve() returned to stop it first`)
    this.handlers.set(netuid, handler)
    return () => {
      if (this.handlers.get(netuid) === handler) this.handlers.delete(netuid)
    }
  }

  /** Query streams this node has open: `outbound` (pooled, as a validator) and `inbound` (as a miner). */
  streamCounts(): { outbound: number; inbound: number } {
    return { outbound: this.pool.openStreams, inbound: this.inbound.size }
  }

  /** Sends a signed request to `peer` and returns the miner's checked answer, or throws why not. */
  async query(peer: PeerId | Multiaddr | Multiaddr[], request: QueryRequest, options: QueryOptions = {}): Promise<QueryResult> {
    const timeout = options.timeout ?? this.timeout
    const signal = options.signal === undefined ? AbortSignal.timeout(timeout) : AbortSignal.any([options.signal, AbortSignal.timeout(timeout)])
    const deadline = Math.floor(this.now()) + timeout
    let connection: Connection
    let stream: Stream
    try {
      connection = await this.connectionTo(peer, options.allowLimited === true, signal)
      stream = await this.pool.acquire(connection, { signal, runOnLimitedConnection: options.allowLimited === true })
    } catch (error) {
      throw signal.aborted && options.signal?.aborted !== true ? new QueryTimeoutError(timeout, error) : error
    }
    const peerName = connection.remotePeer.toString()
    // Signed once a stream is ours, so nonces reach the miner nearly in order (its window is REPLAY_WINDOW requests).
    const signed = signRequest(this.init.hotkey, { ...request, nonce: this.nonces.next(), deadline })
    let bytes: Uint8Array
    try {
      const lp = lpStream(stream, { maxDataLength: this.maxBodyBytes + MESSAGE_OVERHEAD_BYTES })
      await lp.write(signed.bytes, { signal })
      bytes = (await lp.read({ signal })).subarray()
      // Detach the reader before the stream goes back to the pool: the next query wraps it anew.
      lp.unwrap()
    } catch (error) {
      this.pool.discard(stream, error as Error)
      if (signal.aborted && options.signal?.aborted !== true) throw new QueryTimeoutError(timeout, error)
      if (options.signal?.aborted) throw error
      throw new QueryStreamError(peerName, error)
    }
    this.pool.release(connection, stream)
    const checked = checkResponse(bytes, { requestId: signed.requestId, minerHotkey: request.minerHotkey, deadline, maxBodyBytes: this.maxBodyBytes, receivedAt: this.now() })
    if (!checked.ok) throw new QueryResponseRejectedError(checked.reason, checked.message)
    if (checked.status !== 'Ok') throw new QueryRefusedError(checked.status, new TextDecoder().decode(checked.body))
    return { body: checked.body, requestId: signed.requestId }
  }

  /** An open unlimited connection to the peer if there is one, else a dial; a limited one only if allowed. */
  private async connectionTo(peer: PeerId | Multiaddr | Multiaddr[], allowLimited: boolean, signal: AbortSignal): Promise<Connection> {
    const { connectionManager } = this.components
    if (!Array.isArray(peer) && isPeerId(peer)) {
      const open = connectionManager.getConnections(peer).filter((connection) => connection.status === 'open')
      const direct = open.find((connection) => connection.limits == null)
      if (direct !== undefined) return direct
      if (open.length > 0 && allowLimited) return open[0]!
    }
    const connection = await connectionManager.openConnection(peer, { signal })
    if (connection.limits == null || allowLimited) return connection
    const direct = connectionManager.getConnections(connection.remotePeer).find((c) => c.status === 'open' && c.limits == null)
    if (direct !== undefined) return direct
    throw new NoDirectConnectionError(connection.remotePeer.toString())
  }

  private async handleStream(stream: Stream, connection: Connection): Promise<void> {
    this.inbound.add(stream)
    const lp = lpStream(stream, { maxDataLength: this.maxBodyBytes + MESSAGE_OVERHEAD_BYTES })
    try {
      while (true) {
        let bytes: Uint8Array
        try {
          bytes = (await lp.read()).subarray()
        } catch (error) {
          // The validator closed its side between messages: the normal end of a pooled stream.
          if (error instanceof UnexpectedEOFError && stream.remoteWriteStatus === 'closed') break
          throw error
        }
        await lp.write(await this.answer(bytes, connection.remotePeer))
      }
      await stream.close()
    } catch (error) {
      this.log.trace('query stream from %p ended: %e', connection.remotePeer, error)
      stream.abort(error as Error)
    } finally {
      this.inbound.delete(stream)
    }
  }

  /** The signed response to one request: a refusal, the handler's output, or HandlerFailed. */
  private async answer(bytes: Uint8Array, remotePeer: PeerId): Promise<Uint8Array> {
    const { hotkey } = this.init
    const arrived = this.now()
    const admitted = await this.gate.admit(bytes)
    if (!admitted.ok) {
      this.tell(() => this.init.onRefusal?.({ reason: admitted.reason, message: admitted.message, netuid: undefined }))
      return signRefusal(hotkey, admitted)
    }
    const { request, requestId } = admitted
    const handler = this.handlers.get(request.netuid)
    const fail = (message: string, error?: unknown) => {
      this.tell(() => this.init.onRefusal?.({ reason: 'HandlerFailed', message, netuid: request.netuid, ...(error === undefined ? {} : { error }) }))
      return signResponse(hotkey, { requestId, status: 'HandlerFailed', body: new TextEncoder().encode(message) })
    }
    if (handler === undefined) return fail(`netuid ${request.netuid} stopped being served`)
    const deadline = Number(request.deadline)
    const signal = AbortSignal.timeout(Math.max(0, deadline - this.now()))
    let body: Uint8Array
    try {
      body = await raceAbort(Promise.resolve(handler({ netuid: request.netuid, validatorHotkey: request.validatorHotkey, body: request.body, deadline, remotePeer }, { signal })), signal)
    } catch (error) {
      return fail(signal.aborted ? 'the handler did not finish before the deadline' : `the handler failed: ${(error as Error).message}`, error)
    }
    if (body.length > this.maxBodyBytes) return fail(`the handler's output is ${body.length} bytes, over the ${this.maxBodyBytes}-byte limit`)
    this.tell(() => this.init.onServed?.({ netuid: request.netuid, ms: this.now() - arrived }))
    return signResponse(hotkey, { requestId, status: 'Ok', body })
  }

  /** Runs a stats callback; one that throws is logged and never changes the answer. */
  private tell(callback: () => void): void {
    try {
      callback()
    } catch (error) {
      this.log.error('a query stats callback threw: %e', error)
    }
  }
}

function isPeerId(value: PeerId | Multiaddr): value is PeerId {
  return typeof (value as PeerId).toMultihash === 'function'
}

function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason)
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason)
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
  })
}

/** The libp2p service factory: `services: { query: webtensorQuery({ hotkey, lookupValidator }) }`. */
export function webtensorQuery(init: QueryServiceInit): (components: QueryComponents) => QueryService {
  return (components) => new QueryService(components, init)
}
