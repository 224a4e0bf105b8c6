// Our declared types, storage items, calls, events, errors, constants and signed extensions have the exact shapes of subtensor's spec-224 metadata.
import { readFileSync } from 'node:fs'
import { metadata as metadataCodec } from '@polkadot-api/substrate-bindings'
import type { V14 } from '@polkadot-api/substrate-bindings'
import { describe, expect, test } from 'vitest'
import { AccountId, NetUid } from '../primitives/bittensor.ts'
import { Era, MultiAddress, MultiSignature } from '../primitives/extrinsic.ts'
import { storageMap, storageValue } from '../primitives/storage.ts'
import {
  AccountData,
  AccountId32,
  AccountInfo,
  ArithmeticError,
  Digest,
  DigestItem,
  DispatchClass,
  DispatchError,
  DispatchInfo,
  DispatchResult,
  H256,
  LastRuntimeUpgradeInfo,
  ModuleError,
  Pays,
  PerDispatchClass,
  Phase,
  RawOrigin,
  RuntimeVersion,
  TokenError,
  TransactionalError,
  Weight,
} from '../primitives/substrate.ts'
import { u16 } from '../primitives/types.ts'
import type { AnyType } from '../primitives/types.ts'
import { definePallet } from '../framework/pallet.ts'
import { defineRuntime } from '../framework/runtime.ts'
import { demoApis, demoExtrinsic, demoRuntime } from '../framework/fixtures/demoRuntime.ts'
import { buildMetadata } from './metadata.ts'
import { PortableRegistry } from './registry.ts'

type Lookup = V14['lookup']
type Pallet = V14['pallets'][number]

const spec = metadataCodec.dec(readFileSync(new URL('../../../fixtures/subtensor-metadata-spec224.hex', import.meta.url), 'utf8').trim()).metadata.value as V14

/**
 * A type's structure, ids and Rust field type names left out: path, params, and the definition
 * with field names and variant indices. Recursion, and the runtime's own outer enums (whose
 * variants are the whole runtime), print as the path alone.
 */
function shape(lookup: Lookup, id: number, seen: readonly number[] = []): string {
  const t = lookup[id] as Lookup[number]
  const path = t.path.join('::')
  if (seen.includes(id) || /^node_subtensor_runtime::Runtime(Call|Event|Error)$/.test(path)) return path
  const inner = (child: number) => shape(lookup, child, [...seen, id])
  const params = t.params.length === 0 ? '' : `<${t.params.map((p) => `${p.name}=${p.type === undefined ? '_' : inner(p.type)}`).join(',')}>`
  const fields = (fs: readonly { name?: string; type: number }[]) => fs.map((f) => `${f.name ?? '_'}:${inner(f.type)}`).join(',')
  const d = t.def
  const body =
    d.tag === 'composite' ? `{${fields(d.value)}}`
    : d.tag === 'variant' ? `[${[...d.value].sort((a, b) => a.index - b.index).map((v) => `${v.index}:${v.name}(${fields(v.fields)})`).join(',')}]`
    : d.tag === 'sequence' ? `Vec<${inner(d.value)}>`
    : d.tag === 'array' ? `[${inner(d.value.type)};${d.value.len}]`
    : d.tag === 'tuple' ? `(${d.value.map(inner).join(',')})`
    : d.tag === 'primitive' ? d.value.tag
    : d.tag === 'compact' ? `Compact<${inner(d.value)}>`
    : `BitVec<${inner(d.value.bitStoreType)},${inner(d.value.bitOrderType)}>`
  return `${path}${params}${body}`
}

const specShapesAt = (path: string) => spec.lookup.filter((t) => t.path.join('::') === path).map((t) => shape(spec.lookup, t.id))

function ourShape(type: AnyType): string {
  const registry = new PortableRegistry()
  const id = registry.intern(type)
  return shape(registry.types as Lookup, id)
}

const palletOf = (m: V14, name: string) => m.pallets.find((p) => p.name === name) as Pallet

function storageShape(m: V14, pallet: string, item: string) {
  const entry = palletOf(m, pallet).storage?.items.find((i) => i.name === item)
  if (!entry) throw new Error(`${pallet}.${item} not found`)
  const t = entry.type
  return {
    modifier: entry.modifier,
    hashers: t.tag === 'map' ? t.value.hashers.map((h) => h.tag) : [],
    key: t.tag === 'map' ? shape(m.lookup, t.value.key) : undefined,
    value: shape(m.lookup, t.tag === 'map' ? t.value.value : t.value),
    fallback: entry.fallback,
  }
}

const variantsOf = (m: V14, id: number | undefined, names: readonly string[]) => {
  const def = m.lookup[id as number]?.def
  if (def?.tag !== 'variant') throw new Error(`type ${id} is not an enum`)
  return names.map((n) => {
    const v = def.value.find((x) => x.name === n)
    return v && `${v.index}:${v.name}(${v.fields.map((f) => `${f.name ?? '_'}:${shape(m.lookup, f.type)}`).join(',')})`
  })
}

