// The executive: initialises a block, applies inherents and signed extrinsics through subtensor's transaction extensions, dispatches transactionally, and finalises the header.
import { hexToU8a, u8aToHex, u8aConcat, u8aEq, compactToU8a } from '@polkadot/util'
import { blake2AsHex } from '@polkadot/util-crypto'
import { decodeUncheckedExtrinsic, type DecodedExtrinsic } from '../extrinsic/uncheckedExtrinsic.ts'
import { checkExtrinsic, checkExtrinsicAgain } from '../extrinsic/verify.ts'
import { InvalidExtrinsic } from '../extrinsic/invalidExtrinsic.ts'
import { death, birth } from '../extrinsic/era.ts'
import type { ChainContext, Extra } from '../extrinsic/signedExtensions.ts'
import { DispatchFailure, NONE, signed, type DispatchContext, type NestedCall, type Origin, type PostDispatchInfo, type RuntimeEventLike } from '../framework/dispatch.ts'
import { type DispatchError, type DispatchInfo, type Phase, type Weight } from '../primitives/substrate.ts'
import type { Hex } from '../primitives/types.ts'
import type { BlockInputs, ChainInfo, StateReader, TransactionValid } from '../host.ts'
import * as config from '../config.ts'
import { runtime, VERSION } from '../runtime.ts'
import * as System from '../pallets/system/storage.ts'
import { events as systemEvents } from '../pallets/system/index.ts'
import { Key as SudoKey } from '../pallets/sudo/index.ts'
import { Authorities as AuraAuthorities, CurrentSlot, authorAt } from '../pallets/aura/index.ts'
import { burnIssuance, canWithdrawFee, depositInto, withdrawFee } from '../pallets/balances/index.ts'
import { computeFee, events as paymentEvents } from '../pallets/transaction-payment/index.ts'
import { isNestedBatch } from '../pallets/utility/index.ts'
import { events as subtensorEvents } from '../pallets/subtensor/events.ts'
import { alphaFeeSources, canWithdrawInAlpha, withdrawInAlpha, type AlphaFeePaid } from '../pallets/subtensor/staking/alphaFees.ts'
import { OverlayStorage } from './overlay.ts'
import { TransactionRefused, badFormat, invalid, unknown } from './validity.ts'
import { extrinsicsRoot } from '../../node/db/trie.ts'

type EventRecord = { phase: Phase; event: RuntimeEventLike; topics: Hex[] }
type RuntimeCall = NestedCall

const ZERO_ACCOUNT = `0x${'00'.repeat(32)}`
/** How far ahead of its account's nonce a transaction may wait in the pool (a far-future nonce is refused). */
export const MAX_NONCE_GAP = 1024
const w = config.weight
const addW = (a: Weight, b: Weight): Weight => ({ refTime: a.refTime + b.refTime, proofSize: a.proofSize + b.proofSize })
const minW = (a: Weight, b: Weight): Weight => ({ refTime: a.refTime < b.refTime ? a.refTime : b.refTime, proofSize: a.proofSize < b.proofSize ? a.proofSize : b.proofSize })

/**
 * The weight every signed extrinsic adds to its call's (polkadot-stable2506 extension weights plus
 * subtensor's per-call coldkey-swap check): 87_226_000 ref time, 13 reads, 2 writes.
 */
export const SIGNED_EXTENSIONS_WEIGHT: Weight = w(87_226_000n + config.reads(13) + config.writes(2))

/** Events deposited in a block, layered like storage so a failed dispatch leaves none behind. */
class EventBuffer {
  readonly records: EventRecord[] = []
  readonly #marks: number[] = []
  phase: Phase = { type: 'Initialization' }

  deposit(event: RuntimeEventLike) {
    this.records.push({ phase: this.phase, event, topics: [] })
  }
  begin() {
    this.#marks.push(this.records.length)
  }
  commit() {
    this.#marks.pop()
  }
  rollback() {
    this.records.length = this.#marks.pop()!
  }
}

