// One owner tab per browser profile (Web Locks): a second tab of the same profile reaches the owner's node over BroadcastChannel for its status and its queries, refusals keep their reason, and it takes over when the owner closes.
import { expect, test } from '@playwright/test'
import { startRelayProcess, type RelayProcess } from './fixtures/relay.ts'
import { openTab, startPeer, type Tab } from './fixtures/tabs.ts'

let relay: RelayProcess | undefined
const tabs: Tab[] = []

test.afterEach(async () => {
  const errors = (await Promise.all(tabs.map((t) => t.errors().catch(() => [])))).flat()
  await Promise.all(tabs.splice(0).map((t) => t.close().catch(() => undefined)))
  await relay?.dispose()
  relay = undefined
  expect(errors).toEqual([])
})

test('the first tab of a profile owns the node; a second tab queries through it and takes over when it closes', async ({ browser }) => {
  test.setTimeout(60_000)
  relay = await startRelayProcess()
  const minerTab = await openTab(browser, 'miner')
  tabs.push(minerTab)
  const miner = await startPeer(minerTab, { relayAddrs: relay.multiaddrs, hotkey: '//Bob', permits: ['//Alice'], serve: [1] })

  const profile = await browser.newContext()
  const first = await openTab(browser, 'owner tab', profile)
  const second = await openTab(browser, 'second tab', profile)
  tabs.push(second, first)
  expect(await first.page.evaluate(() => window.harness.joinOwnerElection('devnet'))).toBe('owner')
  const owner = await startPeer(first, { relayAddrs: relay.multiaddrs, hotkey: '//Alice' })
  expect(await second.page.evaluate(() => window.harness.joinOwnerElection('devnet'))).toBe('follower')
  // Another network has its own owner.
  const third = await openTab(browser, 'other network tab', profile)
  tabs.push(third)
  expect(await third.page.evaluate(() => window.harness.joinOwnerElection('testnet'))).toBe('owner')

  const status = await second.page.evaluate(() => window.harness.ownerStatus())
  expect(status).toMatchObject({ peerId: owner.peerId, relay: { reserved: true } })
  const answer = await second.page.evaluate((address) => window.harness.queryThroughOwner(address, { netuid: 1, minerHotkey: '//Bob', body: '0x0102', timeout: 10_000 }), miner.webrtcAddrs[0]!)
  expect(answer).toMatchObject({ ok: true, body: '0x0201' })
  const refused = await second.page.evaluate((peer) => window.harness.queryThroughOwner(peer, { netuid: 7, minerHotkey: '//Bob', body: '0x' }), miner.peerId)
  expect(refused).toMatchObject({ ok: false, name: 'QueryRefusedError', reason: 'NotServed' })

  // The owner tab closes: the lock passes to the waiting tab.
  await first.close()
  tabs.splice(tabs.indexOf(first), 1)
  await expect.poll(() => second.page.evaluate(() => window.harness.ownerRole()), { timeout: 10_000 }).toBe('owner')
  await profile.close()
})
