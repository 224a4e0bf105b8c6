// The devnet chain service: genesis, Aura-sealed block authoring on the runtime, atomic commits, finality a moment after import, the transaction pool with its watchers and bans, and the chopsticks-style dev controls.
import { hexToU8a, u8aConcat, u8aToHex } from '@polkadot/util'
import { blake2AsHex, cryptoWaitReady, xxhashAsU8a } from '@polkadot/util-crypto'
import type { ChainInfo, HostedRuntime, TransactionValid } from '../../runtime/host.ts'
import { openStateDb, type StateDb } from '../db/stateDb.ts'
import { extrinsicsRoot, type ReadonlyTrie } from '../db/trie.ts'
import { PoolError, TransactionPool, type PoolLimits, type PoolTransaction, type Validity } from '../pool/pool.ts'
import { ChainClosedError, DevRequestError, RuntimeCallError, TransactionRefused, UnknownBlockError, type Refusal } from './errors.ts'
import { devnetGenesisConfig, devnetKeys, genesisBlock, SLOT_DURATION_MS, stateVersionOf, type DevnetKeys } from './genesis.ts'
import { auraSlotOf, decodeHeader, sealHeader, type Header, type Hex } from './header.ts'
import { opaqueExtrinsicProblem } from './opaque.ts'
import { nextSlot } from './slots.ts'

export type ChainLogger = {
  info(message: string): void
  warn(message: string): void
  error(message: string, error?: unknown): void
}

export type DevnetChainOptions = {
  runtime: HostedRuntime
  /** The SQLite database file (':memory:' for one that dies with the process). */
  databasePath: string
  /** Past states kept readable (default 256 blocks). */
  pruning?: number
  /** Keep every past state. */
  archive?: boolean
  /** Time between a block's import and its finality (default 100 ms: polkadot-js misses InBlock when Finalized comes with it). */
  finalityDelayMs?: number
  poolLimits?: PoolLimits
  /** How long the hash of an included or invalid transaction is refused (default 30 min, Substrate's pool ban time). */
  banTimeMs?: number
  logger?: ChainLogger
}

/** A block of the chain, its header decoded. */
export type BlockRecord = { number: number; hash: Hex; header: Header; encodedHeader: Uint8Array }

/** What `onBlock` listeners get for each block the node authors. */
export type ImportedBlock = BlockRecord & {
  body: Uint8Array[]
  /** Every storage write of the block (dev_setStorage values included): key → new value, or null when deleted. */
  changes: ReadonlyMap<Hex, Hex | null>
  /** The hash of each extrinsic, in body order. */
  extrinsics: Hex[]
  timestamp: bigint
  slot: bigint
}

/** A watched transaction's progress, as Substrate's legacy `author_extrinsicUpdate` serialises `TransactionStatus`. */
export type TransactionStatus = 'future' | 'ready' | { inBlock: Hex } | { finalized: Hex } | { usurped: Hex } | 'dropped' | 'invalid'
export type StatusListener = (status: TransactionStatus) => void

export type Submitted = {
  hash: Hex
  status: 'ready' | 'future'
  /** Stops the watcher given to `submitExtrinsic` (the transaction stays in the pool). */
  unwatch(): void
}

export type DevnetChainState = { block: BlockRecord; state: ReadonlyTrie }

const DEFAULT_FINALITY_DELAY_MS = 100
const DEFAULT_BAN_TIME_MS = 30 * 60 * 1000
const FINALITY_RETRY_MS = 1000
const MAX_BANNED = 65_536
const MAX_CACHED_BLOCKS = 512
/** `dev_newBlock` builds at most this many blocks per call. */
export const MAX_NEW_BLOCKS = 10_000
const TIMESTAMP_NOW_KEY = u8aConcat(xxhashAsU8a('Timestamp', 128), xxhashAsU8a('Now', 128))

const silentLogger: ChainLogger = { info() {}, warn() {}, error() {} }

export class DevnetChain {
  readonly runtime: HostedRuntime
  readonly keys: DevnetKeys
  readonly genesisHash: Hex
  readonly pool: TransactionPool

