// The p2p suite's webServer: builds the harness, then serves it until killed. Usage: tsx e2e-p2p/harness/serve.ts [--port N] [--host H]
import { parseArgs } from 'node:util'
import { buildHarness, serveHarness } from './build.ts'
import { closeOnSignal } from '../../scripts/harness/static.ts'

const { values } = parseArgs({ options: { port: { type: 'string', default: '4180' }, host: { type: 'string', default: '127.0.0.1' } } })
await buildHarness()
const server = await serveHarness(undefined, { host: values.host, port: Number(values.port) })
console.log(`p2p harness on ${server.url}`)
closeOnSignal(server)