describe('named types', () => {
  test.each([
    ['sp_core::crypto::AccountId32', AccountId32],
    ['primitive_types::H256', H256],
    ['sp_runtime::multiaddress::MultiAddress', MultiAddress],
    ['sp_runtime::MultiSignature', MultiSignature],
    ['sp_runtime::generic::era::Era', Era],
    ['sp_weights::weight_v2::Weight', Weight],
    ['frame_support::dispatch::DispatchClass', DispatchClass],
    ['frame_support::dispatch::Pays', Pays],
    ['frame_support::dispatch::DispatchInfo', DispatchInfo],
    ['frame_support::dispatch::PerDispatchClass', PerDispatchClass(Weight)],
    ['sp_runtime::ModuleError', ModuleError],
    ['sp_runtime::TokenError', TokenError],
    ['sp_arithmetic::ArithmeticError', ArithmeticError],
    ['sp_runtime::TransactionalError', TransactionalError],
    ['sp_runtime::DispatchError', DispatchError],
    ['Result', DispatchResult],
    ['frame_support::dispatch::RawOrigin', RawOrigin],
    ['pallet_balances::types::AccountData', AccountData],
    ['frame_system::AccountInfo', AccountInfo],
    ['frame_system::Phase', Phase],
    ['sp_runtime::generic::digest::DigestItem', DigestItem],
    ['sp_runtime::generic::digest::Digest', Digest],
    ['frame_system::LastRuntimeUpgradeInfo', LastRuntimeUpgradeInfo],
    ['sp_version::RuntimeVersion', RuntimeVersion],
  ])('%s', (path, type) => {
    expect(specShapesAt(path)).toContain(ourShape(type))
  })

  test('signed extensions: explicit and additional-signed types', () => {
    for (const ext of demoExtrinsic.signedExtensions) {
      const theirs = spec.extrinsic.signedExtensions.find((e) => e.identifier === ext.identifier)
      expect(theirs, ext.identifier).toBeDefined()
      expect([ext.identifier, ourShape(ext.type), ourShape(ext.additionalSigned)]).toEqual([
        ext.identifier,
        shape(spec.lookup, theirs?.type as number),
        shape(spec.lookup, theirs?.additionalSigned as number),
      ])
    }
  })
})

describe('the demo runtime against spec 224', () => {
  const ours = metadataCodec.dec(buildMetadata({ runtime: demoRuntime, extrinsic: demoExtrinsic, apis: demoApis }, 14)).metadata.value as V14

  test.each([
    ['System', 'Account'],
    ['System', 'Number'],
    ['System', 'Events'],
    ['System', 'ExecutionPhase'],
    ['Balances', 'TotalIssuance'],
  ])('storage %s.%s: modifier, hashers, key, value and default', (pallet, item) => {
    expect(storageShape(ours, pallet, item)).toEqual(storageShape(spec, pallet, item))
  })

  test('Balances calls, events and errors keep their indices and argument shapes', () => {
    const [b, s] = [palletOf(ours, 'Balances'), palletOf(spec, 'Balances')]
    const calls = ['transfer_allow_death', 'transfer_keep_alive']
    expect(variantsOf(ours, b.calls, calls)).toEqual(variantsOf(spec, s.calls, calls))
    expect(variantsOf(ours, b.events, ['Endowed', 'Transfer'])).toEqual(variantsOf(spec, s.events, ['Endowed', 'Transfer']))
    expect(variantsOf(ours, b.errors, ['VestingBalance', 'InsufficientBalance'])).toEqual(variantsOf(spec, s.errors, ['VestingBalance', 'InsufficientBalance']))
  })

  test('System events keep their indices and field shapes', () => {
    const names = ['ExtrinsicSuccess', 'ExtrinsicFailed', 'CodeUpdated', 'NewAccount']
    expect(variantsOf(ours, palletOf(ours, 'System').events, names)).toEqual(variantsOf(spec, palletOf(spec, 'System').events, names))
  })

  test('constants have the same types and values', () => {
    for (const [pallet, name] of [['Balances', 'ExistentialDeposit'], ['System', 'SS58Prefix'], ['System', 'BlockHashCount']] as const) {
      const [a, b] = [ours, spec].map((m) => {
        const c = palletOf(m, pallet).constants.find((x) => x.name === name)
        return c && { type: shape(m.lookup, c.type), value: c.value }
      })
      expect(a, `${pallet}.${name}`).toEqual(b)
    }
  })
})

describe('storage declared as the style guide shows, against SubtensorModule', () => {
  const SubtensorModule = definePallet({
    name: 'SubtensorModule',
    index: 7,
    crate: 'pallet_subtensor',
    storage: {
      TotalNetworks: storageValue('SubtensorModule', 'TotalNetworks', { value: u16 }),
      Tempo: storageMap('SubtensorModule', 'Tempo', { key: [[NetUid, 'Identity']], value: u16, default: () => 360 }),
      SubnetOwner: storageMap('SubtensorModule', 'SubnetOwner', { key: [[NetUid, 'Identity']], value: AccountId }),
      Uids: storageMap('SubtensorModule', 'Uids', { key: [[NetUid, 'Identity'], [AccountId, 'Blake2_128Concat']], value: u16, optional: true }),
      Keys: storageMap('SubtensorModule', 'Keys', { key: [[NetUid, 'Identity'], [u16, 'Identity']], value: AccountId }),
    },
  })
  const ours = metadataCodec.dec(buildMetadata({ runtime: defineRuntime({ pallets: [SubtensorModule] }), extrinsic: demoExtrinsic }, 14)).metadata.value as V14

  test.each(['TotalNetworks', 'SubnetOwner', 'Uids', 'Keys'])('%s', (item) => {
    expect(storageShape(ours, 'SubtensorModule', item)).toEqual(storageShape(spec, 'SubtensorModule', item))
  })

  test('Tempo: same key and hashers; the default is 360 now (spec 224 shipped 99)', () => {
    const [a, b] = [storageShape(ours, 'SubtensorModule', 'Tempo'), storageShape(spec, 'SubtensorModule', 'Tempo')]
    expect({ ...a, fallback: undefined }).toEqual({ ...b, fallback: undefined })
    expect([a.fallback, b.fallback]).toEqual(['0x6801', '0x6300'])
  })
})
