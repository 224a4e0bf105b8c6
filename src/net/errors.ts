// Errors of the p2p layer, on the one base class of the project (src/chain/errors/base.ts): each says what went wrong and what to do.
import { WebtensorError } from '../chain/errors/base.ts'
import type { RefusalReason, ResponseRejection } from './query/reasons.ts'

/** The miner answered with a signed refusal. */
export class QueryRefusedError extends WebtensorError {
  override name = 'QueryRefusedError'
  constructor(
    readonly reason: RefusalReason,
    minerMessage: string,
  ) {
    super(`The miner refused the query: ${reason}`, { details: minerMessage || undefined, metaMessages: refusalHelp[reason] ? [refusalHelp[reason]] : undefined })
  }
}

const refusalHelp: Partial<Record<RefusalReason, string>> = {
  NoValidatorPermit: 'Only hotkeys with a validator permit on the subnet can query its miners; stake more, or wait for the next epoch.',
  RateLimited: 'Send fewer queries to this miner; the allowed rate grows with the validator’s stake.',
  Expired: 'The deadline had passed when the miner read the request: raise the timeout or check the clocks.',
  WrongMinerHotkey: 'The peer does not hold the hotkey the query was addressed to: re-read its commitment from the chain.',
}

/** The validator refused the miner's response. */
export class QueryResponseRejectedError extends WebtensorError {
  override name = 'QueryResponseRejectedError'
  constructor(
    readonly reason: ResponseRejection,
    details: string,
  ) {
    super(`The miner's response was rejected: ${reason}`, { details })
  }
}

/** No response within the timeout (a remote hang-up is otherwise noticed only after ~8 s). */
export class QueryTimeoutError extends WebtensorError {
  override name = 'QueryTimeoutError'
  constructor(timeoutMs: number, cause?: unknown) {
    super(`The query timed out after ${timeoutMs} ms`, { cause, metaMessages: ['The miner may be busy or gone; pass a longer { timeout } for slow tasks.'] })
  }
}

/** Only a relayed (limited) connection reaches the peer, and the caller did not allow one. */
export class NoDirectConnectionError extends WebtensorError {
  override name = 'NoDirectConnectionError'
  constructor(peer: string) {
    super(`No direct connection to ${peer}, only a relayed one`, {
      metaMessages: ['Dial its /p2p-circuit/webrtc address to get a direct WebRTC link, or pass { allowLimited: true } (the relay caps it at 2 minutes / 128 KiB).'],
    })
  }
}

/** The query stream failed (reset, closed mid-message, or an over-size frame). */
export class QueryStreamError extends WebtensorError {
  override name = 'QueryStreamError'
  constructor(peer: string, cause: unknown) {
    super(`The query stream to ${peer} failed`, { cause, details: cause instanceof Error ? cause.message : String(cause) })
  }
}
