// `npm start`: runs every part of webtensor in one process tree and stops them all on Ctrl-C.
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { dirname, join } from 'node:path'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const bin = (name) => join(root, 'node_modules', '.bin', name)

/** The services `npm start` runs: the devnet (with its relay), the demo network's miners and validators, and the app. */
const appPort = process.env.WEBTENSOR_APP_PORT ?? '5173'
const rpcPort = process.env.WEBTENSOR_RPC_PORT ?? '9944'
const relayPort = process.env.WEBTENSOR_RELAY_PORT ?? '9945'
const services = [
  {
    name: 'devnet',
    cmd: process.execPath,
    // State persists in .webtensor/devnet between runs; `rm -rf .webtensor` starts a fresh chain.
    args: [
      join(root, 'bin', 'webtensor.mjs'), 'devnet',
      // 1 s blocks: with the demo subnets' 20-block tempo an epoch passes about every 20 s.
      '--block-time', process.env.WEBTENSOR_BLOCK_TIME ?? '1000',
      '--rpc-port', rpcPort,
      '--relay-port', relayPort,
      '--base-path', process.env.WEBTENSOR_BASE_PATH ?? join(root, '.webtensor', 'devnet'),
    ],
  },
  // WEBTENSOR_DEMO=0 leaves the chain empty (no demo subnets, miners or validators).
  ...(process.env.WEBTENSOR_DEMO === '0' ? [] : [{ name: 'demo', cmd: process.execPath, args: [join(root, 'bin', 'webtensor.mjs'), 'demo', '--rpc', `ws://127.0.0.1:${rpcPort}`] }]),
  { name: 'app', cmd: bin('vite'), args: ['--port', appPort, '--strictPort', '--host', '127.0.0.1'] },
]

const children = new Map()
let stopping = false

function stopAll(code) {
  if (stopping) return
  stopping = true
  for (const [name, child] of children) {
    if (child.exitCode === null) {
      // Each child leads its own process group: signal the whole group so grandchildren stop too.
      try { process.kill(-child.pid, 'SIGTERM') } catch { /* already gone */ }
      console.log(`[start] stopping ${name}`)
    }
  }
  const force = setTimeout(() => {
    for (const child of children.values()) {
      try { process.kill(-child.pid, 'SIGKILL') } catch { /* already gone */ }
    }
    process.exit(code)
  }, 5000)
  force.unref()
  const wait = () => ([...children.values()].every((c) => c.exitCode !== null || c.signalCode !== null) ? process.exit(code) : setTimeout(wait, 50))
  wait()
}

for (const s of services) {
  const child = spawn(s.cmd, s.args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], detached: true, env: process.env })
  children.set(s.name, child)
  const prefix = (line) => `[${s.name}] ${line}`
  for (const stream of [child.stdout, child.stderr]) {
    let buf = ''
    stream.on('data', (d) => {
      buf += d
      const lines = buf.split('\n')
      buf = lines.pop()
      for (const l of lines) (stream === child.stderr ? process.stderr : process.stdout).write(prefix(l) + '\n')
    })
  }
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`[start] ${s.name} exited (${signal ?? code}); stopping everything`)
      stopAll(code || 1)
    }
  })
}

console.log(`[start] webtensor is starting: devnet on ws://127.0.0.1:${rpcPort}${process.env.WEBTENSOR_DEMO === '0' ? '' : ' with the demo network (digits and ocr subnets, miners, validators)'}, app on http://localhost:${appPort}  (Ctrl-C stops everything)`)
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => stopAll(0))
