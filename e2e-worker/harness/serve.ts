// The worker suite's webServer: builds the harness, then serves it until killed. Usage: tsx e2e-worker/harness/serve.ts [--port N]
import { parseArgs } from 'node:util'
import { buildHarness, serveHarness } from './build.ts'

const { values } = parseArgs({ options: { port: { type: 'string', default: '4181' }, host: { type: 'string', default: '127.0.0.1' } } })
await buildHarness()
const server = await serveHarness(undefined, { host: values.host, port: Number(values.port) })
console.log(`miner-worker harness on ${server.url}iso/ (isolated) and ${server.url}plain/`)
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void server.close().then(() => process.exit(0)))
