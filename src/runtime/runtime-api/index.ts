// The runtime APIs the devnet serves through `state_call` (and declares in metadata V15), with subtensor's names, versions and SCALE types.
import { blake2AsU8a } from '@polkadot/util-crypto'
import { u8aToHex } from '@polkadot/util'
import { AccountId } from '../primitives/bittensor.ts'
import { DispatchClass, H256, RuntimeVersion, Weight } from '../primitives/substrate.ts'
import { Bytes, Option, Result, Vec, bool, enumType, lazy, newtype, struct, tuple, u32, u64, u8 } from '../primitives/types.ts'
import type { AnyType, Hex } from '../primitives/types.ts'
import type { RuntimeApi, RuntimeApiMethod } from '../metadata/metadata.ts'
import type { ChainInfo, StateReader } from '../host.ts'
import { RuntimeApiError } from '../host.ts'
import { RUNTIME_API_VERSIONS } from '../config.ts'
import { runtimeRef } from '../runtimeRef.ts'
import { AuthorityId as AuraId } from '../pallets/aura/index.ts'
import { AuthorityId as GrandpaId } from '../pallets/grandpa/index.ts'
import { subtensorApis } from './subtensor.ts'

/** What an API method runs against: the state at the block asked for. */
export interface ApiContext {
  state: StateReader
  chain: ChainInfo
}

/** The executive's and metadata's services the APIs use, injected by `createRuntime` (no import cycle). */
export interface ApiServices {
  version(): ReturnType<typeof RuntimeVersion.dec>
  metadata(version: 14 | 15): Uint8Array
  validate(ctx: ApiContext, tx: Uint8Array): ValidityValue
  accountNonce(ctx: ApiContext, who: Hex): number
  auraAuthorities(ctx: ApiContext): Hex[]
  slotDuration(): bigint
  grandpaAuthorities(ctx: ApiContext): Array<[Hex, bigint]>
  grandpaSetId(ctx: ApiContext): bigint
  /** Weight, class and fee of an extrinsic (signed or not), without checking its signature. */
  extrinsicInfo(ctx: ApiContext, tx: Uint8Array, len: number): FeeQuote
  callInfo(ctx: ApiContext, call: unknown, len: number): FeeQuote
  weightToFee(refTime: bigint): bigint
}

export type FeeQuote = { weight: { refTime: bigint; proofSize: bigint }; class: { type: 'Normal' | 'Operational' | 'Mandatory' }; inclusion?: { baseFee: bigint; lenFee: bigint; adjustedWeightFee: bigint }; tip: bigint }

export interface ApiMethod extends RuntimeApiMethod {
  run(services: ApiServices, ctx: ApiContext, args: Record<string, any>): unknown
}
export interface ServedApi extends RuntimeApi {
  readonly methods: readonly ApiMethod[]
}

// ── Types ──────────────────────────────────────────────────────────────────────────────────────

const OpaqueMetadata = newtype('sp_core::OpaqueMetadata', Bytes)
const TransactionSource = enumType('sp_runtime::transaction_validity::TransactionSource', { InBlock: { index: 0 }, Local: { index: 1 }, External: { index: 2 } })
const ValidTransaction = struct('sp_runtime::transaction_validity::ValidTransaction', {
  priority: u64,
  requires: Vec(Bytes),
  provides: Vec(Bytes),
  longevity: u64,
  propagate: bool,
})
const InvalidTransaction = enumType('sp_runtime::transaction_validity::InvalidTransaction', {
  Call: { index: 0 },
  Payment: { index: 1 },
  Future: { index: 2 },
  Stale: { index: 3 },
  BadProof: { index: 4 },
  AncientBirthBlock: { index: 5 },
  ExhaustsResources: { index: 6 },
  Custom: { index: 7, fields: u8 },
  BadMandatory: { index: 8 },
  MandatoryValidation: { index: 9 },
  BadSigner: { index: 10 },
  IndeterminateImplicit: { index: 11 },
  UnknownOrigin: { index: 12 },
})
const UnknownTransaction = enumType('sp_runtime::transaction_validity::UnknownTransaction', {
  CannotLookup: { index: 0 },
  NoUnsignedValidator: { index: 1 },
  Custom: { index: 2, fields: u8 },
})
const TransactionValidityError = enumType('sp_runtime::transaction_validity::TransactionValidityError', {
  Invalid: { index: 0, fields: InvalidTransaction },
  Unknown: { index: 1, fields: UnknownTransaction },
})
export const TransactionValidity = Result(ValidTransaction, TransactionValidityError)
export type ValidityValue = ReturnType<typeof TransactionValidity.dec>

