// The devnet's relay: a stable peer id per data directory, its addresses over JSON-RPC, and a Node peer reached through it by another.
import { multiaddr } from '@multiformats/multiaddr'
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { createNodePeer, type NodePeer } from '../../net/node/peer.ts'
import { permits, testKeys, type TestKeys } from '../../net/query/testing.ts'
import { closeDevnetsAfterEach, startTestDevnet } from '../testing/devnetFixture.ts'
import { RELAY_KEY_FILE, startRelay } from './relay.ts'

const T = 30_000
let dir: string
let keys: TestKeys
const peers: NodePeer[] = []

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'webtensor-relay-'))
  keys = await testKeys()
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))
afterEach(async () => {
  await Promise.all(peers.splice(0).map((peer) => peer.stop()))
})
closeDevnetsAfterEach()

async function peer(init: Parameters<typeof createNodePeer>[0]): Promise<NodePeer> {
  const node = await createNodePeer({ webrtc: false, ...init })
  peers.push(node)
  return node
}

describe('the devnet relay', () => {
  test('keeps its peer id across restarts with the same data directory, in a key file only its owner reads', async () => {
    const first = await startRelay({ dataDir: dir, port: 0 })
    const peerId = first.peerId
    expect(peerId).toMatch(/^12D3KooW/)
    expect(first.multiaddrs()[0]).toMatch(new RegExp(`^/ip4/127\\.0\\.0\\.1/tcp/\\d+/ws/p2p/${peerId}$`))
    await first.close()
    const second = await startRelay({ dataDir: dir, port: 0 })
    expect(second.peerId).toBe(peerId)
    await second.close()
    expect(statSync(join(dir, RELAY_KEY_FILE)).mode & 0o777).toBe(0o600)
    const other = mkdtempSync(join(tmpdir(), 'webtensor-relay-'))
    const third = await startRelay({ dataDir: other, port: 0 })
    expect(third.peerId).not.toBe(peerId)
    await third.close()
    rmSync(other, { recursive: true, force: true })
  }, T)

  test('a devnet restarted on the same base path serves the same relay peer id', async () => {
    const basePath = join(dir, 'devnet')
    const first = await startTestDevnet({ tmp: false, basePath, relayPort: 0 })
    const peerId = first.devnet.relay!.peerId
    await first.devnet.close()
    const second = await startTestDevnet({ tmp: false, basePath, relayPort: 0 })
    expect(second.devnet.relay!.peerId).toBe(peerId)
    expect(await second.client.call('system_localPeerId')).toBe(peerId)
  }, T)

  test('refuses a key file that is not a libp2p key, saying how to fix it', async () => {
    const broken = mkdtempSync(join(tmpdir(), 'webtensor-relay-'))
    await import('node:fs').then((fs) => fs.writeFileSync(join(broken, RELAY_KEY_FILE), 'not a key'))
    await expect(startRelay({ dataDir: broken, port: 0 })).rejects.toThrow(/is not a libp2p private key .*delete it to get a new peer id/)
    expect(readFileSync(join(broken, RELAY_KEY_FILE), 'utf8')).toBe('not a key')
    rmSync(broken, { recursive: true, force: true })
  })

  test('a busy port is refused with the port named', async () => {
    const relay = await startRelay({ dataDir: dir, port: 0 })
    const port = Number(/\/tcp\/(\d+)\//.exec(relay.multiaddrs()[0]!)![1])
    const other = mkdtempSync(join(tmpdir(), 'webtensor-relay-'))
    await expect(startRelay({ dataDir: other, port })).rejects.toThrow(`cannot start the libp2p relay on 127.0.0.1:${port}`)
    await relay.close()
    rmSync(other, { recursive: true, force: true })
  }, T)

  test('webtensor_relayAddrs serves the relay’s addresses; system_localPeerId is the relay’s id', async () => {
    const { devnet, client } = await startTestDevnet({ relayPort: 0 })
    const addrs = await client.call<string[]>('webtensor_relayAddrs')
    expect(addrs.length).toBeGreaterThan(0)
    expect(addrs).toEqual(devnet.relay!.multiaddrs())
    expect(addrs[0]).toMatch(/^\/ip4\/127\.0\.0\.1\/tcp\/\d+\/ws\/p2p\/12D3KooW/)
    expect(await client.call('system_localListenAddresses')).toEqual(addrs)
    expect(await client.call('system_localPeerId')).toBe(devnet.relay!.peerId)
    expect((await client.call<{ methods: string[] }>('rpc_methods')).methods).toContain('webtensor_relayAddrs')
  }, T)

  test('without a relay port no relay runs and webtensor_relayAddrs is empty', async () => {
    const { devnet, client } = await startTestDevnet()
    expect(devnet.relay).toBeUndefined()
    expect(await client.call('webtensor_relayAddrs')).toEqual([])
  }, T)

  test('devnet.close() stops the relay', async () => {
    const { devnet } = await startTestDevnet({ relayPort: 0 })
    const address = devnet.relay!.multiaddrs()[0]!
    await devnet.close()
    const node = await peer({ query: { hotkey: keys.alice } })
    await expect(node.dial(multiaddr(address), { signal: AbortSignal.timeout(5000) })).rejects.toThrow()
  }, T)

  test('a Node peer reserves a circuit address on the relay, and another reaches it (and queries it) through the relay', async () => {
    const { devnet } = await startTestDevnet({ relayPort: 0 })
    const relayAddrs = devnet.relay!.multiaddrs()
    // The miner listens on nothing but the relay: the only way to it is the circuit.
    const miner = await peer({ listen: [], relays: relayAddrs, query: { hotkey: keys.bob, lookupValidator: permits([keys.alice]) } })
    miner.services.query.serve(1, ({ body }) => body)
    const circuit = await waitFor(() => miner.getMultiaddrs().map(String).find((address) => address.includes('/p2p-circuit')))
    expect(circuit).toBe(`${relayAddrs[0]}/p2p-circuit/p2p/${miner.peerId}`)

    const validator = await peer({ listen: [], query: { hotkey: keys.alice } })
    const connection = await validator.dial(multiaddr(circuit))
    expect(connection.remotePeer.equals(miner.peerId)).toBe(true)
    expect(connection.limits).toBeDefined() // relayed: capped by the relay
    expect(await validator.services.ping.ping(miner.peerId)).toBeGreaterThanOrEqual(0)
    // Application queries refuse a limited connection unless told otherwise (notes, trap 8)…
    await expect(validator.services.query.query(miner.peerId, { netuid: 1, minerHotkey: keys.bob.publicKey, body: new Uint8Array([1]) })).rejects.toThrow(/No direct connection/)
    // …and work over it when allowed.
    const { body } = await validator.services.query.query(miner.peerId, { netuid: 1, minerHotkey: keys.bob.publicKey, body: new Uint8Array([4, 2]) }, { allowLimited: true, timeout: 5000 })
    expect(body).toEqual(new Uint8Array([4, 2]))
  }, T)
})

async function waitFor<T>(read: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    const value = read()
    if (value !== undefined) return value
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  throw new Error(`nothing after ${timeoutMs} ms`)
}
