// Checks the state trie against Substrate's own trie code (chopsticks' wasm build of it): roots, read proofs, paging, snapshots.
import { calculate_state_root, decode_proof } from '@acala-network/chopsticks-executor'
import { compactToU8a, hexToU8a, u8aToHex } from '@polkadot/util'
import { blake2AsU8a } from '@polkadot/util-crypto'
import type { HexString } from '@polkadot/util/types'
import { describe, expect, test } from 'vitest'
import {
  EMPTY_TRIE_ROOT,
  Trie,
  TrieProofError,
  compareBytes,
  extrinsicsRoot,
  orderedTrieRoot,
  trieRoot,
  verifyReadProof,
  type StateVersion,
} from './trie.ts'

/** Deterministic pseudo-random numbers (mulberry32), so a failure can be replayed. */
function prng(seed: number) {
  let state = seed >>> 0
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32
  }
  const int = (n: number): number => Math.floor(next() * n)
  const bytes = (n: number): Uint8Array => Uint8Array.from({ length: n }, () => int(256))
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!
  return { next, int, bytes, pick }
}

const hex = (bytes: Uint8Array): HexString => u8aToHex(bytes)
const u8 = (value: string): Uint8Array => hexToU8a(value)

/** The root Substrate computes for exactly these entries. */
async function substrateRoot(entries: Iterable<readonly [Uint8Array, Uint8Array]>, version: StateVersion): Promise<HexString> {
  return (await calculate_state_root(
    [...entries].map(([k, v]) => [hex(k), hex(v)]),
    version,
  )) as HexString
}

/** Key/value pairs known to be stored, keyed by hex, as the reference model of a trie. */
class Model {
  readonly map = new Map<string, readonly [Uint8Array, Uint8Array]>()
  set(trie: Trie, key: Uint8Array, value: Uint8Array): void {
    trie.set(key, value)
    this.map.set(hex(key), [key, value])
  }
  delete(trie: Trie, key: Uint8Array): void {
    trie.delete(key)
    this.map.delete(hex(key))
  }
  sorted(): (readonly [Uint8Array, Uint8Array])[] {
    return [...this.map.values()].sort((a, b) => compareBytes(a[0], b[0]))
  }
}

const versions = [0, 1] as const

