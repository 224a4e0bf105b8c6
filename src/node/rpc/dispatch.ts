// JSON-RPC 2.0 message handling shared by both transports: parse, validate, run a call or a batch, and serialise the answer with jsonrpsee's errors.
import {
  batchResponseTooBig,
  type ErrorObject,
  INTERNAL_ERROR,
  internalError,
  invalidParams,
  invalidRequest,
  methodNotFound,
  parseError,
  responseTooBig,
  RpcError,
} from './errors.ts'
import type { CallContext, RpcMethods } from './methods.ts'
import { Params } from './params.ts'
import type { Subscriptions } from './subscriptions.ts'

/** Where the server reports what an operator should see (`console` fits). */
export type RpcLogger = {
  warn(message: string): void
  error(message: string, error?: unknown): void
}

/** As jsonrpsee accepts them: a string, null, or an unsigned integer (only up to 2^53 - 1, the ones JavaScript echoes exactly). */
export type Id = string | number | null

/** Where a message came from: the call context, and the connection's subscriptions (WebSocket only). */
export type Session = { ctx: CallContext; subscriptions?: Subscriptions }

export type DispatchOptions = { methods: RpcMethods; maxResponseBytes: number; logger: RpcLogger }

/** The serialised answer to a message, and what the transport calls once it was sent, or could not be. */
export type Reply = { body: string; settle(delivered: boolean): void }

const utf8 = new TextDecoder('utf-8', { fatal: true })

/** Answers one HTTP body or WebSocket message; undefined when nothing is to be sent (notifications only). Never rejects. */
export async function handleMessage(bytes: Uint8Array, session: Session, options: DispatchOptions): Promise<Reply | undefined> {
  let message: unknown
  try {
    message = JSON.parse(utf8.decode(bytes))
  } catch {
    return plain(errorResponse(null, parseError()))
  }
  if (!Array.isArray(message)) return handleRequest(message, session, options)
  if (message.length === 0) return plain(errorResponse(null, invalidRequest()))

  const replies = (await Promise.all(message.map((m) => handleRequest(m, session, options)))).filter((r) => r !== undefined)
  if (replies.length === 0) return undefined
  const settle = (delivered: boolean) => {
    for (const reply of replies) reply.settle(delivered)
  }
  const body = `[${replies.map((r) => r.body).join(',')}]`
  if (Buffer.byteLength(body) <= options.maxResponseBytes) return { body, settle }
  settle(false)
  options.logger.warn(`rpc: a batch response of ${Buffer.byteLength(body)} bytes is over the ${options.maxResponseBytes}-byte limit`)
  return plain(errorResponse(null, batchResponseTooBig(options.maxResponseBytes)))
}

async function handleRequest(request: unknown, session: Session, options: DispatchOptions): Promise<Reply | undefined> {
  if (!isRecord(request)) return plain(errorResponse(null, invalidRequest()))
  const isCall = Object.hasOwn(request, 'id')
  const { id, method, params } = request
  const validId = isId(id)
  if (request.jsonrpc !== '2.0' || typeof method !== 'string' || (isCall && !validId) || !isParamsShape(params)) {
    return plain(errorResponse(validId ? id : null, invalidRequest()))
  }
  if (isCall) return call(validId ? id : null, method, params, session, options)

  // A notification is run but never answered; a subscription started by one could not tell its id.
  if (options.methods.get(method)?.kind !== 'subscribe') void call(null, method, params, session, options)
  return undefined
}

async function call(id: Id, method: string, rawParams: unknown, session: Session, options: DispatchOptions): Promise<Reply> {
  const entry = options.methods.get(method)
  if (!entry) return plain(errorResponse(id, methodNotFound()))
  try {
    // jsonrpsee answers subscription methods over HTTP with -32603.
    if (entry.kind !== 'call' && !session.subscriptions) throw new RpcError(INTERNAL_ERROR, 'Internal error')
    const params = toParams(rawParams)
    switch (entry.kind) {
      case 'call':
        return success(id, await entry.handler(params, session.ctx), method, options)
      case 'subscribe': {
        const opened = await session.subscriptions!.open(entry.subscription, params, session.ctx)
        return { body: JSON.stringify({ jsonrpc: '2.0', result: opened.id, id }), settle: opened.settle }
      }
      case 'unsubscribe':
        return success(id, session.subscriptions!.cancel(entry.subscription, params), method, options)
    }
  } catch (error) {
    return plain(errorResponse(id, toErrorObject(error, method, options.logger)))
  }
}

function success(id: Id, result: unknown, method: string, options: DispatchOptions): Reply {
  let body: string
  try {
    body = JSON.stringify({ jsonrpc: '2.0', result: result ?? null, id })
  } catch (error) {
    options.logger.error(`rpc: the result of ${method} cannot be serialised`, error)
    return plain(errorResponse(id, internalError()))
  }
  if (Buffer.byteLength(body) <= options.maxResponseBytes) return plain(body)
  options.logger.warn(`rpc: a ${method} response of ${Buffer.byteLength(body)} bytes is over the ${options.maxResponseBytes}-byte limit`)
  return plain(errorResponse(id, responseTooBig(options.maxResponseBytes)))
}

/** A JSON-RPC error response; `id` is null when the request's own could not be read. */
export function errorResponse(id: Id, error: ErrorObject): string {
  try {
    return JSON.stringify({ jsonrpc: '2.0', error, id })
  } catch {
    return JSON.stringify({ jsonrpc: '2.0', error: internalError(), id })
  }
}

function toErrorObject(error: unknown, method: string, logger: RpcLogger): ErrorObject {
  if (error instanceof RpcError) return error.toJSON()
  logger.error(`rpc: ${method} failed`, error)
  return internalError()
}

function toParams(raw: unknown): Params {
  if (raw === undefined || raw === null) return new Params([])
  if (Array.isArray(raw)) return new Params(raw)
  throw invalidParams('named params are not supported, pass an array')
}

const plain = (body: string): Reply => ({ body, settle: () => {} })

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

const isId = (v: unknown): v is Id => v === null || typeof v === 'string' || (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0)

const isParamsShape = (v: unknown) => v === undefined || v === null || Array.isArray(v) || isRecord(v)