/** Per-class weight consumed in the block, as `System.BlockWeight` records it. */
type BlockWeight = { normal: Weight; operational: Weight; mandatory: Weight }
const classKey = (c: DispatchInfo['class']['type']): keyof BlockWeight => (c === 'Normal' ? 'normal' : c === 'Operational' ? 'operational' : 'mandatory')

/** A block being built (or a state being validated against). */
export class BlockExecution implements DispatchContext {
  readonly events = new EventBuffer()
  readonly weight: BlockWeight = { normal: w(0n), operational: w(0n), mandatory: w(0n) }
  length = 0
  readonly extrinsics: Uint8Array[] = []
  author: Hex | undefined

  constructor(
    readonly storage: OverlayStorage,
    readonly chain: ChainInfo,
    readonly number: number,
  ) {}

  deposit(event: RuntimeEventLike): void {
    this.events.deposit(event)
  }

  dispatch(origin: Origin, call: NestedCall, options: { bypassFilter?: boolean } = {}): PostDispatchInfo | void {
    if (!options.bypassFilter && isNestedBatch(call)) throw new DispatchFailure({ type: 'Module', value: { pallet: 'System', error: 'CallFiltered' } })
    this.storage.begin()
    this.events.begin()
    try {
      const post = runtime.dispatch(this, origin, call as never)
      this.storage.commit()
      this.events.commit()
      return post
    } catch (e) {
      this.storage.rollback()
      this.events.rollback()
      throw e
    }
  }

  /** `sp_runtime::traits::Checkable` with subtensor's ChainContext: the hash of any kept ancestor. */
  extrinsicChain() {
    // Made once per block: every field is fixed for the block, and `blockHash` reads the storage when called.
    return (this.#extrinsicChain ??= {
      specVersion: config.SPEC_VERSION,
      transactionVersion: config.TRANSACTION_VERSION,
      genesisHash: hexToU8a(this.chain.genesisHash),
      blockNumber: this.number,
      blockHash: (n: number) => (System.BlockHash.contains(this.storage, n) ? hexToU8a(System.BlockHash.get(this.storage, n)) : undefined),
    })
  }
  #extrinsicChain: ChainContext | undefined
}

// ── Block initialisation and finalisation ─────────────────────────────────────────────────────

/** `frame_system::initialize` + `Executive::initialize_block`: the state `number` runs in, before any extrinsic. */
function initialize(state: OverlayStorage, chain: ChainInfo, inputs: { number: number; parentHash: Hex; slot?: bigint }): BlockExecution {
  const block = new BlockExecution(state, chain, inputs.number)
  System.Number.set(state, inputs.number)
  System.ParentHash.set(state, inputs.parentHash)
  System.BlockHash.set(state, inputs.number - 1, inputs.parentHash)
  System.Events.remove(state)
  System.EventCount.remove(state)
  if (inputs.slot !== undefined) {
    const slotBytes = new Uint8Array(8)
    new DataView(slotBytes.buffer).setBigUint64(0, inputs.slot, true)
    System.Digest.set(state, { logs: [{ type: 'PreRuntime', value: ['0x61757261', slotBytes] }] })
    // Aura's on_initialize: the slot must move forward.
    const previous = CurrentSlot.get(state)
    if (inputs.slot <= previous && inputs.number > 1) throw new Error(`Slot must increase: ${inputs.slot} after ${previous}`)
    CurrentSlot.set(state, inputs.slot)
    block.author = authorAt(AuraAuthorities.get(state), inputs.slot) as Hex | undefined
  }
  block.weight.mandatory = addW(config.BLOCK_EXECUTION_WEIGHT, w(0n))
  for (const pallet of runtime.pallets) {
    const used = pallet.hooks?.onInitialize?.(block, inputs.number)
    if (used) block.weight.mandatory = addW(block.weight.mandatory, used)
  }
  return block
}

