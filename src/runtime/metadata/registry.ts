// The portable type registry: interns type values into scale-info lookup entries with ids (nominal types by identity, the rest by structure).
import type { V15 } from '@polkadot-api/substrate-bindings'
import type { AnyType, Field, TypeInfo } from '../primitives/types.ts'

export type LookupEntry = V15['lookup'][number]
type LookupDef = LookupEntry['def']
type LookupField = Extract<LookupDef, { tag: 'composite' }>['value'][number]

export class PortableRegistry {
  readonly #types: LookupEntry[] = []
  readonly #byInfo = new Map<TypeInfo, number>()
  readonly #byStructure = new Map<string, number>()

  /** The id of a type, adding it (and everything it refers to) on first sight. */
  intern(type: AnyType): number {
    const info = type.info
    const known = this.#byInfo.get(info)
    if (known !== undefined) return known
    const { def } = info
    if (def.tag === 'composite' || def.tag === 'variant') {
      // Reserve the id first: a call enum can contain the RuntimeCall that contains it.
      const id = this.#types.length
      this.#types.push(undefined as unknown as LookupEntry)
      this.#byInfo.set(info, id)
      const params = info.params.map((p) => ({ name: p.name, type: p.type && this.intern(p.type) }))
      const lookupDef: LookupDef =
        def.tag === 'composite'
          ? { tag: 'composite', value: def.value.map((f) => this.#field(f)) }
          : { tag: 'variant', value: def.value.map((v) => ({ name: v.name, index: v.index, fields: v.fields.map((f) => this.#field(f)), docs: [...v.docs] })) }
      this.#types[id] = { id, path: [...info.path], params, def: lookupDef, docs: [...info.docs] }
      return id
    }
    const lookupDef = this.#structural(def)
    const key = JSON.stringify(lookupDef)
    let id = this.#byStructure.get(key)
    if (id === undefined) {
      id = this.#types.length
      this.#types.push({ id, path: [], params: [], def: lookupDef, docs: [] })
      this.#byStructure.set(key, id)
    }
    this.#byInfo.set(info, id)
    return id
  }

  /** The lookup table, ids equal to positions. */
  get types(): readonly LookupEntry[] {
    return this.#types
  }

  #field(f: Field): LookupField {
    return { name: f.name, type: this.intern(f.type), typeName: f.typeName, docs: [...f.docs] }
  }

  #structural(def: Exclude<TypeInfo['def'], { tag: 'composite' | 'variant' }>): LookupDef {
    switch (def.tag) {
      case 'primitive':
        return { tag: 'primitive', value: { tag: def.value, value: undefined } }
      case 'sequence':
        return { tag: 'sequence', value: this.intern(def.value) }
      case 'compact':
        return { tag: 'compact', value: this.intern(def.value) }
      case 'array':
        return { tag: 'array', value: { len: def.value.len, type: this.intern(def.value.type) } }
      case 'tuple':
        return { tag: 'tuple', value: def.value.map((t) => this.intern(t)) }
      case 'bitSequence':
        return { tag: 'bitSequence', value: { bitStoreType: this.intern(def.value.bitStoreType), bitOrderType: this.intern(def.value.bitOrderType) } }
    }
  }
}
