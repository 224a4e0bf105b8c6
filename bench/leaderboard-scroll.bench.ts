// worst case: the leaderboard with 4096 UIDs, scrolled top → bottom → top at a steady fling pace, still and with the rows replaced every second (a new block), in real Chromium.
// Goal: the virtualized table (src/app/routes/subnet/Leaderboard.tsx) keeps frames smooth: p95 frame interval near the display's 16.7 ms, few
// dropped frames, no long tasks from scrolling. Baseline in the same run: the same 4096 rows, same cells, as a plain table (no
// virtualization), scrolled the same way. Prints p50/p95/p99 frame intervals (requestAnimationFrame), dropped frames (the 60 Hz
// frames missed by intervals > 1.5 × 16.7 ms), long tasks (PerformanceObserver 'longtask') and the most rows in the DOM, and the plain / virtualized ratios.
// Exits 1 only when a measured property is broken: the virtualized table holding more than a screenful of rows, or either table not
// showing the last UID at the bottom.
import { createServer, type Server } from 'node:http'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { extname, join } from 'node:path'
import type { AddressInfo } from 'node:net'
import { build } from 'vite'
import react from '@vitejs/plugin-react'
import { chromium } from '@playwright/test'

const root = new URL('..', import.meta.url).pathname
const UIDS = 4096
/** One pass (top → bottom, or back) takes this long whatever the frame rate: the position follows the clock. */
const PASS_SECONDS = Number(process.env.PASS_SECONDS ?? 6)
const FRAME_MS = 1000 / 60
const DROPPED_MS = FRAME_MS * 1.5
/** A screenful (70vh of 900 px at 34 px a row) plus the overscan both ways, with room to spare. */
const MAX_VIRTUAL_ROWS = 80
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium'
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
const deadline = setTimeout(() => {
  console.error('leaderboard-scroll: gave up after 4 minutes')
  process.exit(2)
}, 240_000)
deadline.unref()

