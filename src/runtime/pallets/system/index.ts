// frame_system (pallet 0): accounts and nonces, block bookkeeping, events, and the root storage calls.
import type { Hex } from '../../primitives/types.ts'
import { blake2AsHex } from '@polkadot/util-crypto'
import { AccountId } from '../../primitives/bittensor.ts'
import { DispatchError, DispatchInfo, H256, PerDispatchClass, RuntimeVersion, Weight } from '../../primitives/substrate.ts'
import { Bytes, Option, Vec, bool, struct, tuple, u16, u32, u64 } from '../../primitives/types.ts'
import { call, constant, definePallet, error, event, palletEvents } from '../../framework/pallet.ts'
import { ensureRoot, ensureSigned, type DispatchContext } from '../../framework/dispatch.ts'
import type { AccountInfo } from '../../primitives/substrate.ts'
import * as config from '../../config.ts'
import { Account, storage } from './storage.ts'

export const events = palletEvents('System', {
  ExtrinsicSuccess: event(0, { dispatchInfo: DispatchInfo }, 'An extrinsic completed successfully.'),
  ExtrinsicFailed: event(1, { dispatchError: DispatchError, dispatchInfo: DispatchInfo }, 'An extrinsic failed.'),
  CodeUpdated: event(2, undefined, '`:code` was updated.'),
  NewAccount: event(3, { account: AccountId }, 'A new account was created.'),
  KilledAccount: event(4, { account: AccountId }, 'An account was reaped.'),
  Remarked: event(5, { sender: AccountId, hash: H256 }, 'On on-chain remark happened.'),
  UpgradeAuthorized: event(6, { codeHash: H256, checkVersion: bool }, 'An upgrade was authorized.'),
})

export const errors = [
  error(0, 'InvalidSpecName', 'The name of specification does not match between the current runtime\nand the new runtime.'),
  error(1, 'SpecVersionNeedsToIncrease', 'The specification version is not allowed to decrease between the current runtime\nand the new runtime.'),
  error(2, 'FailedToExtractRuntimeVersion', 'Failed to extract the runtime version from the new runtime.\n\nEither calling `Core_version` or decoding `RuntimeVersion` failed.'),
  error(3, 'NonDefaultComposite', 'Suicide called when the account has non-default composite data.'),
  error(4, 'NonZeroRefCount', 'There is a non-zero reference count preventing the account from being purged.'),
  error(5, 'CallFiltered', 'The origin filter prevent the call to be dispatched.'),
  error(6, 'MultiBlockMigrationsOngoing', 'A multi-block migration is ongoing and prevents the current code from being replaced.'),
  error(7, 'NothingAuthorized', 'No upgrade authorized.'),
  error(8, 'Unauthorized', 'The submitted code is not authorized.'),
]

const WeightsPerClass = struct('frame_system::limits::WeightsPerClass', {
  baseExtrinsic: Weight,
  maxExtrinsic: Option(Weight),
  maxTotal: Option(Weight),
  reserved: Option(Weight),
})
const BlockWeights = struct('frame_system::limits::BlockWeights', {
  baseBlock: Weight,
  maxBlock: Weight,
  perClass: PerDispatchClass(WeightsPerClass),
})
const BlockLength = struct('frame_system::limits::BlockLength', { max: PerDispatchClass(u32) })
const RuntimeDbWeight = struct('sp_weights::RuntimeDbWeight', { read: u64, write: u64 })

const w = config.weight
const blockWeights = {
  baseBlock: config.BLOCK_EXECUTION_WEIGHT,
  maxBlock: config.MAXIMUM_BLOCK_WEIGHT,
  perClass: {
    normal: { baseExtrinsic: config.EXTRINSIC_BASE_WEIGHT, maxExtrinsic: w(config.NORMAL_MAX_EXTRINSIC, config.MAXIMUM_BLOCK_WEIGHT.proofSize), maxTotal: w(config.NORMAL_MAX_TOTAL, config.MAXIMUM_BLOCK_WEIGHT.proofSize), reserved: w(0n) },
    operational: {
      baseExtrinsic: config.EXTRINSIC_BASE_WEIGHT,
      maxExtrinsic: w(config.OPERATIONAL_MAX_EXTRINSIC, config.MAXIMUM_BLOCK_WEIGHT.proofSize),
      maxTotal: w(config.OPERATIONAL_MAX_TOTAL, config.MAXIMUM_BLOCK_WEIGHT.proofSize),
      reserved: w(config.OPERATIONAL_RESERVED, config.MAXIMUM_BLOCK_WEIGHT.proofSize),
    },
    mandatory: { baseExtrinsic: config.EXTRINSIC_BASE_WEIGHT, maxExtrinsic: undefined, maxTotal: undefined, reserved: undefined },
  },
}

/** `System.Version` must equal `Core_version`; the runtime fills in its API list. */
let version: RuntimeVersion | undefined
export function setRuntimeVersion(v: RuntimeVersion) {
  version = v
}