  private readonly db: StateDb
  private readonly logger: ChainLogger
  private readonly finalityDelayMs: number
  private readonly banTimeMs: number
  private best: BlockRecord
  private finalizedBlock: BlockRecord
  /** Blocks imported but not yet finalized, oldest first, with when they were imported (monotonic ms). */
  private readonly awaitingFinality: Array<{ block: BlockRecord; importedAt: number; extrinsics: Hex[] }> = []
  private finalityTimer: NodeJS.Timeout | undefined
  private readonly blockCache = new Map<Hex, BlockRecord>()
  private readonly watchers = new Map<Hex, Set<StatusListener>>()
  /** Hash → when its ban ends (ms since the epoch). */
  private readonly banned = new Map<Hex, number>()
  private readonly blockListeners = new Set<(block: ImportedBlock) => void>()
  private readonly finalityListeners = new Set<(block: BlockRecord) => void>()
  /** dev_setStorage values waiting for the next block. */
  private readonly storageOverrides = new Map<Hex, Hex | null>()
  /** dev_timeTravel: added to the wall clock for block timestamps. */
  private clockOffsetMs = 0
  private closed = false

  private constructor(options: DevnetChainOptions, db: StateDb, keys: DevnetKeys, genesisHash: Hex) {
    this.runtime = options.runtime
    this.keys = keys
    this.db = db
    this.genesisHash = genesisHash
    this.logger = options.logger ?? silentLogger
    this.finalityDelayMs = options.finalityDelayMs ?? DEFAULT_FINALITY_DELAY_MS
    this.banTimeMs = options.banTimeMs ?? DEFAULT_BAN_TIME_MS
    this.pool = new TransactionPool(options.poolLimits)
    this.pool.onEvent((event) => {
      switch (event.type) {
        case 'ready':
        case 'future':
          return this.notify(event.hash as Hex, event.type)
        case 'usurped':
          return this.notify(event.hash as Hex, { usurped: event.by as Hex }, true)
        case 'dropped':
          return this.notify(event.hash as Hex, 'dropped', true)
        case 'invalid':
          this.ban([event.hash as Hex])
          return this.notify(event.hash as Hex, 'invalid', true)
      }
    })
    const head = db.head()!
    const finalized = db.finalized()!
    this.best = this.blockRecord(u8aToHex(head.hash) as Hex)!
    this.finalizedBlock = this.blockRecord(u8aToHex(finalized.hash) as Hex)!
  }

  /**
   * Opens (or creates, building genesis) the chain in `databasePath`. A database made by another runtime or genesis
   * config is refused. Blocks imported but not finalized before a stop are finalized again after the usual delay.
   */
  static async open(options: DevnetChainOptions): Promise<DevnetChain> {
    await cryptoWaitReady()
    const keys = devnetKeys()
    const genesis = genesisBlock(options.runtime, devnetGenesisConfig(keys))
    const db = openStateDb({
      path: options.databasePath,
      pruning: options.pruning,
      archive: options.archive,
      stateVersion: stateVersionOf(options.runtime),
    })
    try {
      const stored = db.blockHashByNumber(0)
      if (stored === undefined) {
        db.commitBlock({
          number: 0,
          hash: genesis.hash,
          header: genesis.encodedHeader,
          body: [],
          changes: genesis.storage,
          stateRoot: genesis.stateRoot,
          finalized: genesis.hash,
        })
      } else if (u8aToHex(stored) !== genesis.hash) {
        throw new Error(
          `${options.databasePath} holds a chain whose genesis is ${u8aToHex(stored)}, but this runtime's genesis is ${genesis.hash}: ` +
            'the runtime or its genesis changed since that chain was created. Start with --tmp, another --base-path, or delete that directory.',
        )
      }
      const chain = new DevnetChain(options, db, keys, genesis.hash)
      chain.resumeFinality()
      return chain
    } catch (error) {
      db.close()
      throw error
    }
  }

  // ---- reading the chain ------------------------------------------------------------------------------------

  /** The best (latest) block. */
  head(): BlockRecord {
    return this.best
  }

  finalized(): BlockRecord {
    return this.finalizedBlock
  }

  /** The canonical block at `number`, or undefined beyond the head. */
  blockHash(number: number): Hex | undefined {
    this.assertOpen()
    const hash = this.db.blockHashByNumber(number)
    return hash && (u8aToHex(hash) as Hex)
  }

  /** A block's header, or undefined for a block this chain does not have. */
  blockRecord(hash: Hex): BlockRecord | undefined {
    this.assertOpen()
    const cached = this.blockCache.get(hash)
    if (cached) return cached
    const stored = this.db.blockByHash(hash)
    if (!stored) return undefined
    const record: BlockRecord = { number: stored.number, hash, header: decodeHeader(stored.header), encodedHeader: stored.header }
    this.cacheBlock(record)
    return record
  }