const SlotDuration = newtype('sp_consensus_slots::SlotDuration', u64)
const RuntimeDispatchInfo = struct('pallet_transaction_payment::types::RuntimeDispatchInfo', { weight: Weight, class: DispatchClass, partialFee: u64 }, { params: { Balance: u64, Weight } })
const InclusionFee = struct('pallet_transaction_payment::types::InclusionFee', { baseFee: u64, lenFee: u64, adjustedWeightFee: u64 }, { params: { Balance: u64 } })
const FeeDetails = struct('pallet_transaction_payment::types::FeeDetails', { inclusionFee: Option(InclusionFee), tip: u64 }, { params: { Balance: u64 } })

/** The extrinsic and call types, resolved when first used so they are the metadata's own. */
let extrinsicType: AnyType | undefined
export function setExtrinsicType(t: AnyType) {
  extrinsicType = t
}
const Extrinsic = lazy(() => {
  if (!extrinsicType) throw new Error('the runtime APIs need the extrinsic type: createRuntime sets it')
  return extrinsicType
})
const RuntimeCall = lazy(() => runtimeRef().RuntimeCall as AnyType)

// ── APIs ───────────────────────────────────────────────────────────────────────────────────────

const method = (name: string, inputs: Record<string, AnyType>, output: AnyType, run: ApiMethod['run'], docs?: string): ApiMethod => ({ name, inputs, output, run, docs })

const dispatchInfoOf = (q: FeeQuote) => ({
  weight: q.weight,
  class: q.class,
  partialFee: q.inclusion ? q.inclusion.baseFee + q.inclusion.lenFee + q.inclusion.adjustedWeightFee : 0n,
})
const feeDetailsOf = (q: FeeQuote) => ({ inclusionFee: q.inclusion, tip: q.tip })

