// Test fixture: a small in-memory HostedRuntime with a trivial "set key" transaction, so the node (chain service, pool, RPC) is proven apart from the real runtime.
//
// A fake transaction is an opaque extrinsic (compact length ++ body) whose body is
//   0x01 ++ sender (32 bytes) ++ nonce (u32 LE) ++ mode (u8) ++ priority (u8) ++ compact key length ++ key ++ compact value length ++ value
// and sets `key` to `value` (mode 0) or deletes `key` (mode 4) when applied. Other modes make the runtime refuse it:
// 1 Invalid(Payment), 2 Unknown(CannotLookup), 3 skipped at block building (ExhaustsResources), 5 throws in validation.
// The timestamp inherent's body is 0x02 ++ timestamp (u64 LE). Nonces live at `fake:nonce:` ++ sender.
import { compactAddLength, compactFromU8aLim, compactToU8a, stringToU8a, u8aConcat, u8aToHex, u8aToU8a } from '@polkadot/util'
import { blake2AsHex, xxhashAsU8a } from '@polkadot/util-crypto'
import { extrinsicsRoot } from '../db/trie.ts'
import { RuntimeApiError, type BuiltBlock, type ChainInfo, type GenesisOptions, type HostedRuntime, type StateReader, type StateWriter, type TransactionInvalid, type ValidationResult } from '../../runtime/host.ts'
import { Header, RuntimeVersion } from '../../runtime/primitives/substrate.ts'
import type { Hex } from '../../runtime/primitives/types.ts'

export const FAKE_MODE = { set: 0, unpayable: 1, unknown: 2, exhaustsResources: 3, delete: 4, validationThrows: 5 } as const

export type FakeTransaction = {
  sender: Uint8Array
  nonce: number
  mode?: number
  priority?: number
  key: Uint8Array | string
  value?: Uint8Array | string
}

export const FAKE_VERSION: RuntimeVersion = {
  specName: 'fake-devnet',
  implName: 'fake-devnet',
  authoringVersion: 1,
  specVersion: 7,
  implVersion: 1,
  apis: [
    ['0xdf6acb689907609b', 5],
    ['0x37e397fc7c91f5e4', 2],
    ['0xbc9d89904f5b923f', 1],
    ['0x37c8bb1350a9a2a8', 4],
  ],
  transactionVersion: 1,
  stateVersion: 1,
}

/** `twox128("Timestamp") ++ twox128("Now")`: where the node reads the parent's time. */
export const TIMESTAMP_NOW_KEY = u8aToHex(u8aConcat(xxhashAsU8a('Timestamp', 128), xxhashAsU8a('Now', 128))) as Hex
export const NONCE_PREFIX = stringToU8a('fake:nonce:')
export const BALANCE_PREFIX = stringToU8a('fake:balance:')
export const FAKE_METADATA = u8aConcat(stringToU8a('meta'), [14], stringToU8a('fake metadata'))

const bytesOf = (v: Uint8Array | string | undefined) => (v === undefined ? new Uint8Array() : typeof v === 'string' ? stringToU8a(v) : v)

/** Encodes a fake transaction as the opaque extrinsic the node receives. */
export function fakeTransaction(tx: FakeTransaction): Uint8Array {
  const key = bytesOf(tx.key)
  const value = bytesOf(tx.value)
  const body = u8aConcat([0x01], tx.sender, u32(tx.nonce), [tx.mode ?? FAKE_MODE.set, tx.priority ?? 1], compactAddLength(key), compactAddLength(value))
  return compactAddLength(body)
}

/** A fake account id: 32 bytes, all `n`. */
export function fakeAccount(n: number): Uint8Array {
  return new Uint8Array(32).fill(n)
}

export function nonceKey(sender: Uint8Array): Uint8Array {
  return u8aConcat(NONCE_PREFIX, sender)
}

type Decoded =
  | { kind: 'transaction'; sender: Uint8Array; nonce: number; mode: number; priority: number; key: Uint8Array; value: Uint8Array }
  | { kind: 'timestamp'; now: bigint }

/** What the fake runtime was asked for, for tests to look at. */
export type FakeRuntimeLog = { genesis: GenesisOptions[]; built: number; validations: number }

export type FakeRuntime = HostedRuntime & { log: FakeRuntimeLog }

