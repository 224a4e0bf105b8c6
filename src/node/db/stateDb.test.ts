// Checks the chain database: atomic block commits, reopening, past states within the pruning window, and surviving kill -9.
import { hexToU8a, u8aToHex } from '@polkadot/util'
import type { HexString } from '@polkadot/util/types'
import Database from 'better-sqlite3'
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { openStateDb, StateDbError, type BlockCommit, type StateDb } from './stateDb.ts'
import { blockChanges, blockCommit, blockHash } from './stateDbCrashWorker.ts'
import { EMPTY_TRIE_ROOT, Trie, trieRoot, type ReadonlyTrie } from './trie.ts'

const hex = (bytes: Uint8Array): HexString => u8aToHex(bytes)

/** The chain's state after each block, computed without the database. */
function referenceStates(upTo: number): { roots: HexString[]; finalState: Trie } {
  const trie = new Trie()
  const roots: HexString[] = []
  for (let n = 0; n <= upTo; n++) {
    for (const [key, value] of blockChanges(n)) value === null ? trie.delete(hexToU8a(key)) : trie.set(hexToU8a(key), hexToU8a(value))
    roots.push(hex(trie.root()))
  }
  return { roots, finalState: trie }
}

const entriesOf = (state: ReadonlyTrie): string[] => [...state.entries()].map(([k, v]) => `${hex(k)}=${hex(v)}`)

