// τ and α amounts (9 decimals, exact bigint RAO), prices, and the SS58-42 address check: parse what users type, format what the chain says.

import { checkAddress, decodeAddress, encodeAddress } from '@polkadot/util-crypto'
import { InvalidAddressError, InvalidAmountError } from './errors/input.ts'

/** Decimals of TAO and of every subnet's alpha. */
export const DECIMALS = 9
/** 1 τ (or 1 α) in RAO. */
export const RAO_PER_TAO = 1_000_000_000n
/** Bittensor's SS58 address prefix. */
export const SS58_PREFIX = 42
export const TAO_SYMBOL = 'τ'
export const ALPHA_SYMBOL = 'α'
/** The largest amount a `u64` balance holds. */
export const U64_MAX = (1n << 64n) - 1n

/** `formatUnits(1_500_000_000n)` → "1.5": exact, trailing zeros dropped. */
export function formatUnits(value: bigint, decimals = DECIMALS): string {
  const negative = value < 0n
  const abs = negative ? -value : value
  const base = 10n ** BigInt(decimals)
  const whole = abs / base
  const fraction = (abs % base).toString().padStart(decimals, '0').replace(/0+$/, '')
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`
}

/**
 * `parseUnits('1.5')` → 1_500_000_000n. Accepts digits with at most `decimals` decimals after a dot ("1", "0.25", ".5", "1_000"
 * or "1 000" grouped); refuses anything else with an InvalidAmountError that says what was wrong. Never rounds.
 */
export function parseUnits(text: string, decimals = DECIMALS, field = 'amount'): bigint {
  const input = text.trim()
  const refuse = (reason: string, hint?: string) => new InvalidAmountError({ amount: text, field, reason, hint })
  if (input === '') throw refuse('enter a number')
  if (input.startsWith('-')) throw refuse('it is negative')
  if (/^\d{1,3}(,\d{3})+(\.\d*)?$/.test(input) || /^\d*,\d+$/.test(input)) throw refuse('use a dot for decimals and no commas', 'For example 1234.5')
  const compact = input.replace(/[_\s](?=\d)/g, '')
  const match = /^(\d*)(?:\.(\d*))?$/.exec(compact)
  if (!match || (match[1] === '' && (match[2] ?? '') === '')) throw refuse('it is not a number', 'For example 1.25')
  const [, whole = '', fraction = ''] = match
  if (fraction.length > decimals) throw refuse(`it has ${fraction.length} decimals; at most ${decimals} are possible`, `The smallest unit is 0.${'0'.repeat(decimals - 1)}1`)
  const value = BigInt(whole || '0') * 10n ** BigInt(decimals) + BigInt(fraction.padEnd(decimals, '0') || '0')
  if (value > U64_MAX) throw refuse('it is larger than any balance the chain can hold')
  return value
}

export type FormatOptions = {
  /** Most fraction digits shown (default 4); the value is truncated toward zero, never rounded up. */
  digits?: number
  /** Group thousands with a thin space (default true). */
  group?: boolean
}

/** `formatAmount(1_234_567_890_123n, { digits: 2 })` → "1 234.56". */
export function formatAmount(value: bigint, { digits = 4, group = true }: FormatOptions = {}): string {
  const [whole = '0', fraction = ''] = formatUnits(value).split('.')
  const negative = whole.startsWith('-')
  const digitsOfWhole = negative ? whole.slice(1) : whole
  const grouped = group ? digitsOfWhole.replace(/\B(?=(\d{3})+(?!\d))/g, '\u2009') : digitsOfWhole
  const shown = fraction.slice(0, digits).replace(/0+$/, '')
  return `${negative ? '-' : ''}${grouped}${shown ? `.${shown}` : ''}`
}

/** `formatTao(1_500_000_000n)` → "1.5 τ". */
export const formatTao = (rao: bigint, options?: FormatOptions): string => `${formatAmount(rao, options)} ${TAO_SYMBOL}`

/** `formatAlpha(2n * RAO_PER_TAO, 'γ')` → "2 γ" (a subnet's own symbol when known). */
export const formatAlpha = (rao: bigint, symbol: string = ALPHA_SYMBOL, options?: FormatOptions): string => `${formatAmount(rao, options)} ${symbol}`

/** `parseTao('1.5')` → 1_500_000_000n RAO. */
export const parseTao = (text: string, field = 'amount'): bigint => parseUnits(text, DECIMALS, field)
/** α amounts have the same 9 decimals. */
export const parseAlpha = parseTao

/** RAO as a JavaScript number of τ, for charts and sorting (inexact past 2^53 RAO). */
export const raoToNumber = (rao: bigint): number => Number(rao / RAO_PER_TAO) + Number(rao % RAO_PER_TAO) / 1e9

/** A price in RAO of τ per α (as `current_alpha_price` returns it) as a number of τ per α. */
export const priceToNumber = (raoPerAlpha: bigint): number => raoToNumber(raoPerAlpha)

/** `{ ok: true, address }` with the address re-encoded in SS58-42, or `{ ok: false, reason }`. */
export function checkSs58(address: string, prefix = SS58_PREFIX): { ok: true; address: string } | { ok: false; reason: string } {
  const text = address.trim()
  if (text === '') return { ok: false, reason: 'it is empty' }
  if (/^0x[0-9a-fA-F]*$/.test(text)) return { ok: false, reason: 'it is hex (a public key), not an SS58 address' }
  if (!/^[1-9A-HJ-NP-Za-km-z]+$/.test(text)) return { ok: false, reason: 'it has characters that SS58 never uses (0, O, I, l or punctuation)' }
  let publicKey: Uint8Array
  try {
    publicKey = decodeAddress(text)
  } catch (error) {
    return { ok: false, reason: /checksum/i.test(String(error)) ? 'its checksum does not match (a character is wrong or missing)' : 'it does not decode as SS58' }
  }
  if (publicKey.length !== 32) return { ok: false, reason: `it holds a ${publicKey.length}-byte key; accounts are 32 bytes` }
  const [ok, error] = checkAddress(text, prefix)
  if (!ok) {
    if (error && /prefix/i.test(error)) return { ok: false, reason: `it is encoded for another network; Bittensor addresses use prefix ${prefix} (this one is ${encodeAddress(publicKey, prefix)})` }
    return { ok: false, reason: error ?? 'it does not decode as SS58' }
  }
  return { ok: true, address: encodeAddress(publicKey, prefix) }
}

/** True for a valid SS58-42 account address. */
export const isAddress = (value: unknown): value is string => typeof value === 'string' && checkSs58(value).ok

/** The address (trimmed), or an InvalidAddressError naming the field and what is wrong. */
export function assertAddress(address: string, field = 'address'): string {
  const check = checkSs58(String(address ?? ''))
  if (!check.ok) throw new InvalidAddressError({ address: String(address ?? ''), field, reason: check.reason })
  return check.address
}

/** The amount, or an InvalidAmountError if it is not a positive integer of RAO that fits a u64. */
export function assertAmount(amount: bigint, field = 'amount'): bigint {
  if (typeof amount !== 'bigint') throw new InvalidAmountError({ amount: String(amount), field, reason: 'it must be a whole number of RAO (a bigint); parse typed text with parseTao first' })
  if (amount <= 0n) throw new InvalidAmountError({ amount: formatUnits(amount), field, reason: 'it must be more than 0' })
  if (amount > U64_MAX) throw new InvalidAmountError({ amount: formatUnits(amount), field, reason: 'it is larger than any balance the chain can hold' })
  return amount
}

/** A netuid: an integer 0–65535. */
export function assertNetuid(netuid: number, field = 'netuid'): number {
  if (!Number.isInteger(netuid) || netuid < 0 || netuid > 0xffff) throw new InvalidAmountError({ amount: String(netuid), field, reason: 'a subnet number is a whole number from 0 to 65535' })
  return netuid
}
