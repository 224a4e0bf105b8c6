// worst case: a full subnet — 256 UIDs — from request to leaderboard rows in the DOM, in real Chromium against an in-process devnet.
// Goal: ≤ 100 ms with the one-call runtime API (SubnetInfoRuntimeApi.get_metagraph, src/chain/actions/getMetagraph.ts). Baseline in the
// same run: the per-item storage reads a client without that API makes (SubnetworkN, Keys, Owner, TotalHotkeyAlpha, Incentive, Consensus,
// Dividends, ValidatorTrust, Emission, ValidatorPermit, Active, LastUpdate, BlockAtRegistration, Axons, ImmunityPeriod, TokenSymbol),
// rendered by the same Leaderboard (src/app/routes/subnet/Leaderboard.tsx). Exits 1 only when the two paths disagree on the rows.
import { createServer, type Server } from 'node:http'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { extname, join } from 'node:path'
import type { AddressInfo } from 'node:net'
import { build } from 'vite'
import react from '@vitejs/plugin-react'
import { chromium } from '@playwright/test'
import { setupSubnet, startTestChain } from '../src/chain/testing/devnet.ts'
import { prepareTransaction } from '../src/chain/internal/transaction.ts'

const root = new URL('..', import.meta.url).pathname
const UIDS = 256
const WARMUP = 3
const RUNS = Number(process.env.RUNS ?? 30)
const GOAL_MS = 100
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium'
/** PROFILE=1: also record a Chromium CPU profile (CDP Profiler) over extra runtime-API runs and print the top self-time functions. */
const PROFILE = Boolean(process.env.PROFILE)
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
const deadline = setTimeout(() => {
  console.error('metagraph-load: gave up after 5 minutes')
  process.exit(2)
}, 300_000)
deadline.unref()