describe('state root', () => {
  test('the empty trie has the well-known root', async () => {
    for (const version of versions) {
      const trie = new Trie({ stateVersion: version })
      expect(hex(trie.root())).toBe(EMPTY_TRIE_ROOT)
      expect(await substrateRoot([], version)).toBe(EMPTY_TRIE_ROOT)
    }
    expect(EMPTY_TRIE_ROOT).toBe('0x03170a2e7597b7b7e3d84c05391d139a62b157e78786d8c082f29dcf4c111314')
  })

  test.each(versions)('one key, with values around the 32-byte inline limit and the compact-length steps (V%i)', async (version) => {
    const rng = prng(1)
    for (const length of [0, 1, 31, 32, 33, 34, 63, 64, 100, 16_383, 16_384, 70_000]) {
      for (const key of [new Uint8Array(), u8('0x01'), rng.bytes(32), rng.bytes(80)]) {
        const value = rng.bytes(length)
        const trie = new Trie({ stateVersion: version })
        trie.set(key, value)
        expect(hex(trie.root()), `key ${key.length} bytes, value ${length} bytes`).toBe(await substrateRoot([[key, value]], version))
      }
    }
  })

  test.each(versions)('shared prefixes: keys that are prefixes of others, odd partial keys, the empty key (V%i)', async (version) => {
    const entries: [string, string][] = [
      ['0x', '0x00'],
      ['0x01', '0x02'],
      ['0x0102', '0x03'],
      ['0x0103', `0x${'ab'.repeat(33)}`],
      ['0x010304', `0x${'cd'.repeat(32)}`],
      ['0x0110', '0x'],
      ['0x1110', '0x05'],
      ['0x1111', '0x06'],
      ['0x11', `0x${'ef'.repeat(40)}`],
      ['0xf0', '0x07'],
      ['0xf000', '0x08'],
      ['0xf00000', '0x09'],
    ]
    const trie = new Trie({ stateVersion: version })
    const model = new Model()
    for (const [k, v] of entries) {
      model.set(trie, u8(k), u8(v))
      expect(hex(trie.root())).toBe(await substrateRoot(model.sorted(), version))
    }
    // Take them away again in a different order, through every intermediate shape.
    for (const [k] of [...entries].reverse().sort((a, b) => a[1].length - b[1].length)) {
      model.delete(trie, u8(k))
      expect(hex(trie.root())).toBe(await substrateRoot(model.sorted(), version))
    }
    expect(trie.size).toBe(0)
    expect(hex(trie.root())).toBe(EMPTY_TRIE_ROOT)
  })

  test.each(versions)('1000 random keys with random overwrites and deletions match Substrate at every checkpoint (V%i)', async (version) => {
    const rng = prng(42 + version)
    const trie = new Trie({ stateVersion: version })
    const model = new Model()
    const pallets = [rng.bytes(16), rng.bytes(16), rng.bytes(16)]
    const randomKey = (): Uint8Array => {
      const shape = rng.int(3)
      if (shape === 0) return rng.bytes(rng.int(40)) // arbitrary
      const item = rng.pick(pallets)
      if (shape === 1) return Uint8Array.from([...item, ...rng.pick(pallets), ...rng.bytes(rng.int(3) * 16)]) // map-like
      return Uint8Array.from([...item, ...rng.bytes(rng.int(3))]) // dense short suffixes
    }
    const randomValue = (): Uint8Array => rng.bytes(rng.pick([0, 1, 8, 16, 31, 32, 33, 48, 80, 200]))
    for (let step = 1; step <= 1000; step++) {
      model.set(trie, randomKey(), randomValue())
      if (rng.next() < 0.3 && model.map.size > 0) {
        const [key] = rng.pick([...model.map.values()])
        model.delete(trie, key)
      }
      if (rng.next() < 0.1 && model.map.size > 0) {
        const [key] = rng.pick([...model.map.values()])
        model.set(trie, key, randomValue())
      }
      if (step % 250 === 0) {
        expect(trie.size).toBe(model.map.size)
        expect(hex(trie.root())).toBe(await substrateRoot(model.sorted(), version))
      }
    }
    // Deleting absent keys and rewriting equal values leave the root alone.
    const before = hex(trie.root())
    trie.delete(rng.bytes(33))
    for (const [key, value] of model.sorted().slice(0, 50)) trie.set(key, value.slice())
    expect(hex(trie.root())).toBe(before)
    // Then drain it in random order.
    const keys = [...model.map.values()].map(([k]) => k)
    while (keys.length > 0) {
      const [key] = keys.splice(rng.int(keys.length), 1)
      model.delete(trie, key!)
      if (keys.length % 97 === 0) expect(hex(trie.root())).toBe(await substrateRoot(model.sorted(), version))
    }
    expect(hex(trie.root())).toBe(EMPTY_TRIE_ROOT)
  })

  test('get reads what was written, and writes copy their inputs', () => {
    const trie = new Trie()
    const key = u8('0x0a0b')
    const value = u8('0x0102')
    trie.set(key, value)
    key[0] = 0xff
    value[0] = 0xff
    expect(trie.get(u8('0x0a0b'))).toEqual(u8('0x0102'))
    expect(trie.has(u8('0xff0b'))).toBe(false)
    expect(trie.get(u8('0x0a'))).toBeUndefined()
    expect(trie.get(u8('0x0a0b0c'))).toBeUndefined()
    trie.set(u8('0x0a'), new Uint8Array())
    expect(trie.get(u8('0x0a'))).toEqual(new Uint8Array()) // an empty value is stored, not a deletion
    expect(trie.size).toBe(2)
  })
})

