// The devnet's chain database on disk (SQLite, WAL): each block, its state changes and the finality pointer commit in one transaction; the head state lives in memory as a Trie, and past states stay readable for a pruning window (or forever, in archive mode).
//
// Tables:
//   blocks       number → hash, header, body, justification, state root (the canonical chain; no forks)
//   state        key → value at the head block
//   state_diffs  (number, key) → the key's value before block `number` (NULL: absent), for changes made by that block
//   meta         schema version, state version, finalized block number, oldest readable state
// The state at an older block is the head state with the diffs of every later block undone, newest first. Diffs of
// blocks at or below the oldest readable state are deleted (pruning); the genesis block has none. Because the block
// row, the head-state rows, the diffs and the pointers change in one SQLite transaction, a crash at any moment leaves
// either the previous head or the new one, and opening checks that the stored state hashes to the head's state root.

import { compactFromU8aLim, compactToU8a, hexToU8a, isHex, u8aConcat, u8aToHex } from '@polkadot/util'
import type { HexString } from '@polkadot/util/types'
import Database from 'better-sqlite3'
import { Trie, type ReadonlyTrie, type StateVersion } from './trie.ts'

const SCHEMA_VERSION = 1
const DEFAULT_PRUNING = 256
/** Recent states kept as in-memory snapshots (structural sharing makes each cost about its own changes). */
const MAX_RECENT_STATES = 256
/** States rebuilt from diffs for older blocks, kept in a small LRU. */
const MAX_REBUILT_STATES = 8

export type StateDbOptions = {
  /** Database file, or ':memory:' for one that lives and dies with the process. */
  path: string
  /** Number of most recent blocks whose state stays readable (default 256). Unfinalized states are never pruned. */
  pruning?: number
  /** Keep every block's state (overrides `pruning`). */
  archive?: boolean
  /** Trie layout of the state; fixed when the database is created (default 1). */
  stateVersion?: StateVersion
  /** `full` (default) syncs every commit to disk, surviving power loss; `normal` survives process crashes only. */
  synchronous?: 'full' | 'normal'
}

export type BlockInfo = { number: number; hash: Uint8Array; stateRoot: Uint8Array }

export type StoredBlock = BlockInfo & {
  /** The SCALE-encoded header, as committed. */
  header: Uint8Array
  /** The extrinsics, each as committed. */
  body: Uint8Array[]
  justification: Uint8Array | undefined
}

export type BlockCommit = {
  /** Must be the head's number + 1 (0 for genesis). */
  number: number
  hash: Uint8Array | HexString
  header: Uint8Array
  body: readonly Uint8Array[]
  /** The block's storage writes: key → new value, or null for a deletion. */
  changes: ReadonlyMap<HexString, HexString | null>
  justification?: Uint8Array
  /** When given, the commit is refused unless the changes lead to this state root (the header's). */
  stateRoot?: Uint8Array | HexString
  /** Move the finalized pointer to this block or an earlier one, in the same transaction. */
  finalized?: Uint8Array | HexString
}

export interface StateDb {
  readonly stateVersion: StateVersion
  /** The best (latest) block, or undefined before genesis. */
  head(): BlockInfo | undefined
  finalized(): BlockInfo | undefined
  /** The head block's state (empty before genesis). */
  state(): ReadonlyTrie
  /** Applies the block's changes to the head state and stores everything atomically; returns the new head. */
  commitBlock(block: BlockCommit): BlockInfo
  /** Moves the finalized pointer forward, optionally storing the block's justification with it. */
  finalize(hash: Uint8Array | HexString, justification?: Uint8Array): void
  /** The state after the given block, or undefined for an unknown block or one whose state was pruned. */
  stateAt(hash: Uint8Array | HexString): ReadonlyTrie | undefined
  blockByHash(hash: Uint8Array | HexString): StoredBlock | undefined
  blockHashByNumber(number: number): Uint8Array | undefined
  /** The oldest block whose state `stateAt` can still read, or undefined before genesis. */
  oldestState(): number | undefined
  close(): void
}

/** The database refused an operation, or found itself inconsistent. */
export class StateDbError extends Error {
  override name = 'StateDbError'
}

export function openStateDb(options: StateDbOptions): StateDb {
  return SqliteStateDb.open(options)
}

