// Test fixture: a devnet in its own process (the real runtime through bin/webtensor.mjs when src/runtime/index.ts exists, else the fake one), its RPC URL read from what it prints.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))
export const REAL_RUNTIME = existsSync(fileURLToPath(new URL('../../runtime/index.ts', import.meta.url)))

export type DevnetProcess = {
  child: ChildProcessWithoutNullStreams
  /** Everything printed so far. */
  stdout(): string
  stderr(): string
  /** Resolves with the exit code and signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

/** Starts `webtensor devnet <args>`; resolves once it printed its RPC endpoint (rejects if it exits first). */
export async function spawnDevnet(args: string[]): Promise<DevnetProcess & { url: string }> {
  const entry = REAL_RUNTIME ? ['bin/webtensor.mjs', 'devnet'] : ['--import', 'tsx', 'src/node/testing/devnetProcess.ts', 'devnet']
  const child = spawn(process.execPath, [...entry, ...args], { cwd: repoRoot, stdio: ['pipe', 'pipe', 'pipe'] })
  let out = ''
  let err = ''
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })))
  const url = await new Promise<string>((resolve, reject) => {
    const look = () => {
      const match = /RPC\s+(ws:\/\/127\.0\.0\.1:\d+)/.exec(out)
      if (match) {
        child.stdout.off('data', look)
        resolve(match[1]!)
      }
    }
    child.stdout.on('data', look)
    void exited.then(({ code, signal }) => reject(new Error(`the devnet exited (code ${code}, signal ${signal}) before printing its endpoint:\n${out}\n${err}`)))
  })
  return { child, url, exited, stdout: () => out, stderr: () => err }
}
