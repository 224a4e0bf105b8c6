// A call's positional params with checked accessors: a bad param is refused with -32602 saying which one and what was expected.
import { invalidParams, type RpcError } from './errors.ts'

export type Hex = `0x${string}`

/** `optional`: an absent or null param reads as undefined instead of being refused. */
type Required = { optional?: false }
type Optional = { optional: true }
type HexOptions = { bytes?: number }

const HEX = /^0x(?:[0-9a-fA-F]{2})*$/

/**
 * Wraps `params` of a request (always an array: named params are refused before a handler runs).
 * Accessors return the checked value or throw `invalidParams("param <i>: expected <what>, got <value>")`.
 */
export class Params {
  constructor(readonly list: readonly unknown[]) {}

  get length(): number {
    return this.list.length
  }

  /** The raw value at `index` (undefined when absent), for params the accessors below do not cover. */
  get(index: number): unknown {
    return this.list[index]
  }

  /** The error to throw for a param that is not `what`; for checks the accessors below do not cover. */
  invalid(index: number, what: string): RpcError {
    return invalidParams(`param ${index}: expected ${what}, got ${describe(this.list, index)}`)
  }

  /** A 0x-prefixed hex string of whole bytes (`bytes` of them when given), returned lower-cased. */
  hex(index: number, options?: HexOptions & Required): Hex
  hex(index: number, options: HexOptions & Optional): Hex | undefined
  hex(index: number, options: HexOptions & { optional?: boolean } = {}): Hex | undefined {
    return this.read(index, options.optional, hexDescription(options.bytes), (v) => toHex(v, options.bytes))
  }

  /** An array of hex strings as `hex` checks them. */
  hexArray(index: number, options?: HexOptions & Required): Hex[]
  hexArray(index: number, options: HexOptions & Optional): Hex[] | undefined
  hexArray(index: number, options: HexOptions & { optional?: boolean } = {}): Hex[] | undefined {
    const what = `an array of 0x-prefixed hex strings${options.bytes === undefined ? '' : ` of ${options.bytes} bytes each`}`
    return this.read(index, options.optional, what, (v) => {
      if (!Array.isArray(v)) return undefined
      const out: Hex[] = []
      for (const item of v) {
        const hex = toHex(item, options.bytes)
        if (hex === undefined) return undefined
        out.push(hex)
      }
      return out
    })
  }

  /** An integer in 0 ..= 2^32 - 1 (a JSON number, as serde reads u32). */
  u32(index: number, options?: Required): number
  u32(index: number, options: Optional): number | undefined
  u32(index: number, options: { optional?: boolean } = {}): number | undefined {
    return this.read(index, options.optional, 'an unsigned 32-bit integer', (v) =>
      typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 0xffff_ffff ? v : undefined,
    )
  }

  bool(index: number, options?: Required): boolean
  bool(index: number, options: Optional): boolean | undefined
  bool(index: number, options: { optional?: boolean } = {}): boolean | undefined {
    return this.read(index, options.optional, 'a boolean', (v) => (typeof v === 'boolean' ? v : undefined))
  }

  string(index: number, options?: Required): string
  string(index: number, options: Optional): string | undefined
  string(index: number, options: { optional?: boolean } = {}): string | undefined {
    return this.read(index, options.optional, 'a string', (v) => (typeof v === 'string' ? v : undefined))
  }

  private read<T>(index: number, optional: boolean | undefined, what: string, check: (value: unknown) => T | undefined): T | undefined {
    const value = this.list[index]
    if (optional && (value === undefined || value === null)) return undefined
    const checked = value === undefined ? undefined : check(value)
    if (checked === undefined) throw this.invalid(index, what)
    return checked
  }
}

function hexDescription(bytes: number | undefined): string {
  return bytes === undefined ? 'a 0x-prefixed hex string' : `a 0x-prefixed hex string of ${bytes} bytes`
}

function toHex(value: unknown, bytes: number | undefined): Hex | undefined {
  if (typeof value !== 'string' || !HEX.test(value)) return undefined
  if (bytes !== undefined && value.length !== 2 + 2 * bytes) return undefined
  return value.toLowerCase() as Hex
}

/** A short rendering of the offending value for the error message (no parentheses: polkadot-js rewrites them). */
function describe(list: readonly unknown[], index: number): string {
  if (index >= list.length) return 'nothing'
  const json = JSON.stringify(list[index]) ?? String(list[index])
  return json.length <= 40 ? json : `${json.slice(0, 39)}…`
}
