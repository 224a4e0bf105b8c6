// Compatibility: every storage item, call, runtime API and RPC method src/chain (and so the app) relies on is listed in
// internal/uses.ts (proved by scanning the source), and exists with the listed shape in subtensor's spec-224 metadata and in our devnet;
// items newer than spec 224 cite subtensor.md (spec 425), and the devnet is checked against the quote.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import ts from 'typescript'
import type { ApiPromise } from '@polkadot/api'
import { Metadata, TypeRegistry } from '@polkadot/types'
import type { PalletMetadataLatest } from '@polkadot/types/interfaces'
import type { Registry } from '@polkadot/types/types'
import { stringCamelCase } from '@polkadot/util'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { CALLS, PALLETS, RPC, RUNTIME_APIS, STORAGE, type Citation } from './internal/uses.ts'
import { startTestChain, type TestChain } from './testing/devnet.ts'

const ROOT = new URL('../..', import.meta.url).pathname
const SRC = join(ROOT, 'src')
/** Fixtures copied from ../shared/reference (a fresh clone needs nothing beside it); checked against the originals where they exist. */
const SPEC224_HEX = join(ROOT, 'fixtures/subtensor-metadata-spec224.hex')
const SUBTENSOR_MD = join(ROOT, 'fixtures/subtensor.md')
const SHARED = join(ROOT, '../shared/reference')

// ── 1. What the source uses ──────────────────────────────────────────────────────────────────────────────────────────────────────────

type Kind = 'storage' | 'call' | 'runtimeApi' | 'rpc'
/** `key` is `section.method` in @polkadot/api's camelCase (`subtensorModule.addStakeLimit`), or the JSON-RPC method name. */
type Use = { kind: Kind; key: string; file: string; path: string; line: number; text: string }

/** Where the source reaches the chain: the scanned folders (tests excluded). */
const SCANNED = ['chain', 'app', 'wallet']
/** `api.query|tx|call|rpc` on an identifier named `api` (or `…Api`): the convention src/chain keeps. */
const API_NAME = /^(api|\w+Api)$/
const NAMESPACES: Record<string, Kind> = { query: 'storage', tx: 'call', call: 'runtimeApi', rpc: 'rpc' }
/** Helpers in internal/read.ts that take the section and item as string arguments: their call sites are scanned instead of their bodies
 * (and `storagesAt`, whose reads are a list of [section, item, …keys]: see the scan below). */
const FORWARDERS: Record<string, { kind: Kind; section: number; method: number }> = {
  storageAt: { kind: 'storage', section: 2, method: 3 },
  runtimeCall: { kind: 'runtimeApi', section: 1, method: 2 },
  runtimeCallBytes: { kind: 'runtimeApi', section: 1, method: 2 },
  hasRuntimeCall: { kind: 'runtimeApi', section: 1, method: 2 },
}
/** What @polkadot/api does on the wire when the source does these (read from @polkadot/api 16.5.6: base/Init.js, base/Decorate.js, submittable/createClass.js, api-derive/tx/signingInfo.js). */
const IMPLIED: Record<string, Array<[Kind, string]>> = {
  'new ApiPromise': [
    ['rpc', 'chain_getBlockHash'],
    ['rpc', 'state_getRuntimeVersion'],
    ['rpc', 'system_chain'],
    ['rpc', 'system_properties'],
    ['rpc', 'rpc_methods'],
    ['rpc', 'state_getMetadata'],
    ['rpc', 'state_subscribeRuntimeVersion'],
    ['rpc', 'state_call'],
    ['runtimeApi', 'metadata.metadataVersions'],
    ['runtimeApi', 'metadata.metadataAtVersion'],
  ],
  storageAt: [
    ['rpc', 'state_getStorage'],
    ['rpc', 'chain_getHeader'],
    ['rpc', 'state_getRuntimeVersion'],
  ],
  storagesAt: [
    ['rpc', 'state_queryStorageAt'],
    ['rpc', 'chain_getHeader'],
    ['rpc', 'state_getRuntimeVersion'],
  ],
  'storage query without a block': [['rpc', 'state_subscribeStorage']],
  paymentInfo: [
    ['rpc', 'state_call'],
    ['runtimeApi', 'transactionPaymentApi.queryInfo'],
  ],
  signAndSend: [
    ['rpc', 'author_submitAndWatchExtrinsic'],
    ['rpc', 'chain_getHeader'],
    ['rpc', 'chain_getFinalizedHead'],
    ['rpc', 'state_call'],
    ['runtimeApi', 'accountNonceApi.accountNonce'],
  ],
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.tsx?$/.test(name) && !/\.(test|spec)\.tsx?$/.test(name) ? [path] : []
  })
}