describe('read proofs', () => {
  const rng = prng(7)
  const prefix = rng.bytes(32)
  const mapKey = (): Uint8Array => Uint8Array.from([...prefix, ...rng.bytes(48)])
  const build = (version: StateVersion) => {
    const trie = new Trie({ stateVersion: version })
    const model = new Model()
    for (let i = 0; i < 500; i++) model.set(trie, mapKey(), rng.bytes(rng.pick([4, 32, 33, 80])))
    model.set(trie, prefix, rng.bytes(40)) // a branch holding a hashed value
    return { trie, model }
  }

  test.each(versions)('prove present and absent keys, as Substrate decodes them (V%i)', async (version) => {
    const { trie, model } = build(version)
    const present = model.sorted().filter((_, i) => i % 60 === 0).map(([k]) => k)
    const absent = [
      mapKey(), // diverges inside a leaf's partial key or hits a missing child
      prefix.subarray(0, 20), // ends inside a partial key
      Uint8Array.from([...present[1]!, 0x00]), // runs past a leaf
      new Uint8Array(), // the empty key
    ]
    const keys = [...present, prefix, ...absent]
    const root = trie.root()
    const proof = trie.readProof(keys)

    // Deduplicated and sorted, as StorageProof's BTreeSet yields them.
    const sorted = [...proof].sort(compareBytes)
    expect(proof.map(hex)).toEqual(sorted.map(hex))
    expect(new Set(proof.map(hex)).size).toBe(proof.length)

    // Substrate's decoder accepts it and sees every proven key with its value.
    const decoded = new Map((await decode_proof(hex(root), proof.map(hex))) as [HexString, HexString][])
    for (const key of [...present, prefix]) expect(decoded.get(hex(key))).toBe(hex(trie.get(key)!))
    for (const key of absent) expect(decoded.has(hex(key))).toBe(false)

    // The independent verifier agrees, and reports absence as null.
    const verified = verifyReadProof(root, proof, keys)
    for (const key of [...present, prefix]) expect(verified.get(hex(key))).toEqual(trie.get(key))
    for (const key of absent) expect(verified.get(hex(key))).toBeNull()
  })

  test('a V1 value of 33+ bytes travels as its own value node; 32 bytes stay inline', () => {
    const trie = new Trie({ stateVersion: 1 })
    const long = rng.bytes(33)
    const short = rng.bytes(32)
    trie.set(u8('0x0101'), long)
    trie.set(u8('0x0102'), short)
    expect(trie.readProof([u8('0x0101')]).map(hex)).toContain(hex(long))
    expect(trie.readProof([u8('0x0102')]).map(hex)).not.toContain(hex(short))
    const v0 = new Trie({ stateVersion: 0 })
    v0.set(u8('0x0101'), long)
    expect(v0.readProof([u8('0x0101')]).map(hex)).not.toContain(hex(long))
  })

  test('tampered, truncated or foreign proofs are refused', async () => {
    const { trie, model } = build(1)
    const keys = model.sorted().filter((_, i) => i % 100 === 0).map(([k]) => k)
    const root = trie.root()
    const proof = trie.readProof(keys)
    expect(() => verifyReadProof(root, proof, keys)).not.toThrow()

    for (let i = 0; i < proof.length; i++) {
      const tampered = proof.map((node) => node.slice())
      const node = tampered[i]!
      node[node.length - 1]! ^= 0x01
      expect(() => verifyReadProof(root, tampered, keys), `node ${i} changed`).toThrow(TrieProofError)
      const missing = proof.filter((_, j) => j !== i)
      expect(() => verifyReadProof(root, missing, keys), `node ${i} left out`).toThrow(TrieProofError)
      // Substrate's decoder, too, no longer finds every proven value (it drops what is not linked to the root).
      const decoded = await decode_proof(hex(root), tampered.map(hex)).then(
        (entries) => new Map(entries as [HexString, HexString][]),
        () => new Map<HexString, HexString>(),
      )
      expect(keys.every((key) => decoded.get(hex(key)) === hex(trie.get(key)!)), `node ${i} changed`).toBe(false)
    }

    const other = trie.fork()
    other.set(keys[0]!, u8('0x00'))
    expect(() => verifyReadProof(other.root(), proof, keys)).toThrow(TrieProofError)
  })

  test('the empty trie proves every key absent', async () => {
    const trie = new Trie()
    const proof = trie.readProof([u8('0x01')])
    expect(proof.map(hex)).toEqual(['0x00'])
    expect(verifyReadProof(trie.root(), proof, [u8('0x01')]).get('0x01')).toBeNull()
    expect(verifyReadProof(trie.root(), [], [u8('0x01')]).get('0x01')).toBeNull()
    expect(await decode_proof(EMPTY_TRIE_ROOT, proof.map(hex))).toEqual([])
  })

  test('malformed nodes are reported as such, even when their hash is the root', () => {
    const leaf = new Trie()
    leaf.set(u8('0x0102'), rng.bytes(40))
    const [encoded] = leaf.readProof([u8('0x0102')])
    const cases: [Uint8Array, RegExp][] = [
      [Uint8Array.from([0x05, 0x01]), /unknown trie node header/],
      [encoded!.subarray(0, encoded!.length - 1), /ends early/],
      [Uint8Array.from([...encoded!, 0x00]), /trailing bytes/],
      [Uint8Array.from([0x80, 0x00, 0x00]), /no children/],
      [Uint8Array.from([0x41, 0x10, 0x00]), /padding nibble/],
    ]
    for (const [node, message] of cases) {
      expect(() => verifyReadProof(blake2AsU8a(node, 256), [node], [u8('0x0102')])).toThrow(message)
    }
    expect(() => verifyReadProof(trieRoot([[u8('0x01'), u8('0x02')]]), [], [u8('0x01')])).toThrow(/lacks the root node/)
  })
})

