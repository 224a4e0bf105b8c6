// The query service's stats hooks (onServed / onRefusal), between two Node peers over loopback websockets: an answer is reported with
// its milliseconds, each refusal with its reason (and, for HandlerFailed, what the handler threw), and a callback that throws changes
// nothing the validator receives.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createNodePeer, type NodePeer } from '../node/peer.ts'
import { permits, testKeys, type TestKeys } from '../query/testing.ts'
import type { RefusalEvent, ServedEvent } from './query.ts'

let keys: TestKeys
let miner: NodePeer
let validator: NodePeer
let outsider: NodePeer
const served: ServedEvent[] = []
const refusals: RefusalEvent[] = []
let throwFromCallbacks = false

class Busy extends Error {}

beforeAll(async () => {
  keys = await testKeys()
  miner = await createNodePeer({
    webrtc: false,
    query: {
      hotkey: keys.bob,
      lookupValidator: permits([keys.alice]),
      onServed: (event) => {
        served.push(event)
        if (throwFromCallbacks) throw new Error('a broken stats display')
      },
      onRefusal: (event) => {
        refusals.push(event)
        if (throwFromCallbacks) throw new Error('a broken stats display')
      },
    },
  })
  miner.services.query.serve(1, ({ body }) => body.slice().reverse())
  miner.services.query.serve(3, () => {
    throw new Busy('over this tab’s compute share')
  })
  validator = await createNodePeer({ webrtc: false, query: { hotkey: keys.alice } })
  outsider = await createNodePeer({ webrtc: false, query: { hotkey: keys.charlie } })
})
afterAll(async () => {
  await Promise.all([miner?.stop(), validator?.stop(), outsider?.stop()])
})

describe('query service stats hooks', () => {
  test('an answered request is reported once, with its netuid and milliseconds', async () => {
    served.length = 0
    const { body } = await validator.services.query.query(miner.getMultiaddrs(), { netuid: 1, minerHotkey: keys.bob.publicKey, body: new Uint8Array([1, 2]) }, { timeout: 5000 })
    expect(body).toEqual(new Uint8Array([2, 1]))
    expect(served).toHaveLength(1)
    expect(served[0]!.netuid).toBe(1)
    expect(served[0]!.ms).toBeGreaterThanOrEqual(0)
  })

  test('refusals are reported with their reason: a caller without a permit, and a handler that throws (with its error)', async () => {
    refusals.length = 0
    await expect(outsider.services.query.query(miner.getMultiaddrs(), { netuid: 1, minerHotkey: keys.bob.publicKey, body: new Uint8Array([1]) }, { timeout: 5000 })).rejects.toMatchObject({
      reason: 'NoValidatorPermit',
    })
    await expect(validator.services.query.query(miner.getMultiaddrs(), { netuid: 3, minerHotkey: keys.bob.publicKey, body: new Uint8Array([1]) }, { timeout: 5000 })).rejects.toMatchObject({
      reason: 'HandlerFailed',
    })
    expect(refusals.map((r) => r.reason)).toEqual(['NoValidatorPermit', 'HandlerFailed'])
    expect(refusals[0]!.netuid).toBeUndefined()
    expect(refusals[1]).toMatchObject({ netuid: 3, message: 'the handler failed: over this tab’s compute share' })
    expect(refusals[1]!.error).toBeInstanceOf(Busy)
  })

  test('a callback that throws changes nothing the validator receives', async () => {
    throwFromCallbacks = true
    try {
      const { body } = await validator.services.query.query(miner.getMultiaddrs(), { netuid: 1, minerHotkey: keys.bob.publicKey, body: new Uint8Array([5, 6]) }, { timeout: 5000 })
      expect(body).toEqual(new Uint8Array([6, 5]))
      await expect(validator.services.query.query(miner.getMultiaddrs(), { netuid: 9, minerHotkey: keys.bob.publicKey, body: new Uint8Array([1]) }, { timeout: 5000 })).rejects.toMatchObject({
        reason: 'NotServed',
      })
    } finally {
      throwFromCallbacks = false
    }
  })
})
