// Test fixtures: extrinsics built and signed by @polkadot/types (an independent implementation) against subtensor's spec-224 metadata.
import { readFileSync } from 'node:fs'
import { Keyring } from '@polkadot/keyring'
import type { KeyringPair } from '@polkadot/keyring/types'
import { Metadata, TypeRegistry } from '@polkadot/types'
import type { Call, ExtrinsicEra, RuntimeVersion } from '@polkadot/types/interfaces'
import { u8aToHex } from '@polkadot/util'
import { cryptoWaitReady } from '@polkadot/util-crypto'
import { InvalidExtrinsic } from './invalidExtrinsic.ts'
import type { ChainContext } from './signedExtensions.ts'

export const SPEC_VERSION = 224
export const TRANSACTION_VERSION = 1
export const GENESIS_HASH = new Uint8Array(32).fill(0x11)
/** The best block when signing: mortal eras start here, and the chain validates in block BEST + 1. */
export const BEST = 1000
export const BEST_HASH = new Uint8Array(32).fill(0x22)
export const METADATA_HASH = new Uint8Array(32).fill(0x33)

/** A chain at BEST that keeps the hashes of genesis and BEST; `overrides` change what it believes. */
export function chainAt(overrides: Partial<ChainContext> = {}): ChainContext {
  return {
    specVersion: SPEC_VERSION,
    transactionVersion: TRANSACTION_VERSION,
    genesisHash: GENESIS_HASH,
    blockNumber: BEST + 1,
    blockHash: (n) => (n === 0 ? GENESIS_HASH : n === BEST ? BEST_HASH : undefined),
    metadataHash: METADATA_HASH,
    ...overrides,
  }
}

export const registry = new TypeRegistry()
/** The spec-224 metadata (V14). */
export const metadata = new Metadata(registry, readFileSync(new URL('../../../fixtures/subtensor-metadata-spec224.hex', import.meta.url), 'utf8').trim() as `0x${string}`)
// subtensor's own extensions carry no data; declaring them keeps @polkadot/types from warning.
const noData = { extrinsic: {}, payload: {} }
registry.setMetadata(metadata, undefined, { SubtensorSignedExtension: noData, CommitmentsSignedExtension: noData })

await cryptoWaitReady()
export const alice = {
  sr25519: new Keyring({ type: 'sr25519' }).addFromUri('//Alice'),
  ed25519: new Keyring({ type: 'ed25519' }).addFromUri('//Alice'),
  ecdsa: new Keyring({ type: 'ecdsa' }).addFromUri('//Alice'),
}
const bob = new Keyring({ type: 'sr25519' }).addFromUri('//Bob')

/** balances.transfer_keep_alive (5, 3) of `value` RAO to Bob. */
export const transferKeepAlive = (value: bigint): Call => registry.findMetaCall(new Uint8Array([5, 3]))({ Id: bob.address }, value)

/** system.remark (0, 0): a long one makes the signing payload exceed 256 bytes. */
export const remark = (length: number): Call => registry.findMetaCall(new Uint8Array([0, 0]))(u8aToHex(new Uint8Array(length).fill(0x61)))

export interface SignOptions {
  /** Mortal for this many blocks from BEST; immortal when undefined. */
  period?: number
  nonce?: number
  tip?: bigint
  metadataHash?: boolean
}

function era(period: number | undefined): ExtrinsicEra {
  return registry.createType('ExtrinsicEra', period === undefined ? new Uint8Array([0]) : { current: BEST, period })
}

const runtimeVersion = () => registry.createType<RuntimeVersion>('RuntimeVersion', { specVersion: SPEC_VERSION, transactionVersion: TRANSACTION_VERSION })

/** `Extrinsic.sign`, as @polkadot/api's signAndSend does with a keyring pair. */
export function signWithPolkadotJs(call: Call, pair: KeyringPair, { period, nonce = 7, tip = 0n, metadataHash = false }: SignOptions = {}): Uint8Array {
  const extrinsic = registry.createType('Extrinsic', call)
  extrinsic.sign(pair, {
    blockHash: period === undefined ? GENESIS_HASH : BEST_HASH,
    genesisHash: GENESIS_HASH,
    era: era(period),
    nonce,
    tip,
    runtimeVersion: runtimeVersion(),
    signedExtensions: registry.signedExtensions,
    ...(metadataHash ? { mode: 1, metadataHash: u8aToHex(METADATA_HASH) } : {}),
  })
  return extrinsic.toU8a()
}

/**
 * The browser-extension flow: the dapp builds an `ExtrinsicPayload`, the wallet signs it (`signPayload`),
 * and the dapp attaches the signature. Returns the extrinsic and the payload bytes the wallet signed over.
 */
export function signPayloadWithPolkadotJs(call: Call, pair: KeyringPair, { period, nonce = 7, tip = 0n, metadataHash = false }: SignOptions = {}) {
  const payload = registry.createType('ExtrinsicPayload', {
    method: call.toHex(),
    blockHash: period === undefined ? GENESIS_HASH : BEST_HASH,
    genesisHash: GENESIS_HASH,
    era: era(period),
    nonce,
    tip,
    specVersion: SPEC_VERSION,
    transactionVersion: TRANSACTION_VERSION,
    mode: metadataHash ? 1 : 0,
    metadataHash: metadataHash ? u8aToHex(METADATA_HASH) : undefined,
    signedExtensions: registry.signedExtensions,
    version: 4,
  })
  const { signature } = payload.sign(pair)
  const extrinsic = registry.createType('Extrinsic', call)
  extrinsic.addSignature(pair.address, signature, payload.toU8a())
  return { extrinsic: extrinsic.toU8a(), signedBytes: payload.toU8a({ method: true }) }
}

/** The InvalidExtrinsic that `run` throws, as `{ kind, reason }`; fails if it throws anything else or nothing. */
export function refusalOf(run: () => unknown): Pick<InvalidExtrinsic, 'kind' | 'reason'> {
  try {
    run()
  } catch (error) {
    if (error instanceof InvalidExtrinsic) return { kind: error.kind, reason: error.reason }
    throw error
  }
  throw new Error('expected an InvalidExtrinsic, but nothing was thrown')
}
