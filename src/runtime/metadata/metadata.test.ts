// Metadata V14/V15 built from the demo runtime decodes in polkadot-api and @polkadot/types, and polkadot-js then speaks our calls, storage keys, events, errors and extrinsics.
import { metadata as metadataCodec } from '@polkadot-api/substrate-bindings'
import type { V14, V15 } from '@polkadot-api/substrate-bindings'
import { Keyring } from '@polkadot/keyring'
import { Metadata, TypeRegistry } from '@polkadot/types'
import { expandMetadata } from '@polkadot/types/metadata'
import type { Vec } from '@polkadot/types'
import type { EventRecord } from '@polkadot/types/interfaces'
import type { IRuntimeVersionBase } from '@polkadot/types/types'
import { compactStripLength, u8aConcat, u8aToHex } from '@polkadot/util'
import { cryptoWaitReady, sr25519Verify } from '@polkadot/util-crypto'
import { beforeAll, describe, expect, test } from 'vitest'
import { MultiAddress, MultiSignature } from '../primitives/extrinsic.ts'
import { tuple, u8 } from '../primitives/types.ts'
import type { ValueOf } from '../primitives/types.ts'
import { Account, Events, Number, TotalIssuance, balancesEvents, demoApis, demoExtrinsic, demoRuntime, systemEvents } from '../framework/fixtures/demoRuntime.ts'
import { buildMetadata } from './metadata.ts'

const ALICE = '0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d'
const BOB = '0x8eaf04151687736326c9fea17e25fc5287613693c912909cb226aa4794f26a48'
const hex = (bytes: Uint8Array) => u8aToHex(bytes)
const source = { runtime: demoRuntime, extrinsic: demoExtrinsic, apis: demoApis }
const transfer: ValueOf<typeof demoRuntime.RuntimeCall> = { type: 'Balances', value: { type: 'transfer_allow_death', value: { dest: { type: 'Id', value: ALICE }, value: 12345n } } }
/** call index [5, 0] ++ MultiAddress::Id(//Alice) ++ Compact(12345) */
const TRANSFER_HEX = `0x050000${ALICE.slice(2)}e5c0`

function polkadotJs(bytes: Uint8Array) {
  const registry = new TypeRegistry()
  const metadata = new Metadata(registry, bytes)
  registry.setMetadata(metadata)
  return { registry, metadata, decorated: expandMetadata(registry, metadata) }
}

describe('decoded by polkadot-api (substrate-bindings)', () => {
  const v14 = metadataCodec.dec(buildMetadata(source, 14)).metadata
  const v15 = metadataCodec.dec(buildMetadata(source, 15)).metadata
  const lookupOf = (m: V14 | V15) => (id: number) => m.lookup[id] as V15['lookup'][number]

  test('carries the pallets at their indices, in index order', () => {
    expect(v14.tag).toBe('v14')
    expect(v15.tag).toBe('v15')
    for (const m of [v14.value as V14, v15.value as V15]) expect(m.pallets.map((p) => [p.name, p.index])).toEqual([['System', 0], ['Balances', 5], ['Utility', 11]])
  })

  test('the pallet call enum keeps call indices and their gaps', () => {
    const m = v15.value as V15
    const balances = m.pallets.find((p) => p.name === 'Balances')
    const call = lookupOf(m)(balances?.calls as number)
    expect(call.path).toEqual(['pallet_balances', 'pallet', 'Call'])
    expect(call.def.tag === 'variant' && call.def.value.map((v) => [v.index, v.name, v.fields.map((f) => f.name)])).toEqual([
      [0, 'transfer_allow_death', ['dest', 'value']],
      [3, 'transfer_keep_alive', ['dest', 'value']],
    ])
  })

  test('the outer enums are indexed by pallet index and reference each other recursively', () => {
    const m = v15.value as V15
    const at = lookupOf(m)
    const variants = (id: number) => {
      const def = at(id).def
      return def.tag === 'variant' ? def.value.map((v) => [v.name, v.index]) : []
    }
    expect(at(m.outerEnums.call).path).toEqual(['node_subtensor_runtime', 'RuntimeCall'])
    expect(variants(m.outerEnums.call)).toEqual([['System', 0], ['Balances', 5], ['Utility', 11]])
    expect(variants(m.outerEnums.event)).toEqual([['System', 0], ['Balances', 5]])
    expect(variants(m.outerEnums.error)).toEqual([['System', 0], ['Balances', 5]])
    const utility = at(m.pallets.find((p) => p.name === 'Utility')?.calls as number)
    const callsArg = utility.def.tag === 'variant' ? utility.def.value[0]?.fields[0]?.type : undefined
    expect(at(callsArg as number).def).toEqual({ tag: 'sequence', value: m.outerEnums.call })
  })

  test('the extrinsic names its address, call, signature and extra', () => {
    const m = v15.value as V15
    const at = lookupOf(m)
    expect(at(m.extrinsic.address).path.join('::')).toBe('sp_runtime::multiaddress::MultiAddress')
    expect(at(m.extrinsic.signature).path.join('::')).toBe('sp_runtime::MultiSignature')
    expect(m.extrinsic.call).toBe(m.outerEnums.call)
    expect(m.extrinsic.signedExtensions.map((e) => e.identifier)).toEqual(demoExtrinsic.signedExtensions.map((e) => e.identifier))
    const old = v14.value as V14
    const ux = (old.lookup[old.extrinsic.type] as V14['lookup'][number])
    expect(ux.path.join('::')).toBe('sp_runtime::generic::unchecked_extrinsic::UncheckedExtrinsic')
    expect(ux.params.map((p) => p.name)).toEqual(['Address', 'Call', 'Signature', 'Extra'])
  })
})