// Weights: frame_system SubstrateWeight (remark: 2_119_000 + 390/byte).
const remarkWeight = ({ remark }: { remark: Uint8Array }) => w(2_119_000n + 390n * BigInt(remark.length))

export const calls = [
  call({
    index: 0,
    name: 'remark',
    args: { remark: Bytes },
    weight: remarkWeight,
    docs: 'Make some on-chain remark.\n\nCan be executed by every `origin`.',
    run: () => {},
  }),
  call({
    index: 4,
    name: 'set_storage',
    args: { items: Vec(tuple(Bytes, Bytes)) },
    weight: ({ items }) => w(1_000_000n * BigInt(items.length) + config.writes(items.length)),
    class: 'Operational',
    docs: 'Set some items of storage.',
    run: (ctx, origin, { items }) => {
      ensureRoot(origin)
      for (const [k, v] of items) ctx.storage.set(k, v)
    },
  }),
  call({
    index: 5,
    name: 'kill_storage',
    args: { keys: Vec(Bytes) },
    weight: ({ keys }) => w(1_000_000n * BigInt(keys.length) + config.writes(keys.length)),
    class: 'Operational',
    docs: 'Kill some items from storage.',
    run: (ctx, origin, { keys }) => {
      ensureRoot(origin)
      for (const k of keys) ctx.storage.set(k, null)
    },
  }),
  call({
    index: 6,
    name: 'kill_prefix',
    args: { prefix: Bytes, subkeys: u32 },
    weight: ({ subkeys }) => w(1_000_000n * BigInt(subkeys) + config.writes(subkeys)),
    class: 'Operational',
    docs: 'Kill all storage items with a key that starts with the given prefix.',
    run: (ctx, origin, { prefix }) => {
      ensureRoot(origin)
      const doomed: Uint8Array[] = []
      for (let k = ctx.storage.get(prefix) ? prefix : ctx.storage.nextKey(prefix); k && startsWith(k, prefix); k = ctx.storage.nextKey(k)) doomed.push(k)
      for (const k of doomed) ctx.storage.set(k, null)
    },
  }),
  call({
    index: 7,
    name: 'remark_with_event',
    args: { remark: Bytes },
    weight: remarkWeight,
    docs: 'Make some on-chain remark and emit event.',
    run: (ctx, origin, { remark }) => {
      const sender = ensureSigned(origin)
      ctx.deposit(events.Remarked({ sender, hash: blake2AsHex(remark, 256) }))
    },
  }),
]

function startsWith(bytes: Uint8Array, prefix: Uint8Array) {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b)
}

export const System = definePallet({
  name: 'System',
  index: 0,
  crate: 'frame_system',
  storage,
  calls,
  events,
  errors,
  constants: {
    BlockWeights: constant(BlockWeights, blockWeights, ' Block & extrinsics weights: base values and limits.'),
    BlockLength: constant(BlockLength, { max: { normal: config.NORMAL_MAX_BLOCK_LENGTH, operational: config.MAX_BLOCK_LENGTH, mandatory: config.MAX_BLOCK_LENGTH } }, ' The maximum length of a block (in bytes).'),
    BlockHashCount: constant(u32, config.BLOCK_HASH_COUNT, ' Maximum number of block number to block hash mappings to keep (oldest pruned first).'),
    DbWeight: constant(RuntimeDbWeight, { read: config.DB_READ, write: config.DB_WRITE }, ' The weight of runtime database operations the runtime can invoke.'),
    Version: {
      type: RuntimeVersion,
      get value() {
        if (!version) throw new Error('the runtime version is set when the runtime is assembled')
        return version
      },
      docs: [' Get the chain\'s in-code version.'],
    },
    SS58Prefix: constant(u16, config.SS58_PREFIX, ' The designated SS58 prefix of this chain.'),
  },
})

// ── Account reference counting, as frame_system does it ─────────────────────────────────────

export const EMPTY_ACCOUNT: AccountInfo = {
  nonce: 0,
  consumers: 0,
  providers: 0,
  sufficients: 0,
  data: { free: 0n, reserved: 0n, frozen: 0n, flags: 1n << 127n },
}

export function accountExists(ctx: DispatchContext, who: Hex): boolean {
  return Account.contains(ctx.storage, who)
}

/** A provider reference was added (balances endowed the account): a new account emits NewAccount. */
export function incProviders(ctx: DispatchContext, who: Hex, info: AccountInfo): AccountInfo {
  if (info.providers === 0 && info.sufficients === 0) ctx.deposit(events.NewAccount({ account: who }))
  return { ...info, providers: info.providers + 1 }
}

/** Writes an account, removing it (KilledAccount) when nothing provides for it any more. */
export function writeAccount(ctx: DispatchContext, who: Hex, info: AccountInfo): void {
  if (info.providers === 0 && info.sufficients === 0) {
    if (Account.contains(ctx.storage, who)) {
      Account.remove(ctx.storage, who)
      ctx.deposit(events.KilledAccount({ account: who }))
    }
    return
  }
  Account.set(ctx.storage, who, info)
}

