// What the explorer's search box was given (block number, hash, extrinsic id, address or nothing usable) and what it resolves to once the reads answer. Pure: no I/O, no @polkadot.
import type { Block, BlockExtrinsic } from '../../../chain/index.ts'
import type { AddressCheck } from '../../queries/explorer.ts'

export type Hash = `0x${string}`

export type SearchTerm =
  | { kind: 'empty' }
  | { kind: 'block'; number: number }
  /** 32 bytes: a block hash or an extrinsic hash (the same shape, so both are looked for). */
  | { kind: 'hash'; hash: Hash }
  /** `12-1`: extrinsic 1 of block 12, as explorers write it. */
  | { kind: 'extrinsic'; block: number; index: number }
  /** Looks like SS58; its checksum and prefix are checked by src/chain's checkSs58 (loaded lazily). */
  | { kind: 'address'; address: string }
  | { kind: 'invalid'; message: string }

/** Block numbers are u32 on subtensor. */
export const MAX_BLOCK_NUMBER = 0xffff_ffff
const BASE58 = /^[1-9A-HJ-NP-Za-km-z]+$/
const WHAT = 'Search takes a block number (12), a block or extrinsic hash (0x and 64 hex digits), an extrinsic id (12-1) or an SS58 address (5…).'

const quoted = (text: string) => `"${text.length > 24 ? `${text.slice(0, 21)}…` : text}"`
const blockNumber = (digits: string): number | undefined => {
  const n = Number(digits.replace(/,/g, ''))
  return Number.isSafeInteger(n) && n <= MAX_BLOCK_NUMBER ? n : undefined
}