type Ref = { ns: Kind; section?: string; method?: string }

function unwrap(e: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isNonNullExpression(e) || ts.isTypeAssertionExpression(e) || ts.isSatisfiesExpression(e)) e = e.expression
  return e
}

/** The string values an expression can take: a literal, or an identifier declared with a literal or a union of literal types. */
function literals(e: ts.Expression): string[] | undefined {
  e = unwrap(e)
  if (ts.isStringLiteralLike(e)) return [e.text]
  if (!ts.isIdentifier(e)) return undefined
  for (let scope: ts.Node | undefined = e.parent; scope; scope = scope.parent) {
    if (!ts.isFunctionLike(scope)) continue
    const param = scope.parameters.find((p) => ts.isIdentifier(p.name) && p.name.text === e.text)
    if (!param) continue
    const type = param.type
    const members = type && ts.isUnionTypeNode(type) ? type.types : type ? [type] : []
    const values = members.map((t) => (ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal) ? t.literal.text : undefined))
    return values.length > 0 && values.every((v) => v !== undefined) ? (values as string[]) : undefined
  }
  return undefined
}

/** The name of the function a node is in: `function f` or `const f = (…) => …`. */
function enclosingFunctionName(node: ts.Node): string | undefined {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (ts.isFunctionDeclaration(n)) return n.name?.text
    if ((ts.isArrowFunction(n) || ts.isFunctionExpression(n)) && ts.isVariableDeclaration(n.parent) && ts.isIdentifier(n.parent.name)) return n.parent.name.text
  }
  return undefined
}