describe('key paging', () => {
  const rng = prng(11)
  const trie = new Trie()
  const model = new Model()
  const prefixes = [u8('0x26aa394eea5630e07c48ae0c9558cef7'), u8('0x26aa394eea5630e07c48ae0c9558cef8'), u8('0xc2261276cc9d1f8598ea4b6a74b15c2f')]
  for (let i = 0; i < 600; i++) model.set(trie, Uint8Array.from([...rng.pick(prefixes), ...rng.bytes(rng.int(3) * 8)]), rng.bytes(4))
  model.set(trie, prefixes[0]!.subarray(0, 5), u8('0x01'))
  const all = model.sorted().map(([k]) => hex(k))

  test('entries come in lexicographic key order', () => {
    expect([...trie.entries()].map(([k]) => hex(k))).toEqual(all)
    expect(trie.keys().map(hex)).toEqual(all)
  })

  test('pages of state_getKeysPaged walk every prefixed key once, start key exclusive', () => {
    for (const prefix of [new Uint8Array(), ...prefixes, prefixes[0]!.subarray(0, 5), prefixes[0]!.subarray(0, 16)]) {
      const expected = all.filter((k) => k.startsWith(hex(prefix)))
      const seen: string[] = []
      let startKey: Uint8Array | undefined
      for (;;) {
        const page = trie.keys({ prefix, startKey, limit: 37 })
        seen.push(...page.map(hex))
        if (page.length < 37) break
        startKey = page[page.length - 1]
      }
      expect(seen).toEqual(expected)
    }
  })

  test('a start key that is not a stored key, or outside the prefix, still bounds the page', () => {
    const prefix = prefixes[1]!
    const inPrefix = all.filter((k) => k.startsWith(hex(prefix)))
    const probe = u8(inPrefix[10]!) // a stored key itself
    expect(trie.keys({ prefix, startKey: probe, limit: 1 }).map(hex)).toEqual([inPrefix[11]])
    const between = Uint8Array.from([...u8(inPrefix[10]!), 0x00]) // just after a stored key
    expect(trie.keys({ prefix, startKey: between, limit: 1 }).map(hex)).toEqual([inPrefix[11]])
    expect(trie.keys({ prefix, startKey: prefixes[0]! }).map(hex)).toEqual(inPrefix) // before the prefix
    expect(trie.keys({ prefix, startKey: prefixes[2]! })).toEqual([]) // after it
    expect(trie.keys({ prefix, startKey: prefix.subarray(0, 3) }).map(hex)).toEqual(inPrefix) // a prefix of the prefix
    expect(trie.keys({ prefix: u8('0xff') })).toEqual([])
    expect(trie.keys({ limit: 0 })).toEqual([])
  })

  test('nextKey is the first key after any byte string', () => {
    for (let i = 0; i < 200; i++) {
      const probe = i % 2 ? u8(rng.pick(all)) : Uint8Array.from([...rng.pick(prefixes), ...rng.bytes(rng.int(9))])
      const expected = all.find((k) => compareBytes(u8(k), probe) > 0)
      expect(trie.nextKey(probe) && hex(trie.nextKey(probe)!)).toBe(expected)
    }
  })
})

