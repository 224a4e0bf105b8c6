// The devnet runtime as the node hosts it: genesis, validation, block building and runtime APIs over the pallets (implements host.ts).
import { hexToU8a, u8aToHex } from '@polkadot/util'
import { blake2AsHex } from '@polkadot/util-crypto'
import { MemoryStorage } from './primitives/memoryStorage.ts'
import { MultiAddress, MultiSignature, SUBTENSOR_SIGNED_EXTENSIONS } from './primitives/extrinsic.ts'
import { Header } from './primitives/substrate.ts'
import type { Hex } from './primitives/types.ts'
import { buildMetadata, extrinsicTypes, type MetadataSource } from './metadata/metadata.ts'
import { runtime, VERSION } from './runtime.ts'
import { OverlayStorage } from './executive/overlay.ts'
import { BlockExecution, SIGNED_EXTENSIONS_WEIGHT, buildBlockIn, validateTransaction, validationBlock } from './executive/executive.ts'
import { TransactionRefused } from './executive/validity.ts'
import { decodeUncheckedExtrinsic } from './extrinsic/uncheckedExtrinsic.ts'
import { apisList, callApi, runtimeApis, setExtrinsicType, type ApiContext, type ApiServices, type FeeQuote, type ValidityValue } from './runtime-api/index.ts'
import * as System from './pallets/system/storage.ts'
import { Authorities as AuraAuthorities } from './pallets/aura/index.ts'
import { Authorities as GrandpaAuthorities, CurrentSetId } from './pallets/grandpa/index.ts'
import { setSlotDuration, getMinimumPeriod } from './pallets/timestamp/index.ts'
import { computeFeeDetails, weightToFee } from './pallets/transaction-payment/index.ts'
import { SPEC_NAME, SPEC_VERSION } from './config.ts'
import type { BuiltBlock, ChainInfo, GenesisOptions, HostedRuntime, StateReader, StateWriter, TransactionInvalid, ValidationResult } from './host.ts'
import type { DispatchInfo } from './primitives/substrate.ts'

export const metadataSource: MetadataSource = {
  runtime,
  extrinsic: { version: 4, address: MultiAddress, signature: MultiSignature, signedExtensions: SUBTENSOR_SIGNED_EXTENSIONS },
  apis: runtimeApis,
}
setExtrinsicType(extrinsicTypes(metadataSource).UncheckedExtrinsic)

const HASH69 = `0x${'45'.repeat(32)}` as Hex

const toValidity = (r: ValidationResult): ValidityValue =>
  r.ok
    ? { type: 'Ok', value: { ...r.valid, requires: r.valid.requires.map((t) => hexToU8a(t)), provides: r.valid.provides.map((t) => hexToU8a(t)), longevity: BigInt(r.valid.longevity) } }
    : r.invalid.kind === 'Unknown'
      ? { type: 'Err', value: { type: 'Unknown', value: { type: r.invalid.variant } as never } }
      : { type: 'Err', value: { type: 'Invalid', value: { type: r.invalid.kind === 'BadFormat' ? 'Call' : r.invalid.variant } as never } }

function quote(info: DispatchInfo, len: number, tip: bigint): FeeQuote {
  const d = computeFeeDetails(len, info)
  return { weight: info.weight, class: info.class, inclusion: d, tip }
}