/** A fresh fake runtime. `salt` changes its genesis state (to test a database made by another runtime). */
export function createFakeRuntime(options: { salt?: string } = {}): FakeRuntime {
  const log: FakeRuntimeLog = { genesis: [], built: 0, validations: 0 }

  function validate(state: StateReader, _chain: ChainInfo, extrinsic: Uint8Array): ValidationResult {
    log.validations++
    const hash = blake2AsHex(extrinsic, 256) as Hex
    const refuse = (invalid: TransactionInvalid): ValidationResult => ({ ok: false, invalid, hash })
    let tx: Decoded
    try {
      tx = decode(extrinsic)
    } catch (error) {
      return refuse({ kind: 'BadFormat', variant: 'Call', message: `Could not decode the fake extrinsic: ${(error as Error).message}` })
    }
    if (tx.kind !== 'transaction') return refuse({ kind: 'Invalid', variant: 'Call', message: 'Transaction call is not expected' })
    if (tx.mode === FAKE_MODE.validationThrows) throw new Error('the fake runtime was told to fail')
    if (tx.mode === FAKE_MODE.unpayable) return refuse({ kind: 'Invalid', variant: 'Payment', message: 'Inability to pay some fees (e.g. account balance too low)' })
    if (tx.mode === FAKE_MODE.unknown) return refuse({ kind: 'Unknown', variant: 'CannotLookup', message: 'Could not lookup information required to validate the transaction' })
    const current = readU32(state.get(nonceKey(tx.sender)))
    if (tx.nonce < current) return refuse({ kind: 'Invalid', variant: 'Stale', message: 'Transaction is outdated' })
    const tag = (n: number) => u8aToHex(u8aConcat(tx.sender, u32(n))) as Hex
    return {
      ok: true,
      hash,
      valid: { priority: BigInt(tx.priority), requires: tx.nonce > current ? [tag(tx.nonce - 1)] : [], provides: [tag(tx.nonce)], longevity: 64, propagate: true },
    }
  }

  return {
    log,
    version: FAKE_VERSION,
    metadata: () => FAKE_METADATA,
    genesisStorage(config) {
      log.genesis.push(config)
      const storage = new Map<Hex, Hex>()
      for (const [account, free] of config.balances) storage.set(u8aToHex(u8aConcat(BALANCE_PREFIX, u8aToU8a(account))) as Hex, u8aToHex(u64(free)) as Hex)
      storage.set(u8aToHex(stringToU8a('fake:sudo')) as Hex, config.sudoKey)
      storage.set(u8aToHex(stringToU8a('fake:aura')) as Hex, u8aToHex(u8aConcat(...config.auraAuthorities.map((a) => u8aToU8a(a)))) as Hex)
      storage.set(u8aToHex(stringToU8a('fake:grandpa')) as Hex, u8aToHex(u8aConcat(...config.grandpaAuthorities.map((a) => u8aToU8a(a)))) as Hex)
      if (options.salt !== undefined) storage.set(u8aToHex(stringToU8a('fake:salt')) as Hex, u8aToHex(stringToU8a(options.salt)) as Hex)
      return storage
    },
    validateTransaction: validate,
    buildBlock(state: StateWriter, chain: ChainInfo, inputs, extrinsics): BuiltBlock {
      log.built++
      const changes = new Map<Hex, Hex | null>()
      const write = (key: Uint8Array, value: Uint8Array | null) => {
        changes.set(u8aToHex(key) as Hex, value === null ? null : (u8aToHex(value) as Hex))
        if (value === null) state.delete(key)
        else state.set(key, value)
      }
      write(stringToU8a('fake:number'), u32(inputs.number))
      write(u8aToU8a(TIMESTAMP_NOW_KEY), u64(inputs.timestamp))
      const inherent = compactAddLength(u8aConcat([0x02], u64(inputs.timestamp)))
      const body = [inherent]
      const applied: BuiltBlock['applied'] = [{ hash: blake2AsHex(inherent, 256) as Hex, index: 0, success: true }]
      const skipped: BuiltBlock['skipped'] = []
      for (const extrinsic of extrinsics) {
        const verdict = validate(state, chain, extrinsic)
        if (!verdict.ok) {
          skipped.push({ hash: verdict.hash, invalid: verdict.invalid })
          continue
        }
        const tx = decode(extrinsic) as Extract<Decoded, { kind: 'transaction' }>
        if (tx.mode === FAKE_MODE.exhaustsResources) {
          skipped.push({ hash: verdict.hash, invalid: { kind: 'Invalid', variant: 'ExhaustsResources', message: 'Transaction would exhaust the block limits' } })
          continue
        }
        // A future nonce cannot be applied yet.
        if (tx.nonce !== readU32(state.get(nonceKey(tx.sender)))) {
          skipped.push({ hash: verdict.hash, invalid: { kind: 'Invalid', variant: 'Future', message: 'Transaction will be valid in the future' } })
          continue
        }
        write(nonceKey(tx.sender), u32(tx.nonce + 1))
        write(tx.key, tx.mode === FAKE_MODE.delete ? null : tx.value)
        applied.push({ hash: verdict.hash, index: body.length, success: true })
        body.push(extrinsic)
      }
      const stateRoot = u8aToHex(state.root()) as Hex
      const root = u8aToHex(extrinsicsRoot(body, FAKE_VERSION.stateVersion)) as Hex
      const header = Header.enc({
        parentHash: inputs.parentHash,
        number: inputs.number,
        stateRoot,
        extrinsicsRoot: root,
        digest: { logs: [{ type: 'PreRuntime', value: ['0x61757261', u64(inputs.slot)] }] },
      })
      return { header, body, stateRoot, extrinsicsRoot: root, applied, skipped, changes }
    },
    call(state, _chain, method, args) {
      switch (method) {
        case 'Core_version':
          return RuntimeVersion.enc(FAKE_VERSION)
        case 'Metadata_metadata':
          return compactAddLength(FAKE_METADATA)
        case 'AccountNonceApi_account_nonce':
          if (args.length !== 32) throw new RuntimeApiError(`AccountNonceApi_account_nonce takes a 32-byte account, got ${args.length} bytes`)
          return u32(readU32(state.get(nonceKey(args))))
        case 'TransactionPaymentApi_query_info':
        case 'TransactionPaymentApi_query_fee_details': {
          const length = args.length - 4
          const extrinsic = args.subarray(0, length)
          if (decodeOrUndefined(extrinsic) === undefined) throw new RuntimeApiError('Bad input data provided to query_info: could not decode the extrinsic')
          const len = new DataView(args.buffer, args.byteOffset + length, 4).getUint32(0, true)
          if (method === 'TransactionPaymentApi_query_info') {
            // Weight { ref_time: Compact<u64>, proof_size: Compact<u64> }, DispatchClass::Normal, partial_fee: u64.
            return u8aConcat(compactToU8a(BigInt(len) * 1000n), compactToU8a(0), [0], u64(BigInt(len) * 10n + 100n))
          }
          // Some(InclusionFee { base_fee, len_fee, adjusted_weight_fee }), tip.
          return u8aConcat([1], u64(100n), u64(BigInt(len) * 10n), u64(0n), u64(0n))
        }
        default:
          throw new RuntimeApiError(`Exported method ${method} is not found`)
      }
    },
  }
}