type BlockRow = { number: number; hash: Buffer; header: Buffer; body: Buffer; justification: Buffer | null; state_root: Buffer }
type CachedState = { number: number; state: ReadonlyTrie }

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS blocks (
    number INTEGER PRIMARY KEY,
    hash BLOB NOT NULL UNIQUE,
    header BLOB NOT NULL,
    body BLOB NOT NULL,
    justification BLOB,
    state_root BLOB NOT NULL
  );
  CREATE TABLE IF NOT EXISTS state (key BLOB PRIMARY KEY, value BLOB NOT NULL) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS state_diffs (
    number INTEGER NOT NULL,
    key BLOB NOT NULL,
    prior BLOB,
    PRIMARY KEY (number, key)
  ) WITHOUT ROWID;
`

class SqliteStateDb implements StateDb {
  readonly stateVersion: StateVersion
  private readonly db: Database.Database
  private readonly window: number | undefined
  private headInfo: BlockInfo | undefined
  private headState: ReadonlyTrie
  private finalizedNumber: number | undefined
  private oldest: number | undefined
  private readonly recent = new Map<string, CachedState>()
  private readonly rebuilt = new Map<string, CachedState>()
  private closed = false
  private readonly sql: Statements

  private constructor(db: Database.Database, stateVersion: StateVersion, window: number | undefined) {
    this.db = db
    this.stateVersion = stateVersion
    this.window = window
    this.headState = new Trie({ stateVersion }).snapshot()
    this.sql = prepareStatements(db)
  }

  static open(options: StateDbOptions): SqliteStateDb {
    const window = options.archive ? undefined : (options.pruning ?? DEFAULT_PRUNING)
    if (window !== undefined && !(Number.isSafeInteger(window) && window >= 1)) {
      throw new StateDbError(`pruning must be a whole number of blocks ≥ 1 (or use archive: true), got ${String(options.pruning)}`)
    }
    if (options.stateVersion !== undefined && options.stateVersion !== 0 && options.stateVersion !== 1) {
      throw new StateDbError(`stateVersion must be 0 or 1, got ${String(options.stateVersion)}`)
    }
    const db = new Database(options.path)
    try {
      db.pragma('journal_mode = WAL')
      db.pragma(`synchronous = ${options.synchronous === 'normal' ? 'NORMAL' : 'FULL'}`)
      const stateVersion = db.transaction((): StateVersion => {
        db.exec(SCHEMA)
        const meta = (key: string) => db.prepare<[string], { value: number }>('SELECT value FROM meta WHERE key = ?').get(key)?.value
        const setMeta = (key: string, value: number) => db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(key, value)
        const schema = meta('schema_version')
        if (schema === undefined) {
          setMeta('schema_version', SCHEMA_VERSION)
          setMeta('state_version', options.stateVersion ?? 1)
        } else if (schema !== SCHEMA_VERSION) {
          throw new StateDbError(`${options.path} has database schema ${schema}; this node reads schema ${SCHEMA_VERSION}`)
        }
        const stored = meta('state_version') as StateVersion
        if (options.stateVersion !== undefined && options.stateVersion !== stored) {
          throw new StateDbError(`${options.path} holds a state_version ${stored} trie; state_version ${options.stateVersion} was asked for`)
        }
        return stored
      })()
      const instance = new SqliteStateDb(db, stateVersion, window)
      instance.load()
      return instance
    } catch (error) {
      db.close()
      throw error
    }
  }

  /** Reads the head block and its state, checking that the state hashes to the head's state root. */
  private load(): void {
    const row = this.sql.headBlock.get()
    if (row === undefined) return
    const trie = new Trie({ stateVersion: this.stateVersion })
    for (const [key, value] of this.sql.allState.iterate()) trie.set(key, value)
    const root = trie.root()
    if (!equalBytes(root, row.state_root)) {
      throw new StateDbError(
        `the stored state does not match block #${row.number}: it hashes to ${u8aToHex(root)}, the block's state root is ${u8aToHex(row.state_root)}; the database is corrupt`,
      )
    }
    this.headInfo = infoOf(row)
    this.headState = trie.snapshot()
    this.remember(this.headInfo, this.headState)
    this.finalizedNumber = this.sql.getMeta.get('finalized')?.value
    this.oldest = this.sql.getMeta.get('oldest_state')?.value ?? 0
  }

  head(): BlockInfo | undefined {
    this.assertOpen()
    return this.headInfo && copyInfo(this.headInfo)
  }

  finalized(): BlockInfo | undefined {
    this.assertOpen()
    if (this.finalizedNumber === undefined) return undefined
    const row = this.sql.blockByNumber.get(this.finalizedNumber)
    return row && infoOf(row)
  }

  state(): ReadonlyTrie {
    this.assertOpen()
    return this.headState
  }

  oldestState(): number | undefined {
    this.assertOpen()
    return this.headInfo === undefined ? undefined : this.oldest
  }

  commitBlock(block: BlockCommit): BlockInfo {
    this.assertOpen()
    // 1. Check the block against the chain.
    const expected = this.headInfo === undefined ? 0 : this.headInfo.number + 1
    if (block.number !== expected) {
      throw new StateDbError(`block #${block.number} does not extend the head: the next block must be #${expected}`)
    }
    const hash = hashBytes(block.hash, 'block hash')
    if (this.sql.numberByHash.get(hash) !== undefined) throw new StateDbError(`block ${u8aToHex(hash)} is already stored`)
    if (!(block.header instanceof Uint8Array)) throw new StateDbError('the block header must be bytes')
    if (!block.body.every((extrinsic) => extrinsic instanceof Uint8Array)) throw new StateDbError('every extrinsic in the body must be bytes')
    let finalizedNumber = this.finalizedNumber
    if (block.finalized !== undefined) {
      const finalizedHash = hashBytes(block.finalized, 'finalized hash')
      finalizedNumber = equalBytes(finalizedHash, hash) ? block.number : this.finalizableNumber(finalizedHash)
    }

    // 2. Apply the changes to a copy of the head state; remember what each key held before, to undo them later.
    const changes = decodeChanges(block.changes)
    const next = this.headState.fork()
    const undo: [key: Uint8Array, prior: Uint8Array | null, value: Uint8Array | null][] = []
    for (const [key, value] of changes) {
      undo.push([key, this.headState.get(key) ?? null, value])
      if (value === null) next.delete(key)
      else next.set(key, value)
    }
    const stateRoot = next.root()
    if (block.stateRoot !== undefined) {
      const claimed = hashBytes(block.stateRoot, 'state root')
      if (!equalBytes(claimed, stateRoot)) {
        throw new StateDbError(
          `block #${block.number} claims state root ${u8aToHex(claimed)}, but its changes lead to ${u8aToHex(stateRoot)}`,
        )
      }
    }
    const oldest = this.nextOldest(block.number, finalizedNumber)

    // 3. Write it all in one transaction.
    this.db.transaction(() => {
      this.sql.insertBlock.run(block.number, hash, block.header, encodeBody(block.body), block.justification ?? null, stateRoot)
      for (const [key, prior, value] of undo) {
        if (block.number > 0) this.sql.insertDiff.run(block.number, key, prior)
        if (value === null) this.sql.deleteState.run(key)
        else this.sql.upsertState.run(key, value)
      }
      this.writePointers(finalizedNumber, oldest)
    })()

    // 4. Only now move the in-memory view.
    const info: BlockInfo = { number: block.number, hash, stateRoot }
    this.headInfo = info
    this.headState = next.snapshot()
    this.finalizedNumber = finalizedNumber
    this.remember(info, this.headState)
    this.forgetBefore(oldest)
    return copyInfo(info)
  }

  finalize(hash: Uint8Array | HexString, justification?: Uint8Array): void {
    this.assertOpen()
    const bytes = hashBytes(hash, 'finalized hash')
    const number = this.finalizableNumber(bytes)
    const oldest = this.nextOldest(this.headInfo!.number, number)
    this.db.transaction(() => {
      if (justification !== undefined) this.sql.setJustification.run(justification, number)
      this.writePointers(number, oldest)
    })()
    this.finalizedNumber = number
    this.forgetBefore(oldest)
  }

  stateAt(hash: Uint8Array | HexString): ReadonlyTrie | undefined {
    this.assertOpen()
    const bytes = hashBytes(hash, 'block hash')
    const key = u8aToHex(bytes)
    const cached = this.recent.get(key) ?? this.rebuilt.get(key)
    if (cached !== undefined) {
      if (this.rebuilt.delete(key)) this.rebuilt.set(key, cached)
      return cached.state
    }
    const row = this.sql.blockByHash.get(bytes)
    if (row === undefined || this.oldest === undefined || row.number < this.oldest) return undefined
    // Undo, newest first, the diffs of every block between the target and the nearest newer state in memory.
    let base: CachedState = { number: this.headInfo!.number, state: this.headState }
    for (const candidate of [...this.recent.values(), ...this.rebuilt.values()]) {
      if (candidate.number > row.number && candidate.number < base.number) base = candidate
    }
    const trie = base.state.fork()
    for (const [diffKey, prior] of this.sql.diffsBetween.iterate(row.number, base.number)) {
      if (prior === null) trie.delete(diffKey)
      else trie.set(diffKey, prior)
    }
    const root = trie.root()
    if (!equalBytes(root, row.state_root)) {
      throw new StateDbError(
        `rebuilding the state of block #${row.number} gave root ${u8aToHex(root)}, not its state root ${u8aToHex(row.state_root)}; the database is corrupt`,
      )
    }
    const state = trie.snapshot()
    this.rebuilt.set(key, { number: row.number, state })
    if (this.rebuilt.size > MAX_REBUILT_STATES) this.rebuilt.delete(this.rebuilt.keys().next().value!)
    return state
  }

  blockByHash(hash: Uint8Array | HexString): StoredBlock | undefined {
    this.assertOpen()
    const row = this.sql.blockByHash.get(hashBytes(hash, 'block hash'))
    if (row === undefined) return undefined
    return {
      ...infoOf(row),
      header: new Uint8Array(row.header),
      body: decodeBody(row.body),
      justification: row.justification === null ? undefined : new Uint8Array(row.justification),
    }
  }

  blockHashByNumber(number: number): Uint8Array | undefined {
    this.assertOpen()
    if (!Number.isSafeInteger(number) || number < 0) return undefined
    const row = this.sql.blockByNumber.get(number)
    return row && new Uint8Array(row.hash)
  }

  close(): void {
    if (this.closed) return
    this.closed = true
    this.recent.clear()
    this.rebuilt.clear()
    this.db.close()
  }

  private assertOpen(): void {
    if (this.closed) throw new StateDbError('the state database is closed')
  }

  /** The number of a stored block that the finalized pointer may move to (forward, up to the head). */
  private finalizableNumber(hash: Uint8Array): number {
    const number = this.sql.numberByHash.get(hash)?.number
    if (number === undefined) throw new StateDbError(`cannot finalize unknown block ${u8aToHex(hash)}`)
    if (this.finalizedNumber !== undefined && number < this.finalizedNumber) {
      throw new StateDbError(`cannot finalize block #${number}: block #${this.finalizedNumber} is already finalized`)
    }
    return number
  }

  /** The oldest state to keep once `head` is the head: the pruning window, but never past the finalized block. */
  private nextOldest(head: number, finalized: number | undefined): number {
    const previous = this.oldest ?? 0
    if (this.window === undefined || finalized === undefined) return previous
    return Math.max(previous, Math.min(head - this.window + 1, finalized))
  }

  private writePointers(finalized: number | undefined, oldest: number): void {
    if (finalized !== undefined) this.sql.setMeta.run('finalized', finalized)
    if (oldest !== this.oldest) {
      this.sql.setMeta.run('oldest_state', oldest)
      // State `oldest` needs the diffs of blocks oldest+1 … head; older ones can go.
      this.sql.pruneDiffs.run(oldest)
    }
  }

  private remember(info: BlockInfo, state: ReadonlyTrie): void {
    this.recent.set(u8aToHex(info.hash), { number: info.number, state })
    if (this.recent.size > Math.min(this.window ?? MAX_RECENT_STATES, MAX_RECENT_STATES)) {
      this.recent.delete(this.recent.keys().next().value!)
    }
  }

  private forgetBefore(oldest: number): void {
    this.oldest = oldest
    for (const cache of [this.recent, this.rebuilt]) {
      for (const [key, entry] of cache) if (entry.number < oldest) cache.delete(key)
    }
  }
}