describe.each([14, 15] as const)('decoded by @polkadot/types (V%i)', (version) => {
  const { registry, metadata, decorated } = polkadotJs(buildMetadata(source, version))

  test('sees the version, pallets and signed extensions', () => {
    expect(metadata.version).toBe(version)
    expect(metadata.asLatest.pallets.map((p) => [p.name.toString(), p.index.toNumber()])).toEqual([['System', 0], ['Balances', 5], ['Utility', 11]])
    expect(registry.signedExtensions).toEqual(demoExtrinsic.signedExtensions.map((e) => e.identifier))
  })

  test('finds calls by index and encodes them to our bytes', () => {
    const meta = registry.findMetaCall(new Uint8Array([5, 3]))
    expect([meta.section, meta.method, meta.meta.args.map((a) => a.name.toString())]).toEqual(['balances', 'transferKeepAlive', ['dest', 'value']])
    const theirs = registry.createType('Call', { callIndex: [5, 0], args: { dest: { Id: ALICE }, value: 12345 } })
    expect(theirs.toHex()).toBe(TRANSFER_HEX)
    expect(hex(demoRuntime.RuntimeCall.enc(transfer))).toBe(TRANSFER_HEX)
    expect(decorated.tx.balances?.transferAllowDeath?.({ Id: ALICE }, 12345).toHex()).toBe(TRANSFER_HEX)
    const batch = registry.createType('Call', { callIndex: [11, 0], args: { calls: [theirs] } })
    expect(hex(demoRuntime.RuntimeCall.enc({ type: 'Utility', value: { type: 'batch', value: { calls: [transfer] } } }))).toBe(batch.toHex())
  })

  test('derives our storage keys, hashers and defaults', () => {
    const query = decorated.query as unknown as Record<string, Record<string, (...args: unknown[]) => Uint8Array>>
    const key = (u8a: Uint8Array) => hex(compactStripLength(u8a)[1])
    expect(key(query.system?.account?.(ALICE) as Uint8Array)).toBe(hex(Account.key(ALICE)))
    expect(key(query.system?.number?.() as Uint8Array)).toBe(hex(Number.key()))
    expect(key(query.balances?.totalIssuance?.() as Uint8Array)).toBe(hex(TotalIssuance.key()))
    const account = metadata.asLatest.pallets[0]?.storage.unwrap().items.find((i) => i.name.eq('Account'))
    expect(account?.type.asMap.hashers.map((h) => h.type)).toEqual(['Blake2_128Concat'])
    expect(account?.modifier.isDefault).toBe(true)
    expect(registry.createType('FrameSystemAccountInfo', account?.fallback).toJSON()).toMatchObject({ nonce: 0, data: { free: 0 } })
  })

  test('reads constants and errors', () => {
    const consts = decorated.consts as unknown as Record<string, Record<string, { toNumber(): number }>>
    expect(consts.balances?.existentialDeposit?.toNumber()).toBe(500)
    expect(consts.system?.ss58Prefix?.toNumber()).toBe(42)
    const err = registry.findMetaError(new Uint8Array([5, 2]))
    expect([err.section, err.method, err.docs]).toEqual(['balances', 'InsufficientBalance', ['Balance too low to send value.']])
  })

  test('decodes the events our System.Events encodes', () => {
    const records: ValueOf<typeof Events> = [
      { phase: { type: 'ApplyExtrinsic', value: 1 }, event: balancesEvents.Transfer({ from: ALICE, to: BOB, amount: 300n }), topics: [] },
      {
        phase: { type: 'ApplyExtrinsic', value: 1 },
        event: systemEvents.ExtrinsicSuccess({ dispatchInfo: { weight: { refTime: 1n, proofSize: 2n }, class: { type: 'Normal' }, paysFee: { type: 'Yes' } } }),
        topics: [],
      },
      { phase: { type: 'Finalization' }, event: systemEvents.CodeUpdated(), topics: [] },
    ]
    const theirs = registry.createType<Vec<EventRecord>>('Vec<EventRecord>', Events.value.enc(records))
    expect(theirs.map((r) => [r.phase.type, r.event.section, r.event.method])).toEqual([
      ['ApplyExtrinsic', 'balances', 'Transfer'],
      ['ApplyExtrinsic', 'system', 'ExtrinsicSuccess'],
      ['Finalization', 'system', 'CodeUpdated'],
    ])
    expect(theirs[0]?.event.data.toJSON()).toEqual([registry.createType('AccountId', ALICE).toJSON(), registry.createType('AccountId', BOB).toJSON(), 300])
    expect(Events.value.dec(theirs.toU8a())).toEqual(records)
  })
})

