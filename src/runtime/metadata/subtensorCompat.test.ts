// Our runtime's metadata against a real subtensor runtime's (spec 224): every pallet, call, storage item, event, error and constant we implement must match it, except where subtensor has changed since.
import { describe, expect, test } from 'vitest'
import { readFileSync } from 'node:fs'
import { Metadata, TypeRegistry } from '@polkadot/types'
import type { PalletMetadataLatest } from '@polkadot/types/interfaces'
import { createRuntime } from '../index.ts'

function load(bytes: Uint8Array | `0x${string}`) {
  const registry = new TypeRegistry()
  const metadata = new Metadata(registry, bytes)
  registry.setMetadata(metadata)
  return { registry, latest: metadata.asLatest }
}

const ours = load(createRuntime().metadata(14))
const spec224 = load(readFileSync(new URL('../../../fixtures/subtensor-metadata-spec224.hex', import.meta.url), 'utf8').trim() as `0x${string}`)

/** A type as polkadot-js renders its shape (names of named types included, as clients see them). */
const shape = (reg: TypeRegistry, id: number | { toNumber(): number }) => reg.lookup.getTypeDef(typeof id === 'number' ? id : id.toNumber()).type

function pallet(side: typeof ours, name: string): PalletMetadataLatest {
  const p = side.latest.pallets.find((x) => x.name.toString() === name)
  if (!p) throw new Error(`no pallet ${name}`)
  return p
}

function variants(side: typeof ours, id: { toNumber(): number }) {
  return side.registry.lookup.getSiType(id.toNumber()).def.asVariant.variants.map((v) => ({
    index: v.index.toNumber(),
    name: v.name.toString(),
    fields: v.fields.map((f) => `${f.name.toString()}: ${shape(side.registry, f.type)}`),
  }))
}

/** What subtensor changed after spec 224 (subtensor.md, spec 425), or what we leave out on purpose. */
const CHANGED_SINCE_224: Record<string, string> = {
  'Utility.call.if_else': 'added to subtensor’s own Utility pallet after spec 224',
  'Utility.event.IfElseMainSuccess': 'added with if_else',
  'Utility.event.IfElseFallbackCalled': 'added with if_else',
  'Utility.error.InvalidDerivedAccount': 'added to subtensor’s Utility fork after spec 224',
  'Commitments.call.set_max_space': 'space-based limiting replaced the block rate limit (4b237eae1); set_rate_limit [1] was removed (83ad744fa)',
  'Commitments.event.TimelockCommitment': 'timelocked commitments (drand) added after spec 224',
  'Commitments.event.CommitmentRevealed': 'timelocked commitments (drand) added after spec 224',
  'Commitments.error.SpaceLimitExceeded': 'added with space-based limiting; takes index 2 since CommitmentSetRateLimitExceeded was removed (83ad744fa)',
  'Commitments.error.UnexpectedUnreserveLeftover': 'added after spec 224',
  'Commitments.storage.TimelockedIndex': 'timelocked commitments added after spec 224',
  'Commitments.storage.LastBondsReset': 'ResetBondsFlag added after spec 224',
  'Commitments.storage.RevealedCommitments': 'timelocked commitments added after spec 224',
  'Commitments.storage.UsedSpaceOf': 'space-based limiting added after spec 224',
  'Commitments.storage.MaxSpace': 'space-based limiting added after spec 224',
}

const IMPLEMENTED = ['System', 'Timestamp', 'Aura', 'Grandpa', 'Balances', 'TransactionPayment', 'Utility', 'Sudo', 'Commitments']

describe('metadata matches subtensor', () => {
  test.each(IMPLEMENTED)('%s has subtensor’s pallet index', (name) => {
    expect(pallet(ours, name).index.toNumber()).toBe(pallet(spec224, name).index.toNumber())
  })

  test.each(IMPLEMENTED)('%s calls: same indices, names and argument types', (name) => {
    const mine = pallet(ours, name)
    if (mine.calls.isNone) return
    const theirs = new Map(variants(spec224, pallet(spec224, name).calls.unwrap().type).map((v) => [v.name, v]))
    for (const call of variants(ours, mine.calls.unwrap().type)) {
      if (CHANGED_SINCE_224[`${name}.call.${call.name}`]) continue
      expect(theirs.get(call.name), `${name}.${call.name}`).toEqual(call)
    }
  })

  test.each(IMPLEMENTED)('%s storage: same hashers, key and value types, defaults', (name) => {
    const mine = pallet(ours, name)
    if (mine.storage.isNone) return
    const theirs = new Map(pallet(spec224, name).storage.unwrap().items.map((i) => [i.name.toString(), i]))
    for (const item of mine.storage.unwrap().items) {
      if (CHANGED_SINCE_224[`${name}.storage.${item.name.toString()}`]) continue
      const other = theirs.get(item.name.toString())
      expect(other, `${name}.${item.name}`).toBeDefined()
      const describe = (side: typeof ours, i: typeof item) => ({
        modifier: i.modifier.toString(),
        hashers: i.type.isMap ? i.type.asMap.hashers.map((h) => h.toString()) : [],
        key: i.type.isMap ? shape(side.registry, i.type.asMap.key) : null,
        value: shape(side.registry, i.type.isMap ? i.type.asMap.value : i.type.asPlain),
      })
      const a = describe(ours, item)
      const b = describe(spec224, other!)
      // Events hold the runtime's own RuntimeEvent, which naturally differs in its pallet list.
      if (item.name.toString() === 'Events') continue
      expect(a, `${name}.${item.name}`).toEqual(b)
    }
  })

  test.each(IMPLEMENTED)('%s events and errors: same indices and names', (name) => {
    const mine = pallet(ours, name)
    const theirs = pallet(spec224, name)
    if (mine.events.isSome) {
      const t = new Map(variants(spec224, theirs.events.unwrap().type).map((v) => [v.name, v.index]))
      for (const e of variants(ours, mine.events.unwrap().type)) if (!CHANGED_SINCE_224[`${name}.event.${e.name}`]) expect(t.get(e.name), `${name}.${e.name}`).toBe(e.index)
    }
    if (mine.errors.isSome) {
      const t = new Map(variants(spec224, theirs.errors.unwrap().type).map((v) => [v.name, v.index]))
      for (const e of variants(ours, mine.errors.unwrap().type)) if (!CHANGED_SINCE_224[`${name}.error.${e.name}`]) expect(t.get(e.name), `${name}.${e.name}`).toBe(e.index)
    }
  })

  test.each(IMPLEMENTED)('%s constants: same names and types', (name) => {
    const theirs = new Map(pallet(spec224, name).constants.map((c) => [c.name.toString(), c]))
    for (const c of pallet(ours, name).constants) {
      const other = theirs.get(c.name.toString())
      expect(other, `${name}.${c.name}`).toBeDefined()
      expect(shape(ours.registry, c.type), `${name}.${c.name}`).toBe(shape(spec224.registry, other!.type))
    }
  })
})