function prepareStatements(db: Database.Database) {
  return {
    getMeta: db.prepare<[string], { value: number }>('SELECT value FROM meta WHERE key = ?'),
    setMeta: db.prepare<[string, number]>(
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ),
    insertBlock: db.prepare<[number, Uint8Array, Uint8Array, Uint8Array, Uint8Array | null, Uint8Array]>(
      'INSERT INTO blocks (number, hash, header, body, justification, state_root) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    setJustification: db.prepare<[Uint8Array, number]>('UPDATE blocks SET justification = ? WHERE number = ?'),
    blockByHash: db.prepare<[Uint8Array], BlockRow>('SELECT * FROM blocks WHERE hash = ?'),
    blockByNumber: db.prepare<[number], BlockRow>('SELECT * FROM blocks WHERE number = ?'),
    headBlock: db.prepare<[], BlockRow>('SELECT * FROM blocks ORDER BY number DESC LIMIT 1'),
    numberByHash: db.prepare<[Uint8Array], { number: number }>('SELECT number FROM blocks WHERE hash = ?'),
    allState: db.prepare<[], [Buffer, Buffer]>('SELECT key, value FROM state').raw(true),
    upsertState: db.prepare<[Uint8Array, Uint8Array]>(
      'INSERT INTO state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ),
    deleteState: db.prepare<[Uint8Array]>('DELETE FROM state WHERE key = ?'),
    insertDiff: db.prepare<[number, Uint8Array, Uint8Array | null]>('INSERT INTO state_diffs (number, key, prior) VALUES (?, ?, ?)'),
    diffsBetween: db
      .prepare<[number, number], [Buffer, Buffer | null]>(
        'SELECT key, prior FROM state_diffs WHERE number > ? AND number <= ? ORDER BY number DESC',
      )
      .raw(true),
    pruneDiffs: db.prepare<[number]>('DELETE FROM state_diffs WHERE number <= ?'),
  }
}

type Statements = ReturnType<typeof prepareStatements>

/** The changes as bytes, each key once (hex keys that differ only in letter case are the same key). */
function decodeChanges(changes: ReadonlyMap<HexString, HexString | null>): [Uint8Array, Uint8Array | null][] {
  const seen = new Set<string>()
  const decoded: [Uint8Array, Uint8Array | null][] = []
  for (const [key, value] of changes) {
    if (typeof key !== 'string' || !isHex(key)) throw new StateDbError(`storage key ${String(key)} is not 0x-prefixed hex of whole bytes`)
    if (value !== null && (typeof value !== 'string' || !isHex(value))) {
      throw new StateDbError(`the value for storage key ${key} is not 0x-prefixed hex of whole bytes (or null to delete it)`)
    }
    const normalized = key.toLowerCase()
    if (seen.has(normalized)) throw new StateDbError(`storage key ${key} appears twice in the changes`)
    seen.add(normalized)
    decoded.push([hexToU8a(key), value === null ? null : hexToU8a(value)])
  }
  return decoded
}

function hashBytes(value: Uint8Array | HexString, what: string): Uint8Array {
  if (typeof value === 'string') {
    if (!isHex(value, 256)) throw new StateDbError(`${what} ${value} is not a 0x-prefixed 32-byte hex string`)
    return hexToU8a(value)
  }
  if (!(value instanceof Uint8Array) || value.length !== 32) throw new StateDbError(`${what} must be 32 bytes`)
  return new Uint8Array(value)
}

/** The body as SCALE `Vec<Vec<u8>>`: each extrinsic framed by its length, so any bytes round-trip. */
function encodeBody(body: readonly Uint8Array[]): Uint8Array {
  return u8aConcat(compactToU8a(body.length), ...body.flatMap((extrinsic) => [compactToU8a(extrinsic.length), extrinsic]))
}

function decodeBody(bytes: Uint8Array): Uint8Array[] {
  const data = new Uint8Array(bytes)
  const [start, count] = compactFromU8aLim(data)
  let at = start
  const body: Uint8Array[] = []
  for (let i = 0; i < count; i++) {
    const [offset, length] = compactFromU8aLim(data.subarray(at))
    at += offset
    body.push(data.slice(at, at + length))
    at += length
  }
  return body
}

function infoOf(row: BlockRow): BlockInfo {
  return { number: row.number, hash: new Uint8Array(row.hash), stateRoot: new Uint8Array(row.state_root) }
}

function copyInfo(info: BlockInfo): BlockInfo {
  return { number: info.number, hash: info.hash.slice(), stateRoot: info.stateRoot.slice() }
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i])
}
