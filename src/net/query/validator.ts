// The validator's side: signs requests with fresh nonces, and checks each response (signature, request id, deadline, size, body hash) before its body is used.
import { u8aToHex } from '@polkadot/util'
import { MAX_BODY_BYTES, MESSAGE_OVERHEAD_BYTES } from './constants.ts'
import { MalformedMessageError, QueryRequest, decodeResponse, hashBody, requestId, requestSigningPayload, responseSigningPayload, type QueryResponse } from './messages.ts'
import { statusName, type ResponseRejection, type StatusName } from './reasons.ts'
import { sameBytes, verifySr25519, type Signer } from './signer.ts'

export type RequestParameters = {
  netuid: number
  minerHotkey: Uint8Array
  nonce: bigint
  /** Milliseconds since the Unix epoch after which the miner must not answer. */
  deadline: number
  body: Uint8Array
}

export type SignedRequest = {
  /** The wire message (one length-prefixed frame). */
  bytes: Uint8Array
  /** What the response must quote. */
  requestId: Uint8Array
  minerHotkey: Uint8Array
  deadline: number
}

/** Signs a request with the validator hotkey. */
export function signRequest(validator: Signer, parameters: RequestParameters): SignedRequest {
  const { netuid, minerHotkey, nonce, deadline, body } = parameters
  if (!(Number.isInteger(netuid) && netuid >= 0 && netuid <= 0xffff)) throw new RangeError(`netuid must be a u16, got ${netuid}`)
  if (minerHotkey.length !== 32) throw new RangeError(`the miner hotkey must be 32 bytes, got ${minerHotkey.length}`)
  if (nonce < 0n || nonce >= 1n << 64n) throw new RangeError(`the nonce must be a u64, got ${nonce}`)
  if (!(Number.isSafeInteger(deadline) && deadline >= 0)) throw new RangeError(`the deadline must be whole milliseconds since the epoch, got ${deadline}`)
  const fields = { netuid, validatorHotkey: validator.publicKey, minerHotkey, nonce, deadline: BigInt(deadline), bodyHash: hashBody(body) }
  const signature = validator.sign(requestSigningPayload(fields))
  return { bytes: QueryRequest.enc({ ...fields, body, signature }), requestId: requestId(fields, signature), minerHotkey, deadline }
}

/**
 * Strictly increasing nonces that survive restarts without being stored: the first is the clock in microseconds, each
 * next one the previous plus one. The clock gains a million a second, so a restarted validator starts above every nonce
 * it used before unless it averaged over a million requests a second. Consecutive requests get consecutive nonces, so
 * the miner's replay window (REPLAY_WINDOW) is counted in requests: that many may arrive out of order.
 */
export class NonceSource {
  private last: bigint | undefined

  constructor(private readonly now: () => number = Date.now) {}

  next(): bigint {
    this.last = this.last === undefined ? BigInt(Math.floor(this.now())) * 1000n : this.last + 1n
    return this.last
  }
}

export type ResponseExpectation = {
  requestId: Uint8Array
  minerHotkey: Uint8Array
  deadline: number
  /** Largest response body accepted (default MAX_BODY_BYTES). */
  maxBodyBytes?: number
  /** When the response arrived, in milliseconds since the epoch (default now). */
  receivedAt?: number
}

export type CheckedResponse = { ok: true; status: StatusName; body: Uint8Array; response: QueryResponse }
export type RejectedResponse = { ok: false; reason: ResponseRejection; message: string }

/** Checks a response against the request it answers; a signed refusal passes with its `status` (the caller decides). */
export function checkResponse(bytes: Uint8Array, expected: ResponseExpectation): CheckedResponse | RejectedResponse {
  const maxBodyBytes = expected.maxBodyBytes ?? MAX_BODY_BYTES
  if (bytes.length > maxBodyBytes + MESSAGE_OVERHEAD_BYTES) return reject('TooLarge', `the response is ${bytes.length} bytes; bodies up to ${maxBodyBytes} bytes are accepted`)
  let response: QueryResponse
  try {
    response = decodeResponse(bytes)
  } catch (error) {
    if (error instanceof MalformedMessageError) return reject('Malformed', error.message)
    throw error
  }
  const status = statusName(response.status)
  if (status === undefined) return reject('Malformed', `unknown status code ${response.status}`)
  const { body, signature, ...fields } = response
  if (signature.length === 0) return reject('Unsigned', 'the response is not signed')
  if (!verifySr25519(responseSigningPayload(fields), signature, expected.minerHotkey)) {
    return reject('BadSignature', `the response is not signed by miner ${u8aToHex(expected.minerHotkey)}`)
  }
  if (!sameBytes(response.requestId, expected.requestId)) return reject('WrongRequestId', `the response answers request ${u8aToHex(response.requestId)}, not ${u8aToHex(expected.requestId)}`)
  const receivedAt = expected.receivedAt ?? Date.now()
  if (receivedAt > expected.deadline) return reject('Late', `the response arrived ${receivedAt - expected.deadline} ms after the deadline`)
  if (body.length > maxBodyBytes) return reject('TooLarge', `the body is ${body.length} bytes; up to ${maxBodyBytes} are accepted`)
  if (!sameBytes(hashBody(body), response.bodyHash)) return reject('BodyHashMismatch', 'the body does not hash to the signed body hash')
  return { ok: true, status, body, response }
}

function reject(reason: ResponseRejection, message: string): RejectedResponse {
  return { ok: false, reason, message }
}
