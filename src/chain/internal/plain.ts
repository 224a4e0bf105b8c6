// Runtime-API answers decoded straight to plain values by polkadot-api's metadata-builders (codecs built from the chain's own
// metadata), for large answers such as the Metagraph, where @polkadot/types' codec objects (a BN per integer) cost more than the call.
//
// Plain forms (metadata-builders' own, with camelCase keys as @polkadot/types names fields): integers up to 32 bits as number, wider
// ones as bigint, AccountId32 as its SS58 address, Option as its value or undefined, Vec<u8> / [u8; N] as Uint8Array, enums as
// `{ type, value }`. Without v15 metadata (no runtime APIs in it) there is no decoder and the caller uses @polkadot/types.

import type { ApiPromise } from '@polkadot/api'
import { getDynamicBuilder, getLookupFn } from '@polkadot-api/metadata-builders'
import { decAnyMetadata, unifyMetadata } from '@polkadot-api/substrate-bindings'
import { stringCamelCase } from '@polkadot/util'

type Builder = ReturnType<typeof getDynamicBuilder>

/** One builder per runtime: `api.runtimeMetadata` is a new object after a runtime upgrade. */
const builders = new WeakMap<object, Builder | null>()

function builderFor(api: ApiPromise): Builder | null {
  const metadata = api.runtimeMetadata
  let builder = builders.get(metadata)
  if (builder === undefined) {
    try {
      builder = getDynamicBuilder(getLookupFn(unifyMetadata(decAnyMetadata(metadata.toU8a()))))
    } catch {
      builder = null
    }
    builders.set(metadata, builder)
  }
  return builder
}

/** Object keys to camelCase, in arrays and nested structs alike (bytes are Uint8Array already). */
function plain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plain)
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) out[stringCamelCase(k)] = plain(v)
    return out
  }
  return value
}

/** A decoder of `api_method`'s SCALE answer into plain values, or undefined when this runtime's metadata does not describe it. */
export function runtimeOutputDecoder(api: ApiPromise, apiName: string, method: string): ((bytes: Uint8Array) => unknown) | undefined {
  const builder = builderFor(api)
  if (!builder) return undefined
  let codec: ReturnType<Builder['buildRuntimeCall']>
  try {
    codec = builder.buildRuntimeCall(apiName, method)
  } catch {
    return undefined
  }
  return (bytes) => plain(codec.value.dec(bytes))
}
