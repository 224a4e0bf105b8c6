// Substrate's base-16 Patricia–Merkle state trie (sp-trie LayoutV0/V1, blake2-256) held in memory as persistent nodes that cache their hashes, so a root after a few writes re-hashes only the changed paths; with read proofs, ordered key paging and O(1) snapshots.
//
// Node format, as `sp_trie::node_codec` / `node_header` encode it (trie-db "no extension" layout):
//   leaf    = header(LEAF, nibble count) ++ partial key ++ value
//   branch  = header(BRANCH_*, nibble count) ++ partial key ++ child bitmap (u16 LE) ++ value? ++ children
//   value   = Compact<u32>(len) ++ bytes, or (V1, len ≥ 33) the 32-byte blake2-256 of a separate value node
//   child   = Compact<u32>(len) ++ (blake2-256 of the child's encoding, or the encoding itself if < 32 bytes)
// The partial key is packed two nibbles a byte; an odd count puts the first nibble alone in the low half of
// the first byte. The root is always hashed, however short its encoding; the empty trie is the node 0x00.

import { compactToU8a, u8aToHex } from '@polkadot/util'
import type { HexString } from '@polkadot/util/types'
import { blake2AsU8a } from '@polkadot/util-crypto'

/** `sp_core::storage::StateVersion`: 0 stores every value inline, 1 moves values of 33+ bytes into their own nodes. */
export type StateVersion = 0 | 1

const HASH_LENGTH = 32
/** `sp_core::storage::TRIE_VALUE_NODE_THRESHOLD`: in V1, values at least this long are stored hashed. */
const VALUE_NODE_THRESHOLD = 33
/** `trie_constants::NIBBLE_SIZE_BOUND`: the header cannot describe longer partial keys. */
const MAX_KEY_BYTES = 65_535 >> 1

// Header prefixes (high bits of the first byte) and how many bits they take, from sp-trie's trie_constants.
const LEAF = 0b01 << 6
const BRANCH_WITHOUT_VALUE = 0b10 << 6
const BRANCH_WITH_VALUE = 0b11 << 6
const HASHED_VALUE_LEAF = 0b001 << 5
const HASHED_VALUE_BRANCH = 0b0001 << 4

/** blake2-256 of the empty-trie node `0x00`: the state root of an empty state. */
export const EMPTY_TRIE_ROOT: HexString = '0x03170a2e7597b7b7e3d84c05391d139a62b157e78786d8c082f29dcf4c111314'
const EMPTY_ROOT = blake2AsU8a(new Uint8Array([0]), 256)

/** Nodes are persistent: a node whose `owner` is not the writing trie's token is shared and is copied, never changed. */
class Leaf {
  /** The full storage key; this leaf's partial key is its nibbles from `start` to the end. */
  key: Uint8Array
  start: number
  value: Uint8Array
  owner: number
  /** Cached child reference: the blake2-256 of the encoding, or the encoding itself when shorter than 32 bytes. */
  ref: Uint8Array | undefined = undefined

  constructor(key: Uint8Array, start: number, value: Uint8Array, owner: number) {
    this.key = key
    this.start = start
    this.value = value
    this.owner = owner
  }
}

class Branch {
  /** Bytes whose first `end` nibbles are this node's path from the root; exactly the value's key when there is a value. */
  key: Uint8Array
  start: number
  end: number
  value: Uint8Array | undefined
  children: (Node | undefined)[]
  owner: number
  ref: Uint8Array | undefined = undefined

  constructor(key: Uint8Array, start: number, end: number, value: Uint8Array | undefined, children: (Node | undefined)[], owner: number) {
    this.key = key
    this.start = start
    this.end = end
    this.value = value
    this.children = children
    this.owner = owner
  }
}

type Node = Leaf | Branch

const UNCHANGED = Symbol('unchanged')
type Unchanged = typeof UNCHANGED

let lastOwner = 0
const newOwner = (): number => ++lastOwner
const noChildren = (): (Node | undefined)[] => [undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined]

/** Keys with `prefix`, strictly after `startKey` (exclusive, as `state_getKeysPaged`'s start key is). */
export type KeyRange = { prefix?: Uint8Array; startKey?: Uint8Array }

