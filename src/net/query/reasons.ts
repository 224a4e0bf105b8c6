// The status a miner puts in every response (Ok or why it refused), and the reasons a validator refuses a response.

/** Wire status codes (one byte). Codes are never reused: a new reason takes the next number. */
export const Status = {
  Ok: 0,
  /** The request could not be decoded, or has trailing bytes. */
  Malformed: 1,
  /** Missing (unsigned) or wrong sr25519 signature by the validator hotkey. */
  BadSignature: 2,
  /** The request is addressed to another miner hotkey. */
  WrongMinerHotkey: 3,
  /** This miner does not serve the request's netuid. */
  NotServed: 4,
  /** The nonce was already used by this validator. */
  Replayed: 5,
  /** The nonce is older than the replay window below the validator's highest nonce. */
  StaleNonce: 6,
  /** The request's deadline has passed. */
  Expired: 7,
  /** The deadline is further ahead than the miner accepts (MAX_DEADLINE_AHEAD_MS). */
  DeadlineTooFar: 8,
  /** The caller's hotkey has no validator permit on the subnet. */
  NoValidatorPermit: 9,
  /** The body is larger than the miner accepts. */
  TooLarge: 10,
  /** The caller is over its stake-weighted request rate. */
  RateLimited: 11,
  /** The body does not hash to the signed body hash. */
  BodyHashMismatch: 12,
  /** The miner's handler failed or ran out of time; the body carries its message. */
  HandlerFailed: 13,
} as const

export type StatusName = keyof typeof Status
export type StatusCode = (typeof Status)[StatusName]
/** Every reason a miner refuses a request. */
export type RefusalReason = Exclude<StatusName, 'Ok'>

const names = new Map<number, StatusName>(Object.entries(Status).map(([name, code]) => [code, name as StatusName]))

/** The name of a wire status, or undefined for a code this version does not know. */
export function statusName(code: number): StatusName | undefined {
  return names.get(code)
}

/** Why a validator refuses a response (never sent on the wire). */
export type ResponseRejection =
  /** Could not be decoded, or has trailing bytes, or an unknown status. */
  | 'Malformed'
  /** No signature. */
  | 'Unsigned'
  /** A signature that the miner hotkey did not make over this response. */
  | 'BadSignature'
  /** Answers another request. */
  | 'WrongRequestId'
  /** Arrived after the request's deadline. */
  | 'Late'
  /** Larger than the validator accepts. */
  | 'TooLarge'
  /** The body does not hash to the signed body hash. */
  | 'BodyHashMismatch'
