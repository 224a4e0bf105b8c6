// `npm test`: typecheck, unit/integration tests (Vitest), then end-to-end tests in Debian's Chromium (the p2p ones inside the network sandbox).
// Runs every stage even when one fails, prints each runner's summary, and exits non-zero on any failure.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { dirname, join, relative } from 'node:path'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const bin = (name) => join(root, 'node_modules', '.bin', name)
const reports = join(root, 'test-results', 'reports')
mkdirSync(reports, { recursive: true })

/** The first line of a failure message, without terminal colours: enough to name what broke in the summary. */
const firstLine = (text) => (text ?? '').replace(/\x1b\[[0-9;]*m/g, '').split('\n').find((l) => l.trim())?.trim().slice(0, 240) ?? ''

/** Playwright's JSON report: counts, and each test that failed (or passed only on a retry) with its first error line. */
function playwrightCounts(file) {
  const r = JSON.parse(readFileSync(file, 'utf8'))
  const failures = []
  const walk = (suite, path) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        if (t.status !== 'unexpected' && t.status !== 'flaky') continue
        const error = t.results?.flatMap((x) => x.errors ?? [])[0]
        failures.push(`${spec.file}:${spec.line} › ${[...path, spec.title].join(' › ')}${t.status === 'flaky' ? ' (flaky)' : ''}: ${firstLine(error?.message)}`)
      }
    }
    for (const s of suite.suites ?? []) walk(s, s.title && s.title !== s.file ? [...path, s.title] : path)
  }
  for (const s of r.suites ?? []) walk(s, [])
  return { passed: r.stats.expected, failed: r.stats.unexpected + r.stats.flaky, skipped: r.stats.skipped, failures }
}

const stages = [
  { name: 'typecheck', cmd: bin('tsc'), args: ['-p', 'tsconfig.json', '--noEmit'] },
  {
    name: 'unit',
    cmd: bin('vitest'),
    args: ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${join(reports, 'vitest.json')}`],
    counts: () => {
      const r = JSON.parse(readFileSync(join(reports, 'vitest.json'), 'utf8'))
      const failures = []
      let brokenFiles = 0 // a file whose hooks or import failed has no failed test of its own, but it failed
      for (const f of r.testResults) {
        const file = relative(root, f.name)
        const bad = f.assertionResults.filter((t) => t.status === 'failed')
        for (const t of bad) failures.push(`${file} › ${t.fullName}: ${firstLine(t.failureMessages?.join('\n'))}`)
        if (f.status === 'failed' && !bad.length) brokenFiles += 1, failures.push(`${file}: ${firstLine(f.message)}`)
      }
      return { passed: r.numPassedTests, failed: r.numFailedTests + brokenFiles, skipped: r.numPendingTests + r.numTodoTests, failures }
    },
  },
  { name: 'build', cmd: bin('vite'), args: ['build', '--logLevel', 'warn'] },
  {
    name: 'e2e',
    cmd: bin('playwright'),
    args: ['test'],
    counts: () => {
      return playwrightCounts(join(reports, 'playwright.json'))
    },
  },
  {
    // The miner's inference worker in real Chromium: WASM and WebGPU (software adapter) paths, backend choice, refused models.
    name: 'e2e-worker',
    cmd: bin('playwright'),
    args: ['test', '-c', 'playwright.worker.config.ts'],
    counts: () => {
      return playwrightCounts(join(reports, 'playwright-worker.json'))
    },
  },
  {
    // WebRTC between real Chromium tabs, a relay and Node peers: inside a private network namespace (scripts/sandbox.sh).
    name: 'e2e-p2p',
    cmd: join(root, 'scripts', 'sandbox.sh'),
    args: [bin('playwright'), 'test', '-c', 'playwright.p2p.config.ts'],
    counts: () => {
      return playwrightCounts(join(reports, 'playwright-p2p.json'))
    },
  },
]

const only = process.argv.slice(2)
const results = []
for (const s of stages) {
  if (only.length && !only.includes(s.name)) continue
  if (s.name === 'e2e' && results.some((r) => r.name === 'build' && r.status !== 0)) {
    results.push({ name: s.name, status: 1, seconds: 0, note: 'not run: the build failed' })
    continue
  }
  console.log(`\n━━ ${s.name} ━━ ${[s.cmd.replace(root + '/', ''), ...s.args].join(' ')}`)
  const t0 = Date.now()
  const r = spawnSync(s.cmd, s.args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...s.env } })
  const status = r.status ?? 1
  let counts
  try { counts = s.counts?.() } catch { /* the runner crashed before writing its report */ }
  results.push({ name: s.name, status, seconds: (Date.now() - t0) / 1000, counts })
}

console.log('\n━━ summary ━━')
let passed = 0, failed = 0, skipped = 0
for (const r of results) {
  const c = r.counts ? ` (${r.counts.passed} passed, ${r.counts.failed} failed, ${r.counts.skipped} skipped)` : ''
  console.log(`${r.status === 0 ? 'ok  ' : 'FAIL'} ${r.name.padEnd(10)} ${r.seconds.toFixed(1).padStart(6)} s${c}${r.note ? ' ' + r.note : ''}`)
  if (r.counts) { passed += r.counts.passed; failed += r.counts.failed; skipped += r.counts.skipped }
  else if (r.status !== 0) failed += 1
}
const failures = results.flatMap((r) => (r.counts?.failures ?? []).map((f) => `  ${r.name}: ${f}`))
if (failures.length) console.log(`failed:\n${failures.join('\n')}`)
const bad = results.filter((r) => r.status !== 0)
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`)
process.exit(bad.length ? 1 : 0)
