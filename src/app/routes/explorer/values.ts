// How the explorer writes decoded chain values: which arguments are τ or α amounts, what looks like an account or a nested call, hashes, times and event phases. Pure: no @polkadot.
import type { BlockEvent } from '../../../chain/index.ts'

/** A nested call as getBlock decodes it (sudo.sudo's `call`, utility.batch's `calls`). */
export type CallValue = { section: string; method: string; args: Record<string, unknown> }

export const isCallValue = (value: unknown): value is CallValue =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as CallValue).section === 'string' &&
  typeof (value as CallValue).method === 'string' &&
  typeof (value as CallValue).args === 'object' &&
  (value as CallValue).args !== null

/** An SS58 account as @polkadot writes AccountId32 (46–48 base58 characters). Shape only: the checksum is not checked here. */
export const looksLikeAddress = (value: unknown): value is string => typeof value === 'string' && /^[1-9A-HJ-NP-Za-km-z]{46,48}$/.test(value)

/** `{ id: '5…' }` (a MultiAddress) → the address; anything else → undefined. */
export function multiAddressOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined
  const keys = Object.keys(value)
  const id = (value as { id?: unknown }).id
  return keys.length === 1 && looksLikeAddress(id) ? id : undefined
}

/** Arguments that carry RAO amounts, by their (camelCase) names in subtensor's and balances' calls. */
const TAO_ARGS = new Set(['value', 'amountStaked', 'newFree', 'tip'])
const ALPHA_ARGS = new Set(['amountUnstaked', 'alphaAmount'])

/** 'τ' for τ amounts, 'α' for α amounts, undefined for everything else. */
export function amountUnitOf(name: string | undefined): 'τ' | 'α' | undefined {
  if (!name) return undefined
  if (TAO_ARGS.has(name)) return 'τ'
  if (ALPHA_ARGS.has(name)) return 'α'
  return undefined
}

/** Arguments that are a time in milliseconds (timestamp.set's `now`). */
export const isTimeArg = (name: string | undefined): boolean => name === 'now'

/** An integer as @polkadot's toJSON writes it (number, decimal string, or hex for wide ones) → bigint; undefined if it is not one. */
export function integerOf(value: unknown): bigint | undefined {
  if (typeof value === 'bigint') return value
  if (typeof value === 'number') return Number.isSafeInteger(value) ? BigInt(value) : undefined
  if (typeof value === 'string' && /^(0x[0-9a-fA-F]{1,32}|\d+)$/.test(value)) return BigInt(value)
  return undefined
}

/** "0x1234ab…cdef12" */
export const shortHash = (hash: string): string => (hash.length > 18 ? `${hash.slice(0, 8)}…${hash.slice(-6)}` : hash)

/** Grouped digits: 1500000000 → "1,500,000,000". */
export const groupDigits = (n: bigint | number): string => n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')

/** A block's time of day in UTC ("05:08:51"), or undefined for blocks without one (genesis has 0). */
export function timeOfDay(ms: number | undefined): string | undefined {
  if (!ms) return undefined
  return new Date(ms).toISOString().slice(11, 19)
}

/** The full UTC time ("2026-12-02 05:08:51 UTC"). */
export function fullTime(ms: number | undefined): string | undefined {
  if (!ms) return undefined
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`
}

/** "12-1": extrinsic 1 of block 12. */
export const extrinsicId = (block: number, index: number): string => `${block}-${index}`

/** "Extrinsic 12-1", "Initialization", "Finalization". */
export function phaseText(event: Pick<BlockEvent, 'phase' | 'extrinsic'>, block: number): string {
  if (event.phase === 'extrinsic') return `Extrinsic ${extrinsicId(block, event.extrinsic ?? 0)}`
  return event.phase === 'initialization' ? 'Initialization' : 'Finalization'
}

/** The explorer URL that searches for `term`. */
export const searchHref = (term: string | number): string => `/explorer?q=${encodeURIComponent(String(term))}`