function scanFile(path: string): { uses: Use[]; problems: string[] } {
  const text = readFileSync(path, 'utf8')
  const sf = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, path.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS)
  const file = relative(SRC, path).replace(/\.tsx?$/, '')
  const uses: Use[] = []
  const problems = new Set<string>()
  const where = (node: ts.Node) => `${relative(ROOT, path)}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}`
  const use = (kind: Kind, key: string, node: ts.Node) => uses.push({ kind, key, file, path: relative(ROOT, path), line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: node.getText().slice(0, 80) })
  const aliases = new Map<string, Ref[]>()

  // refs: what an expression names under api.query/tx/call/rpc (several when a computed key is a union of literals)
  const resolve = (expr: ts.Expression): Ref[] | undefined => {
    const e = unwrap(expr)
    if (ts.isIdentifier(e)) return aliases.get(e.text)
    if (!ts.isPropertyAccessExpression(e) && !ts.isElementAccessExpression(e)) return undefined
    const base = resolve(e.expression)
    let names: string[] | undefined
    if (ts.isPropertyAccessExpression(e)) names = [e.name.text]
    else names = literals(e.argumentExpression)
    if (!base) {
      const root = unwrap(e.expression)
      return ts.isIdentifier(root) && API_NAME.test(root.text) && names?.length === 1 && Object.hasOwn(NAMESPACES, names[0]!) ? [{ ns: NAMESPACES[names[0]!]! }] : undefined
    }
    if (base.every((r) => r.method)) return base // deeper: `.at`, `.meta`, …
    if (!names) {
      const fn = enclosingFunctionName(e)
      if (!(fn && (Object.hasOwn(FORWARDERS, fn) || fn === 'storagesAt'))) problems.add(`${where(e)}: \`${e.getText()}\` reaches the chain through a key the scan cannot read; use a string literal (or a parameter typed as a union of literals)`)
      return undefined
    }
    return base.flatMap((r) => names!.map((n) => (r.section === undefined ? { ...r, section: n } : { ...r, method: n })))
  }
  const record = (refs: Ref[], node: ts.Node) => {
    for (const r of refs) use(r.ns, r.ns === 'rpc' ? `${r.section}_${r.method}` : `${r.section}.${r.method}`, node)
  }

  // aliases first: `const tx = api.tx as any`, `const balances = (api.tx as Untyped).balances`
  const collect = (node: ts.Node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
      const refs = resolve(node.initializer)
      if (refs) aliases.set(node.name.text, refs)
    }
    ts.forEachChild(node, collect)
  }
  collect(sf)

  const visit = (node: ts.Node) => {
    if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
      const refs = resolve(node)
      const before = resolve(node.expression)
      if (refs && refs.every((r) => r.method) && !(before && before.every((r) => r.method))) {
        record(refs, node)
        // `api.query.x.y(…)` called without `.at(hash)` subscribes
        if (refs[0]!.ns === 'storage' && ts.isCallExpression(node.parent) && node.parent.expression === node) for (const [k, key] of IMPLIED['storage query without a block']!) use(k, key, node)
      }
    }
    if (ts.isCallExpression(node)) {
      const callee = unwrap(node.expression)
      // api.rpc('dev_newBlock', …)
      const refs = resolve(callee)
      if (refs && refs.length === 1 && refs[0]!.ns === 'rpc' && refs[0]!.section === undefined) {
        const method = node.arguments[0] && literals(node.arguments[0])
        if (method) method.forEach((m) => use('rpc', m, node))
        else problems.add(`${where(node)}: a raw \`api.rpc(…)\` call whose method the scan cannot read`)
      }
      if (ts.isIdentifier(callee) && Object.hasOwn(FORWARDERS, callee.text)) {
        const f = FORWARDERS[callee.text]!
        const sections = node.arguments[f.section] && literals(node.arguments[f.section]!)
        const methods = node.arguments[f.method] && literals(node.arguments[f.method]!)
        if (!sections || !methods) problems.add(`${where(node)}: \`${callee.text}\` with a section or item the scan cannot read; pass string literals`)
        else for (const s of sections) for (const m of methods) use(f.kind, `${s}.${m}`, node)
        for (const [k, key] of IMPLIED[callee.text] ?? []) use(k, key, node)
      }
      // storagesAt(api, hash, [['section', 'item', …keys], …]): each read's section and item
      if (ts.isIdentifier(callee) && callee.text === 'storagesAt') {
        const list = node.arguments[2]
        const reads = list && ts.isArrayLiteralExpression(list) ? list.elements : undefined
        if (!reads) problems.add(`${where(node)}: \`storagesAt\` with reads the scan cannot read; pass an array literal`)
        for (const read of reads ?? []) {
          const [section, item] = ts.isArrayLiteralExpression(read) ? read.elements : []
          const sections = section && literals(section)
          const items = item && literals(item)
          if (!sections || !items) problems.add(`${where(read)}: a \`storagesAt\` read whose section or item the scan cannot read; pass string literals`)
          else for (const s of sections) for (const m of items) use('storage', `${s}.${m}`, read)
        }
        for (const [k, key] of IMPLIED.storagesAt!) use(k, key, node)
      }
      if (ts.isPropertyAccessExpression(callee) && ['paymentInfo', 'signAndSend'].includes(callee.name.text)) for (const [k, key] of IMPLIED[callee.name.text]!) use(k, key, node)
    }
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'ApiPromise') for (const [k, key] of IMPLIED['new ApiPromise']!) use(k, key, node)
    ts.forEachChild(node, visit)
  }
  visit(sf)
  return { uses, problems: [...problems] }
}

function scanSource(): { uses: Use[]; problems: string[] } {
  const results = SCANNED.map((dir) => join(SRC, dir))
    .filter(existsSync)
    .flatMap(sourceFiles)
    .map(scanFile)
  return { uses: results.flatMap((r) => r.uses), problems: results.flatMap((r) => r.problems) }
}

