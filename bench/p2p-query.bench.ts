// worst case: an empty task on one long-lived stream, every request signed by the validator and checked by the miner, every response signed by the miner and checked by the validator (sr25519 both ways); goal p50 ≤ 2 ms, p99 ≤ 10 ms tab-to-tab over WebRTC.
//
// Runs inside the network sandbox (re-executes itself through scripts/sandbox.sh when WEBTENSOR_SANDBOX is unset): a
// relay, two Chromium tabs (miner //Bob, validator //Alice) and two Node peers. Measures, in one run:
//   1. tab → tab over direct WebRTC, the protocol as shipped (the figure);
//   2. tab → Node peer over a loopback websocket (/ws), same browser-side signing and checking (baseline);
//   3. Node peer → Node peer over a loopback websocket (baseline without a browser);
//   4. a bare length-prefixed echo over the same WebRTC link (the transport's floor, no signatures);
// and the browser's own sr25519 sign/verify cost. Prints p50/p99 of each, the ratio of (1) to (2) and to (3), and
// whether the goal is met. Exits non-zero only when a property is broken (failed queries, a link that is not direct).
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, '..')

if (process.env.WEBTENSOR_SANDBOX !== '1') {
  const run = spawnSync(join(root, 'scripts', 'sandbox.sh'), [process.execPath, '--import', 'tsx', fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit', cwd: root })
  process.exit(run.status ?? 1)
}

const N = Number(process.env.P2P_BENCH_QUERIES ?? 2000)
const WARMUP = 200
const RUN_LIMIT_MS = 5 * 60_000
const limit = setTimeout(() => {
  console.error(`bench/p2p-query: over its ${RUN_LIMIT_MS / 60_000}-minute limit; stopping`)
  process.exit(2)
}, RUN_LIMIT_MS)
limit.unref()

const { chromium } = await import('@playwright/test')
const { buildHarness, serveHarness } = await import('../e2e-p2p/harness/build.ts')
const { CHROMIUM, P2P_CHROMIUM_ARGS } = await import('../e2e-p2p/fixtures/chromium.ts')
const { startRelay } = await import('../src/node/relay/relay.ts')
const { createNodePeer } = await import('../src/net/node/peer.ts')
const { permits, testKeys } = await import('../src/net/query/testing.ts')

type Stats = { p50: number; p99: number; n: number }
function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!
  return { p50: at(0.5), p99: at(0.99), n: sorted.length }
}
const ms = (value: number) => `${value.toFixed(2)} ms`
const broken: string[] = []

const started = performance.now()
const dataDir = mkdtempSync(join(tmpdir(), 'webtensor-p2p-bench-'))
const keys = await testKeys()
await buildHarness()
const server = await serveHarness()
const relay = await startRelay({ dataDir, port: 0 })
const rateLimit = { totalPerSecond: 1e6, minPerSecond: 0, burstSeconds: 1 }
const nodeMiner = await createNodePeer({ webrtc: false, query: { hotkey: keys.dave, lookupValidator: permits([keys.alice]), rateLimit } })
nodeMiner.services.query.serve(1, () => new Uint8Array())
const nodeValidator = await createNodePeer({ webrtc: false, query: { hotkey: keys.alice } })
const browser = await chromium.launch({ executablePath: CHROMIUM, args: P2P_CHROMIUM_ARGS })

try {
  const open = async () => {
    const page = await (await browser.newContext()).newPage()
    await page.goto(server.url)
    await page.waitForFunction(() => window.harness !== undefined)
    return page
  }
  const minerPage = await open()
  const validatorPage = await open()
  const relayAddrs = relay.multiaddrs()
  const miner = await minerPage.evaluate((r) => window.harness.start({ relayAddrs: r, hotkey: '//Bob', permits: ['//Alice'], serve: [1] }), relayAddrs)
  await validatorPage.evaluate((r) => window.harness.start({ relayAddrs: r, hotkey: '//Alice' }), relayAddrs)
  const firstDial = await validatorPage.evaluate((a) => window.harness.query(a, { netuid: 1, minerHotkey: '//Bob', bodyBytes: 0, timeout: 15_000 }), miner.webrtcAddrs[0]!)
  if (!firstDial.ok) throw new Error(`the first query failed: ${firstDial.name}: ${firstDial.message}`)
  if (!(await validatorPage.evaluate((p) => window.harness.isDirectWebRTC(p), miner.peerId))) broken.push('the tab-to-tab connection is not a direct WebRTC one')

  const loop = async (target: string, minerHotkey: string, n: number) => {
    const run = await validatorPage.evaluate(([t, h, count]) => window.harness.queryLoop(t, { netuid: 1, minerHotkey: h, bodyBytes: 0, n: count, sampleEvery: 1000 }), [target, minerHotkey, n] as const)
    if (run.failureCount > 0) broken.push(`${run.failureCount} of ${n} queries to ${target} failed, e.g. ${JSON.stringify(run.failures[0])}`)
    return run.rtts
  }

  // 1. tab → tab over WebRTC
  await loop(miner.peerId, '//Bob', WARMUP)
  const webrtc = stats(await loop(miner.peerId, '//Bob', N))
  const pairs = await validatorPage.evaluate(() => window.harness.selectedCandidatePairs())
  const end = (c: { type: string; address: string }) => `${c.type} ${c.address || '(address hidden by webrtc-stats)'}`
  const pair = pairs[0] === undefined ? 'none' : `${end(pairs[0].local)} ↔ ${end(pairs[0].remote)}`

  // 2. tab → Node over /ws (the browser's gater is relaxed for the devnet: ws:// to loopback is allowed)
  const wsAddr = nodeMiner.getMultiaddrs().find((a) => a.toString().includes('/ws'))!.toString()
  const wsFirst = await validatorPage.evaluate((a) => window.harness.query(a, { netuid: 1, minerHotkey: '//Dave', bodyBytes: 0, timeout: 15_000 }), wsAddr)
  if (!wsFirst.ok) throw new Error(`the first tab → Node query failed: ${wsFirst.name}: ${wsFirst.message}`)
  await loop(nodeMiner.peerId.toString(), '//Dave', WARMUP)
  const tabWs = stats(await loop(nodeMiner.peerId.toString(), '//Dave', N))

  // 3. Node → Node over /ws
  const nodeRtts: number[] = []
  await nodeValidator.services.query.query(nodeMiner.getMultiaddrs(), { netuid: 1, minerHotkey: keys.dave.publicKey, body: new Uint8Array() })
  for (let i = 0; i < WARMUP + N; i++) {
    const t = performance.now()
    await nodeValidator.services.query.query(nodeMiner.peerId, { netuid: 1, minerHotkey: keys.dave.publicKey, body: new Uint8Array() }, { timeout: 5000 })
    if (i >= WARMUP) nodeRtts.push(performance.now() - t)
  }
  const nodeWs = stats(nodeRtts)

  // 4. the bare WebRTC floor, and the browser's signature costs
  await minerPage.evaluate(() => window.harness.serveEcho())
  const echo = stats((await validatorPage.evaluate((p) => window.harness.echoLoop(p, 2000 + 200), miner.peerId)).slice(200))
  const crypto = await validatorPage.evaluate(() => window.harness.cryptoCost(500))

  const goal = webrtc.p50 <= 2 && webrtc.p99 <= 10
  console.log(`bench/p2p-query — ${N} sequential empty queries per path after ${WARMUP} warm-up, signatures made and checked both ways (${((performance.now() - started) / 1000).toFixed(0)} s; load average ${loadavg()[0]!.toFixed(1)})`)
  console.log(`  tab → tab, direct WebRTC                    p50 ${ms(webrtc.p50)}  p99 ${ms(webrtc.p99)}`)
  console.log(`  tab → Node, loopback websocket (baseline)   p50 ${ms(tabWs.p50)}  p99 ${ms(tabWs.p99)}`)
  console.log(`  Node → Node, loopback websocket (baseline)  p50 ${ms(nodeWs.p50)}  p99 ${ms(nodeWs.p99)}`)
  console.log(`  bare echo over the same WebRTC link         p50 ${ms(echo.p50)}  p99 ${ms(echo.p99)}  (no signatures: the transport's floor)`)
  console.log(`  sr25519 in the tab: sign ${ms(crypto.signMs)}, verify ${ms(crypto.verifyMs)} (wasm ${crypto.wasm}); per round trip 2 signs + 2 verifies ≈ ${ms(2 * crypto.signMs + 2 * crypto.verifyMs)}`)
  console.log(`  ratio WebRTC / tab→Node ws: p50 ${(webrtc.p50 / tabWs.p50).toFixed(2)}×, p99 ${(webrtc.p99 / tabWs.p99).toFixed(2)}×; WebRTC / Node↔Node ws: p50 ${(webrtc.p50 / nodeWs.p50).toFixed(2)}×`)
  console.log(`  first dial + query tab → tab: ${firstDial.ms.toFixed(0)} ms; ICE pair ${pair}`)
  console.log(`  goal p50 ≤ 2 ms: ${webrtc.p50 <= 2 ? 'met' : 'NOT met'}; p99 ≤ 10 ms: ${webrtc.p99 <= 10 ? 'met' : 'NOT met'}${goal ? '' : ' (timing goals do not fail the bench)'}`)
} finally {
  await browser.close()
  await Promise.all([nodeMiner.stop(), nodeValidator.stop()])
  await relay.close()
  await server.close()
  rmSync(dataDir, { recursive: true, force: true })
}

if (broken.length > 0) {
  for (const line of broken) console.error(`BROKEN: ${line}`)
  process.exit(1)
}
process.exit(0)
