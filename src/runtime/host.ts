// The contract between the runtime (pure state transition) and the devnet node that hosts it: what the node may ask, and what it gets back.
import type { RuntimeVersion } from './primitives/substrate.ts'
import type { Hex } from './primitives/types.ts'

/** Read-only state the runtime reads from: a trie snapshot (or anything with the same three methods). */
export interface StateReader {
  get(key: Uint8Array): Uint8Array | undefined
  nextKey(key: Uint8Array): Uint8Array | undefined
}

/** Mutable state a block is built on: the node passes a fork of the parent's state trie. */
export interface StateWriter extends StateReader {
  set(key: Uint8Array, value: Uint8Array): void
  delete(key: Uint8Array): void
  root(): Uint8Array
}

/** What the node knows of the chain when the runtime checks a transaction or builds a block. */
export interface ChainInfo {
  genesisHash: Hex
  /** The block the state belongs to (the best block, for validation). */
  parentNumber: number
  parentHash: Hex
  /** Hash of an ancestor (for mortal eras); undefined when unknown or too old. */
  blockHash(number: number): Hex | undefined
}

/** Substrate's `TransactionValidityError`, with the message the RPC shows (`1010: Invalid Transaction: …`). */
export type TransactionInvalid = {
  kind: 'Invalid' | 'Unknown' | 'BadFormat'
  /** Substrate's variant name: `Stale`, `Future`, `Payment`, `BadProof`, `AncientBirthBlock`, `Call`, `ExhaustsResources`, `BadSigner`, `CannotLookup`, … */
  variant: string
  /** Substrate's Display text for the variant, e.g. `Transaction is outdated`; for BadFormat, what failed to decode. */
  message: string
}

export type TransactionValid = {
  priority: bigint
  requires: Hex[]
  provides: Hex[]
  longevity: number
  propagate: boolean
}

export type ValidationResult = { ok: true; valid: TransactionValid; hash: Hex } | { ok: false; invalid: TransactionInvalid; hash: Hex }

/** What building a block needs besides the transactions: the inherent data and the pre-runtime digest. */
export type BlockInputs = {
  number: number
  parentHash: Hex
  /** Milliseconds since the Unix epoch (Timestamp.set inherent). */
  timestamp: bigint
  /** Aura slot (timestamp / slot duration); goes into the PreRuntime digest. */
  slot: bigint
}

export type AppliedExtrinsic = {
  hash: Hex
  /** Index in the block body (the timestamp inherent is 0). */
  index: number
  /** Whether the call itself succeeded (a failed call still pays its fee and is in the block). */
  success: boolean
}

export type BuiltBlock = {
  /** The SCALE-encoded header without the seal: the node signs its hash and appends the Aura seal. */
  header: Uint8Array
  /** Every extrinsic included, inherents first. */
  body: Uint8Array[]
  stateRoot: Hex
  extrinsicsRoot: Hex
  applied: AppliedExtrinsic[]
  /** Transactions that could not be included, with why (invalid now, or the block is full: `ExhaustsResources`). */
  skipped: Array<{ hash: Hex; invalid: TransactionInvalid }>
  /** Every storage write of the block: key → new value (null = deleted). */
  changes: Map<Hex, Hex | null>
}

/** The runtime as the node sees it. Pure: every method works on the state it is given. */
export interface HostedRuntime {
  readonly version: RuntimeVersion
  /** SCALE `RuntimeMetadataPrefixed`, for `Metadata_metadata_at_version` and `state_getMetadata`. */
  metadata(version: 14 | 15): Uint8Array
  /** The genesis state: every key and value, and the genesis header's state root follows from it. */
  genesisStorage(config: GenesisOptions): Map<Hex, Hex>
  /** `TaggedTransactionQueue_validate_transaction` against `state` as if block parentNumber+1 were being built. */
  validateTransaction(state: StateReader, chain: ChainInfo, extrinsic: Uint8Array): ValidationResult
  /**
   * Builds the next block on `state` (mutated in place): initialise, inherents, then `extrinsics` in order
   * (skipping those now invalid or over the block limits), then finalise. Returns the unsealed header.
   */
  buildBlock(state: StateWriter, chain: ChainInfo, inputs: BlockInputs, extrinsics: Uint8Array[]): BuiltBlock
  /** A runtime API call (`state_call`): `method` like `AccountNonceApi_account_nonce`, SCALE in and out. Throws `RuntimeApiError`. */
  call(state: StateReader, chain: ChainInfo, method: string, args: Uint8Array): Uint8Array
}

export class RuntimeApiError extends Error {
  override name = 'RuntimeApiError'
}

export type GenesisOptions = {
  /** Accounts (hex AccountId32) and their free balance in RAO. */
  balances: Array<[account: Hex, free: bigint]>
  /** Sudo key (hex AccountId32). */
  sudoKey: Hex
  /** Aura authorities (sr25519 public keys) and Grandpa authorities (ed25519 public keys). */
  auraAuthorities: Hex[]
  grandpaAuthorities: Hex[]
  /** Milliseconds per slot; MinimumPeriod is half of it. */
  slotDurationMs: bigint
}
