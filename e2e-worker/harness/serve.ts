// The worker suite's webServer: builds the harness, then serves it until killed. Usage: tsx e2e-worker/harness/serve.ts [--port N]
// Each port builds into its own folder, so suites started on different ports (WEBTENSOR_WORKER_PORT) never overwrite each other's build.
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { buildHarness, HARNESS_OUT_DIR, serveHarness } from './build.ts'
import { closeOnSignal } from '../../scripts/harness/static.ts'

const { values } = parseArgs({ options: { port: { type: 'string', default: '4181' }, host: { type: 'string', default: '127.0.0.1' } } })
const dir = values.port === '4181' ? HARNESS_OUT_DIR : join(HARNESS_OUT_DIR, '..', `worker-harness-${values.port}`)
await buildHarness(dir)
const server = await serveHarness(dir, { host: values.host, port: Number(values.port) })
console.log(`miner-worker harness on ${server.url}iso/ (isolated) and ${server.url}plain/`)
closeOnSignal(server)