// The bench page: the real chain client and the real Leaderboard, timed from the request to the first row in the DOM.
const PAGE = `
import { createRoot } from 'react-dom/client'
import { createChainClient } from '../../src/chain/client.ts'
import { getMetagraph, type MetagraphRow } from '../../src/chain/actions/getMetagraph.ts'
import { readAt, big, bool, num, str, text, fraction, type Untyped } from '../../src/chain/internal/read.ts'
import { decodeAxon } from '../../src/chain/internal/decode.ts'
import { Leaderboard } from '../../src/app/routes/subnet/Leaderboard.tsx'
import '../../src/app/styles.css'

const params = new URLSearchParams(location.search)
const client = createChainClient({ url: params.get('ws')! })
const netuid = Number(params.get('netuid'))
/** When the last getBlockHash and state_call requests went out and their answers came back (wrapped below, for the breakdown). */
const spans: Record<'hash' | 'call', [number, number] | undefined> = { hash: undefined, call: undefined }
const timed = (section: Untyped, method: string, span: 'hash' | 'call') => {
  const original = section[method]
  Object.defineProperty(section, method, {
    configurable: true,
    value: (...args: unknown[]) => {
      const start = performance.now()
      return original(...args).then((value: unknown) => ((spans[span] = [start, performance.now()]), value))
    },
  })
}
const ready = client.api.then((api) => {
  timed(api.rpc.chain, 'getBlockHash', 'hash')
  timed(api.rpc.state, 'call', 'call')
  return true
})
type Loaded = { rows: MetagraphRow[]; block: number; symbol: string }

async function viaRuntimeApi(): Promise<Loaded> {
  const { subnet, neurons } = await getMetagraph(client, { netuid, at: 'best' })
  return { rows: neurons, block: subnet.block, symbol: subnet.symbol }
}

/** What a client without SubnetInfoRuntimeApi does: every column from its own storage item, at one block. */
async function viaStorage(): Promise<Loaded> {
  const { api, hash } = await readAt(client, 'best')
  const at = await api.at(hash)
  const s = (at.query as Untyped).subtensorModule
  const [header, keys, incentive, consensus, dividends, vtrust, emission, permits, active, lastUpdate, registered, immunity, symbol] = await Promise.all([
    api.rpc.chain.getHeader(hash),
    s.keys.entries(netuid),
    s.incentive(netuid),
    s.consensus(netuid),
    s.dividends(netuid),
    s.validatorTrust(netuid),
    s.emission(netuid),
    s.validatorPermit(netuid),
    s.active(netuid),
    s.lastUpdate(netuid),
    s.blockAtRegistration.entries(netuid),
    s.immunityPeriod(netuid),
    s.tokenSymbol(netuid),
  ])
  const hotkeys: string[] = []
  for (const [key, value] of keys) hotkeys[num(key.args[1])] = str(value)
  const registeredAt: number[] = []
  for (const [key, value] of registered) registeredAt[num(key.args[1])] = num(value)
  const [owners, alpha, rootStake, axons] = await Promise.all([
    s.owner.multi(hotkeys),
    s.totalHotkeyAlpha.multi(hotkeys.map((h) => [h, netuid])),
    s.totalHotkeyAlpha.multi(hotkeys.map((h) => [h, 0])),
    s.axons.multi(hotkeys.map((h) => [netuid, h])),
  ])
  const block = header.number.toNumber()
  const period = num(immunity)
  const rows: MetagraphRow[] = hotkeys.map((hotkey, uid) => {
    const updated = num(lastUpdate[uid])
    const reg = registeredAt[uid] ?? 0
    return {
      uid,
      hotkey,
      coldkey: str(owners[uid]),
      alphaStake: big(alpha[uid]),
      taoStake: big(rootStake[uid]),
      totalStake: big(alpha[uid]) + big(rootStake[uid]),
      incentive: fraction(incentive[uid]),
      consensus: fraction(consensus[uid]),
      dividends: fraction(dividends[uid]),
      validatorTrust: fraction(vtrust[uid]),
      emission: big(emission[uid]),
      alphaDividends: 0n,
      validatorPermit: bool(permits[uid]),
      active: bool(active[uid]),
      lastUpdate: updated,
      blocksSinceUpdate: Math.max(0, block - updated),
      blockAtRegistration: reg,
      immunityLeft: Math.max(0, reg + period - block),
      axon: axons[uid].isSome ? decodeAxon(axons[uid].unwrap()) : undefined,
    }
  })
  return { rows, block, symbol: text(symbol) }
}

let previous: { unmount(): void; el: HTMLElement } | undefined
async function run(kind: 'runtime' | 'storage') {
  previous?.unmount()
  previous?.el.remove()
  const el = document.createElement('div')
  document.getElementById('root')!.append(el)
  const shown = new Promise<void>((resolve) => {
    const observer = new MutationObserver(() => {
      if (el.querySelector('tr[aria-rowindex]')) {
        observer.disconnect()
        resolve()
      }
    })
    observer.observe(el, { childList: true, subtree: true })
  })
  spans.hash = spans.call = undefined
  const t0 = performance.now()
  const data = kind === 'runtime' ? await viaRuntimeApi() : await viaStorage()
  const t1 = performance.now()
  const reactRoot = createRoot(el)
  reactRoot.render(<Leaderboard neurons={data.rows} block={data.block} symbol={data.symbol} />)
  await shown
  const t2 = performance.now()
  previous = { unmount: () => reactRoot.unmount(), el }
  const rows = data.rows.map((r) => [r.uid, r.hotkey, r.coldkey, String(r.alphaStake), String(r.taoStake), r.active, r.validatorPermit, r.lastUpdate, r.blockAtRegistration, r.immunityLeft].join(' '))
  // the runtime path's parts: before the state_call goes out (block hash), the state_call round trip, decoding after it (@polkadot/types + rows)
  const call = kind === 'runtime' ? spans.call : undefined
  const parts = call ? { before: call[0] - t0, call: call[1] - call[0], decode: t1 - call[1] } : undefined
  return { total: t2 - t1 + (t1 - t0), load: t1 - t0, render: t2 - t1, parts, block: data.block, uids: data.rows.length, domRows: el.querySelectorAll('tr[aria-rowindex]').length, rows }
}

/** The runtime call's round trip alone (the node computing the Metagraph, and the bytes over the socket), undecoded. */
async function roundTrip() {
  const { api, hash } = await readAt(client, 'best')
  const t0 = performance.now()
  await api.rpc.state.call('SubnetInfoRuntimeApi_get_metagraph', api.registry.createType('Raw', api.registry.createType('u16', netuid).toU8a()), hash)
  return performance.now() - t0
}

;(window as Untyped).bench = { run, roundTrip, ready }
`

