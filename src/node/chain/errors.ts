// What the chain service refuses, as values the RPC layer maps onto Substrate's error codes and messages.
import type { TransactionInvalid } from '../../runtime/host.ts'
import type { PoolError } from '../pool/pool.ts'
import type { Hex } from './header.ts'

/**
 * A block that cannot be read: unknown, or its state was pruned. The message is the one Substrate's client gives
 * (`sp_blockchain::Error::UnknownBlock`'s payload), so the RPC can wrap it as a node would.
 */
export class UnknownBlockError extends Error {
  override name = 'UnknownBlockError'
  constructor(
    readonly hash: Hex,
    readonly reason: 'unknown' | 'discarded',
  ) {
    super(reason === 'discarded' ? `State already discarded for ${hash}` : `Header was not found in the database: ${hash}`)
  }
}

/** A runtime API call that failed inside the runtime (Substrate: `Execution failed: …`). */
export class RuntimeCallError extends Error {
  override name = 'RuntimeCallError'
  constructor(
    readonly method: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options)
  }
}

/** Why the pool did not take a transaction. */
export type Refusal =
  /** The runtime's verdict (`TransactionValidityError`), or the node's own decoding of the opaque extrinsic (`BadFormat`). */
  | { kind: 'validity'; invalid: TransactionInvalid }
  /** The pool's own rules: `AlreadyImported`, `TemporarilyBanned`, `TooLowPriority`, `ImmediatelyDropped`, `CycleDetected`, `NoTagsProvided`. */
  | { kind: 'pool'; code: PoolError['code'] | 'NoTagsProvided'; message: string }
  /** The runtime failed while validating (Substrate: `Verification Error: …`). */
  | { kind: 'verification'; message: string }

export class TransactionRefused extends Error {
  override name = 'TransactionRefused'
  constructor(
    readonly hash: Hex | undefined,
    readonly refusal: Refusal,
  ) {
    super(describeRefusal(refusal))
  }
}

function describeRefusal(refusal: Refusal): string {
  switch (refusal.kind) {
    case 'validity':
      return `${refusal.invalid.kind} transaction: ${refusal.invalid.message}`
    case 'pool':
      return refusal.message
    case 'verification':
      return `Verification Error: ${refusal.message}`
  }
}

/** A dev_* request the chain cannot carry out, with what was wrong. */
export class DevRequestError extends Error {
  override name = 'DevRequestError'
}

/** The chain service was closed. */
export class ChainClosedError extends Error {
  override name = 'ChainClosedError'
  constructor() {
    super('the devnet chain is closed')
  }
}