// The bench page: the real Leaderboard, and the same rows as a plain table, over deterministic synthetic rows.
const PAGE = `
import { useEffect, useState } from 'react'
import { createRoot } from 'react-dom/client'
import { flushSync } from 'react-dom'
import { encodeAddress } from '@polkadot/util-crypto'
import type { MetagraphRow } from '../../src/chain/actions/getMetagraph.ts'
import { Leaderboard, LeaderboardCells, isStaleValidator } from '../../src/app/routes/subnet/Leaderboard.tsx'
import '../../src/app/styles.css'

const UIDS = ${UIDS}
const SYMBOL = 'β'

/** mulberry32: the same rows on every run. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const keyOf = (rand: () => number) => encodeAddress(Uint8Array.from({ length: 32 }, () => Math.floor(rand() * 256)), 42)
const RAO = 1_000_000_000

/** A mainnet-like subnet at \`block\`: 64 validators holding most stake, ~600 owners, 85% serving, some stale, a few in immunity. */
function makeRows(block: number): MetagraphRow[] {
  const rand = prng(42)
  const owners = Array.from({ length: 600 }, () => keyOf(rand))
  const rows: MetagraphRow[] = []
  for (let uid = 0; uid < UIDS; uid++) {
    const validator = uid % 64 === 0
    const alpha = Math.floor((validator ? 50_000 : 20) * Math.exp(rand() * 4) * RAO)
    const tao = validator ? Math.floor(rand() * 30_000 * RAO) : 0
    const incentive = validator ? 0 : Math.floor(rand() ** 3 * 65535)
    const dividends = validator ? Math.floor(rand() * 65535) : 0
    const lastUpdate = validator && rand() < 0.1 ? block - 1500 - Math.floor(rand() * 5000) : block - Math.floor(rand() * 400)
    const registered = block - Math.floor(rand() ** 2 * 200_000)
    const serving = rand() < 0.85
    rows.push({
      uid,
      hotkey: keyOf(rand),
      coldkey: owners[Math.floor(rand() * owners.length)]!,
      alphaStake: BigInt(alpha),
      taoStake: BigInt(tao),
      totalStake: BigInt(alpha) + BigInt(Math.floor(tao * 0.18)),
      incentive: incentive / 65535,
      consensus: (incentive * 0.9) / 65535,
      dividends: dividends / 65535,
      emission: BigInt(Math.floor((incentive + dividends) * 1_000)),
      alphaDividends: BigInt(dividends * 10_000),
      validatorPermit: validator,
      active: rand() < 0.97,
      lastUpdate,
      blocksSinceUpdate: block - lastUpdate,
      blockAtRegistration: registered,
      immunityLeft: Math.max(0, registered + 5000 - block),
      axon: serving ? { ip: \`\${10 + (uid % 200)}.\${uid % 256}.\${Math.floor(rand() * 256)}.\${1 + (uid % 250)}\`, port: 8091 + (uid % 50), ipType: 4, version: 900, protocol: 4, block: registered } : undefined,
    })
  }
  return rows
}

/** The next block's rows: new objects, as a fresh getMetagraph gives (ages grow, stake and emission move). */
function nextBlock(rows: MetagraphRow[], step: number): MetagraphRow[] {
  return rows.map((r) => ({
    ...r,
    alphaStake: r.alphaStake + BigInt((r.uid * 7919 + step * 104_729) % 1_000_000),
    emission: r.emission + BigInt(step),
    blocksSinceUpdate: r.blocksSinceUpdate + step,
    immunityLeft: Math.max(0, r.immunityLeft - step),
  }))
}

/** The baseline: the Leaderboard's own cells (LeaderboardCells), every row in the DOM. */
function PlainTable({ neurons, symbol }: { neurons: readonly MetagraphRow[]; symbol: string }) {
  return (
    <section className="leaderboard" aria-label="Leaderboard">
      <div className="table-wrap virtual">
        <table className="data leaderboard-table" aria-rowcount={neurons.length + 1}>
          <thead>
            <tr>
              {['UID', 'Hotkey', 'Coldkey', 'α stake', 'τ stake', 'Incentive', 'Consensus', 'Dividends', 'Emission', 'Validator', 'Active', 'Last update', 'Immunity', 'Axon'].map((h) => (
                <th key={h} scope="col"><button type="button" className="sort">{h}</button></th>
              ))}
            </tr>
          </thead>
          <tbody>
            {neurons.map((n, index) => {
              const stale = isStaleValidator(n)
              return (
                <tr key={n.uid} aria-rowindex={index + 2} style={{ height: 34 }} className={stale ? 'stale' : undefined}>
                  <LeaderboardCells neuron={n} symbol={symbol} />
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
    </section>
  )
}

const BLOCK = 5_000_000
const first = makeRows(BLOCK)
/** Blocks for the live case, made before scrolling: what is measured is the table taking them, not making them. */
const blocks = Array.from({ length: 40 }, (_, i) => nextBlock(first, i + 1))

function Table({ kind, live }: { kind: 'virtual' | 'plain'; live: boolean }) {
  const [step, setStep] = useState(0)
  useEffect(() => {
    if (!live) return
    const timer = setInterval(() => setStep((s) => s + 1), 1000)
    return () => clearInterval(timer)
  }, [live])
  const rows = step === 0 ? first : blocks[(step - 1) % blocks.length]!
  return kind === 'virtual' ? <Leaderboard neurons={rows} block={BLOCK + step} symbol={SYMBOL} /> : <PlainTable neurons={rows} symbol={SYMBOL} />
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? 0
}

async function run(kind: 'virtual' | 'plain', live: boolean, passSeconds: number) {
  const el = document.createElement('div')
  document.getElementById('root')!.append(el)
  const reactRoot = createRoot(el)
  flushSync(() => reactRoot.render(<Table kind={kind} live={live} />))
  const scroller = el.querySelector<HTMLElement>('.table-wrap')!
  await new Promise((r) => setTimeout(r, 300)) // let the first layout and paint settle
  const range = scroller.scrollHeight - scroller.clientHeight

  const longTasks: number[] = []
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push(e.duration)
  })
  observer.observe({ type: 'longtask' })
  const intervals: number[] = []
  let maxRows = 0
  const countRows = () => (maxRows = Math.max(maxRows, el.querySelectorAll('tbody tr[aria-rowindex]').length))
  countRows()
  await new Promise<void>((resolve) => {
    let start: number | undefined
    let last: number | undefined
    let frame = 0
    const tick = (now: number) => {
      start ??= now
      if (last !== undefined) intervals.push(now - last)
      last = now
      // down for one pass, back up for another: the position follows the clock, so slow frames skip ahead rather than slow the pace
      const t = (now - start) / (passSeconds * 1000)
      if (t >= 2) return resolve()
      scroller.scrollTop = Math.round(range * (t < 1 ? t : 2 - t))
      if (++frame % 20 === 0) countRows()
      requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
  })
  await new Promise((r) => setTimeout(r, 100)) // long tasks are reported after they end
  observer.disconnect()
  // outside the measured window: at the very bottom, the last UID is there
  scroller.scrollTop = range
  for (let i = 0; i < 3; i++) await new Promise((r) => requestAnimationFrame(r))
  await new Promise((r) => setTimeout(r, 50))
  const sawLast = el.querySelector('tr[aria-rowindex="' + (UIDS + 1) + '"]') !== null
  countRows()
  reactRoot.unmount()
  el.remove()
  return {
    frames: intervals.length,
    p50: quantile(intervals, 0.5),
    p95: quantile(intervals, 0.95),
    p99: quantile(intervals, 0.99),
    // a late frame stands for the vsyncs it missed: 50 ms where 16.7 was due drops 2
    dropped: intervals.filter((x) => x > ${DROPPED_MS}).reduce((n, x) => n + Math.round(x / ${FRAME_MS}) - 1, 0),
    longTasks: longTasks.length,
    longTaskMs: longTasks.reduce((a, b) => a + b, 0),
    maxRows,
    sawLast,
  }
}

;(window as any).bench = { run, ready: true }
`