function finalize(block: BlockExecution): { extrinsicsRoot: Hex } {
  const state = block.storage
  block.events.phase = { type: 'Finalization' }
  for (const pallet of runtime.pallets) pallet.hooks?.onFinalize?.(block, block.number)
  // What frame_system keeps for clients until the next block clears it.
  if (block.events.records.length) {
    System.Events.set(state, block.events.records as never)
    System.EventCount.set(state, block.events.records.length)
  }
  System.BlockWeight.set(state, block.weight)
  const toRemove = block.number - config.BLOCK_HASH_COUNT - 1
  if (toRemove > 0) System.BlockHash.remove(state, toRemove)
  const root = extrinsicsRoot(block.extrinsics, config.STATE_VERSION)
  return { extrinsicsRoot: u8aToHex(root) as Hex }
}

// ── Extrinsics ─────────────────────────────────────────────────────────────────────────────────

type Checked = {
  xt: DecodedExtrinsic
  call: RuntimeCall
  info: DispatchInfo
  signer?: Hex
  extra?: Extra
  len: number
}

/**
 * Extrinsics decoded, by the identity of their bytes: the pool validates a transaction and the block applies the
 * same `Uint8Array`. Each entry keeps a copy of the bytes it was decoded from and is used only while they are
 * still equal, so a caller that reuses its buffer gets a fresh decode. The decoded value is only read.
 */
type Decoded = {
  bytes: Uint8Array
  xt: DecodedExtrinsic
  /** The encoded additionalSigned its signature last verified with (see `checkExtrinsicAgain`). */
  verifiedWith?: Uint8Array
}
const decodedExtrinsics = new WeakMap<Uint8Array, Decoded>()

function decode(bytes: Uint8Array): Decoded {
  const hit = decodedExtrinsics.get(bytes)
  if (hit !== undefined && u8aEq(hit.bytes, bytes)) return hit
  let xt: DecodedExtrinsic
  try {
    xt = decodeUncheckedExtrinsic(bytes)
  } catch (e) {
    throw badFormat((e as Error).message)
  }
  const entry: Decoded = { bytes: bytes.slice(), xt }
  decodedExtrinsics.set(bytes, entry)
  return entry
}

function decodeCall(callBytes: Uint8Array): RuntimeCall {
  try {
    return runtime.RuntimeCall.dec(callBytes) as RuntimeCall
  } catch (e) {
    throw invalid('Call', (e as Error).message)
  }
}

/** Signature, era and call checks (`Checkable::check`), mapping failures to Substrate's validity errors. */
function check(block: BlockExecution, bytes: Uint8Array): Checked {
  const decoded = decode(bytes)
  const xt = decoded.xt
  let signer: Hex | undefined
  try {
    const checked = checkExtrinsicAgain(xt, block.extrinsicChain(), decoded.verifiedWith)
    if (checked.additionalSigned !== undefined) decoded.verifiedWith = checked.additionalSigned
    if (checked.signed) signer = u8aToHex(checked.signed.signer) as Hex
  } catch (e) {
    if (!(e instanceof InvalidExtrinsic)) throw e
    if (e.kind === 'UnknownTransaction') throw unknown('CannotLookup', e.reason)
    if (e.reason.startsWith('Transaction has an ancient birth block')) throw invalid('AncientBirthBlock', e.reason.replace(/^Transaction has an ancient birth block:? ?/, ''))
    throw invalid('BadProof', expiredEraHint(block, xt))
  }
  const call = decodeCall(xt.call)
  const info = runtime.dispatchInfo(call as never)
  if (signer) info.weight = addW(info.weight, SIGNED_EXTENSIONS_WEIGHT)
  return { xt, call, info, signer, extra: xt.signature?.extra, len: bytes.length }
}

/**
 * A mortal transaction past its era fails its signature check, as in Substrate. Say so when the
 * signature verifies against an earlier birth block, so the user learns the transaction expired.
 */
function expiredEraHint(block: BlockExecution, xt: DecodedExtrinsic): string | undefined {
  const era = xt.signature?.extra.era
  if (!era || era.type !== 'Mortal') return undefined
  const chain = block.extrinsicChain()
  const born = birth(era, chain.blockNumber)
  for (let k = 1; k <= 16; k++) {
    const earlier = born - k * era.value.period
    if (earlier < 0) break
    const hash = chain.blockHash(earlier)
    if (!hash) break
    try {
      checkExtrinsic(xt, { ...chain, blockNumber: earlier })
      return `the transaction's mortal era expired (born at block ${earlier}, valid for ${era.value.period} blocks, now at block ${chain.blockNumber})`
    } catch {
      // not this birth block
    }
  }
  return undefined
}