/**
 * What can be read from a trie, live or snapshot. Returned keys and values are the trie's own arrays, each a whole
 * buffer (byteOffset 0, as scale-ts decoders need): read them, never modify them. Do not write to a trie while
 * iterating it; iterate a snapshot instead.
 */
export interface ReadonlyTrie {
  readonly stateVersion: StateVersion
  /** Number of stored keys. */
  readonly size: number
  get(key: Uint8Array): Uint8Array | undefined
  has(key: Uint8Array): boolean
  /** The 32-byte state root. */
  root(): Uint8Array
  /** Entries in lexicographic key order. */
  entries(range?: KeyRange): IterableIterator<[key: Uint8Array, value: Uint8Array]>
  /** Up to `limit` keys in lexicographic order. */
  keys(range?: KeyRange & { limit?: number }): Uint8Array[]
  /** The first key after `key` (the `ext_storage_next_key` host function). */
  nextKey(key: Uint8Array): Uint8Array | undefined
  /** The trie nodes proving each key's value or absence, sorted and deduplicated as `state_getReadProof` returns them. */
  readProof(keys: Iterable<Uint8Array>): Uint8Array[]
  /** An immutable copy sharing this trie's nodes. */
  snapshot(): ReadonlyTrie
  /** A writable copy sharing this trie's nodes; writes to either never show in the other. */
  fork(): Trie
}

export type TrieOptions = { stateVersion?: StateVersion }

/** A Substrate state trie. Keys and values are copied on the way in. */
export class Trie implements ReadonlyTrie {
  readonly stateVersion: StateVersion
  private rootNode: Node | undefined = undefined
  private count = 0
  /** Token stamped on nodes this trie created since its last snapshot/fork: only those are changed in place. */
  private owner = newOwner()
  private frozen = false
  /** Set by `insert`/`remove` when a key is added or removed, to keep `count`. */
  private sizeDelta = 0

  constructor(options: TrieOptions = {}) {
    const version = options.stateVersion ?? 1
    if (version !== 0 && version !== 1) throw new RangeError(`stateVersion must be 0 or 1, got ${String(version)}`)
    this.stateVersion = version
  }

  /** A trie holding `entries`. */
  static fromEntries(entries: Iterable<readonly [Uint8Array, Uint8Array]>, options: TrieOptions = {}): Trie {
    const trie = new Trie(options)
    for (const [key, value] of entries) trie.set(key, value)
    return trie
  }

  get size(): number {
    return this.count
  }

  get(key: Uint8Array): Uint8Array | undefined {
    const keyEnd = key.length * 2
    let node = this.rootNode
    while (node !== undefined) {
      const end = node instanceof Leaf ? node.key.length * 2 : node.end
      if (keyEnd < end || mismatch(key, node.key, node.start, end) < end) return undefined
      if (node instanceof Leaf) return keyEnd === end ? node.value : undefined
      if (keyEnd === end) return node.value
      node = node.children[nibbleAt(key, end)]
    }
    return undefined
  }

  has(key: Uint8Array): boolean {
    return this.get(key) !== undefined
  }

  set(key: Uint8Array, value: Uint8Array): void {
    this.assertWritable()
    if (key.length > MAX_KEY_BYTES) throw new RangeError(`trie keys are at most ${MAX_KEY_BYTES} bytes, got ${key.length}`)
    const k = new Uint8Array(key)
    const v = new Uint8Array(value)
    if (this.rootNode === undefined) {
      this.rootNode = new Leaf(k, 0, v, this.owner)
      this.count = 1
      return
    }
    this.sizeDelta = 0
    const next = this.insert(this.rootNode, k, v)
    if (next !== UNCHANGED) this.rootNode = next
    this.count += this.sizeDelta
  }

  delete(key: Uint8Array): void {
    this.assertWritable()
    if (this.rootNode === undefined) return
    this.sizeDelta = 0
    const next = this.remove(this.rootNode, key)
    if (next !== UNCHANGED) this.rootNode = next
    this.count += this.sizeDelta
  }

  root(): Uint8Array {
    if (this.rootNode === undefined) return EMPTY_ROOT.slice()
    const ref = this.refOf(this.rootNode)
    return ref.length === HASH_LENGTH ? ref.slice() : blake2AsU8a(ref, 256)
  }