  /** A block's header and body (each extrinsic's exact bytes), or undefined. */
  block(hash: Hex): (BlockRecord & { body: Uint8Array[] }) | undefined {
    this.assertOpen()
    const stored = this.db.blockByHash(hash)
    if (!stored) return undefined
    return { ...this.blockRecord(hash)!, body: stored.body }
  }

  /** The state after block `hash` (the best block when omitted); throws UnknownBlockError for an unknown or pruned block. */
  stateAt(hash?: Hex): DevnetChainState {
    this.assertOpen()
    if (hash === undefined || hash === this.best.hash) return { block: this.best, state: this.db.state() }
    const state = this.db.stateAt(hash)
    if (state) return { block: this.blockRecord(hash)!, state }
    throw new UnknownBlockError(hash, this.db.blockByHash(hash) ? 'discarded' : 'unknown')
  }

  /** What the runtime knows of the chain when working on the state after `block`. */
  chainInfo(block: BlockRecord): ChainInfo {
    return {
      genesisHash: this.genesisHash,
      parentNumber: block.number,
      parentHash: block.hash,
      blockHash: (number) => (Number.isSafeInteger(number) && number >= 0 && number <= block.number ? this.blockHash(number) : undefined),
    }
  }

  /** A runtime API call (`state_call`) on the state after `at` (the best block when omitted). */
  callRuntime(method: string, args: Uint8Array, at?: Hex): Uint8Array {
    const { block, state } = this.stateAt(at)
    try {
      return this.runtime.call(state, this.chainInfo(block), method, args)
    } catch (error) {
      throw new RuntimeCallError(method, errorMessage(error), { cause: error })
    }
  }

  /** `Timestamp.Now` (pallet_timestamp's well-known key) in `state`; 0 at genesis. */
  private timestampAt(state: ReadonlyTrie): bigint {
    const bytes = state.get(TIMESTAMP_NOW_KEY)
    if (bytes === undefined) return 0n
    if (bytes.length !== 8) throw new Error(`Timestamp.Now holds ${bytes.length} bytes, not a u64`)
    return new DataView(bytes.buffer, bytes.byteOffset, 8).getBigUint64(0, true)
  }

  /**
   * `system_accountNextIndex`: the account's nonce in the best state, then one more for each ready transaction that
   * provides the next `(account, nonce)` tag, as Substrate's `adjust_nonce` counts them.
   */
  accountNextIndex(accountId: Uint8Array): number {
    const encoded = this.callRuntime('AccountNonceApi_account_nonce', accountId)
    if (encoded.length !== 4) throw new RuntimeCallError('AccountNonceApi_account_nonce', `returned ${encoded.length} bytes, not a u32 nonce`)
    let nonce = new DataView(encoded.buffer, encoded.byteOffset, 4).getUint32(0, true)
    const tag = (n: number) => u8aToHex(u8aConcat(accountId, u32le(n)))
    let next = tag(nonce)
    for (const tx of this.pool.ready()) {
      if (tx.validity.provides[0] !== next) continue
      nonce += 1
      next = tag(nonce)
    }
    return nonce
  }

  // ---- events -----------------------------------------------------------------------------------------------

  /** Calls `listener` after each block is committed; returns the function that stops it. */
  onBlock(listener: (block: ImportedBlock) => void): () => void {
    this.blockListeners.add(listener)
    return () => void this.blockListeners.delete(listener)
  }

  /** Calls `listener` for each newly finalized block, in order; returns the function that stops it. */
  onFinalized(listener: (block: BlockRecord) => void): () => void {
    this.finalityListeners.add(listener)
    return () => void this.finalityListeners.delete(listener)
  }

  // ---- transactions -----------------------------------------------------------------------------------------