/** The checks subtensor's transaction extensions make of a signed transaction, in their order. */
function validateSigned(block: BlockExecution, c: Checked, mode: 'validate' | 'apply'): { fee: bigint; valid: TransactionValid } {
  const signer = c.signer!
  const extra = c.extra!
  // CheckNonZeroSender
  if (signer === ZERO_ACCOUNT) throw invalid('BadSigner')
  // CheckNonce
  const account = System.Account.get(block.storage, signer)
  const paysFee = c.info.paysFee.type === 'Yes'
  if (paysFee && account.providers === 0 && account.sufficients === 0) throw invalid('Payment', 'the account does not exist (no balance)')
  if (extra.nonce < account.nonce) throw invalid('Stale', `nonce ${extra.nonce} was already used; the account's next nonce is ${account.nonce}`)
  if (mode === 'apply' && extra.nonce > account.nonce) throw invalid('Future', `nonce ${extra.nonce} is ahead of the account's next nonce ${account.nonce}`)
  // The devnet's pool holds at most MAX_NONCE_GAP transactions ahead of an account's nonce.
  if (extra.nonce > account.nonce + MAX_NONCE_GAP) throw invalid('Future', `nonce ${extra.nonce} is more than ${MAX_NONCE_GAP} ahead of the account's next nonce ${account.nonce}`)
  // CheckWeight
  const cls = c.info.class.type
  const maxExtrinsic = cls === 'Normal' ? config.NORMAL_MAX_EXTRINSIC : config.OPERATIONAL_MAX_EXTRINSIC
  const maxLength = cls === 'Normal' ? config.NORMAL_MAX_BLOCK_LENGTH : config.MAX_BLOCK_LENGTH
  if (c.info.weight.refTime > maxExtrinsic) throw invalid('ExhaustsResources', 'the call weighs more than one extrinsic may')
  if (c.len > maxLength) throw invalid('ExhaustsResources', 'the extrinsic is longer than a block may hold')
  if (mode === 'apply') {
    const maxTotal = cls === 'Normal' ? config.NORMAL_MAX_TOTAL : config.OPERATIONAL_MAX_TOTAL
    if (block.weight[classKey(cls)].refTime + c.info.weight.refTime > maxTotal || block.length + c.len > maxLength)
      throw invalid('ExhaustsResources')
  }
  // ChargeTransactionPayment (subtensor's wrapper: fixed priorities); SubtensorTxFeeHandler falls back to alpha for unstaking calls
  const fee = computeFee(c.len, c.info, extra.tip)
  if (!canWithdrawFee(block, signer, fee) && !canWithdrawInAlpha(block.storage, signer, alphaFeeSources(block.storage, signer, c.call), fee))
    throw invalid('Payment', `the fee is ${fee} RAO and the account can spend ${spendable(block, signer)} RAO`)
  // SudoTransactionExtension
  if (c.call.type === 'Sudo') {
    const key = SudoKey.get(block.storage)
    if (key === undefined || key !== signer) throw invalid('BadSigner', 'Sudo calls must be signed by the sudo key')
  }
  // (signer ‖ u32le(nonce)) as hex: `signer` is already lower-case 0x-hex (from u8aToHex).
  const tag = (nonce: number) => `${signer}${u32leHex(nonce)}` as Hex
  const current = block.number
  const dies = death(extra.era, current)
  const longevity = dies === 0xffff_ffff_ffff_ffffn ? 0xffff_ffff : Math.max(0, Number(dies - BigInt(current)))
  return {
    fee,
    valid: {
      priority: cls === 'Operational' ? config.OPERATIONAL_PRIORITY : config.NORMAL_PRIORITY,
      requires: extra.nonce > account.nonce ? [tag(extra.nonce - 1)] : [],
      provides: [tag(extra.nonce)],
      longevity,
      propagate: true,
    },
  }
}