  *entries(range: KeyRange = {}): IterableIterator<[Uint8Array, Uint8Array]> {
    const prefix = range.prefix ?? new Uint8Array()
    let bound = range.startKey
    if (bound !== undefined) {
      // Reduce the start key to the prefix's terms: before every prefixed key, after all of them, or inside.
      const common = Math.min(bound.length, prefix.length)
      const order = compareBytes(bound.subarray(0, common), prefix.subarray(0, common))
      if (order > 0) return
      if (order < 0 || bound.length < prefix.length) bound = undefined
    }
    // Find the highest node whose path has the prefix: its subtree holds exactly the prefixed keys.
    const prefixEnd = prefix.length * 2
    let node = this.rootNode
    while (node !== undefined) {
      const end = node instanceof Leaf ? node.key.length * 2 : node.end
      const limit = Math.min(prefixEnd, end)
      if (mismatch(prefix, node.key, node.start, limit) < limit) return
      if (prefixEnd <= end) break
      if (node instanceof Leaf) return
      node = node.children[nibbleAt(prefix, end)]
    }
    if (node !== undefined) yield* walk(node, bound)
  }

  keys(range: KeyRange & { limit?: number } = {}): Uint8Array[] {
    const limit = range.limit ?? Number.POSITIVE_INFINITY
    const keys: Uint8Array[] = []
    if (limit <= 0) return keys
    for (const [key] of this.entries(range)) {
      keys.push(key)
      if (keys.length >= limit) break
    }
    return keys
  }

  nextKey(key: Uint8Array): Uint8Array | undefined {
    for (const [next] of this.entries({ startKey: key })) return next
    return undefined
  }

  readProof(keys: Iterable<Uint8Array>): Uint8Array[] {
    const root = this.rootNode
    // Substrate's backend serves (and its recorder records) the empty node for the empty root.
    if (root === undefined) return [new Uint8Array([0])]
    this.refOf(root)
    const nodes = new Map<string, Uint8Array>()
    const add = (bytes: Uint8Array): void => {
      nodes.set(u8aToHex(bytes), bytes)
    }
    for (const key of keys) {
      const keyEnd = key.length * 2
      let node: Node | undefined = root
      // Walk as trie-db's lookup does: every node fetched by hash is recorded (inline children travel inside their
      // parent), and so is the value node of a found V1 hashed value.
      while (node !== undefined) {
        if (node === root || node.ref!.length === HASH_LENGTH) add(this.encode(node))
        const end: number = node instanceof Leaf ? node.key.length * 2 : node.end
        if (keyEnd < end || mismatch(key, node.key, node.start, end) < end) break
        if (node instanceof Leaf || keyEnd === end) {
          if (keyEnd === end && node.value !== undefined && this.hashesValue(node.value)) add(node.value)
          break
        }
        node = node.children[nibbleAt(key, end)]
      }
    }
    return [...nodes.values()].sort(compareBytes)
  }

  snapshot(): ReadonlyTrie {
    if (this.frozen) return this
    const copy = this.fork()
    copy.frozen = true
    return copy
  }

  fork(): Trie {
    const copy = new Trie({ stateVersion: this.stateVersion })
    copy.rootNode = this.rootNode
    copy.count = this.count
    // From now on every existing node is shared: both tries copy before writing.
    this.owner = newOwner()
    return copy
  }

  private assertWritable(): void {
    if (this.frozen) throw new TypeError('this trie is a snapshot and cannot be written; fork() it first')
  }

  private hashesValue(value: Uint8Array): boolean {
    return this.stateVersion === 1 && value.length >= VALUE_NODE_THRESHOLD
  }

