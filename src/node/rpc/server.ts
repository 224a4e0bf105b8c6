// The devnet's JSON-RPC server: one port speaking HTTP POST and WebSocket as Substrate's combined server does, serving a method registry.
import { once } from 'node:events'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { WebSocket, WebSocketServer } from 'ws'
import { type DispatchOptions, errorResponse, handleMessage, type RpcLogger, type Session } from './dispatch.ts'
import { requestTooBig } from './errors.ts'
import type { RpcMethods } from './methods.ts'
import { Subscriptions } from './subscriptions.ts'

export type { RpcLogger } from './dispatch.ts'

export type RpcServerOptions = {
  /** Interface to bind; loopback unless told otherwise. */
  host?: string
  /** 0 picks a free port; `RpcServer.port` tells which. */
  port: number
  methods: RpcMethods
  /** Largest HTTP body or WebSocket message served (Substrate's `--rpc-max-request-size`, 15 MiB). */
  maxRequestBytes?: number
  /** Largest response (Substrate's `--rpc-max-response-size`, 15 MiB); a bigger one is answered with -32008. */
  maxResponseBytes?: number
  /** Substrate's `--rpc-max-subscriptions-per-connection`, 1024. */
  maxSubscriptionsPerConnection?: number
  /** Bytes a WebSocket client may leave unread before it is dropped, so a slow reader cannot grow the server's memory. */
  maxBufferedBytes?: number
  logger?: RpcLogger
}

export type RpcServer = {
  /** The bound port (the one chosen when `port` was 0). */
  port: number
  /** `ws://host:port`; the same port answers `http://` POSTs. */
  url: string
  httpUrl: string
  /** Stops every subscription, closes every connection (WebSockets with 1001) and the listener. */
  close(): Promise<void>
  /** Open WebSocket connections. */
  connections(): number
}

const MiB = 1024 * 1024
/**
 * ws reads a whole message before handing it over, and closes the connection (code 1009) past
 * `maxPayload`. Messages up to this many times `maxRequestBytes` are read and answered with -32007
 * on a connection that keeps serving, as jsonrpsee does; beyond it ws closes the connection, which
 * bounds what one message can make the server hold.
 */
const OVERSIZED_MESSAGE_FACTOR = 2
/** Time clients get to answer the close handshake when the server closes, before their sockets are destroyed. */
const CLOSE_GRACE_MS = 1000
const JSON_TYPES = new Set(['application/json', 'application/json-rpc'])
const HEALTH_LINE = 'webtensor devnet JSON-RPC: POST application/json or open a WebSocket on this port\n'