  /**
   * Validates `extrinsic` against the best state and pools it. `watch`, if given, is registered before the pool sees
   * the transaction, so it gets every status from the first (`ready` or `future`) to a terminal one (`finalized`,
   * `usurped`, `dropped`, `invalid`), after which it is removed. Throws TransactionRefused.
   */
  submitExtrinsic(extrinsic: Uint8Array, watch?: StatusListener): Submitted {
    this.assertOpen()
    const framing = opaqueExtrinsicProblem(extrinsic)
    if (framing !== undefined) throw new TransactionRefused(undefined, { kind: 'validity', invalid: { kind: 'BadFormat', variant: 'Decode', message: framing } })
    const hash = blake2AsHex(extrinsic, 256) as Hex
    const refuse = (refusal: Refusal) => new TransactionRefused(hash, refusal)
    if (this.pool.has(hash)) throw refuse({ kind: 'pool', code: 'AlreadyImported', message: 'Transaction Already Imported' })
    if (this.isBanned(hash)) throw refuse({ kind: 'pool', code: 'TemporarilyBanned', message: 'Transaction is temporarily banned' })

    let result
    try {
      result = this.runtime.validateTransaction(this.db.state(), this.chainInfo(this.best), extrinsic)
    } catch (error) {
      throw refuse({ kind: 'verification', message: errorMessage(error) })
    }
    if (!result.ok) {
      // As Substrate's pool does, an invalid transaction is banned; an unknown one may become valid later.
      if (result.invalid.kind === 'Invalid') this.ban([hash])
      throw refuse({ kind: 'validity', invalid: result.invalid })
    }
    if (result.valid.provides.length === 0) {
      throw refuse({ kind: 'pool', code: 'NoTagsProvided', message: 'Transaction does not provide any tags, so the pool cannot identify it' })
    }

    if (watch) this.addWatcher(hash, watch)
    const unwatch = () => (watch ? this.removeWatcher(hash, watch) : undefined)
    try {
      const status = this.pool.submit(hash, extrinsic, toValidity(result.valid), this.best.number)
      return { hash, status, unwatch }
    } catch (error) {
      unwatch()
      if (error instanceof PoolError) throw refuse({ kind: 'pool', code: error.code, message: error.message })
      throw error
    }
  }

  /** `author_pendingExtrinsics`: the ready transactions, in the order a block would take them. */
  pendingExtrinsics(): Uint8Array[] {
    return this.pool.ready().map((tx) => tx.bytes)
  }

  /** `author_removeExtrinsic`: removes and bans the pooled transactions with these hashes; returns those that were pooled. */
  removeExtrinsics(hashes: readonly Hex[]): Hex[] {
    this.assertOpen()
    const removed: Hex[] = []
    for (const hash of hashes) {
      if (!this.pool.remove(hash)) continue
      removed.push(hash)
      this.ban([hash])
      this.notify(hash, 'invalid', true)
    }
    return removed
  }

  // ---- authoring ----------------------------------------------------------------------------------------------

  /**
   * Builds, seals and commits the next block on the best one, with every ready transaction (those the block has no
   * room for stay pooled) and any dev_setStorage values. Synchronous, so a block is never half-written when the process
   * handles a signal. Then: pool pruned and re-validated, watchers told, listeners called, finality scheduled.
   */
  authorBlock(): ImportedBlock {
    this.assertOpen()
    const parent = this.best
    const parentState = this.db.state()
    const { timestamp, slot } = nextSlot({
      now: BigInt(Date.now() + this.clockOffsetMs),
      parentTimestamp: this.timestampAt(parentState),
      parentSlot: auraSlotOf(parent.header),
      slotDurationMs: SLOT_DURATION_MS,
    })
    const ready = this.pool.ready()
    const state = parentState.fork()
    for (const [key, value] of this.storageOverrides) {
      if (value === null) state.delete(hexToU8a(key))
      else state.set(hexToU8a(key), hexToU8a(value))
    }
    const number = parent.number + 1
    const built = this.runtime.buildBlock(
      state,
      this.chainInfo(parent),
      { number, parentHash: parent.hash, timestamp, slot },
      ready.map((tx) => tx.bytes),
    )
    const sealed = sealHeader(built.header, (preSealHash) => this.keys.aura.sign(preSealHash))
    this.checkBuiltBlock(sealed.header, built.body, built.stateRoot, built.extrinsicsRoot, parent)

    // The runtime's writes come after (and win over) the dev values it was built on.
    const changes = new Map(this.storageOverrides)
    for (const [key, value] of built.changes) changes.set(key.toLowerCase() as Hex, value)
    this.db.commitBlock({ number, hash: sealed.hash, header: sealed.encoded, body: built.body, changes, stateRoot: built.stateRoot })
    this.storageOverrides.clear()

    const block: BlockRecord = { number, hash: sealed.hash, header: sealed.header, encodedHeader: sealed.encoded }
    this.best = block
    this.cacheBlock(block)
    const extrinsics = built.body.map((xt) => blake2AsHex(xt, 256) as Hex)
    const imported: ImportedBlock = { ...block, body: built.body, changes, extrinsics, timestamp, slot }

    for (const hash of extrinsics) this.notify(hash, { inBlock: block.hash })
    const pooled = new Set(ready.map((tx) => tx.hash))
    const included = extrinsics.filter((hash) => pooled.has(hash))
    // Included transactions are banned, so a resubmission is refused rather than re-validated (as Substrate's pool does).
    this.ban(included)
    this.pool.pruneAndRevalidate(included, number, (tx) => this.revalidate(tx))
    for (const listener of this.blockListeners) this.safely('a block listener', () => listener(imported))

    this.awaitingFinality.push({ block, importedAt: performance.now(), extrinsics })
    this.scheduleFinality()
    return imported
  }

