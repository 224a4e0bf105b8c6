// The miner's side: admits a request through every check in order (each refusal a reason code) and signs responses.
import { u8aToHex } from '@polkadot/util'
import { MAX_BODY_BYTES, MAX_DEADLINE_AHEAD_MS, MESSAGE_OVERHEAD_BYTES } from './constants.ts'
import { MalformedMessageError, NO_REQUEST_ID, QueryResponse, decodeRequest, hashBody, requestId, requestSigningPayload, responseSigningPayload, type QueryRequest } from './messages.ts'
import { DEFAULT_RATE_LIMIT, RateLimiter, type RateLimit } from './rateLimit.ts'
import { Status, type RefusalReason, type StatusName } from './reasons.ts'
import { ReplayCache } from './replay.ts'
import { sameBytes, verifySr25519, type Signer } from './signer.ts'

/** What the chain says of a caller on a subnet: read at the edge (e.g. from the metagraph), cached there as it sees fit. */
export type ValidatorInfo = {
  /** Whether the hotkey holds a validator permit on the subnet. */
  permit: boolean
  /** Its share (0…1) of the stake held by the subnet's permit holders; weights its rate limit. */
  stakeWeight: number
}

export type ValidatorLookup = (netuid: number, hotkey: Uint8Array) => ValidatorInfo | Promise<ValidatorInfo>

export type RequestGateInit = {
  /** The miner's hotkey (public key): requests to any other are refused. */
  minerHotkey: Uint8Array
  /** Netuids this miner serves. */
  isServed: (netuid: number) => boolean
  lookupValidator: ValidatorLookup
  /** Largest request body accepted (default MAX_BODY_BYTES). */
  maxBodyBytes?: number
  maxDeadlineAheadMs?: number
  rateLimit?: RateLimit
  replay?: ReplayCache
  /** Milliseconds since the Unix epoch (default Date.now): the clock deadlines and buckets are read against. */
  now?: () => number
}

export type Admitted = { ok: true; request: QueryRequest; requestId: Uint8Array }
export type Refused = { ok: false; reason: RefusalReason; message: string; requestId: Uint8Array }

/**
 * Runs a request through the miner's checks, cheapest and most selective first: size, decoding, addressee, netuid, body
 * size, deadline, signature, body hash, then the permit (the only chain read), the nonce (recorded only for permit
 * holders, so the cache holds no junk), and last the rate limit. Nothing is recorded for a request refused before the nonce.
 */
export class RequestGate {
  readonly maxBodyBytes: number
  private readonly maxDeadlineAheadMs: number
  private readonly replay: ReplayCache
  private readonly rate: RateLimiter
  private readonly now: () => number

  constructor(private readonly init: RequestGateInit) {
    this.maxBodyBytes = init.maxBodyBytes ?? MAX_BODY_BYTES
    this.maxDeadlineAheadMs = init.maxDeadlineAheadMs ?? MAX_DEADLINE_AHEAD_MS
    this.now = init.now ?? Date.now
    this.replay = init.replay ?? new ReplayCache()
    this.rate = new RateLimiter(init.rateLimit ?? DEFAULT_RATE_LIMIT, this.now)
  }

  async admit(bytes: Uint8Array): Promise<Admitted | Refused> {
    // 1. size before anything is decoded
    if (bytes.length > this.maxBodyBytes + MESSAGE_OVERHEAD_BYTES) {
      return refuse('TooLarge', NO_REQUEST_ID, `the request is ${bytes.length} bytes; this miner accepts bodies up to ${this.maxBodyBytes} bytes`)
    }
    // 2. decoding
    let request: QueryRequest
    try {
      request = decodeRequest(bytes)
    } catch (error) {
      if (error instanceof MalformedMessageError) return refuse('Malformed', NO_REQUEST_ID, error.message)
      throw error
    }
    const { body, signature, ...fields } = request
    const id = requestId(fields, signature)
    // 3. addressee and subnet
    if (!sameBytes(request.minerHotkey, this.init.minerHotkey)) {
      return refuse('WrongMinerHotkey', id, `the request is for miner ${u8aToHex(request.minerHotkey)}, this is ${u8aToHex(this.init.minerHotkey)}`)
    }
    if (!this.init.isServed(request.netuid)) return refuse('NotServed', id, `this miner does not serve netuid ${request.netuid}`)
    if (body.length > this.maxBodyBytes) return refuse('TooLarge', id, `the body is ${body.length} bytes; this miner accepts up to ${this.maxBodyBytes}`)
    // 4. deadline
    const now = Math.floor(this.now())
    if (request.deadline < BigInt(now)) return refuse('Expired', id, `the deadline ${request.deadline} passed ${now - Number(request.deadline)} ms ago`)
    if (request.deadline > BigInt(now + this.maxDeadlineAheadMs)) {
      return refuse('DeadlineTooFar', id, `the deadline is ${Number(request.deadline) - now} ms ahead; at most ${this.maxDeadlineAheadMs} ms is accepted`)
    }
    // 5. signature, then the body it covers
    if (!verifySr25519(requestSigningPayload(fields), signature, request.validatorHotkey)) {
      return refuse('BadSignature', id, signature.length === 0 ? 'the request is not signed' : `the signature is not by validator ${u8aToHex(request.validatorHotkey)}`)
    }
    if (!sameBytes(hashBody(body), request.bodyHash)) return refuse('BodyHashMismatch', id, 'the body does not hash to the signed body hash')
    // 6. the caller's permit (a chain read at the edge)
    const validator = await this.init.lookupValidator(request.netuid, request.validatorHotkey)
    if (!validator.permit) return refuse('NoValidatorPermit', id, `${u8aToHex(request.validatorHotkey)} has no validator permit on netuid ${request.netuid}`)
    // 7. nonce, then rate: synchronous after the lookup, so concurrent duplicates cannot both pass
    const key = u8aToHex(request.validatorHotkey)
    const nonce = this.replay.accept(key, request.nonce)
    if (nonce === 'Replayed') return refuse('Replayed', id, `nonce ${request.nonce} was already used`)
    if (nonce === 'StaleNonce') return refuse('StaleNonce', id, `nonce ${request.nonce} is below this validator's replay window`)
    if (!this.rate.take(key, validator.stakeWeight)) {
      return refuse('RateLimited', id, `over ${this.rate.rateFor(validator.stakeWeight).toFixed(1)} requests/s for this validator's stake`)
    }
    return { ok: true, request, requestId: id }
  }
}

function refuse(reason: RefusalReason, id: Uint8Array, message: string): Refused {
  return { ok: false, reason, message, requestId: id }
}

/** A response signed by the miner hotkey: the handler's output (Ok) or a refusal with its message as body. */
export function signResponse(miner: Signer, response: { requestId: Uint8Array; status: StatusName; body: Uint8Array }): Uint8Array {
  const fields = { requestId: response.requestId, status: Status[response.status], bodyHash: hashBody(response.body) }
  const signature = miner.sign(responseSigningPayload(fields))
  return QueryResponse.enc({ ...fields, body: response.body, signature })
}

/** The signed response for a refusal. */
export function signRefusal(miner: Signer, refused: Refused): Uint8Array {
  return signResponse(miner, { requestId: refused.requestId, status: refused.reason, body: new TextEncoder().encode(refused.message) })
}
