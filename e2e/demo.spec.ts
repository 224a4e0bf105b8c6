// Journey: a newcomer runs `npm start` and opens the app. Within two minutes the demo network's subnets (digits and ocr) are listed
// and the digits leaderboard shows miners earning incentive; a little later its numbers have moved. Runs the real `scripts/start.mjs`
// (devnet with 1 s blocks and its relay, the demo's headless miners and validators, the Vite dev server) on ports of its own.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'

const APP_PORT = 5393
const RPC_PORT = 9393
const TWO_MINUTES = 120_000

let start: ChildProcess | undefined
let output = ''
let basePath = ''

test.afterEach(async () => {
  if (start && start.exitCode === null) {
    start.kill('SIGINT')
    await new Promise((resolve) => {
      const force = setTimeout(() => (start?.kill('SIGKILL'), resolve(undefined)), 15_000)
      start!.once('exit', () => (clearTimeout(force), resolve(undefined)))
    })
  }
  if (basePath) rmSync(basePath, { recursive: true, force: true })
})

/** UID → incentive as the leaderboard shows it (the Incentive column). */
async function incentives(page: Page): Promise<Map<number, number>> {
  const rows = await page.locator('table.leaderboard-table tbody tr[aria-rowindex]').evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
  )
  return new Map(rows.map((cells) => [Number(cells[0]), Number(cells[5])] as [number, number]))
}

test('npm start: within two minutes the demo subnets are listed and the digits leaderboard shows miners earning, and it moves', async ({ page }) => {
  test.setTimeout(300_000)
  basePath = mkdtempSync(join(tmpdir(), 'webtensor-demo-'))
  const t0 = Date.now()
  start = spawn(process.execPath, ['scripts/start.mjs'], {
    env: { ...process.env, WEBTENSOR_APP_PORT: String(APP_PORT), WEBTENSOR_RPC_PORT: String(RPC_PORT), WEBTENSOR_RELAY_PORT: String(RPC_PORT + 1), WEBTENSOR_BASE_PATH: basePath },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  start.stdout!.on('data', (d) => (output += d))
  start.stderr!.on('data', (d) => (output += d))
  start.once('exit', (code) => (output += `\n[test] npm start exited with ${code}\n`))

  await expect(async () => {
    expect(start!.exitCode, output.slice(-2000)).toBeNull()
    expect((await fetch(`http://127.0.0.1:${APP_PORT}/`)).status).toBe(200)
  }).toPass({ timeout: 60_000 })
  await page.addInitScript((url) => {
    localStorage.setItem('webtensor.session', JSON.stringify({ state: { network: 'custom', customUrl: url, account: undefined }, version: 1 }))
  }, `ws://127.0.0.1:${RPC_PORT}`)

  // the Subnets page lists the demo's two task subnets by name
  await page.goto(`http://127.0.0.1:${APP_PORT}/`)
  const subnets = page.getByRole('table').first()
  await expect(subnets).toContainText('digits', { timeout: TWO_MINUTES - (Date.now() - t0) })
  await expect(subnets).toContainText('ocr', { timeout: TWO_MINUTES - (Date.now() - t0) })

  // the digits subnet (the first registered on a fresh chain: netuid 2) — its leaderboard shows miners earning
  await page.goto(`http://127.0.0.1:${APP_PORT}/subnets/2`)
  await expect(page.getByRole('region', { name: 'Leaderboard' })).toBeVisible({ timeout: 30_000 })
  let first = new Map<number, number>()
  await expect(async () => {
    first = await incentives(page)
    expect([...first.values()].filter((x) => x > 0).length, `incentive by UID: ${JSON.stringify([...first])}\n${output.slice(-1500)}`).toBeGreaterThanOrEqual(2)
  }).toPass({ timeout: Math.max(5_000, TWO_MINUTES - (Date.now() - t0)), intervals: [2_000] })
  const seconds = Math.round((Date.now() - t0) / 1000)
  console.log(`npm start → miners earning on the digits leaderboard: ${seconds} s; incentive by UID ${JSON.stringify([...first])}`)

  // … and it moves: a later epoch changes the numbers (the live leaderboard follows each block)
  await expect(async () => {
    const now = await incentives(page)
    expect(JSON.stringify([...now]), 'the leaderboard did not change').not.toBe(JSON.stringify([...first]))
  }).toPass({ timeout: 90_000, intervals: [2_000] })
})