type Sample = { total: number; load: number; render: number; parts?: { before: number; call: number; decode: number }; block: number; uids: number; domRows: number; rows: string[] }
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!
}
const ms = (x: number) => `${x.toFixed(1)} ms`

const MIME: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.map': 'application/json' }
function serve(dir: string): Promise<Server> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x').pathname
    const path = url === '/' ? '/index.html' : url
    try {
      const body = readFileSync(join(dir, path))
      res.writeHead(200, { 'content-type': MIME[extname(path)] ?? 'application/octet-stream' }).end(body)
    } catch {
      res.writeHead(404).end()
    }
  })
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)))
}

const tmp = mkdtempSync(join(root, 'bench', '.baseline-metagraph-'))
const chain = await startTestChain()
let server: Server | undefined
let browser: Awaited<ReturnType<typeof chromium.launch>> | undefined
let failed = false
try {
  // 1. a subnet with 256 UIDs: the owner's UID 0, then 255 burned registrations in Utility.batch_all, with the burn capped by sudo
  const started = performance.now()
  const { netuid } = await setupSubnet(chain, chain.alice, { name: 'bench', hotkeys: 0 })
  const api = await chain.client.api
  const tx = api.tx as never as Record<string, Record<string, (...args: unknown[]) => never>>
  const send = (call: never, name: string) => prepareTransaction(chain.client, api, { pallet: 'Utility', name, args: {} }, call).send(chain.alice, { waitFor: 'inBlock' })
  await send(tx.sudo!.sudo!(tx.adminUtils!.sudoSetMaxBurn!(netuid, 200_000_000n)), 'sudo')
  const hotkeys = Array.from({ length: UIDS - 1 }, (_, i) => chain.keyring.addFromUri(`//bench//hot//${i + 1}`).address)
  for (let i = 0; i < hotkeys.length; i += 64) await send(tx.utility!.batchAll!(hotkeys.slice(i, i + 64).map((h) => tx.subtensorModule!.burnedRegister!(netuid, h))), 'batch_all')
  const n = Number((await (api.query as never as Record<string, Record<string, (x: number) => Promise<unknown>>>).subtensorModule!.subnetworkN!(netuid))!.toString())
  if (n !== UIDS) throw new Error(`subnet ${netuid} has ${n} UIDs, not ${UIDS}`)
  console.log(`devnet: subnet ${netuid} with ${n} UIDs, set up in ${((performance.now() - started) / 1000).toFixed(1)} s`)

  // 2. the bench page, built by Vite from the app's own modules
  writeFileSync(join(tmp, 'index.html'), '<!doctype html><meta charset="utf-8"><div id="root"></div><script type="module" src="./main.tsx"></script>')
  writeFileSync(join(tmp, 'main.tsx'), PAGE)
  await build({ root: tmp, configFile: false, plugins: [react()], logLevel: 'silent', build: { outDir: join(tmp, 'dist'), target: 'es2022', sourcemap: false, minify: !PROFILE } })
  server = await serve(join(tmp, 'dist'))
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
  page.on('pageerror', (e) => console.error('page error:', e.message))
  await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/?ws=${encodeURIComponent(chain.devnet.url)}&netuid=${netuid}`)
  await page.waitForFunction(() => (window as never as { bench?: { ready: Promise<boolean> } }).bench?.ready, undefined, { timeout: 30_000 })
  const version = browser.version()

  // 3. alternate the two paths, each on a freshly sealed block (as the app reads on every new head)
  const samples: Record<'runtime' | 'storage', Sample[]> = { runtime: [], storage: [] }
  for (let i = 0; i < WARMUP + RUNS; i++) {
    for (const kind of i % 2 === 0 ? (['runtime', 'storage'] as const) : (['storage', 'runtime'] as const)) {
      await chain.newBlocks(1)
      const s = await page.evaluate((k) => (window as never as { bench: { run(k: string): Promise<Sample> } }).bench.run(k), kind)
      if (i >= WARMUP) samples[kind].push(s)
    }
  }

  const trips: number[] = []
  for (let i = 0; i < RUNS; i++) {
    await chain.newBlocks(1)
    trips.push(await page.evaluate(() => (window as never as { bench: { roundTrip(): Promise<number> } }).bench.roundTrip()))
  }

  if (PROFILE) {
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 })
    await cdp.send('Profiler.start')
    for (let i = 0; i < RUNS; i++) {
      await chain.newBlocks(1)
      await page.evaluate(() => (window as never as { bench: { run(k: string): Promise<Sample> } }).bench.run('runtime'))
    }
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }>; samples: number[]; timeDeltas: number[] } }
    const self = new Map<number, number>()
    profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000))
    const byName = new Map<string, number>()
    for (const node of profile.nodes) {
      const { functionName, url, lineNumber } = node.callFrame
      const key = `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber + 1}`
      byName.set(key, (byName.get(key) ?? 0) + (self.get(node.id) ?? 0))
    }
    const total = [...byName.values()].reduce((a, b) => a + b, 0)
    console.log(`cpu profile over ${RUNS} runtime-API runs: ${ms(total / RUNS)} sampled per run; top self time per run:`)
    for (const [name, t] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`  ${ms(t / RUNS).padStart(9)}  ${name}`)
  }

  // 4. the two paths must show the same leaderboard at the same block
  const run = (kind: string) => page.evaluate((k) => (window as never as { bench: { run(k: string): Promise<Sample> } }).bench.run(k), kind)
  const a = await run('runtime')
  const b = await run('storage')
  const diff = a.rows.findIndex((r, i) => r !== b.rows[i])
  if (a.uids !== UIDS || b.uids !== UIDS || a.rows.length !== b.rows.length || diff >= 0) {
    failed = true
    console.error(`the runtime API and the storage reads disagree (uids ${a.uids} / ${b.uids})${diff >= 0 ? `, first at row ${diff}:\n  ${a.rows[diff]}\n  ${b.rows[diff]}` : ''}`)
  }

  const line = (name: string, xs: Sample[]) => {
    const total = xs.map((x) => x.total)
    return `${name.padEnd(38)} median ${ms(quantile(total, 0.5)).padStart(9)}  p90 ${ms(quantile(total, 0.9)).padStart(9)}   (load ${ms(quantile(xs.map((x) => x.load), 0.5))}, render ${ms(quantile(xs.map((x) => x.render), 0.5))} median)`
  }
  const median = (k: 'runtime' | 'storage') => quantile(samples[k].map((x) => x.total), 0.5)
  const p90 = (k: 'runtime' | 'storage') => quantile(samples[k].map((x) => x.total), 0.9)
  console.log(`metagraph-load: ${UIDS} UIDs, request → first leaderboard rows in the DOM, real Chromium ${version} (headless), ${RUNS} runs each after ${WARMUP} warm-ups, a new block before each run`)
  console.log(`rows in the DOM at first paint: ${a.domRows} (the table is virtualized) of ${a.uids}`)
  console.log(line('get_metagraph (one runtime call)', samples.runtime))
  const part = (k: 'before' | 'call' | 'decode' | 'render') => samples.runtime.map((x) => (k === 'render' ? x.render : x.parts![k]))
  const split = (k: 'before' | 'call' | 'decode' | 'render') => `${ms(quantile(part(k), 0.5))} / ${ms(quantile(part(k), 0.9))}`
  console.log(`  parts (median / p90): block hash ${split('before')}, state_call ${split('call')}, decode + rows ${split('decode')}, render ${split('render')}`)
  console.log(`  of which the state_call round trip (node computes, bytes on the wire, not decoded): median ${ms(quantile(trips, 0.5))}, p90 ${ms(quantile(trips, 0.9))}`)
  console.log(line('storage reads (16 items, 2 round trips)', samples.storage))
  console.log(`ratio storage / runtime API: median ${(median('storage') / median('runtime')).toFixed(2)}×, p90 ${(p90('storage') / p90('runtime')).toFixed(2)}×`)
  console.log(`goal ≤ ${GOAL_MS} ms (runtime API, median / p90): ${median('runtime') <= GOAL_MS ? 'met' : 'NOT met'} / ${p90('runtime') <= GOAL_MS ? 'met' : 'NOT met'}`)
} finally {
  await browser?.close()
  server?.close()
  await chain.close()
  rmSync(tmp, { recursive: true, force: true })
}
process.exit(failed ? 1 : 0)
