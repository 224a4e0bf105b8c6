// Runtime metadata V14 and V15 (`RuntimeMetadataPrefixed` bytes) built from a runtime's pallet declarations, its runtime APIs and its extrinsic format.
import { metadata as metadataCodec } from '@polkadot-api/substrate-bindings'
import type { V14, V15 } from '@polkadot-api/substrate-bindings'
import { u8aToHex } from '@polkadot/util'
import { Bytes, newtype, snakeCase, tuple } from '../primitives/types.ts'
import type { AnyType, Hex } from '../primitives/types.ts'
import type { SignedExtension } from '../primitives/extrinsic.ts'
import type { Hasher } from '../primitives/storage.ts'
import type { AnyRuntime } from '../framework/runtime.ts'
import { PortableRegistry } from './registry.ts'

export const METADATA_VERSIONS = [14, 15] as const
export type MetadataVersion = (typeof METADATA_VERSIONS)[number]

/** `0x6d657461`, "meta", read as a little-endian u32. */
const MAGIC_NUMBER = 0x6174656d

export interface RuntimeApiMethod {
  readonly name: string
  /** Input names are camelCase here and snake_case in metadata. */
  readonly inputs: Readonly<Record<string, AnyType>>
  readonly output: AnyType
  readonly docs?: string
}

/** A runtime API (`AccountNonceApi`), called as `state_call('<name>_<method>', SCALE(inputs))`. */
export interface RuntimeApi {
  readonly name: string
  /** Published in the runtime version's `apis` list. */
  readonly version: number
  readonly methods: readonly RuntimeApiMethod[]
  readonly docs?: string
}

/** The extrinsic format: `UncheckedExtrinsic<Address, RuntimeCall, Signature, Extra>`. */
export interface ExtrinsicFormat {
  readonly version: number
  readonly address: AnyType
  readonly signature: AnyType
  readonly signedExtensions: readonly SignedExtension[]
}

export interface MetadataSource {
  readonly runtime: AnyRuntime
  readonly extrinsic: ExtrinsicFormat
  readonly apis?: readonly RuntimeApi[]
}

type HasherTag = 'Blake2128' | 'Blake2256' | 'Blake2128Concat' | 'Twox128' | 'Twox256' | 'Twox64Concat' | 'Identity'
const HASHER_TAG: Record<Hasher, HasherTag> = {
  Blake2_128: 'Blake2128',
  Blake2_256: 'Blake2256',
  Blake2_128Concat: 'Blake2128Concat',
  Twox128: 'Twox128',
  Twox256: 'Twox256',
  Twox64Concat: 'Twox64Concat',
  Identity: 'Identity',
}

const lines = (docs: string | undefined) => (docs === undefined ? [] : docs.split('\n'))
const hex = (bytes: Uint8Array) => u8aToHex(bytes) as Hex

const extrinsicTypeCache = new WeakMap<object, { Extra: AnyType; UncheckedExtrinsic: AnyType }>()

/**
 * The runtime's `UncheckedExtrinsic` and `Extra` types, one instance per runtime so runtime APIs that take
 * an extrinsic (`TaggedTransactionQueue`, `TransactionPaymentApi`) name the same type as the extrinsic section.
 */
export function extrinsicTypes(source: Pick<MetadataSource, 'runtime' | 'extrinsic'>): { Extra: AnyType; UncheckedExtrinsic: AnyType } {
  const cached = extrinsicTypeCache.get(source.runtime)
  if (cached) return cached
  const { runtime, extrinsic } = source
  const Extra = tuple(...extrinsic.signedExtensions.map((e) => e.type))
  // To scale-info the extrinsic is opaque bytes; clients read its parts from the type parameters.
  const UncheckedExtrinsic = newtype('sp_runtime::generic::unchecked_extrinsic::UncheckedExtrinsic', Bytes, {
    params: { Address: extrinsic.address, Call: runtime.RuntimeCall, Signature: extrinsic.signature, Extra },
  })
  const types = { Extra, UncheckedExtrinsic }
  extrinsicTypeCache.set(runtime, types)
  return types
}

/** Encodes the runtime's metadata at the given version (magic number included). */
export function buildMetadata(source: MetadataSource, version: MetadataVersion): Uint8Array {
  const { runtime, extrinsic } = source
  const registry = new PortableRegistry()
  const id = (t: AnyType) => registry.intern(t)

  const { Extra, UncheckedExtrinsic } = extrinsicTypes(source)

  const pallets = runtime.pallets.map((p) => ({
    name: p.name,
    storage:
      p.storage === undefined || Object.keys(p.storage).length === 0
        ? undefined
        : {
            prefix: p.name,
            items: Object.values(p.storage).map((item) => ({
              name: item.name,
              modifier: item.modifier === 'Optional' ? 0 : 1,
              type:
                item.keys.length === 0
                  ? { tag: 'plain' as const, value: id(item.value) }
                  : {
                      tag: 'map' as const,
                      value: {
                        hashers: item.keys.map(([, h]) => ({ tag: HASHER_TAG[h], value: undefined })),
                        key: id(item.keys.length === 1 ? (item.keys[0] as readonly [AnyType, Hasher])[0] : tuple(...item.keys.map(([t]) => t))),
                        value: id(item.value),
                      },
                    },
              fallback: hex(item.fallback),
              docs: [...item.docs],
            })),
          },
    calls: p.Call && id(p.Call),
    events: p.Event && id(p.Event),
    constants: Object.entries(p.constants ?? {}).map(([name, c]) => ({ name, type: id(c.type), value: hex(c.type.enc(c.value)), docs: [...c.docs] })),
    errors: p.Error && id(p.Error),
    index: p.index,
    docs: lines(p.docs),
  }))

  const signedExtensions = extrinsic.signedExtensions.map((e) => ({ identifier: e.identifier, type: id(e.type), additionalSigned: id(e.additionalSigned) }))
  const extrinsicType = id(UncheckedExtrinsic)
  const runtimeType = id(runtime.Runtime)

  if (version === 14) {
    const v14: V14 = { lookup: [], pallets, extrinsic: { type: extrinsicType, version: extrinsic.version, signedExtensions }, type: runtimeType, apis: [] }
    return metadataCodec.enc({ magicNumber: MAGIC_NUMBER, metadata: { tag: 'v14', value: { ...v14, lookup: [...registry.types] } } })
  }

  const apis = (source.apis ?? []).map((api) => ({
    name: api.name,
    methods: api.methods.map((m) => ({
      name: m.name,
      inputs: Object.entries(m.inputs).map(([name, t]) => ({ name: snakeCase(name), type: id(t) })),
      output: id(m.output),
      docs: lines(m.docs),
    })),
    docs: lines(api.docs),
  }))
  const v15: V15 = {
    lookup: [],
    pallets,
    extrinsic: {
      version: extrinsic.version,
      address: id(extrinsic.address),
      call: id(runtime.RuntimeCall),
      signature: id(extrinsic.signature),
      extra: id(Extra),
      signedExtensions,
    },
    type: runtimeType,
    apis,
    outerEnums: { call: id(runtime.RuntimeCall), event: id(runtime.RuntimeEvent), error: id(runtime.RuntimeError) },
    custom: [],
  }
  return metadataCodec.enc({ magicNumber: MAGIC_NUMBER, metadata: { tag: 'v15', value: { ...v15, lookup: [...registry.types] } } })
}