function spendable(block: BlockExecution, who: Hex): bigint {
  const free = System.Account.get(block.storage, who).data.free
  return free > config.EXISTENTIAL_DEPOSIT ? free - config.EXISTENTIAL_DEPOSIT : 0n
}

const byteHex = (b: number) => (b < 16 ? '0' : '') + b.toString(16)
/** The hex (no 0x) of `u32le(n)`. */
const u32leHex = (n: number) => byteHex(n & 0xff) + byteHex((n >>> 8) & 0xff) + byteHex((n >>> 16) & 0xff) + byteHex((n >>> 24) & 0xff)


/** `TaggedTransactionQueue::validate_transaction`: what the pool asks before accepting an extrinsic. */
export function validateTransaction(block: BlockExecution, bytes: Uint8Array): TransactionValid {
  const c = check(block, bytes)
  if (!c.signer) {
    if (c.info.class.type === 'Mandatory') throw invalid('MandatoryValidation')
    throw unknown('NoUnsignedValidator')
  }
  return validateSigned(block, c, 'validate').valid
}

/** Applies one extrinsic at position `index`; throws `TransactionRefused` (nothing changed) when it may not be included. */
export function applyExtrinsic(block: BlockExecution, bytes: Uint8Array, inherent: boolean): { success: boolean; error?: DispatchError } {
  const c = check(block, bytes)
  const index = block.extrinsics.length
  if (!c.signer) {
    if (!inherent) throw c.info.class.type === 'Mandatory' ? invalid('MandatoryValidation') : unknown('NoUnsignedValidator')
    return dispatchAndRecord(block, bytes, index, c, NONE, undefined)
  }
  // Extension checks first: a refused transaction leaves no trace.
  const { fee } = validateSigned(block, c, 'apply')
  return dispatchAndRecord(block, bytes, index, c, signed(c.signer), fee)
}

function dispatchAndRecord(block: BlockExecution, bytes: Uint8Array, index: number, c: Checked, origin: Origin, fee: bigint | undefined) {
  block.events.phase = { type: 'ApplyExtrinsic', value: index }
  const signer = c.signer
  // Pre-dispatch: bump the nonce and take the fee (these stay even if the call fails), in TAO or else in alpha.
  let paidInAlpha: AlphaFeePaid | undefined
  if (signer) {
    System.Account.mutate(block.storage, signer, (a) => ({ ...a, nonce: a.nonce + 1 }))
    if (!withdrawFee(block, signer, fee!)) paidInAlpha = withdrawFeeInAlpha(block, signer, c.call, fee!)
  }
  let post: PostDispatchInfo | void = undefined
  let error: DispatchError | undefined
  try {
    post = block.dispatch(origin, c.call)
  } catch (e) {
    // A dispatchable that throws anything but a DispatchFailure has a bug; the chain goes on and reports `Other`.
    error = runtime.indexError(e instanceof DispatchFailure ? e.error : { type: 'Other' })
  }
  // Post-dispatch: the actual weight and fee; refund the difference, pay the author.
  const declared = c.info.weight
  const actualWeight = post?.actualWeight ? minW(addW(post.actualWeight, signer ? SIGNED_EXTENSIONS_WEIGHT : w(0n)), declared) : declared
  const pays = post?.paysFee === 'No' ? 'No' : c.info.paysFee.type
  const info: DispatchInfo = { weight: actualWeight, class: c.info.class, paysFee: { type: pays } }
  if (signer) {
    const tip = c.extra!.tip
    const actualFee = pays === 'No' ? tip : computeFee(c.len, info, tip)
    const refund = fee! - actualFee
    if (paidInAlpha) {
      // An alpha fee is final: no refund, and the author was paid when it was sold.
      block.deposit(subtensorEvents.TransactionFeePaidWithAlpha({ who: signer, ...paidInAlpha }))
    } else {
      // Nothing was withdrawn for a zero fee (FRAME's withdraw_fee returns no imbalance): no refund to make.
      if (fee! > 0n && System.Account.get(block.storage, signer).data.free > 0n) depositInto(block, signer, refund)
      if (actualFee > 0n && !(block.author && depositInto(block, block.author, actualFee))) burnIssuance(block, actualFee)
    }
    block.deposit(paymentEvents.TransactionFeePaid({ who: signer, actualFee, tip }))
  }
  block.deposit(error ? systemEvents.ExtrinsicFailed({ dispatchError: error, dispatchInfo: info }) : systemEvents.ExtrinsicSuccess({ dispatchInfo: info }))
  const key = classKey(c.info.class.type)
  block.weight[key] = addW(block.weight[key], actualWeight)
  block.length += c.len
  block.extrinsics.push(bytes)
  return { success: !error, error }
}