export function createRuntime(): HostedRuntime {
  const metadataCache = new Map<14 | 15, Uint8Array>()
  const metadata = (v: 14 | 15) => {
    let m = metadataCache.get(v)
    if (!m) metadataCache.set(v, (m = buildMetadata(metadataSource, v)))
    return m
  }

  // The block best+1 initialised on the best state, made once per (state, best block) rather than per transaction:
  // validation only reads it, and each validation runs in a storage layer that is dropped afterwards.
  let validating: { state: StateReader; genesisHash: Hex; parentNumber: number; parentHash: Hex; block: BlockExecution } | undefined
  const validationBlockFor = (state: StateReader, chain: ChainInfo): BlockExecution => {
    const v = validating
    if (v && v.state === state && v.genesisHash === chain.genesisHash && v.parentNumber === chain.parentNumber && v.parentHash === chain.parentHash) return v.block
    validating = undefined
    const block = validationBlock(state, chain)
    validating = { state, genesisHash: chain.genesisHash, parentNumber: chain.parentNumber, parentHash: chain.parentHash, block }
    return block
  }

  const validate = (state: StateReader, chain: ChainInfo, extrinsic: Uint8Array): ValidationResult => {
    const hash = blake2AsHex(extrinsic, 256) as Hex
    const block = validationBlockFor(state, chain)
    const events = block.events.records.length
    block.storage.begin()
    try {
      return { ok: true, valid: validateTransaction(block, extrinsic), hash }
    } catch (e) {
      if (e instanceof TransactionRefused) return { ok: false, invalid: e.invalid, hash }
      // A runtime bug: do not keep a block it may have left in an unknown state.
      validating = undefined
      throw e
    } finally {
      if (block.storage.depth > 1) block.storage.rollback()
      block.events.records.length = events
    }
  }

  const services: ApiServices = {
    version: () => VERSION,
    metadata,
    validate: (c, tx) => toValidity(validate(c.state, c.chain, tx)),
    accountNonce: (c, who) => System.Account.get(new OverlayStorage(c.state), who).nonce,
    auraAuthorities: (c) => AuraAuthorities.get(new OverlayStorage(c.state)) as Hex[],
    slotDuration: () => getMinimumPeriod() * 2n,
    grandpaAuthorities: (c) => GrandpaAuthorities.get(new OverlayStorage(c.state)) as Array<[Hex, bigint]>,
    grandpaSetId: (c) => CurrentSetId.get(new OverlayStorage(c.state)),
    extrinsicInfo: (_c, tx, len) => {
      // Fee quotes (paymentInfo) come with a fake signature: decode, never verify.
      let xt
      try {
        xt = decodeUncheckedExtrinsic(tx)
      } catch (e) {
        throw new Error(`Could not decode the extrinsic: ${(e as Error).message}`)
      }
      const info = runtime.dispatchInfo(runtime.RuntimeCall.dec(xt.call) as never)
      if (xt.signature) info.weight = { refTime: info.weight.refTime + SIGNED_EXTENSIONS_WEIGHT.refTime, proofSize: info.weight.proofSize + SIGNED_EXTENSIONS_WEIGHT.proofSize }
      return quote(info, len, xt.signature?.extra.tip ?? 0n)
    },
    callInfo: (_c, call, len) => quote(runtime.dispatchInfo(call as never), len, 0n),
    weightToFee,
  }

  return {
    version: VERSION,
    metadata,
    genesisStorage(options: GenesisOptions) {
      setSlotDuration(options.slotDurationMs)
      const storage = new MemoryStorage()
      runtime.buildGenesis(storage, {
        Balances: { balances: options.balances },
        Aura: { authorities: options.auraAuthorities },
        Grandpa: { authorities: options.grandpaAuthorities },
        Sudo: { key: options.sudoKey },
        TransactionPayment: {},
      } as never)
      // frame_system's genesis: the placeholder parent hash, runtime upgrade markers.
      System.BlockHash.set(storage, 0, HASH69)
      System.ParentHash.set(storage, HASH69)
      System.LastRuntimeUpgrade.set(storage, { specVersion: SPEC_VERSION, specName: SPEC_NAME })
      System.UpgradedToU32RefCount.set(storage, true)
      System.UpgradedToTripleRefCount.set(storage, true)
      return new Map([...storage.entries()].map(([k, v]) => [u8aToHex(k) as Hex, u8aToHex(v) as Hex]))
    },
    validateTransaction: validate,
    buildBlock(state: StateWriter, chain: ChainInfo, inputs, extrinsics): BuiltBlock {
      const overlay = new OverlayStorage(state)
      const { block, applied, skipped, extrinsicsRoot } = buildBlockIn(overlay, chain, inputs, extrinsics)
      const changes = new Map<Hex, Hex | null>()
      for (const [k, v] of overlay.changes()) {
        changes.set(k, v === null ? null : (u8aToHex(v) as Hex))
        if (v === null) state.delete(hexToU8a(k))
        else state.set(hexToU8a(k), v)
      }
      const stateRoot = u8aToHex(state.root()) as Hex
      const header = Header.enc({ parentHash: inputs.parentHash, number: inputs.number, stateRoot, extrinsicsRoot, digest: System.Digest.get(overlay) })
      return {
        header,
        body: block.extrinsics,
        stateRoot,
        extrinsicsRoot,
        applied,
        skipped: skipped.map((s) => ({ hash: s.hash, invalid: s.refused.invalid as TransactionInvalid })),
        changes,
      }
    },
    call(state: StateReader, chain: ChainInfo, method: string, args: Uint8Array): Uint8Array {
      const ctx: ApiContext = { state, chain }
      return callApi(services, ctx, method, args)
    },
  }
}

export { runtime, VERSION, apisList }
export type { BlockExecution }