  /** `dev_newBlock`: authors `count` blocks one after another, letting RPC calls run between them; returns the last. */
  async authorBlocks(count: number): Promise<ImportedBlock> {
    if (!Number.isSafeInteger(count) || count < 1 || count > MAX_NEW_BLOCKS) {
      throw new DevRequestError(`the number of blocks must be between 1 and ${MAX_NEW_BLOCKS}, got ${count}`)
    }
    let last = this.authorBlock()
    for (let i = 1; i < count; i++) {
      await new Promise((resolve) => setImmediate(resolve))
      last = this.authorBlock()
    }
    return last
  }

  /**
   * `dev_setStorage`: writes raw storage in a new block authored at once (so every block's state still matches its
   * header's state root and read proofs hold). The runtime's own writes in that block win over these.
   */
  setStorage(values: ReadonlyArray<readonly [Hex, Hex | null]>): ImportedBlock {
    this.assertOpen()
    const seen = new Set<string>()
    for (const [key] of values) {
      const normalized = key.toLowerCase()
      if (seen.has(normalized)) throw new DevRequestError(`storage key ${key} is given twice`)
      seen.add(normalized)
    }
    for (const [key, value] of values) this.storageOverrides.set(key.toLowerCase() as Hex, value === null ? null : (value.toLowerCase() as Hex))
    try {
      return this.authorBlock()
    } catch (error) {
      this.storageOverrides.clear()
      throw error
    }
  }

  /**
   * `dev_timeTravel`: the next blocks take their timestamps from `timestampMs` on (moving with the wall clock). Time
   * only moves forward: pallet_timestamp refuses a block older than its parent.
   */
  timeTravel(timestampMs: number): number {
    this.assertOpen()
    if (!Number.isSafeInteger(timestampMs) || timestampMs < 0) throw new DevRequestError(`a timestamp must be whole milliseconds since the Unix epoch, got ${timestampMs}`)
    const head = this.timestampAt(this.db.state())
    if (BigInt(timestampMs) < head) {
      throw new DevRequestError(
        `cannot travel back to ${new Date(timestampMs).toISOString()}: the best block is at ${new Date(Number(head)).toISOString()}, and block time only moves forward`,
      )
    }
    this.clockOffsetMs = timestampMs - Date.now()
    return timestampMs
  }

  // ---- lifecycle ----------------------------------------------------------------------------------------------

  /** Finalizes what is still waiting (no client is left to miss an InBlock), closes the database. Idempotent. */
  close(): void {
    if (this.closed) return
    clearTimeout(this.finalityTimer)
    this.finalityTimer = undefined
    this.safely('finalizing on close', () => this.finalizeDue(Number.POSITIVE_INFINITY))
    this.closed = true
    this.blockListeners.clear()
    this.finalityListeners.clear()
    this.watchers.clear()
    this.db.close()
  }

  get isClosed(): boolean {
    return this.closed
  }

  // ---- internals ----------------------------------------------------------------------------------------------

  private checkBuiltBlock(header: Header, body: Uint8Array[], stateRoot: Hex, claimedExtrinsicsRoot: Hex, parent: BlockRecord): void {
    const fail = (what: string) => {
      throw new Error(`the runtime built an inconsistent block #${parent.number + 1}: ${what}`)
    }
    if (header.number !== parent.number + 1) fail(`its header has number ${header.number}`)
    if (header.parentHash !== parent.hash) fail(`its header's parent is ${header.parentHash}, not ${parent.hash}`)
    if (header.stateRoot !== stateRoot.toLowerCase()) fail(`its header's state root ${header.stateRoot} is not the state's ${stateRoot}`)
    const root = u8aToHex(extrinsicsRoot(body, this.runtime.version.stateVersion))
    if (header.extrinsicsRoot !== root || claimedExtrinsicsRoot.toLowerCase() !== root) {
      fail(`its extrinsics root is ${header.extrinsicsRoot}, but its body's is ${root}`)
    }
  }

