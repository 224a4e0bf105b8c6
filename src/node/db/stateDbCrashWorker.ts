// Test fixture for stateDb's crash test: a deterministic chain, and (run as a script) a process that commits it block after block until it is killed.
//
// Usage: node --import tsx src/node/db/stateDbCrashWorker.ts <database path> <pruning>
// Prints `committed <number>` after each commitBlock returns, i.e. once the block is durable.

import { compactToU8a, u8aConcat, u8aToHex } from '@polkadot/util'
import type { HexString } from '@polkadot/util/types'
import { blake2AsU8a } from '@polkadot/util-crypto'
import { pathToFileURL } from 'node:url'
import { openStateDb, type BlockCommit } from './stateDb.ts'

const KEY_PREFIX = blake2AsU8a('webtensor crash test', 256)
const KEY_SPACE = 3000
const GENESIS_KEYS = 2000
const CHANGES_PER_BLOCK = 120
/** Finality trails the head by this many blocks, so some states are unfinalized when the process dies. */
export const FINALITY_LAG = 2

const digest = (label: string, bits: 256 | 512 = 256): Uint8Array => blake2AsU8a(label, bits)

function storageKey(index: number): HexString {
  return u8aToHex(u8aConcat(KEY_PREFIX, Uint8Array.of(index >> 8, index & 0xff)))
}

/** Deterministic values of 0–95 bytes: some inline, some over V1's 32-byte hashing threshold. */
function storageValue(block: number, slot: number): HexString {
  const bytes = u8aConcat(digest(`value ${block} ${slot}`, 512), digest(`more ${block} ${slot}`, 256))
  return u8aToHex(bytes.subarray(0, (block * 7 + slot * 13) % 96))
}

export function blockHash(number: number): HexString {
  return u8aToHex(digest(`block ${number}`))
}

/** Block `number`'s storage changes: the genesis state, then overwrites, inserts and deletions. */
export function blockChanges(number: number): Map<HexString, HexString | null> {
  const changes = new Map<HexString, HexString | null>()
  if (number === 0) {
    for (let i = 0; i < GENESIS_KEYS; i++) changes.set(storageKey(i), storageValue(0, i))
    return changes
  }
  const seed = digest(`changes ${number}`, 512)
  for (let slot = 0; slot < CHANGES_PER_BLOCK; slot++) {
    const index = ((seed[slot % 64]! << 8) | seed[(slot * 5 + 1) % 64]!) % KEY_SPACE
    const deletes = (seed[(slot * 3 + 2) % 64]! + slot) % 10 === 0
    changes.set(storageKey((index + slot * 31) % KEY_SPACE), deletes ? null : storageValue(number, slot))
  }
  return changes
}

export function blockCommit(number: number): BlockCommit {
  const parent = number === 0 ? new Uint8Array(32) : digest(`block ${number - 1}`)
  return {
    number,
    hash: blockHash(number),
    header: u8aConcat(parent, compactToU8a(number)),
    body: [digest(`extrinsic ${number}`, 512), new Uint8Array(number % 3)],
    changes: blockChanges(number),
    finalized: number >= FINALITY_LAG ? blockHash(number - FINALITY_LAG) : undefined,
  }
}

/** A worker left behind by a failed test stops by itself after this long. */
const MAX_RUN_MS = 60_000

function main(path: string, pruning: number): void {
  const db = openStateDb({ path, pruning })
  const deadline = Date.now() + MAX_RUN_MS
  for (let number = (db.head()?.number ?? -1) + 1; Date.now() < deadline; number++) {
    db.commitBlock(blockCommit(number))
    process.stdout.write(`committed ${number}\n`)
  }
  db.close()
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv[2]!, Number(process.argv[3]))
}
