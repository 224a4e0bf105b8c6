// The devnet runtime's parameters, with subtensor's values (spec 425) and where each comes from.
import type { RuntimeVersion, Weight } from './primitives/substrate.ts'

export const SPEC_NAME = 'node-subtensor'
/** subtensor runtime/src/lib.rs `VERSION` at spec 425. */
export const SPEC_VERSION = 425
export const TRANSACTION_VERSION = 1
/** `system_version` 1: state trie V1, extrinsics root over a V0 trie. */
export const STATE_VERSION = 1

export const weight = (refTime: bigint, proofSize = 0n): Weight => ({ refTime, proofSize })
/** RocksDbWeight: one read, one write. */
export const DB_READ = 25_000_000n
export const DB_WRITE = 100_000_000n
export const reads = (n: number) => DB_READ * BigInt(n)
export const writes = (n: number) => DB_WRITE * BigInt(n)

export const WEIGHT_REF_TIME_PER_SECOND = 1_000_000_000_000n
/** 4 s of compute per block (subtensor MAXIMUM_BLOCK_WEIGHT), unlimited proof size. */
export const MAXIMUM_BLOCK_WEIGHT = weight(4n * WEIGHT_REF_TIME_PER_SECOND, 0xffff_ffff_ffff_ffffn)
export const NORMAL_DISPATCH_RATIO_PERCENT = 75n
/** frame-support 41 (polkadot-stable2506) overhead weights. */
export const EXTRINSIC_BASE_WEIGHT = weight(108_157_000n)
export const BLOCK_EXECUTION_WEIGHT = weight(431_614_000n)
/** `with_sensible_defaults`: 10 % of the block is kept for on_initialize. */
export const AVERAGE_ON_INITIALIZE_RATIO_PERCENT = 10n

const pct = (w: bigint, p: bigint) => (w * p) / 100n
export const NORMAL_MAX_TOTAL = pct(MAXIMUM_BLOCK_WEIGHT.refTime, NORMAL_DISPATCH_RATIO_PERCENT)
export const OPERATIONAL_MAX_TOTAL = MAXIMUM_BLOCK_WEIGHT.refTime
export const OPERATIONAL_RESERVED = MAXIMUM_BLOCK_WEIGHT.refTime - NORMAL_MAX_TOTAL
const ON_INITIALIZE = pct(MAXIMUM_BLOCK_WEIGHT.refTime, AVERAGE_ON_INITIALIZE_RATIO_PERCENT)
export const NORMAL_MAX_EXTRINSIC = NORMAL_MAX_TOTAL - ON_INITIALIZE - EXTRINSIC_BASE_WEIGHT.refTime
export const OPERATIONAL_MAX_EXTRINSIC = OPERATIONAL_MAX_TOTAL - ON_INITIALIZE - EXTRINSIC_BASE_WEIGHT.refTime

/** Block length limits: 10 MiB, 75 % of it for normal extrinsics. */
export const MAX_BLOCK_LENGTH = 10 * 1024 * 1024
export const NORMAL_MAX_BLOCK_LENGTH = (MAX_BLOCK_LENGTH * 75) / 100

export const BLOCK_HASH_COUNT = 2400
export const SS58_PREFIX = 42

/** Balances: the minimum balance that keeps an account alive (RAO). */
export const EXISTENTIAL_DEPOSIT = 500n
/** Transaction payment: fee = base + length + weight·0.0005 (LinearWeightToFee, Perbill 500_000), multiplier 1. */
export const OPERATIONAL_FEE_MULTIPLIER = 5
/** ChargeTransactionPaymentWrapper: fixed priorities, the tip does not buy priority. */
export const NORMAL_PRIORITY = 1n
export const OPERATIONAL_PRIORITY = 10_000_000_000n

/** Timestamp/Aura: Bittensor's 12 s slots; MinimumPeriod is half a slot. */
export const DEFAULT_SLOT_DURATION_MS = 12_000n

/** Utility: MAX_POSSIBLE_ALLOCATION / 3 / 1024 (RuntimeCall ≤ 1024 bytes). */
export const BATCHED_CALLS_LIMIT = 10_922

/** Runtime APIs and their versions as subtensor (spec 425) declares them; only those we serve are listed. */
export const RUNTIME_API_VERSIONS: ReadonlyArray<readonly [name: string, version: number]> = [
  ['Core', 5],
  ['Metadata', 2],
  ['TaggedTransactionQueue', 3],
  ['AuraApi', 1],
  ['GrandpaApi', 3],
  ['AccountNonceApi', 1],
  ['TransactionPaymentApi', 4],
  ['TransactionPaymentCallApi', 3],
  // subtensor's own (runtime/src/lib.rs impl_runtime_apis, in its order); SubnetInfoRuntimeApi is implemented at #[api_version(2)]
  ['DelegateInfoRuntimeApi', 1],
  ['NeuronInfoRuntimeApi', 1],
  ['SubnetInfoRuntimeApi', 2],
  ['StakeInfoRuntimeApi', 1],
  ['SubnetRegistrationRuntimeApi', 1],
  ['SwapRuntimeApi', 1],
]

export function runtimeVersion(apis: RuntimeVersion['apis']): RuntimeVersion {
  return {
    specName: SPEC_NAME,
    implName: SPEC_NAME,
    authoringVersion: 1,
    specVersion: SPEC_VERSION,
    implVersion: 1,
    apis,
    transactionVersion: TRANSACTION_VERSION,
    stateVersion: STATE_VERSION,
  }
}
