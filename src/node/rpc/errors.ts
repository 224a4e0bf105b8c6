// JSON-RPC error objects with the codes and messages jsonrpsee (and so Substrate) uses, and the RpcError handlers throw.

/** `{ code, message, data? }`, the `error` member of a JSON-RPC response. */
export type ErrorObject = { code: number; message: string; data?: unknown }

export const PARSE_ERROR = -32700
export const INVALID_REQUEST = -32600
export const METHOD_NOT_FOUND = -32601
export const INVALID_PARAMS = -32602
export const INTERNAL_ERROR = -32603
/** jsonrpsee's server codes (`jsonrpsee_types::error`), as Substrate nodes answer them. */
export const TOO_MANY_SUBSCRIPTIONS = -32006
export const OVERSIZED_REQUEST = -32007
export const OVERSIZED_RESPONSE = -32008
export const TOO_BIG_BATCH_RESPONSE = -32011

/**
 * An error a handler throws to answer with a specific JSON-RPC error; serialised as
 * `{ code, message, data }` (`data` omitted when undefined). Any other thrown value becomes
 * -32603 "Internal error", without its message or stack.
 */
export class RpcError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly data?: unknown,
  ) {
    super(message)
    this.name = 'RpcError'
  }

  toJSON(): ErrorObject {
    return this.data === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, data: this.data }
  }
}

/** -32602 as jsonrpsee writes it: message "Invalid params", the reason in `data` (polkadot-js shows "-32602: Invalid params: <reason>"). */
export function invalidParams(reason: string): RpcError {
  return new RpcError(INVALID_PARAMS, 'Invalid params', reason)
}

export const parseError = (): ErrorObject => ({ code: PARSE_ERROR, message: 'Parse error' })
export const invalidRequest = (): ErrorObject => ({ code: INVALID_REQUEST, message: 'Invalid request' })
export const methodNotFound = (): ErrorObject => ({ code: METHOD_NOT_FOUND, message: 'Method not found' })
export const internalError = (): ErrorObject => ({ code: INTERNAL_ERROR, message: 'Internal error' })

const exceeded = (limit: number) => `Exceeded max limit of ${limit}`
export const requestTooBig = (limit: number): ErrorObject => ({ code: OVERSIZED_REQUEST, message: 'Request is too big', data: exceeded(limit) })
export const responseTooBig = (limit: number): ErrorObject => ({ code: OVERSIZED_RESPONSE, message: 'Response is too big', data: exceeded(limit) })
export const batchResponseTooBig = (limit: number): ErrorObject => ({
  code: TOO_BIG_BATCH_RESPONSE,
  message: 'The batch response was too large',
  data: exceeded(limit),
})
export const tooManySubscriptions = (limit: number): RpcError =>
  new RpcError(TOO_MANY_SUBSCRIPTIONS, 'Too many subscriptions on the connection', exceeded(limit))