describe('snapshots', () => {
  test('a snapshot keeps its state while the trie moves on, and cannot be written', () => {
    const rng = prng(3)
    const trie = new Trie()
    const model = new Model()
    for (let i = 0; i < 300; i++) model.set(trie, rng.bytes(1 + rng.int(34)), rng.bytes(rng.int(60)))
    // A chain of "blocks", each snapshotted before the next one's writes.
    const history: { snapshot: ReturnType<Trie['snapshot']>; root: HexString; entries: string[] }[] = []
    for (let block = 0; block < 20; block++) {
      const snapshot = trie.snapshot()
      history.push({ snapshot, root: hex(trie.root()), entries: model.sorted().map(([k, v]) => hex(k) + hex(v)) })
      for (let i = 0; i < 15; i++) {
        const existing = rng.pick([...model.map.values()])[0]
        if (rng.next() < 0.3) model.delete(trie, existing)
        else model.set(trie, rng.next() < 0.5 ? existing : rng.bytes(1 + rng.int(34)), rng.bytes(rng.int(60)))
      }
    }
    for (const { snapshot, root, entries } of history) {
      expect(hex(snapshot.root())).toBe(root)
      expect([...snapshot.entries()].map(([k, v]) => hex(k) + hex(v))).toEqual(entries)
      expect(snapshot.size).toBe(entries.length)
    }
    expect(() => (history[0]!.snapshot as Trie).set(u8('0x01'), u8('0x01'))).toThrow(/snapshot/)
    expect(() => (history[0]!.snapshot as Trie).delete(u8('0x01'))).toThrow(/snapshot/)
  })

  test('forks are independent of each other and of their origin', () => {
    const trie = Trie.fromEntries([
      [u8('0x0102'), u8('0x01')],
      [u8('0x0103'), u8('0x02')],
    ])
    const rootBefore = hex(trie.root())
    const fork = trie.snapshot().fork()
    fork.set(u8('0x0102'), u8('0xff'))
    fork.delete(u8('0x0103'))
    trie.set(u8('0x0104'), u8('0x03'))
    expect(trie.get(u8('0x0102'))).toEqual(u8('0x01'))
    expect(trie.get(u8('0x0103'))).toEqual(u8('0x02'))
    expect(fork.get(u8('0x0104'))).toBeUndefined()
    expect(hex(fork.root())).toBe(hex(trieRoot([[u8('0x0102'), u8('0xff')]])))
    trie.delete(u8('0x0104'))
    expect(hex(trie.root())).toBe(rootBefore)
  })
})

describe('extrinsics root', () => {
  const rng = prng(5)
  const extrinsics = [rng.bytes(10), rng.bytes(140), rng.bytes(33), rng.bytes(32)]
  const indexed = (values: Uint8Array[]) => values.map((v, i) => [compactToU8a(i), v] as const)

  test('is the ordered trie root over compact-encoded indices', async () => {
    expect(hex(extrinsicsRoot([]))).toBe(EMPTY_TRIE_ROOT)
    const many = Array.from({ length: 70 }, (_, i) => rng.bytes(i)) // indices past 63 take two compact bytes
    for (const version of versions) {
      expect(hex(orderedTrieRoot(many, version))).toBe(await substrateRoot(indexed(many), version))
    }
  })

  test('uses layout V0 for system_version 0 and 1, V1 from 2 on, as sp-version decides', async () => {
    const v0 = await substrateRoot(indexed(extrinsics), 0)
    const v1 = await substrateRoot(indexed(extrinsics), 1)
    expect(v0).not.toBe(v1) // the 140- and 33-byte extrinsics are inline only under V0
    expect(hex(extrinsicsRoot(extrinsics))).toBe(v0)
    expect(hex(extrinsicsRoot(extrinsics, 0))).toBe(v0)
    expect(hex(extrinsicsRoot(extrinsics, 1))).toBe(v0)
    expect(hex(extrinsicsRoot(extrinsics, 2))).toBe(v1)
  })
})