/** The manifest keyed as the scan keys uses. */
const MANIFEST: Array<{ kind: Kind; key: string; label: string; by: string[] }> = [
  ...STORAGE.map((s) => ({ kind: 'storage' as const, key: `${stringCamelCase(s.pallet)}.${stringCamelCase(s.name)}`, label: `storage ${s.pallet}.${s.name}`, by: s.by })),
  ...CALLS.map((c) => ({ kind: 'call' as const, key: `${stringCamelCase(c.pallet)}.${stringCamelCase(c.name)}`, label: `call ${c.pallet}.${c.name}`, by: c.by })),
  ...RUNTIME_APIS.map((a) => ({ kind: 'runtimeApi' as const, key: `${stringCamelCase(a.api)}.${stringCamelCase(a.method)}`, label: `runtime API ${a.api}_${a.method}`, by: a.by })),
  ...RPC.map((r) => ({ kind: 'rpc' as const, key: r.method, label: `RPC ${r.method}`, by: r.by })),
]
const LIST_NAME: Record<Kind, string> = { storage: 'STORAGE', call: 'CALLS', runtimeApi: 'RUNTIME_APIS', rpc: 'RPC' }

describe('internal/uses.ts lists everything the source uses', () => {
  const { uses, problems } = scanSource()

  test('the scan finds the uses it is meant to find (the scanner itself works)', () => {
    const keys = new Set(uses.map((u) => `${u.kind} ${u.key}`))
    for (const k of ['call subtensorModule.addStakeLimit', 'call balances.transferKeepAlive', 'call sudo.sudo', 'storage system.account', 'storage timestamp.now', 'runtimeApi subnetInfoRuntimeApi.getMetagraph', 'rpc chain_subscribeFinalizedHeads', 'rpc dev_newBlock', 'rpc author_submitAndWatchExtrinsic'])
      expect(keys, k).toContain(k)
  })

  test('every access to the chain is one the scan can read', () => {
    expect(problems).toEqual([])
  })

  test('every used item is in the manifest, used by the files it names, and nothing listed is unused', () => {
    const listed = new Map(MANIFEST.map((m) => [`${m.kind} ${m.key}`, m]))
    const missing = new Map<string, Use[]>()
    const files = new Map<string, Set<string>>()
    for (const u of uses) {
      const id = `${u.kind} ${u.key}`
      if (!listed.has(id)) missing.set(id, [...(missing.get(id) ?? []), u])
      files.set(id, (files.get(id) ?? new Set()).add(u.file))
    }
    const messages = [
      ...[...missing].map(([id, at]) => {
        const kind = id.split(' ')[0] as Kind
        return `${id} is used but not in uses.ts ${LIST_NAME[kind]}: ${at.map((u) => `${u.path}:${u.line} \`${u.text}\``).join('; ')}`
      }),
      ...MANIFEST.filter((m) => !files.has(`${m.kind} ${m.key}`)).map((m) => `${m.label} is in uses.ts but nothing in src/{${SCANNED.join(',')}} uses it any more: remove it`),
      ...MANIFEST.filter((m) => files.has(`${m.kind} ${m.key}`))
        .map((m) => ({ m, found: [...files.get(`${m.kind} ${m.key}`)!].sort() }))
        .filter(({ m, found }) => JSON.stringify([...m.by].sort()) !== JSON.stringify(found))
        .map(({ m, found }) => `${m.label}: \`by\` says ${JSON.stringify([...m.by].sort())}, the source says ${JSON.stringify(found)}`),
    ]
    expect(messages).toEqual([])
  })
})

// ── 2. Shapes: spec 224 and our devnet ──────────────────────────────────────────────────────────────────────────────────────────────

type Side = { name: string; registry: Registry; pallets: PalletMetadataLatest[]; apis: Array<{ name: string; methods: Array<{ name: string; inputs: Array<[string, number]>; output: number }> }> | undefined }