describe('V15 runtime APIs', () => {
  const { registry, metadata } = polkadotJs(buildMetadata(source, 15))

  test('are listed with their methods, inputs and output types', () => {
    const apis = metadata.asV15.apis
    expect(apis.map((a) => [a.name.toString(), a.methods.map((m) => m.name.toString())])).toEqual([
      ['Core', ['version']],
      ['AccountNonceApi', ['account_nonce']],
    ])
    const nonce = apis[1]?.methods[0]
    expect(nonce?.inputs.map((i) => [i.name.toString(), registry.lookup.getSiType(i.type).path.join('::')])).toEqual([['account', 'sp_core::crypto::AccountId32']])
    expect(registry.lookup.getTypeDef(nonce?.output as never).type).toBe('u32')
    expect(registry.lookup.getSiType(apis[0]?.methods[0]?.output as never).path.join('::')).toBe('sp_version::RuntimeVersion')
  })
})

describe('a transfer signed by polkadot-js', () => {
  beforeAll(() => cryptoWaitReady())

  test('decodes with our extrinsic types and verifies over our signing payload', () => {
    const { registry, decorated } = polkadotJs(buildMetadata(source, 15))
    const alice = new Keyring({ type: 'sr25519' }).addFromUri('//Alice')
    const genesisHash = `0x${'ab'.repeat(32)}`
    const blockHash = `0x${'cd'.repeat(32)}`
    const method = decorated.tx.balances?.transferAllowDeath?.({ Id: BOB }, 12345)
    const ext = registry.createType('Extrinsic', method)
    ext.sign(alice, {
      blockHash,
      genesisHash,
      nonce: 5,
      tip: 7,
      era: registry.createType('ExtrinsicEra', { current: 42, period: 64 }),
      runtimeVersion: { specVersion: 224, transactionVersion: 1 } as unknown as IRuntimeVersionBase,
      signedExtensions: registry.signedExtensions,
    })

    const Extra = tuple(...demoExtrinsic.signedExtensions.map((e) => e.type))
    const Additional = tuple(...demoExtrinsic.signedExtensions.map((e) => e.additionalSigned))
    const Signed = tuple(u8, MultiAddress, MultiSignature, Extra, demoRuntime.RuntimeCall)
    const [version, address, signature, extra, call] = Signed.dec(ext.toU8a(true))
    expect(version).toBe(0x84)
    expect(address).toEqual({ type: 'Id', value: ALICE })
    expect(extra).toEqual([{}, {}, {}, {}, { type: 'Mortal', value: { period: 64, phase: 42 } }, 5, {}, 7n])
    expect(call).toEqual({ type: 'Balances', value: { type: 'transfer_allow_death', value: { dest: { type: 'Id', value: BOB }, value: 12345n } } })

    const payload = u8aConcat(demoRuntime.RuntimeCall.enc(call), Extra.enc(extra), Additional.enc([undefined, 224, 1, genesisHash, blockHash, undefined, undefined, undefined]))
    expect(signature.type).toBe('Sr25519')
    expect(sr25519Verify(payload, signature.value, alice.publicKey)).toBe(true)
  })
})