/** `classifySearch('#1,024')` → `{ kind: 'block', number: 1024 }`; anything unusable comes back as `invalid` with a message that says why. */
export function classifySearch(input: string): SearchTerm {
  const text = input.trim()
  if (text === '') return { kind: 'empty' }

  if (/^#?\d{1,3}(,\d{3})+$|^#?\d+$/.test(text)) {
    const number = blockNumber(text.replace(/^#/, ''))
    return number === undefined ? { kind: 'invalid', message: `${quoted(text)} is too large for a block number: they go up to ${MAX_BLOCK_NUMBER.toLocaleString('en-US')}.` } : { kind: 'block', number }
  }
  const id = /^#?(\d+)-(\d+)$/.exec(text)
  if (id) {
    const block = blockNumber(id[1]!)
    const index = Number(id[2])
    if (block === undefined || !Number.isSafeInteger(index)) return { kind: 'invalid', message: `${quoted(text)} is not an extrinsic id: the block number is too large.` }
    return { kind: 'extrinsic', block, index }
  }
  if (/^-\d+$/.test(text)) return { kind: 'invalid', message: `${quoted(text)} is not a block number: block numbers start at 0.` }
  if (/^\d*\.\d+$/.test(text)) return { kind: 'invalid', message: `${quoted(text)} is not a block number: block numbers are whole numbers.` }

  if (/^0x/i.test(text)) {
    const hex = text.slice(2)
    if (!/^[0-9a-fA-F]*$/.test(hex)) return { kind: 'invalid', message: `${quoted(text)} is not a hash: after 0x a hash has only the digits 0–9 and letters a–f.` }
    if (hex.length !== 64) return { kind: 'invalid', message: `${quoted(text)} is not a hash: a hash is 0x and 64 hex digits, this has ${hex.length}.` }
    return { kind: 'hash', hash: `0x${hex.toLowerCase()}` }
  }

  if (/^[A-Za-z0-9]{30,}$/.test(text)) {
    if (BASE58.test(text)) return { kind: 'address', address: text }
    return { kind: 'invalid', message: `${quoted(text)} is not an address: it has characters SS58 never uses (0, O, I or l).` }
  }
  return { kind: 'invalid', message: `${quoted(text)} is not something the explorer can look up. ${WHAT}` }
}

/** One read the search waits on, as plain data (a TanStack query's status, data and error name/text). */
export type Lookup<T> = { status: 'pending' | 'success' | 'error'; data?: T | undefined; errorName?: string | undefined; errorMessage?: string | undefined }

/** The recent blocks the page has loaded (newest first), and whether every one asked for has arrived. */
export type Loaded = { blocks: readonly Block[]; complete: boolean }

export type SearchOutcome =
  | { kind: 'none' }
  | { kind: 'busy'; message: string }
  | { kind: 'error'; message: string }
  | { kind: 'block'; block: Block }
  | { kind: 'extrinsic'; block: Block; extrinsic: BlockExtrinsic }
  | { kind: 'account'; address: string }

/** A block or extrinsic among the loaded blocks with this hash. */
export function findByHash(blocks: readonly Block[], hash: Hash): { block: Block; extrinsic?: BlockExtrinsic } | undefined {
  const wanted = hash.toLowerCase()
  for (const block of blocks) {
    if (block.hash.toLowerCase() === wanted) return { block }
    const extrinsic = block.extrinsics.find((e) => e.hash.toLowerCase() === wanted)
    if (extrinsic) return { block, extrinsic }
  }
  return undefined
}

/** The extrinsics `address` signed among `blocks`, newest first. */
export function extrinsicsSignedBy(blocks: readonly Block[], address: string): Array<{ block: Block; extrinsic: BlockExtrinsic }> {
  return blocks.flatMap((block) => block.extrinsics.filter((e) => e.signer === address).map((extrinsic) => ({ block, extrinsic })))
}

/** "the last 20 blocks (#81–#100)" for messages about what was searched. */
export function describeRange(blocks: readonly Block[]): string {
  if (blocks.length === 0) return 'the recent blocks (none loaded yet)'
  const numbers = blocks.map((b) => b.number)
  const [low, high] = [Math.min(...numbers), Math.max(...numbers)]
  const span = low === high ? `#${low.toLocaleString('en-US')}` : `#${low.toLocaleString('en-US')}–#${high.toLocaleString('en-US')}`
  return `the last ${blocks.length} block${blocks.length === 1 ? '' : 's'} (${span})`
}

/** Which block the search needs read (a number or hash), or undefined when it needs none or must wait for the best block. */
export function blockToRead(term: SearchTerm, best: number | undefined, loaded: Loaded): number | Hash | undefined {
  switch (term.kind) {
    case 'block':
      return best !== undefined && term.number <= best ? term.number : undefined
    case 'extrinsic':
      return best !== undefined && term.block <= best ? term.block : undefined
    case 'hash':
      return findByHash(loaded.blocks, term.hash) ? undefined : term.hash
    default:
      return undefined
  }
}

/** What the search shows: a block, an extrinsic, an account, a message in words, or that it is still reading. */
export function resolveSearch(term: SearchTerm, context: { best: number | undefined; loaded: Loaded; block: Lookup<Block>; address: Lookup<AddressCheck> }): SearchOutcome {
  const { best, loaded, block, address } = context
  const failed = (what: string): SearchOutcome => ({ kind: 'error', message: block.errorMessage ?? `Could not read ${what}.` })
  switch (term.kind) {
    case 'empty':
      return { kind: 'none' }
    case 'invalid':
      return { kind: 'error', message: term.message }
    case 'block':
    case 'extrinsic': {
      const number = term.kind === 'block' ? term.number : term.block
      const label = `#${number.toLocaleString('en-US')}`
      if (best === undefined) return { kind: 'busy', message: 'Waiting for the chain’s best block…' }
      if (number > best) return { kind: 'error', message: `Block ${label} does not exist yet: the best block is #${best.toLocaleString('en-US')}.` }
      if (block.status === 'error') return failed(`block ${label}`)
      if (block.status === 'pending' || !block.data) return { kind: 'busy', message: `Reading block ${label}…` }
      if (term.kind === 'block') return { kind: 'block', block: block.data }
      const extrinsic = block.data.extrinsics[term.index]
      if (extrinsic) return { kind: 'extrinsic', block: block.data, extrinsic }
      const count = block.data.extrinsics.length
      return { kind: 'error', message: `Block ${label} has ${count} extrinsic${count === 1 ? '' : 's'} (${number}-0 to ${number}-${count - 1}); there is no ${number}-${term.index}.` }
    }
    case 'hash': {
      const found = findByHash(loaded.blocks, term.hash)
      if (found?.extrinsic) return { kind: 'extrinsic', block: found.block, extrinsic: found.extrinsic }
      if (found) return { kind: 'block', block: found.block }
      if (block.status === 'success' && block.data) return { kind: 'block', block: block.data }
      if (block.status === 'pending' || !loaded.complete) return { kind: 'busy', message: `Looking for ${term.hash.slice(0, 10)}… among blocks and recent extrinsics…` }
      if (block.errorName === 'BlockNotFoundError')
        return { kind: 'error', message: `No block has this hash, and no extrinsic in ${describeRange(loaded.blocks)} has it; older extrinsics are not searched (try its block number and index, e.g. 12-1).` }
      return failed('the block with this hash')
    }
    case 'address':
      if (address.status === 'error') return { kind: 'error', message: address.errorMessage ?? 'Could not check the address.' }
      if (address.status === 'pending' || !address.data) return { kind: 'busy', message: 'Checking the address…' }
      if (!address.data.ok) return { kind: 'error', message: `"${term.address.length > 24 ? `${term.address.slice(0, 21)}…` : term.address}" is not a valid address: ${address.data.reason}.` }
      return { kind: 'account', address: address.data.address }
  }
}