  /** Puts `key` under `node`, whose path matches `key` up to `node.start`; returns the replacement node. */
  private insert(node: Node, key: Uint8Array, value: Uint8Array): Node | Unchanged {
    const keyEnd = key.length * 2
    const end = node instanceof Leaf ? node.key.length * 2 : node.end
    const split = mismatch(key, node.key, node.start, Math.min(keyEnd, end))
    if (split < end) {
      // The key leaves (or ends inside) this node's partial key: a new branch takes the common part.
      this.sizeDelta = 1
      const branch = new Branch(key, node.start, split, undefined, noChildren(), this.owner)
      branch.children[nibbleAt(node.key, split)] = this.withStart(node, split + 1)
      if (split === keyEnd) branch.value = value
      else branch.children[nibbleAt(key, split)] = new Leaf(key, split + 1, value, this.owner)
      return branch
    }
    if (node instanceof Leaf) {
      if (keyEnd === end) {
        if (equalBytes(node.value, value)) return UNCHANGED
        const leaf = node.owner === this.owner ? node : new Leaf(node.key, node.start, node.value, this.owner)
        leaf.value = value
        leaf.ref = undefined
        return leaf
      }
      // This leaf's key is a proper prefix of the new key: it becomes a branch that keeps its value.
      this.sizeDelta = 1
      const branch = new Branch(node.key, node.start, end, node.value, noChildren(), this.owner)
      branch.children[nibbleAt(key, end)] = new Leaf(key, end + 1, value, this.owner)
      return branch
    }
    if (keyEnd === end) {
      if (node.value === undefined) this.sizeDelta = 1
      else if (equalBytes(node.value, value)) return UNCHANGED
      const branch = this.writable(node)
      branch.value = value
      branch.key = key
      return branch
    }
    const index = nibbleAt(key, end)
    const child = node.children[index]
    let next: Node | Unchanged
    if (child === undefined) {
      this.sizeDelta = 1
      next = new Leaf(key, end + 1, value, this.owner)
    } else {
      next = this.insert(child, key, value)
      if (next === UNCHANGED) return UNCHANGED
    }
    const branch = this.writable(node)
    branch.children[index] = next
    return branch
  }

  /** Removes `key` from under `node`; returns the replacement (undefined when the subtree empties). */
  private remove(node: Node, key: Uint8Array): Node | undefined | Unchanged {
    const keyEnd = key.length * 2
    const end = node instanceof Leaf ? node.key.length * 2 : node.end
    if (keyEnd < end || mismatch(key, node.key, node.start, end) < end) return UNCHANGED
    if (node instanceof Leaf) {
      if (keyEnd !== end) return UNCHANGED
      this.sizeDelta = -1
      return undefined
    }
    if (keyEnd === end) {
      if (node.value === undefined) return UNCHANGED
      this.sizeDelta = -1
      const branch = this.writable(node)
      branch.value = undefined
      return this.collapse(branch)
    }
    const index = nibbleAt(key, end)
    const child = node.children[index]
    if (child === undefined) return UNCHANGED
    const next = this.remove(child, key)
    if (next === UNCHANGED) return UNCHANGED
    const branch = this.writable(node)
    branch.children[index] = next
    return next === undefined ? this.collapse(branch) : branch
  }

  /** Restores the no-extension invariants after a removal: no childless branch, no value-less branch with one child. */
  private collapse(branch: Branch): Node | undefined {
    let count = 0
    let last = -1
    for (let i = 0; i < 16; i++) {
      if (branch.children[i] !== undefined) {
        count++
        last = i
      }
    }
    if (branch.value !== undefined) return count === 0 ? new Leaf(branch.key, branch.start, branch.value, this.owner) : branch
    if (count > 1) return branch
    if (count === 0) return undefined
    // The only child absorbs this branch's partial key and its own index nibble.
    return this.withStart(branch.children[last]!, branch.start)
  }

  /** `node` made safe to change in place: itself when this trie owns it, else a copy this trie owns. */
  private writable(node: Branch): Branch {
    if (node.owner === this.owner) {
      node.ref = undefined
      return node
    }
    return new Branch(node.key, node.start, node.end, node.value, node.children.slice(), this.owner)
  }

  /** `node` with its partial key starting at nibble `start` instead. */
  private withStart(node: Node, start: number): Node {
    if (node.owner === this.owner) {
      node.start = start
      node.ref = undefined
      return node
    }
    return node instanceof Leaf
      ? new Leaf(node.key, start, node.value, this.owner)
      : new Branch(node.key, start, node.end, node.value, node.children.slice(), this.owner)
  }

  /** The node's reference in its parent: its hash, or its encoding when that is shorter than a hash. Memoised. */
  private refOf(node: Node): Uint8Array {
    let ref = node.ref
    if (ref === undefined) {
      const encoded = this.encode(node)
      ref = encoded.length >= HASH_LENGTH ? blake2AsU8a(encoded, 256) : encoded
      node.ref = ref
    }
    return ref
  }