export async function createRpcServer(options: RpcServerOptions): Promise<RpcServer> {
  const {
    host = '127.0.0.1',
    methods,
    maxRequestBytes = 15 * MiB,
    maxResponseBytes = 15 * MiB,
    maxSubscriptionsPerConnection = 1024,
    maxBufferedBytes = 64 * MiB,
    logger = console,
  } = options
  const dispatch: DispatchOptions = { methods, maxResponseBytes, logger }
  const sockets = new Map<WebSocket, Subscriptions>()
  let nextConnectionId = 0
  let closing: Promise<void> | undefined

  const server = createServer((req, res) => serveHttp(req, res))
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: Math.min(OVERSIZED_MESSAGE_FACTOR * maxRequestBytes, 2 ** 31 - 1), // ws keeps it as an int32
    perMessageDeflate: false,
    clientTracking: false,
  })

  function serveHttp(req: IncomingMessage, res: ServerResponse) {
    res.setHeader('Access-Control-Allow-Origin', '*')
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { 'Access-Control-Allow-Methods': 'POST, GET, OPTIONS', 'Access-Control-Allow-Headers': 'Content-Type' }).end()
      return
    }
    if ((req.method === 'GET' || req.method === 'HEAD') && req.url === '/') return text(res, 200, HEALTH_LINE)
    if (req.method !== 'POST') return text(res, 405, 'Used HTTP Method is not allowed. POST is required\n', { Allow: 'POST, GET, OPTIONS' })
    const mediaType = req.headers['content-type']?.split(';')[0]?.trim().toLowerCase() ?? ''
    if (!JSON_TYPES.has(mediaType)) {
      return text(res, 415, 'Supplied content type is not allowed. Content-Type: application/json is required\n')
    }

    const abort = new AbortController()
    res.on('close', () => {
      if (!res.writableFinished) abort.abort()
    })
    const tooLarge = () => {
      // The rest of the body is read and dropped, then the connection closes.
      const body = errorResponse(null, requestTooBig(maxRequestBytes))
      res.writeHead(413, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body), Connection: 'close' })
      res.end(body)
    }
    if (Number(req.headers['content-length']) > maxRequestBytes) {
      req.resume()
      return tooLarge()
    }
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      if (size > maxRequestBytes) return
      size += chunk.length
      if (size <= maxRequestBytes) return void chunks.push(chunk)
      chunks.length = 0
      tooLarge()
    })
    req.on('error', () => {}) // the client went away; res 'close' aborts the call
    req.on('end', () => {
      if (size > maxRequestBytes) return
      const session: Session = { ctx: { transport: 'http', connectionId: ++nextConnectionId, signal: abort.signal } }
      void handleMessage(Buffer.concat(chunks), session, dispatch).then((reply) => {
        if (res.destroyed) return
        if (!reply) return void res.writeHead(204).end()
        res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(reply.body) })
        res.end(reply.body)
      })
    })
  }

  server.on('upgrade', (req, socket, head) => {
    if (closing) return void socket.destroy()
    wss.handleUpgrade(req, socket, head, (ws) => serveWebSocket(ws, req))
  })

  function serveWebSocket(ws: WebSocket, req: IncomingMessage) {
    if (closing) return void ws.terminate() // its handshake finished after close() began
    const connectionId = ++nextConnectionId
    const peer = `${req.socket.remoteAddress}:${req.socket.remotePort}`
    const abort = new AbortController()
    const send = (message: string): boolean => {
      if (ws.readyState !== WebSocket.OPEN) return false
      ws.send(message)
      if (ws.bufferedAmount <= maxBufferedBytes) return true
      logger.warn(`rpc: dropping WebSocket connection ${connectionId} from ${peer}: ${ws.bufferedAmount} bytes unread, over the ${maxBufferedBytes}-byte limit`)
      ws.terminate()
      return false
    }
    const subscriptions = new Subscriptions(send, maxSubscriptionsPerConnection, logger)
    const session: Session = { ctx: { transport: 'ws', connectionId, signal: abort.signal }, subscriptions }
    sockets.set(ws, subscriptions)

    ws.on('message', (data: Buffer) => {
      if (data.length > maxRequestBytes) return void send(errorResponse(null, requestTooBig(maxRequestBytes)))
      void handleMessage(data, session, dispatch).then((reply) => reply?.settle(send(reply.body)))
    })
    // Protocol errors only (a message over ws's maxPayload, a malformed frame); ws then closes the connection.
    ws.on('error', (error) => logger.warn(`rpc: closing WebSocket connection ${connectionId} from ${peer}: ${error.message}`))
    ws.on('close', () => {
      sockets.delete(ws)
      abort.abort()
      subscriptions.closeAll()
    })
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  server.on('error', (error) => logger.error('rpc: server error', error))
  const { port } = server.address() as AddressInfo
  const authority = `${urlHost(host)}:${port}`

  return {
    port,
    url: `ws://${authority}`,
    httpUrl: `http://${authority}`,
    connections: () => sockets.size,
    close() {
      closing ??= (async () => {
        const closed = [...sockets].map(([ws, subscriptions]) => {
          subscriptions.closeAll()
          ws.close(1001, 'Server is shutting down')
          return once(ws, 'close')
        })
        const grace = setTimeout(() => {
          for (const ws of sockets.keys()) ws.terminate()
        }, CLOSE_GRACE_MS)
        const listenerClosed = new Promise((resolve) => server.close(resolve))
        server.closeAllConnections()
        await Promise.all([listenerClosed, ...closed])
        clearTimeout(grace)
      })()
      return closing
    },
  }
}

function text(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(body), ...headers })
  res.end(body)
}

/** The host as a URL writes it: wildcard binds are reached on loopback, IPv6 goes in brackets. */
function urlHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1'
  if (host === '::') return '[::1]'
  return host.includes(':') ? `[${host}]` : host
}
