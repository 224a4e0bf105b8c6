// A Node peer (createNodePeer, node-datachannel) and a browser tab exchange signed queries both ways over WebRTC signalled through the devnet relay.
import { expect, test } from '@playwright/test'
import { peerIdFromString } from '@libp2p/peer-id'
import { multiaddr } from '@multiformats/multiaddr'
import { describeConnection } from '../src/net/connections.ts'
import { createNodePeer, type NodePeer } from '../src/net/node/peer.ts'
import { permits, testKeys } from '../src/net/query/testing.ts'
import { startRelayProcess, type RelayProcess } from './fixtures/relay.ts'
import { connections, openTab, percentile, query, queryLoop, startPeer, type Tab } from './fixtures/tabs.ts'

let relay: RelayProcess | undefined
let nodePeer: NodePeer | undefined
let minerTab: Tab | undefined

test.afterEach(async () => {
  const errors = (await minerTab?.errors().catch(() => [])) ?? []
  await minerTab?.close().catch(() => undefined)
  await nodePeer?.stop()
  await relay?.dispose()
  minerTab = nodePeer = relay = undefined
  expect(errors).toEqual([])
})

test('a Node peer and a browser tab query each other both ways, each over a direct WebRTC link', async ({ browser }) => {
  test.setTimeout(60_000)
  relay = await startRelayProcess()
  const keys = await testKeys()
  // The Node peer holds //Dave: it mines netuid 1 for //Alice, and validates (with a permit) on the tab miner //Bob.
  nodePeer = await createNodePeer({
    relays: relay.multiaddrs,
    query: { hotkey: keys.dave, lookupValidator: permits([keys.alice]), rateLimit: { totalPerSecond: 1e6, minPerSecond: 0, burstSeconds: 1 } },
  })
  nodePeer.services.query.serve(1, ({ body }) => body.slice().reverse())
  const node = nodePeer
  const webrtcAddr = () =>
    node
      .getMultiaddrs()
      .map((a) => a.toString())
      .find((a) => a.includes('/p2p-circuit/webrtc'))
  await expect.poll(webrtcAddr, { timeout: 10_000 }).toBeDefined()

  minerTab = await openTab(browser, 'tab')
  const tab = await startPeer(minerTab, { relayAddrs: relay.multiaddrs, hotkey: '//Bob', permits: ['//Dave'], serve: [1] })

  // Node → tab: the Node peer dials the tab's /p2p-circuit/webrtc address.
  const toTab = await node.services.query.query(multiaddr(tab.webrtcAddrs[0]!), { netuid: 1, minerHotkey: keys.bob.publicKey, body: new Uint8Array([1, 2, 3]) }, { timeout: 10_000 })
  expect(toTab.body).toEqual(new Uint8Array([3, 2, 1]))
  const nodeSide = node.getConnections().filter((c) => c.remotePeer.toString() === tab.peerId).map(describeConnection).filter((c) => c.queryStreams > 0)
  expect(nodeSide).toHaveLength(1)
  expect(nodeSide[0]).toMatchObject({ directWebRTC: true, limited: false, transport: 'webrtc' })
  const rtts: number[] = []
  for (let i = 0; i < 50; i++) {
    const started = performance.now()
    const { body } = await node.services.query.query(peerIdFromString(tab.peerId), { netuid: 1, minerHotkey: keys.bob.publicKey, body: new Uint8Array([i, 7]) })
    rtts.push(performance.now() - started)
    expect(body).toEqual(new Uint8Array([7, i]))
  }

  // Tab → Node: a second tab validates with //Alice, to whom the Node peer grants a permit.
  const validatorTab = await openTab(browser, 'validator tab')
  try {
    await startPeer(validatorTab, { relayAddrs: relay.multiaddrs, hotkey: '//Alice' })
    const toNode = await query(validatorTab, webrtcAddr()!, { netuid: 1, minerHotkey: '//Dave', body: '0x0a0b', timeout: 10_000 })
    expect(toNode).toMatchObject({ ok: true, body: '0x0b0a' })
    const tabSide = (await connections(validatorTab, node.peerId.toString())).filter((c) => c.queryStreams > 0)
    expect(tabSide).toHaveLength(1)
    expect(tabSide[0]).toMatchObject({ directWebRTC: true, limited: false, transport: 'webrtc' })
    const run = await queryLoop(validatorTab, node.peerId.toString(), { netuid: 1, minerHotkey: '//Dave', n: 50 })
    expect(run.failures).toEqual([])
    // A refusal crosses too: //Alice's tab asks for a netuid the Node peer does not serve.
    expect(await query(validatorTab, node.peerId.toString(), { netuid: 5, minerHotkey: '//Dave', body: '0x' })).toMatchObject({ ok: false, reason: 'NotServed' })
    expect(await validatorTab.errors()).toEqual([])
    rtts.sort((a, b) => a - b)
    const back = run.rtts.sort((a, b) => a - b)
    console.info(`Node→tab: 50 queries p50 ${percentile(rtts, 0.5).toFixed(2)} ms; tab→Node: 50 queries p50 ${percentile(back, 0.5).toFixed(2)} ms`)
  } finally {
    await validatorTab.close()
  }
})