  private encode(node: Node): Uint8Array {
    const value = node.value
    const hashed = value !== undefined && this.hashesValue(value)
    const valueHash = hashed ? blake2AsU8a(value, 256) : undefined
    const valueSize = value === undefined ? 0 : hashed ? HASH_LENGTH : compactSize(value.length) + value.length
    const end = node instanceof Leaf ? node.key.length * 2 : node.end
    const nibbles = end - node.start
    let prefix = LEAF
    let prefixBits = 2
    if (node instanceof Leaf) {
      if (hashed) [prefix, prefixBits] = [HASHED_VALUE_LEAF, 3]
    } else if (value === undefined) prefix = BRANCH_WITHOUT_VALUE
    else if (hashed) [prefix, prefixBits] = [HASHED_VALUE_BRANCH, 4]
    else prefix = BRANCH_WITH_VALUE

    let childRefs: (Uint8Array | undefined)[] | undefined
    let childrenSize = 0
    if (node instanceof Branch) {
      childRefs = node.children.map((child) => (child === undefined ? undefined : this.refOf(child)))
      for (const ref of childRefs) if (ref !== undefined) childrenSize += 1 + ref.length
    }
    const size = headerSize(nibbles, prefixBits) + ((nibbles + 1) >> 1) + (childRefs ? 2 : 0) + valueSize + childrenSize
    const out = new Uint8Array(size)
    let at = writeHeader(out, 0, prefix, prefixBits, nibbles)
    at = writePartial(out, at, node.key, node.start, end)
    let bitmapAt = -1
    if (childRefs) {
      bitmapAt = at
      at += 2
    }
    if (valueHash !== undefined) {
      out.set(valueHash, at)
      at += HASH_LENGTH
    } else if (value !== undefined) {
      at = writeCompact(out, at, value.length)
      out.set(value, at)
      at += value.length
    }
    if (childRefs) {
      let bitmap = 0
      for (let i = 0; i < 16; i++) {
        const ref = childRefs[i]
        if (ref === undefined) continue
        bitmap |= 1 << i
        // A child reference is SCALE `&[u8]`: a compact length (always one byte here, since ≤ 32) and the bytes.
        out[at++] = ref.length << 2
        out.set(ref, at)
        at += ref.length
      }
      out[bitmapAt] = bitmap & 0xff
      out[bitmapAt + 1] = bitmap >> 8
    }
    return out
  }
}

/** Entries of `node`'s subtree in key order, after `bound` if given (whose first `node.start` nibbles match the path). */
function* walk(node: Node, bound: Uint8Array | undefined): Generator<[Uint8Array, Uint8Array]> {
  if (node instanceof Leaf) {
    if (bound === undefined || compareBytes(node.key, bound) > 0) yield [node.key, node.value]
    return
  }
  if (bound !== undefined) {
    const boundEnd = bound.length * 2
    const limit = Math.min(boundEnd, node.end)
    const at = mismatch(bound, node.key, node.start, limit)
    if (at < limit) {
      // The bound leaves this path: the whole subtree lies before it or after it.
      if (nibbleAt(node.key, at) < nibbleAt(bound, at)) return
    } else if (boundEnd <= node.end) {
      // The bound is a prefix of this path: everything here is after it, except a value at exactly the bound.
      if (node.value !== undefined && boundEnd < node.end) yield [node.key, node.value]
      for (const child of node.children) if (child !== undefined) yield* walk(child, undefined)
      return
    } else {
      // The bound goes deeper: this node's value (a proper prefix of it) and the children before it come first.
      const from = nibbleAt(bound, node.end)
      for (let i = from; i < 16; i++) {
        const child = node.children[i]
        if (child !== undefined) yield* walk(child, i === from ? bound : undefined)
      }
      return
    }
  }
  if (node.value !== undefined) yield [node.key, node.value]
  for (const child of node.children) if (child !== undefined) yield* walk(child, undefined)
}

function nibbleAt(bytes: Uint8Array, index: number): number {
  const byte = bytes[index >> 1]!
  return index & 1 ? byte & 0x0f : byte >> 4
}