const apis: Record<string, Omit<ServedApi, 'name' | 'version'>> = {
  Core: {
    docs: 'The `Core` runtime api that every Substrate runtime needs to implement.',
    methods: [method('version', {}, RuntimeVersion, (s) => s.version(), 'Returns the version of the runtime.')],
  },
  Metadata: {
    docs: 'The `Metadata` api trait that returns metadata for the runtime.',
    methods: [
      method('metadata', {}, OpaqueMetadata, (s) => s.metadata(14), 'Returns the metadata of a runtime.'),
      method('metadata_at_version', { version: u32 }, Option(OpaqueMetadata), (s, _c, { version }) => (version === 14 || version === 15 ? s.metadata(version) : undefined), 'Returns the metadata at a given version.'),
      method('metadata_versions', {}, Vec(u32), () => [14, 15], 'Returns the supported metadata versions.'),
    ],
  },
  TaggedTransactionQueue: {
    docs: 'The `TaggedTransactionQueue` api trait for interfering with the transaction queue.',
    methods: [
      method(
        'validate_transaction',
        { source: TransactionSource, tx: Extrinsic, blockHash: H256 },
        TransactionValidity,
        (s, c, { tx }) => s.validate(c, Bytes.enc(tx)),
        'Validate the transaction.',
      ),
    ],
  },
  AuraApi: {
    docs: 'API necessary for block authorship with aura.',
    methods: [
      method('slot_duration', {}, SlotDuration, (s) => s.slotDuration(), 'Returns the slot duration for Aura.'),
      method('authorities', {}, Vec(AuraId), (s, c) => s.auraAuthorities(c), 'Return the current set of authorities.'),
    ],
  },
  GrandpaApi: {
    docs: 'APIs for integrating the GRANDPA finality gadget into runtimes.',
    methods: [
      method('grandpa_authorities', {}, Vec(tuple(GrandpaId, u64)), (s, c) => s.grandpaAuthorities(c), 'Get the current GRANDPA authorities and weights.'),
      method('current_set_id', {}, u64, (s, c) => s.grandpaSetId(c), 'Get current GRANDPA authority set id.'),
    ],
  },
  AccountNonceApi: {
    docs: 'The API to query account nonce.',
    methods: [method('account_nonce', { account: AccountId }, u32, (s, c, { account }) => s.accountNonce(c, account), 'Get current account nonce of given `AccountId`.')],
  },
  TransactionPaymentApi: {
    methods: [
      method('query_info', { uxt: Extrinsic, len: u32 }, RuntimeDispatchInfo, (s, c, { uxt, len }) => dispatchInfoOf(s.extrinsicInfo(c, Bytes.enc(uxt), len))),
      method('query_fee_details', { uxt: Extrinsic, len: u32 }, FeeDetails, (s, c, { uxt, len }) => feeDetailsOf(s.extrinsicInfo(c, Bytes.enc(uxt), len))),
      method('query_weight_to_fee', { weight: Weight }, u64, (s, _c, { weight }) => s.weightToFee(weight.refTime)),
      method('query_length_to_fee', { length: u32 }, u64, (_s, _c, { length }) => BigInt(length)),
    ],
  },
  TransactionPaymentCallApi: {
    methods: [
      method('query_call_info', { call: RuntimeCall, len: u32 }, RuntimeDispatchInfo, (s, c, { call, len }) => dispatchInfoOf(s.callInfo(c, call, len)), 'Query information of a dispatch class, weight, and fee of a given encoded `Call`.'),
      method('query_call_fee_details', { call: RuntimeCall, len: u32 }, FeeDetails, (s, c, { call, len }) => feeDetailsOf(s.callInfo(c, call, len)), 'Query fee details of a given encoded `Call`.'),
      method('query_weight_to_fee', { weight: Weight }, u64, (s, _c, { weight }) => s.weightToFee(weight.refTime), 'Query the output of the current `WeightToFee` given some input.'),
      method('query_length_to_fee', { length: u32 }, u64, (_s, _c, { length }) => BigInt(length), 'Query the output of the current `LengthToFee` given some input.'),
    ],
  },
  ...subtensorApis,
}

export const runtimeApis: ServedApi[] = RUNTIME_API_VERSIONS.map(([name, version]) => {
  const api = apis[name]
  if (!api) throw new Error(`runtime API ${name} is listed but not served`)
  return { name, version, ...api }
})

/** The runtime version's `apis`: blake2_64 of each API's name with its version. */
export function apisList(served: readonly RuntimeApi[]): Array<[Hex, number]> {
  return served.map((a) => [u8aToHex(blake2AsU8a(a.name, 64)) as Hex, a.version])
}

const byMethod = new Map<string, ApiMethod>(runtimeApis.flatMap((api) => api.methods.map((m) => [`${api.name}_${m.name}`, m] as const)))

/** Runs `<Api>_<method>` with SCALE-encoded arguments; refuses unknown methods and undecodable arguments with the reason. */
export function callApi(services: ApiServices, ctx: ApiContext, name: string, args: Uint8Array): Uint8Array {
  const m = byMethod.get(name)
  if (!m) throw new RuntimeApiError(`Exported method ${name} is not found`)
  const entries = Object.entries(m.inputs)
  const inputType = tuple(...entries.map(([, t]) => t))
  let decoded: unknown[]
  try {
    decoded = inputType.dec(args) as unknown[]
  } catch (e) {
    throw new RuntimeApiError(`Could not decode the arguments of ${name}: ${(e as Error).message}`)
  }
  const named = Object.fromEntries(entries.map(([k], i) => [k, decoded[i]]))
  return m.output.enc(m.run(services, ctx, named))
}