type Result = { frames: number; p50: number; p95: number; p99: number; dropped: number; longTasks: number; longTaskMs: number; maxRows: number; sawLast: boolean }

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

const ms = (x: number) => `${x.toFixed(1)} ms`
const ratio = (a: number, b: number) => (b === 0 ? (a === 0 ? '1.00×' : '∞') : `${(a / b).toFixed(2)}×`)
const tmp = mkdtempSync(join(root, 'bench', '.baseline-scroll-'))
let server: Server | undefined
let browser: Awaited<ReturnType<typeof chromium.launch>> | undefined
let failed = false
try {
  const started = performance.now()
  writeFileSync(join(tmp, 'index.html'), '<!doctype html><meta charset="utf-8"><div id="root"></div><script type="module" src="./main.tsx"></script>')
  writeFileSync(join(tmp, 'main.tsx'), PAGE)
  await build({ root: tmp, configFile: false, plugins: [react()], logLevel: 'silent', build: { outDir: join(tmp, 'dist'), target: 'es2022', sourcemap: false } })
  server = await serve(join(tmp, 'dist'))
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
  page.on('pageerror', (e) => console.error('page error:', e.message))
  await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`)
  await page.waitForFunction(() => (window as never as { bench?: { ready: boolean } }).bench?.ready, undefined, { timeout: 30_000 })
  const run = (kind: 'virtual' | 'plain', live: boolean) =>
    page.evaluate(([k, l, s]) => (window as never as { bench: { run(k: string, l: boolean, s: number): Promise<Result> } }).bench.run(k, l, s), [kind, live, PASS_SECONDS] as const)

  console.log(`leaderboard-scroll: ${UIDS} UIDs, top → bottom → top in 2 × ${PASS_SECONDS} s (≈ ${Math.round((UIDS * 34) / PASS_SECONDS / 60)} px a frame at 60 Hz), real Chromium ${browser.version()} (headless), page built in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  for (const live of [false, true]) {
    // the baseline first and the virtualized table second in one case, the other way round in the next
    const order = live ? (['virtual', 'plain'] as const) : (['plain', 'virtual'] as const)
    const results = {} as Record<'virtual' | 'plain', Result>
    for (const kind of order) results[kind] = await run(kind, live)
    const { virtual: v, plain: p } = results
    const title = live ? 'rows replaced every 1 s (a new block) while scrolling' : 'scrolling, rows unchanged'
    console.log(`\n${title}:`)
    const line = (name: string, r: Result) =>
      `  ${name.padEnd(22)} frame interval p50 ${ms(r.p50).padStart(8)}  p95 ${ms(r.p95).padStart(8)}  p99 ${ms(r.p99).padStart(8)}   frames ${String(r.frames).padStart(4)}, dropped ${String(r.dropped).padStart(4)}   long tasks ${String(r.longTasks).padStart(3)} (${ms(r.longTaskMs)})   rows in the DOM ≤ ${r.maxRows}`
    console.log(line('virtualized Leaderboard', v))
    console.log(line('plain table (baseline)', p))
    console.log(`  ratio plain / virtualized: p95 ${ratio(p.p95, v.p95)}, p99 ${ratio(p.p99, v.p99)}, dropped frames ${ratio(p.dropped, v.dropped)}, long tasks ${ratio(p.longTasks, v.longTasks)}, rows in the DOM ${ratio(p.maxRows, v.maxRows)}`)
    if (v.maxRows > MAX_VIRTUAL_ROWS) {
      failed = true
      console.error(`  the virtualized Leaderboard held ${v.maxRows} rows in the DOM (more than ${MAX_VIRTUAL_ROWS}): virtualization is broken`)
    }
    for (const [name, r] of [['virtualized Leaderboard', v], ['plain table', p]] as const) {
      if (!r.sawLast) {
        failed = true
        console.error(`  the ${name} never showed UID ${UIDS - 1} at the bottom`)
      }
    }
  }
  console.log(`\ntotal ${((performance.now() - started) / 1000).toFixed(1)} s`)
} finally {
  await browser?.close()
  server?.close()
  rmSync(tmp, { recursive: true, force: true })
}
process.exit(failed ? 1 : 0)