/** The first nibble index in [from, to) at which `a` and `b` differ, or `to`. Both are indexed from the trie root. */
function mismatch(a: Uint8Array, b: Uint8Array, from: number, to: number): number {
  let i = from
  if (i < to && i & 1) {
    if ((a[i >> 1]! & 0x0f) !== (b[i >> 1]! & 0x0f)) return i
    i++
  }
  for (; i + 2 <= to; i += 2) {
    const x = a[i >> 1]!
    const y = b[i >> 1]!
    if (x !== y) return (x ^ y) & 0xf0 ? i : i + 1
  }
  if (i < to && a[i >> 1]! >> 4 !== b[i >> 1]! >> 4) return i
  return to
}

/** `sp_trie::node_header::size_and_prefix_iterator`: the nibble count in the low bits, continued in 255-steps. */
function headerSize(nibbles: number, prefixBits: number): number {
  const max = 255 >> prefixBits
  return nibbles < max ? 1 : 2 + Math.floor((nibbles - max) / 255)
}

function writeHeader(out: Uint8Array, at: number, prefix: number, prefixBits: number, nibbles: number): number {
  const max = 255 >> prefixBits
  if (nibbles < max) {
    out[at++] = prefix | nibbles
    return at
  }
  out[at++] = prefix | max
  let rest = nibbles - max
  for (; rest >= 255; rest -= 255) out[at++] = 255
  out[at++] = rest
  return at
}

/** Nibbles [start, end) of `key`, packed two a byte; an odd count leaves the first nibble alone in the first byte. */
function writePartial(out: Uint8Array, at: number, key: Uint8Array, start: number, end: number): number {
  let i = start
  if ((end - start) & 1) out[at++] = nibbleAt(key, i++)
  if ((i & 1) === 0) {
    out.set(key.subarray(i >> 1, end >> 1), at)
    return at + ((end - i) >> 1)
  }
  for (; i < end; i += 2) out[at++] = (nibbleAt(key, i) << 4) | nibbleAt(key, i + 1)
  return at
}

function compactSize(n: number): number {
  if (n < 1 << 6) return 1
  if (n < 1 << 14) return 2
  if (n < 2 ** 30) return 4
  return 5
}

/** SCALE `Compact<u32>`. */
function writeCompact(out: Uint8Array, at: number, n: number): number {
  if (n < 1 << 6) {
    out[at] = n << 2
    return at + 1
  }
  if (n < 1 << 14) {
    const v = (n << 2) | 0b01
    out[at] = v & 0xff
    out[at + 1] = v >> 8
    return at + 2
  }
  if (n < 2 ** 30) {
    const v = ((n << 2) | 0b10) >>> 0
    out[at] = v & 0xff
    out[at + 1] = (v >>> 8) & 0xff
    out[at + 2] = (v >>> 16) & 0xff
    out[at + 3] = v >>> 24
    return at + 4
  }
  if (n > 0xffff_ffff) throw new RangeError(`value of ${n} bytes is too long for a trie node`)
  out[at] = 0b11 // big-integer mode, 4 bytes follow
  out[at + 1] = n & 0xff
  out[at + 2] = (n >>> 8) & 0xff
  out[at + 3] = (n >>> 16) & 0xff
  out[at + 4] = n >>> 24
  return at + 5
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

/** Lexicographic byte order, a proper prefix first: the order of Substrate's storage keys. */
export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) {
    const d = a[i]! - b[i]!
    if (d !== 0) return d
  }
  return a.length - b.length
}

/** `sp_trie::TrieConfiguration::trie_root`: the root of a trie holding exactly `entries`. */
export function trieRoot(entries: Iterable<readonly [Uint8Array, Uint8Array]>, stateVersion: StateVersion = 1): Uint8Array {
  return Trie.fromEntries(entries, { stateVersion }).root()
}

/** `sp_trie::TrieConfiguration::ordered_trie_root`: keys are the SCALE `Compact<u32>` of each value's index. */
/** `Compact<u32>` of a list index, as `compactToU8a(index)` encodes it (without going through BN). */
function compactIndex(index: number): Uint8Array {
  if (index < 0x40) return new Uint8Array([index << 2])
  if (index < 0x4000) return new Uint8Array([((index << 2) | 0b01) & 0xff, index >> 6])
  if (index < 0x4000_0000) {
    const v = ((index << 2) | 0b10) >>> 0
    return new Uint8Array([v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, v >>> 24])
  }
  return compactToU8a(index)
}