/**
 * `SubtensorTxFeeHandler::withdraw_fee` after the TAO withdrawal failed: the fee from the call's staked position, sold in a storage
 * transaction (`with_transaction`); no position, or a failed sale, refuses the transaction with `Payment`.
 */
function withdrawFeeInAlpha(block: BlockExecution, signer: Hex, call: RuntimeCall, fee: bigint): AlphaFeePaid {
  const sources = alphaFeeSources(block.storage, signer, call)
  if (sources.length === 0) throw invalid('Payment')
  block.storage.begin()
  block.events.begin()
  try {
    const paid = withdrawInAlpha(block, signer, sources, fee)
    block.storage.commit()
    block.events.commit()
    return paid
  } catch (e) {
    block.storage.rollback()
    block.events.rollback()
    if (e instanceof DispatchFailure) throw invalid('Payment', `the fee of ${fee} RAO could not be paid in alpha: ${e.message}`)
    throw e
  }
}

// ── Whole blocks ──────────────────────────────────────────────────────────────────────────────

/** Bare `Timestamp.set(now)`: the inherent every block starts with. */
export function timestampInherent(now: bigint): Uint8Array {
  const call = runtime.RuntimeCall.enc({ type: 'Timestamp', value: { type: 'set', value: { now } } } as never)
  const body = u8aConcat(new Uint8Array([0x04]), call)
  return u8aConcat(compactToU8a(body.length), body)
}

export type BuildResult = {
  block: BlockExecution
  applied: Array<{ hash: Hex; index: number; success: boolean }>
  skipped: Array<{ hash: Hex; refused: TransactionRefused }>
  extrinsicsRoot: Hex
}

export function buildBlockIn(state: OverlayStorage, chain: ChainInfo, inputs: BlockInputs, extrinsics: Uint8Array[]): BuildResult {
  const block = initialize(state, chain, inputs)
  const applied: BuildResult['applied'] = []
  const skipped: BuildResult['skipped'] = []
  const inherent = timestampInherent(inputs.timestamp)
  const r = applyExtrinsic(block, inherent, true)
  if (!r.success) throw new Error(`the timestamp inherent failed: ${JSON.stringify(r.error)}`)
  applied.push({ hash: blake2AsHex(inherent, 256) as Hex, index: 0, success: true })
  for (const bytes of extrinsics) {
    const hash = blake2AsHex(bytes, 256) as Hex
    // Each transaction is all-or-nothing at this level too: a refusal must not leave a half-applied fee.
    state.begin()
    const mark = block.events.records.length
    try {
      const index = block.extrinsics.length
      const res = applyExtrinsic(block, bytes, false)
      state.commit()
      applied.push({ hash, index, success: res.success })
    } catch (e) {
      state.rollback()
      block.events.records.length = mark
      if (!(e instanceof TransactionRefused)) throw e
      skipped.push({ hash, refused: e })
    }
  }
  const { extrinsicsRoot } = finalize(block)
  return { block, applied, skipped, extrinsicsRoot }
}

/** The state a transaction is validated against: block best+1 initialised on the best state. */
export function validationBlock(state: StateReader, chain: ChainInfo): BlockExecution {
  const overlay = new OverlayStorage(state)
  return initialize(overlay, chain, { number: chain.parentNumber + 1, parentHash: chain.parentHash })
}

export { VERSION }