let dir: string
const opened: StateDb[] = []
const open = (options: Parameters<typeof openStateDb>[0]): StateDb => {
  const db = openStateDb(options)
  opened.push(db)
  return db
}
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'webtensor-statedb-'))
})
afterEach(() => {
  for (const db of opened.splice(0)) db.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('committing blocks', () => {
  test('blocks, state and finality read back, also after reopening', () => {
    const path = join(dir, 'chain.sqlite')
    const db = open({ path })
    expect(db.head()).toBeUndefined()
    expect(hex(db.state().root())).toBe(EMPTY_TRIE_ROOT)
    const { roots } = referenceStates(12)
    for (let n = 0; n <= 12; n++) {
      const info = db.commitBlock({ ...blockCommit(n), justification: n === 3 ? Uint8Array.of(9, 9) : undefined })
      expect(hex(info.stateRoot)).toBe(roots[n])
    }
    expect(db.head()?.number).toBe(12)
    expect(db.finalized()?.number).toBe(10)

    const block = db.blockByHash(blockHash(3))!
    const committed = blockCommit(3)
    expect(block.number).toBe(3)
    expect(hex(block.hash)).toBe(blockHash(3))
    expect(block.header).toEqual(committed.header)
    expect(block.body).toEqual(committed.body)
    expect(block.body[1]).toEqual(new Uint8Array(0)) // an empty extrinsic survives framing
    expect(block.justification).toEqual(Uint8Array.of(9, 9))
    expect(hex(block.stateRoot)).toBe(roots[3])
    expect(db.blockByHash(blockHash(13))).toBeUndefined()
    expect(hex(db.blockHashByNumber(7)!)).toBe(blockHash(7))
    expect(db.blockHashByNumber(13)).toBeUndefined()
    const headEntries = entriesOf(db.state())
    db.close()

    const again = open({ path })
    expect(again.head()?.number).toBe(12)
    expect(hex(again.head()!.stateRoot)).toBe(roots[12])
    expect(hex(again.state().root())).toBe(roots[12])
    expect(entriesOf(again.state())).toEqual(headEntries)
    expect(again.finalized()?.number).toBe(10)
    again.commitBlock(blockCommit(13))
    expect(again.head()?.number).toBe(13)
  })

  test('finalize moves the pointer forward only, and stores a justification', () => {
    const db = open({ path: ':memory:' })
    for (let n = 0; n <= 5; n++) db.commitBlock({ ...blockCommit(n), finalized: undefined })
    expect(db.finalized()).toBeUndefined()
    db.finalize(blockHash(4), Uint8Array.of(1, 2, 3))
    expect(db.finalized()?.number).toBe(4)
    expect(db.blockByHash(blockHash(4))?.justification).toEqual(Uint8Array.of(1, 2, 3))
    expect(() => db.finalize(blockHash(2))).toThrow(/block #4 is already finalized/)
    expect(() => db.finalize(blockHash(99))).toThrow(/unknown block/)
    expect(() => db.commitBlock({ ...blockCommit(6), finalized: blockHash(3) })).toThrow(/already finalized/)
    db.commitBlock({ ...blockCommit(6), finalized: blockHash(6) }) // instant finality
    expect(db.finalized()?.number).toBe(6)
  })

  test('empty values are stored, deletions remove keys, and both persist', () => {
    const path = join(dir, 'values.sqlite')
    const db = open({ path })
    const commit = (number: number, changes: [HexString, HexString | null][]): void => {
      db.commitBlock({ number, hash: hex(Uint8Array.from({ length: 32 }, () => number + 1)), header: Uint8Array.of(number), body: [], changes: new Map(changes) })
    }
    commit(0, [
      ['0x0a', '0x'],
      ['0x0b', '0x01'],
    ])
    commit(1, [
      ['0x0b', null],
      ['0x0c', null], // deleting an absent key is allowed
      ['0x0A01', '0x02'], // upper-case hex is the same bytes
    ])
    db.close()
    const again = open({ path })
    expect(entriesOf(again.state())).toEqual(['0x0a=0x', '0x0a01=0x02'])
    expect(hex(again.state().root())).toBe(hex(trieRoot([[hexToU8a('0x0a'), new Uint8Array()], [hexToU8a('0x0a01'), hexToU8a('0x02')]])))
  })

  test('a refused commit writes nothing and leaves the head as it was', () => {
    const path = join(dir, 'refused.sqlite')
    const db = open({ path })
    for (let n = 0; n <= 2; n++) db.commitBlock(blockCommit(n))
    const head = db.head()!
    const next = blockCommit(3)
    const refusals: [Partial<BlockCommit>, RegExp][] = [
      [{ number: 5 }, /next block must be #3/],
      [{ hash: blockHash(1) }, /already stored/],
      [{ hash: '0x1234' }, /32-byte hex/],
      [{ stateRoot: head.stateRoot }, /claims state root .* but its changes lead to/],
      [{ changes: new Map([['0xzz' as HexString, '0x01']]) }, /not 0x-prefixed hex/],
      [{ changes: new Map<HexString, HexString | null>([['0x01', '0x123']]) }, /value for storage key 0x01/],
      [{ changes: new Map<HexString, HexString | null>([['0xab', '0x01'], ['0xAB', '0x02']]) }, /appears twice/],
      [{ finalized: blockHash(7) }, /unknown block/],
    ]
    for (const [override, message] of refusals) {
      expect(() => db.commitBlock({ ...next, ...override }), String(message)).toThrow(StateDbError)
      expect(() => db.commitBlock({ ...next, ...override })).toThrow(message)
      expect(db.head()).toEqual(head)
      expect(hex(db.state().root())).toBe(hex(head.stateRoot))
    }
    expect(db.blockHashByNumber(3)).toBeUndefined()
    // The right state root is accepted.
    const root = referenceStates(3).roots[3]!
    expect(hex(db.commitBlock({ ...next, stateRoot: root }).stateRoot)).toBe(root)
  })

  test('a database keeps the trie layout it was created with', () => {
    const path = join(dir, 'v0.sqlite')
    const db = open({ path, stateVersion: 0 })
    db.commitBlock(blockCommit(0))
    expect(hex(db.state().root())).toBe(hex(Trie.fromEntries([...blockChanges(0)].map(([k, v]) => [hexToU8a(k), hexToU8a(v!)]), { stateVersion: 0 }).root()))
    db.close()
    expect(open({ path }).stateVersion).toBe(0)
    expect(() => openStateDb({ path, stateVersion: 1 })).toThrow(/state_version 0 trie/)
    expect(() => openStateDb({ path: ':memory:', pruning: 0 })).toThrow(/pruning must be/)
  })

  test('opening a database whose state does not match its head fails loudly', () => {
    const path = join(dir, 'corrupt.sqlite')
    const db = open({ path })
    for (let n = 0; n <= 3; n++) db.commitBlock(blockCommit(n))
    db.close()
    const raw = new Database(path)
    raw.prepare('UPDATE state SET value = ? WHERE key = (SELECT key FROM state LIMIT 1)').run(Uint8Array.of(1))
    raw.close()
    expect(() => openStateDb({ path })).toThrow(/database is corrupt/)
  })
})

describe('past states', () => {
  test('recent states come from memory, older ones are rebuilt from diffs, pruned ones are gone', () => {
    const path = join(dir, 'pruned.sqlite')
    const pruning = 8
    const db = open({ path, pruning })
    const head = 30
    const { roots } = referenceStates(head)
    for (let n = 0; n <= head; n++) db.commitBlock(blockCommit(n)) // finalizes n − 2
    // States head−7 … head are kept; older ones are pruned (they are finalized).
    expect(db.oldestState()).toBe(head - pruning + 1)
    for (let n = 0; n <= head; n++) {
      const state = db.stateAt(blockHash(n))
      if (n < head - pruning + 1) expect(state, `block ${n}`).toBeUndefined()
      else expect(hex(state!.root()), `block ${n}`).toBe(roots[n])
    }
    expect(db.stateAt(blockHash(99))).toBeUndefined()
    db.close()

    // After reopening only the head is in memory: the others are rebuilt from the diffs on disk.
    const again = open({ path, pruning })
    for (let n = head - pruning + 1; n <= head; n++) {
      const state = again.stateAt(blockHash(n))!
      expect(hex(state.root()), `block ${n}`).toBe(roots[n])
    }
    const state = again.stateAt(blockHash(head - 5))!
    expect(entriesOf(state)).toEqual(entriesOf(referenceStates(head - 5).finalState))
    expect(again.stateAt(blockHash(head - pruning))).toBeUndefined()
  })

  test('unfinalized states are never pruned', () => {
    const db = open({ path: ':memory:', pruning: 4 })
    const { roots } = referenceStates(20)
    for (let n = 0; n <= 20; n++) db.commitBlock({ ...blockCommit(n), finalized: n === 6 ? blockHash(6) : undefined })
    expect(db.oldestState()).toBe(6)
    expect(hex(db.stateAt(blockHash(6))!.root())).toBe(roots[6])
    expect(db.stateAt(blockHash(5))).toBeUndefined()
    db.finalize(blockHash(20))
    expect(db.oldestState()).toBe(17)
    expect(db.stateAt(blockHash(16))).toBeUndefined()
    expect(hex(db.stateAt(blockHash(17))!.root())).toBe(roots[17])
  })

  test('archive mode keeps every state, across reopening', () => {
    const path = join(dir, 'archive.sqlite')
    const db = open({ path, archive: true, pruning: 4 })
    const { roots } = referenceStates(40)
    for (let n = 0; n <= 40; n++) db.commitBlock(blockCommit(n)) // finalizes n − 2, which would prune with a window
    db.close()
    const again = open({ path, archive: true })
    expect(again.oldestState()).toBe(0)
    for (let n = 40; n >= 0; n--) expect(hex(again.stateAt(blockHash(n))!.root()), `block ${n}`).toBe(roots[n])
  })

  test('a past state is a snapshot: later blocks do not change it', () => {
    const db = open({ path: ':memory:' })
    for (let n = 0; n <= 3; n++) db.commitBlock(blockCommit(n))
    const state = db.stateAt(blockHash(3))!
    const before = entriesOf(state)
    for (let n = 4; n <= 8; n++) db.commitBlock(blockCommit(n))
    expect(entriesOf(state)).toEqual(before)
    expect(() => (state as Trie).set(Uint8Array.of(1), Uint8Array.of(1))).toThrow(/snapshot/)
  })
})

describe('crash safety', () => {
  const worker = fileURLToPath(new URL('./stateDbCrashWorker.ts', import.meta.url))
  const repoRoot = fileURLToPath(new URL('../../../', import.meta.url)) // where `tsx` resolves

  /** Runs the worker until it has committed a few blocks, then SIGKILLs it at a random moment; returns the last block it reported. */
  async function runAndKill(path: string, pruning: number, delayMs: number): Promise<number> {
    const child = spawn(process.execPath, ['--import', 'tsx', worker, path, String(pruning)], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] })
    let reported = -1
    let buffered = ''
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const started = new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        buffered += chunk.toString()
        const lines = buffered.split('\n')
        buffered = lines.pop()!
        for (const line of lines) reported = Number(line.replace('committed ', ''))
        if (reported >= 0) resolve()
      })
    })
    // 'close' comes after the last stdout data, so `reported` is final by then.
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('close', (_code, signal) => resolve(signal)))
    await Promise.race([started, exited])
    await new Promise((resolve) => setTimeout(resolve, delayMs))
    child.kill('SIGKILL')
    const signal = await exited
    expect(signal, `the worker died on its own: ${stderr}`).toBe('SIGKILL')
    return reported
  }

  test('after kill -9 at random moments, reopening restores the last committed block with its exact state', async () => {
    const path = join(dir, 'crash.sqlite')
    const pruning = 16
    const reference = new Trie()
    const roots: HexString[] = []
    let lastReported = -1
    const rounds = 6
    for (let round = 0; round < rounds; round++) {
      lastReported = await runAndKill(path, pruning, Math.random() * 150)
      const db = open({ path, pruning })
      const head = db.head()!
      // No block the worker reported as committed is lost; at most one more made it to disk before the kill.
      expect(head.number).toBeGreaterThanOrEqual(lastReported)
      expect(head.number).toBeLessThanOrEqual(lastReported + 1)
      for (let n = roots.length; n <= head.number; n++) {
        for (const [key, value] of blockChanges(n)) value === null ? reference.delete(hexToU8a(key)) : reference.set(hexToU8a(key), hexToU8a(value))
        roots.push(hex(reference.root()))
      }
      // The head's state root is the one the chain must have, and the one its stored state hashes to.
      expect(hex(head.stateRoot)).toBe(roots[head.number])
      expect(hex(db.state().root())).toBe(roots[head.number])
      const raw = new Database(path, { readonly: true })
      const stored = raw.prepare<[], [Buffer, Buffer]>('SELECT key, value FROM state').raw(true).all()
      raw.close()
      expect(hex(trieRoot(stored))).toBe(roots[head.number])
      // Every block is there, and recent past states rebuild exactly.
      for (let n = 0; n <= head.number; n++) expect(hex(db.blockHashByNumber(n)!)).toBe(blockHash(n))
      for (let n = Math.max(db.oldestState()!, head.number - 5); n < head.number; n++) {
        expect(hex(db.stateAt(blockHash(n))!.root()), `block ${n}`).toBe(roots[n])
      }
      db.close()
    }
    expect(roots.length).toBeGreaterThan(rounds)
    // spawns and kills a writer process per round: on a loaded 2-core machine this takes well over the default 20 s
  }, 90_000)
})