export function orderedTrieRoot(values: readonly Uint8Array[], stateVersion: StateVersion): Uint8Array {
  return trieRoot(
    values.map((value, index) => [compactIndex(index), value] as const),
    stateVersion,
  )
}

/**
 * A block header's `extrinsics_root`: the ordered trie root of the block body's extrinsics, each as its full SCALE
 * encoding (the bytes `chain_getBlock` lists, compact length prefix included), as frame_system's `finalize` computes
 * it from `ExtrinsicData`.
 *
 * Its layout is not the state's. frame_system passes `RuntimeVersion::extrinsics_root_state_version()`, which
 * sp-version maps from `system_version` (formerly `state_version`, RFC-0042): 0 and 1 → V0, 2 and above → V1;
 * `state_version()` meanwhile gives V1 for every system_version ≥ 1. So a runtime with state_version/system_version
 * 1, as subtensor's, has V1 state roots but V0 extrinsics roots: an extrinsic of 33+ bytes stays inline.
 */
export function extrinsicsRoot(extrinsics: readonly Uint8Array[], systemVersion = 1): Uint8Array {
  return orderedTrieRoot(extrinsics, systemVersion >= 2 ? 1 : 0)
}

// ---------------------------------------------------------------------------------------------------------------
// Read-proof verification: decoding written apart from the encoder above, so that a bug in one is not mirrored in the
// other. A light client uses this to check `state_getReadProof` answers against a header's state root.

/** A read proof that is incomplete, malformed, or does not match the root. */
export class TrieProofError extends Error {
  override name = 'TrieProofError'
}

type ValueRef = { inline: Uint8Array } | { hash: Uint8Array }
type ChildRef = { inline: Uint8Array } | { hash: Uint8Array }
type DecodedNode =
  | { kind: 'empty' }
  | { kind: 'leaf'; partial: number[]; value: ValueRef }
  | { kind: 'branch'; partial: number[]; value: ValueRef | undefined; children: (ChildRef | undefined)[] }

/**
 * Checks `keys` against `root` using only the proof's nodes (`state_getReadProof`'s `proof`). Returns each key (hex)
 * with its value, or null where the proof shows the key absent. Throws TrieProofError when the proof lacks a node on
 * a key's path or holds a malformed one — which is also what any tampering with a needed node amounts to.
 */
export function verifyReadProof(
  root: Uint8Array,
  proof: readonly Uint8Array[],
  keys: readonly Uint8Array[],
): Map<HexString, Uint8Array | null> {
  if (root.length !== HASH_LENGTH) throw new TrieProofError(`state root must be 32 bytes, got ${root.length}`)
  const byHash = new Map<string, Uint8Array>()
  for (const node of proof) byHash.set(u8aToHex(blake2AsU8a(node, 256)), node)
  const fetch = (hash: Uint8Array, what: string): Uint8Array => {
    const found = byHash.get(u8aToHex(hash))
    if (found === undefined) throw new TrieProofError(`the proof lacks the ${what} with hash ${u8aToHex(hash)}`)
    return found
  }
  const result = new Map<HexString, Uint8Array | null>()
  for (const key of keys) result.set(u8aToHex(key), lookUp(root, key, fetch))
  return result
}

function lookUp(root: Uint8Array, key: Uint8Array, fetch: (hash: Uint8Array, what: string) => Uint8Array): Uint8Array | null {
  const keyNibbles: number[] = []
  for (const byte of key) keyNibbles.push(byte >> 4, byte & 0x0f)
  const rootIsEmpty = u8aToHex(root) === EMPTY_TRIE_ROOT
  let data: Uint8Array
  try {
    data = fetch(root, 'root node')
  } catch (error) {
    if (rootIsEmpty) return null
    throw error
  }
  let position = 0
  for (let depth = 0; ; depth++) {
    const node = decodeNode(data)
    if (node.kind === 'empty') {
      if (depth > 0) throw new TrieProofError('an empty node appears below the root')
      return null
    }
    for (const nibble of node.partial) {
      if (keyNibbles[position] !== nibble) return null
      position++
    }
    const readValue = (value: ValueRef): Uint8Array => ('inline' in value ? value.inline : fetch(value.hash, 'value node'))
    if (node.kind === 'leaf') return position === keyNibbles.length ? readValue(node.value) : null
    if (position === keyNibbles.length) return node.value === undefined ? null : readValue(node.value)
    const child = node.children[keyNibbles[position]!]
    position++
    if (child === undefined) return null
    data = 'inline' in child ? child.inline : fetch(child.hash, 'trie node')
  }
}

