// `npm start` serves the app, and Ctrl-C (SIGINT) stops it and every process it started.
import { spawn, execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from 'vitest'

const PORT = 5391
const RPC_PORT = 9391

function descendants(pid: number): number[] {
  const out = execFileSync('ps', ['-e', '-o', 'pid=,ppid=,pgid='], { encoding: 'utf8' })
  const rows = out.trim().split('\n').map((l) => l.trim().split(/\s+/).map(Number)) as [number, number, number][]
  const found = new Set<number>([pid])
  let grew = true
  while (grew) {
    grew = false
    for (const [p, pp] of rows) if (found.has(pp) && !found.has(p)) (found.add(p), (grew = true))
  }
  found.delete(pid)
  return [...found]
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

async function waitFor<T>(what: string, fn: () => Promise<T | undefined> | T | undefined, ms = 30_000): Promise<T> {
  const end = Date.now() + ms
  for (;;) {
    const v = await fn()
    if (v !== undefined) return v
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 200))
  }
}

test('npm start serves the shell and the devnet, and Ctrl-C stops every child', { timeout: 60_000 }, async () => {
  const basePath = mkdtempSync(join(tmpdir(), 'webtensor-start-'))
  const start = spawn(process.execPath, ['scripts/start.mjs'], {
    env: { ...process.env, WEBTENSOR_APP_PORT: String(PORT), WEBTENSOR_RPC_PORT: String(RPC_PORT), WEBTENSOR_RELAY_PORT: String(RPC_PORT + 1), WEBTENSOR_BLOCK_TIME: '500', WEBTENSOR_BASE_PATH: basePath },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  start.stdout.on('data', (d) => (output += d))
  start.stderr.on('data', (d) => (output += d))
  try {
    const res = await waitFor('the app to answer', async () => {
      try {
        return await fetch(`http://127.0.0.1:${PORT}/`)
      } catch {
        return undefined
      }
    })
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('<div id="root"></div>')
    expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin')
    expect(res.headers.get('cross-origin-embedder-policy')).toBe('require-corp')

    // The devnet answers JSON-RPC over HTTP on its port and produces blocks.
    const chain = await waitFor('the devnet to answer', async () => {
      try {
        const r = await fetch(`http://127.0.0.1:${RPC_PORT}/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'system_chain', params: [] }) })
        return ((await r.json()) as { result: string }).result
      } catch {
        return undefined
      }
    })
    expect(chain).toBe('webtensor devnet')

    const children = descendants(start.pid!)
    expect(children.length).toBeGreaterThan(0)

    start.kill('SIGINT')
    const code = await waitFor('npm start to exit', () => (start.exitCode !== null ? start.exitCode : undefined))
    expect(code).toBe(0)
    await waitFor('every child to stop', () => (children.every((p) => !alive(p)) ? true : undefined), 10_000)
    await expect(fetch(`http://127.0.0.1:${PORT}/`)).rejects.toThrow()
  } catch (e) {
    throw new Error(`${(e as Error).message}\n--- npm start output ---\n${output}`)
  } finally {
    if (start.exitCode === null) {
      // a failed run must not leave the app, devnet or demo holding this test's ports for the next one
      for (const pid of descendants(start.pid!)) {
        try {
          process.kill(pid, 'SIGKILL')
        } catch {
          /* already gone */
        }
      }
      start.kill('SIGKILL')
    }
    rmSync(basePath, { recursive: true, force: true })
  }
})