function decodeOrUndefined(extrinsic: Uint8Array): Decoded | undefined {
  try {
    return decode(extrinsic)
  } catch {
    return undefined
  }
}

function decode(extrinsic: Uint8Array): Decoded {
  const [offset, length] = compactFromU8aLim(extrinsic)
  if (offset + length !== extrinsic.length) throw new Error('length prefix mismatch')
  const body = extrinsic.subarray(offset)
  const view = new DataView(body.buffer, body.byteOffset, body.length)
  if (body[0] === 0x02 && body.length === 9) return { kind: 'timestamp', now: view.getBigUint64(1, true) }
  if (body[0] !== 0x01 || body.length < 1 + 32 + 4 + 2) throw new Error('not a fake transaction')
  const sender = body.slice(1, 33)
  const nonce = view.getUint32(33, true)
  const mode = body[37]!
  const priority = body[38]!
  let at = 39
  const take = () => {
    const [o, n] = compactFromU8aLim(body.subarray(at))
    const start = at + o
    if (start + n > body.length) throw new Error('truncated')
    at = start + n
    return body.slice(start, start + n)
  }
  const key = take()
  const value = take()
  if (at !== body.length) throw new Error('trailing bytes')
  if (key.length === 0) throw new Error('empty key')
  return { kind: 'transaction', sender, nonce, mode, priority, key, value }
}

function u32(n: number): Uint8Array {
  const out = new Uint8Array(4)
  new DataView(out.buffer).setUint32(0, n, true)
  return out
}

function u64(n: bigint): Uint8Array {
  const out = new Uint8Array(8)
  new DataView(out.buffer).setBigUint64(0, n, true)
  return out
}

function readU32(bytes: Uint8Array | undefined): number {
  return bytes === undefined ? 0 : new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, true)
}

/** Tags as the fake (and Substrate's CheckNonce) provides them: `(AccountId, Nonce).encode()`. */
export function nonceTag(sender: Uint8Array, nonce: number): Hex {
  return u8aToHex(u8aConcat(sender, u32(nonce))) as Hex
}