function decodeNode(data: Uint8Array): DecodedNode {
  let at = 0
  const take = (n: number): Uint8Array => {
    if (at + n > data.length) throw new TrieProofError(`trie node 0x${hex(data)} ends early`)
    const bytes = data.subarray(at, at + n)
    at += n
    return bytes
  }
  const first = take(1)[0]!
  if (first === 0) {
    if (data.length !== 1) throw new TrieProofError('the empty trie node has trailing bytes')
    return { kind: 'empty' }
  }
  let kind: 'leaf' | 'branch'
  let hasValue: boolean
  let hashedValue = false
  let sizeBits: number
  switch (first >> 6) {
    case 0b01:
      ;[kind, hasValue, sizeBits] = ['leaf', true, 6]
      break
    case 0b10:
      ;[kind, hasValue, sizeBits] = ['branch', false, 6]
      break
    case 0b11:
      ;[kind, hasValue, sizeBits] = ['branch', true, 6]
      break
    default:
      if (first >> 5 === 0b001) [kind, hasValue, hashedValue, sizeBits] = ['leaf', true, true, 5]
      else if (first >> 4 === 0b0001) [kind, hasValue, hashedValue, sizeBits] = ['branch', true, true, 4]
      else throw new TrieProofError(`unknown trie node header 0x${hex(data.subarray(0, 1))}`)
  }
  // The nibble count fills the header's low bits; all ones means it continues in the next bytes, 255 at a time.
  const lowMax = (1 << sizeBits) - 1
  let nibbles = first & lowMax
  if (nibbles === lowMax) {
    for (;;) {
      const more = take(1)[0]!
      nibbles += more
      if (more < 255) break
    }
  }
  const packed = take((nibbles + 1) >> 1)
  const partial: number[] = []
  packed.forEach((byte, i) => {
    if (i === 0 && nibbles % 2 === 1) {
      if (byte >> 4 !== 0) throw new TrieProofError('an odd partial key has a non-zero padding nibble')
      partial.push(byte)
    } else partial.push(byte >> 4, byte & 0x0f)
  })
  const readCompact = (): number => {
    const b0 = take(1)[0]!
    switch (b0 & 0b11) {
      case 0b00:
        return b0 >> 2
      case 0b01:
        return (b0 | (take(1)[0]! << 8)) >> 2
      case 0b10: {
        const [b1, b2, b3] = take(3)
        return (b0 | (b1! << 8) | (b2! << 16) | (b3! << 24)) >>> 2
      }
      default: {
        const length = (b0 >> 2) + 4
        const bytes = take(length)
        if (length > 4) throw new TrieProofError('a length in a trie node is beyond 32 bits')
        return bytes[0]! + bytes[1]! * 2 ** 8 + bytes[2]! * 2 ** 16 + bytes[3]! * 2 ** 24
      }
    }
  }
  const readValue = (): ValueRef => (hashedValue ? { hash: take(HASH_LENGTH) } : { inline: take(readCompact()) })

  if (kind === 'leaf') {
    const value = readValue()
    if (at !== data.length) throw new TrieProofError('a leaf node has trailing bytes')
    return { kind, partial, value }
  }
  const [low, high] = take(2)
  const bitmap = low! | (high! << 8)
  if (bitmap === 0) throw new TrieProofError('a branch node has no children')
  const value = hasValue ? readValue() : undefined
  const children: (ChildRef | undefined)[] = []
  for (let i = 0; i < 16; i++) {
    if ((bitmap & (1 << i)) === 0) {
      children.push(undefined)
      continue
    }
    const length = readCompact()
    if (length > HASH_LENGTH) throw new TrieProofError(`a child reference is ${length} bytes, more than a hash`)
    const bytes = take(length)
    children.push(length === HASH_LENGTH ? { hash: bytes } : { inline: bytes })
  }
  if (at !== data.length) throw new TrieProofError('a branch node has trailing bytes')
  return { kind, partial, value, children }
}

function hex(bytes: Uint8Array): string {
  return u8aToHex(bytes).slice(2)
}
