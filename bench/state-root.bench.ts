// worst case: 100k System.Account-sized entries, 20 keys changed per block at random spots — the incremental state root against a full rebuild (fresh Trie and Substrate's own trie via chopsticks) in the same run, plus the trie's memory.
//
// Run: npx tsx bench/state-root.bench.ts

import { u8aConcat, u8aToHex } from '@polkadot/util'
import { blake2AsU8a, cryptoWaitReady, xxhashAsU8a } from '@polkadot/util-crypto'
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import v8 from 'node:v8'
import vm from 'node:vm'
import { Trie } from '../src/node/db/trie.ts'

const SIZES = [10_000, 100_000]
const CHANGES_PER_BLOCK = 20
const BLOCKS = 200

v8.setFlagsFromString('--expose-gc')
const gc = vm.runInNewContext('gc') as () => void

let seed = 0x2545f491
function randomBytes(n: number): Uint8Array {
  const out = new Uint8Array(n)
  for (let i = 0; i < n; i++) {
    seed ^= seed << 13
    seed ^= seed >>> 17
    seed ^= seed << 5
    out[i] = seed & 0xff
  }
  return out
}
const randomIndex = (n: number): number => (randomBytes(4).reduce((acc, b) => acc * 256 + b, 0) >>> 0) % n

/** `System.Account` key: twox128("System") ++ twox128("Account") ++ blake2_128_concat(account id): 80 bytes. */
const ACCOUNT_PREFIX = u8aConcat(xxhashAsU8a('System', 128), xxhashAsU8a('Account', 128))
function accountKey(): Uint8Array {
  const id = randomBytes(32)
  return u8aConcat(ACCOUNT_PREFIX, blake2AsU8a(id, 128), id)
}
/** `AccountInfo`: nonce, consumers, providers, sufficients (u32) and free, reserved, frozen, flags (u128): 80 bytes. */
const accountInfo = (): Uint8Array => randomBytes(80)

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[sorted.length >> 1]!
}
const ms = (x: number): string => `${x < 10 ? x.toFixed(3) : x.toFixed(1)} ms`
const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MiB`

function memory(): { rss: number; heap: number; buffers: number } {
  gc()
  gc()
  const m = process.memoryUsage()
  return { rss: m.rss, heap: m.heapUsed, buffers: m.arrayBuffers }
}

/** Resident, heap and array-buffer growth from storing 100k account entries in `store`, in this (fresh) process. */
function measureMemory(store: 'trie' | 'map'): { rss: number; heap: number; buffers: number } {
  const count = 100_000
  const keys = Array.from({ length: count }, accountKey)
  const values = Array.from({ length: count }, accountInfo)
  const before = memory()
  let kept: unknown
  if (store === 'trie') {
    const trie = new Trie()
    for (let i = 0; i < count; i++) trie.set(keys[i]!, values[i]!)
    trie.root()
    kept = trie
  } else {
    // The plainest store that owns its bytes: a Map from hex key to a copied value.
    const map = new Map<string, Uint8Array>()
    for (let i = 0; i < count; i++) map.set(u8aToHex(keys[i]), new Uint8Array(values[i]!))
    kept = map
  }
  const after = memory()
  // Keep the inputs (allocated before the first reading) and the store alive through the second reading.
  if ([keys, values, kept].some((x) => x === undefined)) throw new Error('unreachable')
  return { rss: after.rss - before.rss, heap: after.heap - before.heap, buffers: after.buffers - before.buffers }
}

await cryptoWaitReady() // as the node does (sr25519 needs it); blake2 then runs in wasm

if (process.argv[2] === '--memory') {
  console.log(JSON.stringify(measureMemory(process.argv[3] as 'trie' | 'map')))
  process.exit(0)
}

// 1. Memory, each store measured in a fresh process so that neither sees the other's garbage.
{
  const measure = (store: string): { rss: number; heap: number; buffers: number } =>
    JSON.parse(execFileSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--memory', store], { encoding: 'utf8' }))
  const trie = measure('trie')
  const map = measure('map')
  const line = (m: typeof trie): string =>
    `resident +${mb(m.rss)} (${(m.rss / 100_000).toFixed(0)} B/entry), V8 heap +${mb(m.heap)}, array buffers +${mb(m.buffers)}`
  console.log(`Memory for 100k System.Account entries (80-byte keys, 80-byte values; raw ${mb(100_000 * 160)}):`)
  console.log(`  trie, all node hashes cached: ${line(trie)}`)
  console.log(`  baseline Map<hex key, value>: ${line(map)}`)
  console.log(`  resident ratio trie / baseline: ${(trie.rss / map.rss).toFixed(2)}`)
  console.log()
}

const { calculate_state_root } = await import('@acala-network/chopsticks-executor')

// 2. Per-block root cost.
console.log(`Per-block state root after ${CHANGES_PER_BLOCK} changed keys (18 updates, 1 insert, 1 delete), median of ${BLOCKS} blocks:`)
for (const size of SIZES) {
  const keys = Array.from({ length: size }, accountKey)
  const trie = new Trie()
  for (const key of keys) trie.set(key, accountInfo())
  trie.root()

  const rootTimes: number[] = []
  const blockTimes: number[] = []
  for (let block = 0; block < BLOCKS; block++) {
    trie.snapshot() // the node keeps every block's state: writes after this copy their path
    const start = performance.now()
    for (let i = 0; i < CHANGES_PER_BLOCK - 2; i++) trie.set(keys[randomIndex(keys.length)]!, accountInfo())
    const added = accountKey()
    keys.push(added)
    trie.set(added, accountInfo())
    const [removed] = keys.splice(randomIndex(keys.length - 1), 1)
    trie.delete(removed!)
    const written = performance.now()
    trie.root()
    const end = performance.now()
    rootTimes.push(end - written)
    blockTimes.push(end - start)
  }
  const incremental = median(rootTimes)

  const entries = [...trie.entries()]
  const rebuildTimes: number[] = []
  for (let run = 0; run < 3; run++) {
    const start = performance.now()
    Trie.fromEntries(entries).root()
    rebuildTimes.push(performance.now() - start)
  }
  const rebuild = median(rebuildTimes)

  const hexEntries = entries.map(([k, v]) => [u8aToHex(k), u8aToHex(v)])
  const chopsticksStart = performance.now()
  const substrateRoot = (await calculate_state_root(hexEntries, 1)) as string
  const chopsticks = performance.now() - chopsticksStart
  if (substrateRoot !== u8aToHex(trie.root())) throw new Error(`root mismatch at ${size} keys: ${substrateRoot} vs ${u8aToHex(trie.root())}`)

  console.log(`  ${size.toLocaleString('en')} keys`)
  console.log(`    incremental root()          ${ms(incremental)}   (writes + root: ${ms(median(blockTimes))})`)
  console.log(`    baseline: fresh Trie rebuild ${ms(rebuild)}   → ${(rebuild / incremental).toFixed(0)}× slower`)
  console.log(`    baseline: chopsticks (Substrate trie in wasm, incl. hex marshalling) ${ms(chopsticks)}   → ${(chopsticks / incremental).toFixed(0)}× slower`)
}