function side(name: string, registry: Registry, metadata: Metadata): Side {
  const latest = metadata.asLatest
  const v15 = metadata.version >= 15 ? metadata.asV15 : undefined
  return {
    name,
    registry,
    pallets: [...latest.pallets],
    apis: v15?.apis.map((a) => ({
      name: a.name.toString(),
      methods: a.methods.map((m) => ({ name: m.name.toString(), inputs: m.inputs.map((i) => [i.name.toString(), i.type.toNumber()] as [string, number]), output: m.output.toNumber() })),
    })),
  }
}

function loadSpec224(): Side {
  const registry = new TypeRegistry()
  const metadata = new Metadata(registry, readFileSync(SPEC224_HEX, 'utf8').trim() as `0x${string}`)
  registry.setMetadata(metadata)
  return side('spec 224', registry, metadata)
}

/** A type as polkadot-js renders it: primitives and tuples spelled out, named types by name, anonymous structs as JSON. */
const render = (s: Side, id: number | { toNumber(): number }) => s.registry.lookup.getTypeDef(typeof id === 'number' ? id : id.toNumber()).type
const pallet = (s: Side, name: string) => s.pallets.find((p) => p.name.toString() === name)

function storageShape(s: Side, palletName: string, name: string) {
  const item = pallet(s, palletName)
    ?.storage.unwrapOr(undefined)
    ?.items.find((i) => i.name.toString() === name)
  if (!item) return undefined
  const map = item.type.isMap ? item.type.asMap : undefined
  return {
    modifier: item.modifier.toString(),
    hashers: map ? map.hashers.map((h) => h.toString()) : [],
    key: map ? render(s, map.key) : null,
    value: render(s, map ? map.value : item.type.asPlain),
  }
}

function callShape(s: Side, palletName: string, name: string) {
  const calls = pallet(s, palletName)?.calls.unwrapOr(undefined)
  const variant = calls && s.registry.lookup.getSiType(calls.type.toNumber()).def.asVariant.variants.find((v) => v.name.toString() === name)
  return variant && { index: variant.index.toNumber(), args: variant.fields.map((f) => [f.name.unwrapOr('').toString(), render(s, f.type)]) }
}

function apiShape(s: Side, apiName: string, method: string) {
  const m = s.apis?.find((a) => a.name === apiName)?.methods.find((x) => x.name === method)
  return m && { params: m.inputs.map(([n, t]) => [n, render(s, t)]), result: render(s, m.output), output: m.output }
}

/** Follows `a.b.c` through a type: Option, Vec, arrays and Compact are looked through; struct fields are matched in camelCase. */
function hasField(s: Side, id: number, path: string[]): boolean {
  let si = s.registry.lookup.getSiType(id)
  for (;;) {
    const d = si.def
    if (d.isSequence) si = s.registry.lookup.getSiType(d.asSequence.type.toNumber())
    else if (d.isArray) si = s.registry.lookup.getSiType(d.asArray.type.toNumber())
    else if (d.isCompact) si = s.registry.lookup.getSiType(d.asCompact.type.toNumber())
    else if (d.isVariant && si.path.map(String).join('::') === 'Option') si = s.registry.lookup.getSiType(d.asVariant.variants.find((v) => v.name.toString() === 'Some')!.fields[0]!.type.toNumber())
    else break
  }
  if (path.length === 0) return true
  if (!si.def.isComposite) return false
  const field = si.def.asComposite.fields.find((f) => stringCamelCase(f.name.unwrapOr('').toString()) === path[0])
  return field !== undefined && hasField(s, field.type.toNumber(), path.slice(1))
}

const spec224 = loadSpec224()
let chain: TestChain
let api: ApiPromise
let devnet: Side
let rpcMethods: Set<string>

beforeAll(async () => {
  chain = await startTestChain()
  api = await chain.client.api
  devnet = side('devnet', api.registry, api.runtimeMetadata)
  rpcMethods = new Set((await api.rpc.rpc.methods()).methods.map(String))
}, 15_000)
afterAll(() => chain?.close())