  private revalidate(tx: PoolTransaction): Validity | { invalid: string } {
    let result
    try {
      result = this.runtime.validateTransaction(this.db.state(), this.chainInfo(this.best), tx.bytes)
    } catch (error) {
      this.logger.error(`re-validating transaction ${tx.hash} failed in the runtime; dropping it`, error)
      return { invalid: errorMessage(error) }
    }
    if (result.ok) return toValidity(result.valid)
    // As Substrate's revalidation does, a transaction of unknown validity keeps its place.
    if (result.invalid.kind === 'Unknown') return tx.validity
    return { invalid: result.invalid.message }
  }

  private resumeFinality(): void {
    const now = performance.now()
    for (let number = this.finalizedBlock.number + 1; number <= this.best.number; number++) {
      this.awaitingFinality.push({ block: this.blockRecord(this.blockHash(number)!)!, importedAt: now, extrinsics: [] })
    }
    this.scheduleFinality()
  }

  private scheduleFinality(minimumWaitMs = 0): void {
    if (this.finalityTimer !== undefined || this.closed) return
    const first = this.awaitingFinality[0]
    if (!first) return
    const wait = Math.max(minimumWaitMs, first.importedAt + this.finalityDelayMs - performance.now())
    this.finalityTimer = setTimeout(() => {
      this.finalityTimer = undefined
      let failed = false
      this.safely('finalizing blocks', () => {
        failed = true
        this.finalizeDue(performance.now())
        failed = false
      })
      // A database that refused (disk full, say) is retried, not hammered.
      this.scheduleFinality(failed ? FINALITY_RETRY_MS : 0)
    }, wait)
  }

  /** Finalizes every block imported at least the finality delay before `now`. */
  private finalizeDue(now: number): void {
    let count = 0
    while (count < this.awaitingFinality.length && this.awaitingFinality[count]!.importedAt + this.finalityDelayMs <= now) count++
    if (count === 0) return
    // Written first: if the database refuses, the blocks stay queued and the next attempt retries them.
    this.db.finalize(this.awaitingFinality[count - 1]!.block.hash)
    const due = this.awaitingFinality.splice(0, count)
    this.finalizedBlock = due.at(-1)!.block
    for (const { block, extrinsics } of due) {
      for (const hash of extrinsics) this.notify(hash, { finalized: block.hash }, true)
      for (const listener of this.finalityListeners) this.safely('a finality listener', () => listener(block))
    }
  }

  private addWatcher(hash: Hex, listener: StatusListener): void {
    let set = this.watchers.get(hash)
    if (!set) this.watchers.set(hash, (set = new Set()))
    set.add(listener)
  }

  private removeWatcher(hash: Hex, listener: StatusListener): void {
    const set = this.watchers.get(hash)
    if (!set) return
    set.delete(listener)
    if (set.size === 0) this.watchers.delete(hash)
  }

  private notify(hash: Hex, status: TransactionStatus, terminal = false): void {
    const set = this.watchers.get(hash)
    if (!set) return
    if (terminal) this.watchers.delete(hash)
    for (const listener of [...set]) this.safely('a transaction watcher', () => listener(status))
  }

  private ban(hashes: readonly Hex[]): void {
    const until = Date.now() + this.banTimeMs
    for (const hash of hashes) {
      this.banned.delete(hash)
      this.banned.set(hash, until)
    }
    for (const [hash, end] of this.banned) {
      if (this.banned.size <= MAX_BANNED && end > Date.now()) break
      this.banned.delete(hash)
    }
  }

  private isBanned(hash: Hex): boolean {
    const end = this.banned.get(hash)
    if (end === undefined) return false
    if (end > Date.now()) return true
    this.banned.delete(hash)
    return false
  }

  private cacheBlock(record: BlockRecord): void {
    this.blockCache.set(record.hash, record)
    if (this.blockCache.size > MAX_CACHED_BLOCKS) this.blockCache.delete(this.blockCache.keys().next().value!)
  }

  private safely(what: string, run: () => void): void {
    try {
      run()
    } catch (error) {
      this.logger.error(`devnet: ${what} failed`, error)
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new ChainClosedError()
  }
}

function toValidity(valid: TransactionValid): Validity {
  return { priority: valid.priority, requires: valid.requires, provides: valid.provides, longevity: valid.longevity }
}

function u32le(n: number): Uint8Array {
  const out = new Uint8Array(4)
  new DataView(out.buffer).setUint32(0, n, true)
  return out
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
