// The /webtensor/query/1.0.0 wire messages and signing payloads as SCALE codecs (types derived from them), the body hash and the request id.
import { Bytes, Struct, str, u16, u64, u8, type CodecType } from '@polkadot-api/substrate-bindings'
import { u8aConcat } from '@polkadot/util'
import { blake2AsU8a } from '@polkadot/util-crypto'
import { REQUEST_DOMAIN, RESPONSE_DOMAIN } from './constants.ts'

const Hash = Bytes(32)
const Hotkey = Bytes(32)

/**
 * A validator's request. On the wire each message is one `lpStream` frame (unsigned-varint length, then these bytes).
 * `deadline` is milliseconds since the Unix epoch; `signature` is empty when unsigned (refused) or 64 bytes of sr25519.
 */
export const QueryRequest = Struct({
  netuid: u16,
  validatorHotkey: Hotkey,
  minerHotkey: Hotkey,
  nonce: u64,
  deadline: u64,
  bodyHash: Hash,
  body: Bytes(),
  signature: Bytes(),
})
export type QueryRequest = CodecType<typeof QueryRequest>
/** The signed fields of a request: everything but the body (covered by `bodyHash`) and the signature. */
export type QueryRequestFields = Omit<QueryRequest, 'body' | 'signature'>

/** What the validator hotkey signs: the domain, then the request's fields in wire order. */
export const RequestSigningPayload = Struct({
  domain: str,
  netuid: u16,
  validatorHotkey: Hotkey,
  minerHotkey: Hotkey,
  nonce: u64,
  deadline: u64,
  bodyHash: Hash,
})

/** A miner's response, signed by the miner hotkey whatever its status (refusals included). */
export const QueryResponse = Struct({
  /** The request answered; all zeros when the request could not be decoded. */
  requestId: Hash,
  /** A `Status` code. */
  status: u8,
  bodyHash: Hash,
  /** The handler's output; for a refusal, a UTF-8 explanation (may be empty). */
  body: Bytes(),
  signature: Bytes(),
})
export type QueryResponse = CodecType<typeof QueryResponse>
export type QueryResponseFields = Omit<QueryResponse, 'body' | 'signature'>

/** What the miner hotkey signs. */
export const ResponseSigningPayload = Struct({
  domain: str,
  requestId: Hash,
  status: u8,
  bodyHash: Hash,
})

/** The id of a request answering for a miner that has none to quote (the request could not be decoded). */
export const NO_REQUEST_ID = new Uint8Array(32)

/** blake2-256 of a body: what the signatures cover in place of the body itself. */
export function hashBody(body: Uint8Array): Uint8Array {
  return blake2AsU8a(body, 256)
}

export function requestSigningPayload(fields: QueryRequestFields): Uint8Array {
  return RequestSigningPayload.enc({ domain: REQUEST_DOMAIN, ...fields })
}

export function responseSigningPayload(fields: QueryResponseFields): Uint8Array {
  return ResponseSigningPayload.enc({ domain: RESPONSE_DOMAIN, ...fields })
}

/**
 * The id of a signed request: blake2-256 of its signing payload followed by its signature. It commits to every field
 * (the body through `bodyHash`) and differs for each signing (sr25519 signatures are randomised), so a response quoting
 * it answers exactly this request.
 */
export function requestId(fields: QueryRequestFields, signature: Uint8Array): Uint8Array {
  return blake2AsU8a(u8aConcat(requestSigningPayload(fields), signature), 256)
}

export class MalformedMessageError extends Error {
  override name = 'MalformedMessageError'
}

export function decodeRequest(bytes: Uint8Array): QueryRequest {
  const request = decodeExact(QueryRequest, bytes, 'request')
  fullLength('request', { validatorHotkey: request.validatorHotkey, minerHotkey: request.minerHotkey, bodyHash: request.bodyHash })
  return request
}

export function decodeResponse(bytes: Uint8Array): QueryResponse {
  const response = decodeExact(QueryResponse, bytes, 'response')
  fullLength('response', { requestId: response.requestId, bodyHash: response.bodyHash })
  return response
}

/** Decodes `bytes` as exactly one value: truncated input and trailing bytes are both refused. */
function decodeExact<T>(codec: { dec(bytes: Uint8Array): T; enc(value: T): Uint8Array }, bytes: Uint8Array, what: string): T {
  let value: T
  try {
    // scale-ts reads through a DataView of the whole underlying buffer: a view (as lpStream hands out) is copied first.
    value = codec.dec(bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice())
  } catch (error) {
    throw new MalformedMessageError(`cannot decode the ${what} (${bytes.length} bytes): ${(error as Error).message}`)
  }
  // scale-ts ignores what follows the value: re-encoding catches trailing bytes.
  const length = codec.enc(value).length
  if (length !== bytes.length) throw new MalformedMessageError(`the ${what} is ${bytes.length} bytes but its fields take ${length}`)
  return value
}

/** scale-ts cuts a fixed-size field short at the end of the input instead of failing. */
function fullLength(what: string, fields: Record<string, Uint8Array>): void {
  for (const [name, value] of Object.entries(fields)) {
    if (value.length !== 32) throw new MalformedMessageError(`the ${what}'s ${name} is ${value.length} bytes, not 32`)
  }
}