describe('the fixtures are the shared reference', () => {
  test.each([['subtensor-metadata-spec224.hex', SPEC224_HEX], ['subtensor.md', SUBTENSOR_MD]])('fixtures/%s is ../shared/reference’s copy', (name, path) => {
    const original = join(SHARED, name)
    if (!existsSync(original)) return // a clone without ../shared: the fixture stands alone
    expect(readFileSync(path, 'utf8') === readFileSync(original, 'utf8'), `fixtures/${name} differs from ${original}: copy it again`).toBe(true)
  })
})

describe('pallets', () => {
  test.each(Object.entries(PALLETS))('%s is at index %i in spec 224 and in the devnet', (name, index) => {
    expect(pallet(spec224, name)?.index.toNumber(), `spec 224 ${name}`).toBe(index)
    expect(pallet(devnet, name)?.index.toNumber(), `devnet ${name}`).toBe(index)
  })
})

describe('storage', () => {
  test.each(STORAGE.map((s) => [`${s.pallet}.${s.name}`, s] as const))('%s: hashers, key and value as listed, in spec 224 and the devnet', (_, s) => {
    const listed = { modifier: s.modifier, hashers: s.hashers, key: s.key, value: s.value }
    const old = storageShape(spec224, s.pallet, s.name)
    if (!s.since) {
      expect(old, `${s.pallet}.${s.name} is not in spec 224: cite subtensor.md in its \`since\``).toBeDefined()
      expect(old, `spec 224 ${s.pallet}.${s.name}`).toEqual(listed)
    } else expect(old, `${s.pallet}.${s.name} is in spec 224 unchanged: drop its \`since\``).not.toEqual(listed)
    expect(storageShape(devnet, s.pallet, s.name), `devnet ${s.pallet}.${s.name}`).toEqual(listed)
    expect(typeof (api.query as never as Record<string, Record<string, unknown>>)[stringCamelCase(s.pallet)]?.[stringCamelCase(s.name)], `api.query for ${s.pallet}.${s.name}`).toBe('function')
  })
})

describe('calls', () => {
  test.each(CALLS.map((c) => [`${c.pallet}.${c.name}`, c] as const))('%s: index and arguments as listed, in spec 224 (or subtensor.md) and the devnet', (_, c) => {
    const listed = { index: c.index, args: c.args }
    const old = callShape(spec224, c.pallet, c.name)
    if (!c.since) {
      expect(old, `${c.pallet}.${c.name} is not in spec 224: cite subtensor.md in its \`since\``).toBeDefined()
      expect(old, `spec 224 ${c.pallet}.${c.name}`).toEqual(listed)
    } else expect(old, `${c.pallet}.${c.name} is in spec 224 unchanged: drop its \`since\``).not.toEqual(listed)
    expect(callShape(devnet, c.pallet, c.name), `devnet ${c.pallet}.${c.name}`).toEqual(listed)
  })
})

describe('runtime APIs', () => {
  test('spec 224’s metadata (V14) lists no runtime APIs, so each subtensor API the client calls cites subtensor.md', () => {
    expect(spec224.apis).toBeUndefined()
    const uncited = RUNTIME_APIS.filter((a) => !a.since && !a.standard).map((a) => `${a.api}_${a.method}`)
    expect(uncited).toEqual([])
  })

  test.each(RUNTIME_APIS.map((a) => [`${a.api}_${a.method}`, a] as const))('%s: parameters, result and the fields decoders read, in the devnet', (_, a) => {
    const ours = apiShape(devnet, a.api, a.method)
    expect(ours, `the devnet has no ${a.api}_${a.method}`).toBeDefined()
    expect({ params: ours!.params, result: ours!.result }).toEqual({ params: a.params, result: a.result })
    const missing = (a.reads ?? []).filter((path) => !hasField(devnet, ours!.output, path.split('.')))
    expect(missing, `fields of ${a.result} the decoders read`).toEqual([])
    // what runtimeCall uses: @polkadot/api's decoration of the same method
    const decorated = (api.call as never as Record<string, Record<string, { meta: { name: string; params: Array<{ name: string; type: string }>; type: string } }>>)[stringCamelCase(a.api)]?.[stringCamelCase(a.method)]
    expect(decorated?.meta.name).toBe(`${a.api}_${a.method}`)
  })
})

