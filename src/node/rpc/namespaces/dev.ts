// The `dev_*` namespace for dApp developers, in chopsticks' style: author blocks on demand, write raw storage, move block time forward.
import type { DevnetChain } from '../../chain/chain.ts'
import { DevRequestError } from '../../chain/errors.ts'
import type { Hex } from '../../chain/header.ts'
import { RpcError } from '../errors.ts'
import type { RpcMethods } from '../methods.ts'
import type { Params } from '../params.ts'
import { optionalBlockHash } from './common.ts'

/** chopsticks answers a dev request it cannot carry out with code 1 and the reason. */
const DEV_REQUEST_REFUSED = 1
const HEX = /^0x(?:[0-9a-fA-F]{2})*$/

export function registerDevMethods(methods: RpcMethods, chain: DevnetChain): void {
  methods
    .add('dev_newBlock', async (params) => {
      const count = newBlockCount(chain, params)
      const block = await refusing(() => chain.authorBlocks(count))
      return block.hash
    })
    .add('dev_setStorage', (params) => {
      const values = storageValues(params)
      const at = optionalBlockHash(params, 1)
      if (at !== undefined && at !== chain.head().hash) {
        throw new RpcError(DEV_REQUEST_REFUSED, `dev_setStorage writes on top of the best block ${chain.head().hash}; ${at} is not it`)
      }
      return refusingSync(() => chain.setStorage(values)).hash
    })
    .add('dev_timeTravel', (params) => {
      const date = params.get(0)
      const ms = typeof date === 'number' ? date : typeof date === 'string' ? Date.parse(date) : Number.NaN
      if (!Number.isSafeInteger(ms) || ms < 0) throw params.invalid(0, 'a timestamp in milliseconds or a date string')
      return refusingSync(() => chain.timeTravel(ms))
    })
}

/** `{ count?, to? }`: `count` blocks (default 1), or as many as it takes for the best block to be number `to`. */
function newBlockCount(chain: DevnetChain, params: Params): number {
  const options = params.get(0)
  if (options === undefined || options === null) return 1
  const what = 'an object { count?: number, to?: number }'
  if (typeof options !== 'object' || Array.isArray(options)) throw params.invalid(0, what)
  const unknown = Object.keys(options).filter((key) => key !== 'count' && key !== 'to')
  if (unknown.length > 0) throw params.invalid(0, `${what}; this devnet does not support ${unknown.join(', ')}`)
  const { count, to } = options as { count?: unknown; to?: unknown }
  const whole = (v: unknown) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0
  if (count !== undefined && count !== null && !whole(count)) throw params.invalid(0, `${what} with count a whole number`)
  if (to !== undefined && to !== null) {
    if (!whole(to)) throw params.invalid(0, `${what} with to a whole block number`)
    const best = chain.head().number
    if ((to as number) <= best) throw new RpcError(DEV_REQUEST_REFUSED, `block #${to as number} is not after the best block #${best}`)
    return (to as number) - best
  }
  return (count as number | undefined | null) ?? 1
}

/** Raw `[[key, value | null], …]` pairs (chopsticks also takes pallet objects; those need metadata decoding this devnet leaves to clients). */
function storageValues(params: Params): Array<[Hex, Hex | null]> {
  const list = params.get(0)
  const what = 'an array of [key, value or null] pairs of 0x-hex'
  if (!Array.isArray(list)) throw params.invalid(0, `${what} (pallet objects are not supported: encode the keys and values)`)
  return list.map((pair) => {
    if (!Array.isArray(pair) || pair.length !== 2) throw params.invalid(0, what)
    const [key, value] = pair as [unknown, unknown]
    if (typeof key !== 'string' || !HEX.test(key) || key === '0x') throw params.invalid(0, what)
    if (value !== null && (typeof value !== 'string' || !HEX.test(value))) throw params.invalid(0, what)
    return [key.toLowerCase() as Hex, value === null ? null : (value.toLowerCase() as Hex)]
  })
}

async function refusing<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (error) {
    if (error instanceof DevRequestError) throw new RpcError(DEV_REQUEST_REFUSED, error.message)
    throw error
  }
}

function refusingSync<T>(run: () => T): T {
  try {
    return run()
  } catch (error) {
    if (error instanceof DevRequestError) throw new RpcError(DEV_REQUEST_REFUSED, error.message)
    throw error
  }
}
