// Test fixture: an in-process devnet on the fake runtime (throwaway directory, loopback, a free port) with a raw RPC client, closed after each test.
import { afterEach } from 'vitest'
import { startDevnet, type Devnet, type StartDevnetOptions } from '../devnet.ts'
import { createFakeRuntime, type FakeRuntime } from './fakeRuntime.ts'
import { RpcClient } from './rpcClient.ts'

export type TestDevnet = { devnet: Devnet; client: RpcClient; runtime: FakeRuntime; connect(): Promise<RpcClient> }

const open: Array<{ close(): Promise<void> }> = []

/** Registers the cleanup: call once at the top of a test file. */
export function closeDevnetsAfterEach(): void {
  afterEach(async () => {
    for (const resource of open.splice(0).reverse()) await resource.close()
  })
}

/** A devnet that authors blocks only when asked (unless told otherwise), with one connected client. */
export async function startTestDevnet(options: StartDevnetOptions = {}): Promise<TestDevnet> {
  const runtime = (options.runtime as FakeRuntime | undefined) ?? createFakeRuntime()
  const devnet = await startDevnet({ tmp: true, rpcPort: 0, manualSeal: !options.instantSeal && options.blockTime === undefined, finalityDelayMs: 20, ...options, runtime })
  open.push(devnet)
  const connect = async () => {
    const client = await RpcClient.connect(devnet.url)
    open.push(client)
    return client
  }
  return { devnet, runtime, client: await connect(), connect }
}