describe('RPC', () => {
  test.each(RPC.map((r) => [r.method, r] as const))('%s is served by the devnet', (method) => {
    expect(rpcMethods.has(method), `rpc_methods lacks ${method}`).toBe(true)
  })
})

// ── 3. Items newer than spec 224: the citation is real, and the devnet matches it ─────────────────────────────────────────────────

const doc = readFileSync(SUBTENSOR_MD, 'utf8')
const squash = (s: string) => s.replace(/\s+/g, ' ').trim()

/** The text under a heading (to the next heading), whitespace squashed. */
function section(heading: string): string | undefined {
  const lines = doc.split('\n')
  const start = lines.findIndex((l) => l.trim() === heading)
  if (start < 0) return undefined
  const end = lines.findIndex((l, i) => i > start && /^#{1,6} /.test(l))
  return squash(lines.slice(start + 1, end < 0 ? undefined : end).join('\n'))
}

/** `name(a, b: T) [12]` → its name, argument names (undefined when the quote gives none) and call index. */
function parseQuote(quote: string): { name: string; args: string[] | undefined; index: number | undefined } {
  const m = /`(\w+)(?:\(([^)]*)\))?[^`]*`?(?:\s*\[(\d+)\])?/.exec(quote)
  if (!m) throw new Error(`cannot read a name from the quote ${quote}`)
  const args = m[2] === undefined ? undefined : m[2].trim() === '' ? [] : m[2].split(',').map((a) => a.split(':')[0]!.trim())
  return { name: m[1]!, args, index: m[3] === undefined ? undefined : Number(m[3]) }
}

const cited: Array<[string, Citation, () => void]> = [
  ...STORAGE.filter((s) => s.since).map((s) => [`storage ${s.pallet}.${s.name}`, s.since!, () => expect(s.since!.quote).toContain(`\`${s.name}`)] as [string, Citation, () => void]),
  ...CALLS.filter((c) => c.since).map((c) => [
    `call ${c.pallet}.${c.name}`,
    c.since!,
    () => {
      const q = parseQuote(c.since!.quote)
      const ours = callShape(devnet, c.pallet, c.name)
      expect(q.name).toBe(c.name)
      expect(ours?.index, `devnet ${c.name} index against subtensor.md`).toBe(q.index)
      expect(ours?.args.map(([n]) => n), `devnet ${c.name} argument names against subtensor.md`).toEqual(q.args)
    },
  ] as [string, Citation, () => void]),
  ...RUNTIME_APIS.filter((a) => a.since).map((a) => [
    `runtime API ${a.api}_${a.method}`,
    a.since!,
    () => {
      const q = parseQuote(a.since!.quote)
      expect(q.name.replace(`${a.api}_`, ''), 'method name').toBe(a.method)
      const ours = apiShape(devnet, a.api, a.method)!.params.map(([n]) => n as string)
      if (q.args === undefined) return // the reference names the method without its parameters
      expect(ours.length, `devnet ${a.method} parameter count against subtensor.md`).toBe(q.args.length)
      // runtime-API parameters are positional in SCALE; subtensor.md sometimes abbreviates them (`coldkey` for `coldkey_account`) or gives a type
      q.args.forEach((d, i) => {
        if (/^[A-Z]|</.test(d)) return
        expect(ours[i] === d || ours[i]!.startsWith(`${d}_`), `devnet ${a.method} parameter ${i} is ${ours[i]}, subtensor.md says ${d}`).toBe(true)
      })
    },
  ] as [string, Citation, () => void]),
]

describe('newer than spec 224: cited from subtensor.md, and the devnet matches the citation', () => {
  test.each(cited)('%s', (_, since, check) => {
    const text = section(since.heading)
    expect(text, `subtensor.md has no heading ${since.heading}`).toBeDefined()
    expect(text!.includes(squash(since.quote)), `subtensor.md ${since.heading} does not say ${since.quote}`).toBe(true)
    check()
  })
})
