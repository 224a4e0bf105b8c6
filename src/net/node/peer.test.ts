// Two Node peers over loopback websockets: round trips with signatures both ways, bounded streams over 1,000 queries, and each refusal over the real transport.
import { lpStream } from '@libp2p/utils'
import { u8aToHex } from '@polkadot/util'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { QueryRefusedError, QueryResponseRejectedError, QueryStreamError, QueryTimeoutError } from '../errors.ts'
import { PROTOCOL } from '../query/constants.ts'
import { QueryRequest, QueryResponse, decodeRequest, decodeResponse, requestId } from '../query/messages.ts'
import { signResponse } from '../query/miner.ts'
import { statusName } from '../query/reasons.ts'
import { permits, testKeys, type TestKeys } from '../query/testing.ts'
import { checkResponse, signRequest } from '../query/validator.ts'
import { createNodePeer, type NodePeer } from './peer.ts'

let keys: TestKeys
let miner: NodePeer
let validator: NodePeer
let outsider: NodePeer
const nodes: NodePeer[] = []

async function peer(init: Parameters<typeof createNodePeer>[0]): Promise<NodePeer> {
  const node = await createNodePeer({ webrtc: false, ...init })
  nodes.push(node)
  return node
}

/** Query streams open on every connection of `node` (both directions). */
function queryStreams(node: NodePeer): number {
  return node.getConnections().flatMap((connection) => connection.streams).filter((stream) => stream.protocol === PROTOCOL).length
}

/** Sends raw bytes on a fresh query stream from `from` to the miner and returns the raw response frame. */
async function rawExchange(from: NodePeer, bytes: Uint8Array): Promise<Uint8Array> {
  const stream = await from.dialProtocol(miner.getMultiaddrs(), PROTOCOL)
  const lp = lpStream(stream)
  await lp.write(bytes)
  const response = (await lp.read({ signal: AbortSignal.timeout(5000) })).subarray()
  await stream.close()
  return response
}

function statusOf(response: Uint8Array): string | undefined {
  return statusName(decodeResponse(response).status)
}

beforeAll(async () => {
  keys = await testKeys()
  miner = await peer({ query: { hotkey: keys.bob, lookupValidator: permits([keys.alice, keys.dave]), maxBodyBytes: 64 * 1024, rateLimit: { totalPerSecond: 1e6, minPerSecond: 0, burstSeconds: 1 } } })
  miner.services.query.serve(1, async ({ body }) => new Uint8Array([...body].reverse()))
  miner.services.query.serve(2, async (_query, { signal }) => {
    await new Promise((resolve) => setTimeout(resolve, 1000, undefined).unref())
    signal.throwIfAborted()
    return new Uint8Array()
  })
  validator = await peer({ query: { hotkey: keys.alice } })
  outsider = await peer({ query: { hotkey: keys.charlie } })
})

afterAll(async () => {
  await Promise.all(nodes.map((node) => node.stop()))
})

describe('query between two Node peers over websockets', () => {
  test('a signed query round-trips and the miner’s answer is checked', async () => {
    const result = await validator.services.query.query(miner.getMultiaddrs(), { netuid: 1, minerHotkey: keys.bob.publicKey, body: new Uint8Array([1, 2, 3]) }, { timeout: 5000 })
    expect(result.body).toEqual(new Uint8Array([3, 2, 1]))
    const connection = validator.getConnections(miner.peerId)[0]!
    expect(connection.limits).toBeUndefined()
  })

  test('1,000 sequential and 1,000 concurrent queries keep the stream count bounded on both sides', async () => {
    const { query } = validator.services
    const target = miner.peerId
    let most = 0
    const sample = () => (most = Math.max(most, queryStreams(validator), queryStreams(miner)))
    const rtts: number[] = []
    for (let i = 0; i < 1000; i++) {
      const started = performance.now()
      const { body } = await query.query(target, { netuid: 1, minerHotkey: keys.bob.publicKey, body: new Uint8Array([i & 0xff, i >> 8]) }, { timeout: 5000 })
      rtts.push(performance.now() - started)
      expect(body).toEqual(new Uint8Array([i >> 8, i & 0xff]))
      if (i % 50 === 0) sample()
    }
    expect(most).toBe(1)
    await Promise.all(
      Array.from({ length: 1000 }, async (_, i) => {
        await query.query(target, { netuid: 1, minerHotkey: keys.bob.publicKey, body: new Uint8Array([i & 0xff]) }, { timeout: 30_000 }) // the last of 1,000 waits behind the others: not a speed check
        if (i % 25 === 0) sample()
      }),
    )
    expect(most).toBeLessThanOrEqual(4)
    expect(query.streamCounts().outbound).toBeLessThanOrEqual(4)
    expect(miner.services.query.streamCounts().inbound).toBeLessThanOrEqual(4)
    rtts.sort((a, b) => a - b)
    const p = (q: number) => rtts[Math.floor(q * (rtts.length - 1))]!.toFixed(2)
    console.info(`Node↔Node websocket query with sr25519 both ways, 1,000 sequential: p50 ${p(0.5)} ms, p90 ${p(0.9)} ms, p99 ${p(0.99)} ms`)
  }, 60_000)

  test('forged signature: refused BadSignature, and the stream stays usable', async () => {
    const signed = signRequest(keys.alice, { netuid: 1, minerHotkey: keys.bob.publicKey, nonce: 1n << 50n, deadline: Date.now() + 5000, body: new Uint8Array([1]) })
    const forged = QueryRequest.enc({ ...decodeRequest(signed.bytes), validatorHotkey: keys.dave.publicKey })
    expect(statusOf(await rawExchange(outsider, forged))).toBe('BadSignature')
    const unsigned = QueryRequest.enc({ ...decodeRequest(signed.bytes), signature: new Uint8Array() })
    expect(statusOf(await rawExchange(outsider, unsigned))).toBe('BadSignature')
  })

  test('replayed nonce: the same signed request twice is refused the second time', async () => {
    // //Dave holds a permit but no query service: its nonces are the test's own.
    const signed = signRequest(keys.dave, { netuid: 1, minerHotkey: keys.bob.publicKey, nonce: 10n, deadline: Date.now() + 5000, body: new Uint8Array([1]) })
    const first = await rawExchange(outsider, signed.bytes)
    expect(checkResponse(first, { requestId: signed.requestId, minerHotkey: keys.bob.publicKey, deadline: signed.deadline })).toMatchObject({ ok: true, status: 'Ok' })
    const replay = await rawExchange(outsider, signed.bytes)
    expect(checkResponse(replay, { requestId: signed.requestId, minerHotkey: keys.bob.publicKey, deadline: signed.deadline })).toMatchObject({ ok: true, status: 'Replayed' })
  })

  test('wrong miner hotkey: the miner refuses, and the validator cannot take its refusal for the addressed hotkey’s', async () => {
    const signed = signRequest(keys.alice, { netuid: 1, minerHotkey: keys.charlie.publicKey, nonce: 1n, deadline: Date.now() + 5000, body: new Uint8Array() })
    expect(statusOf(await rawExchange(validator, signed.bytes))).toBe('WrongMinerHotkey')
    const attempt = validator.services.query.query(miner.peerId, { netuid: 1, minerHotkey: keys.charlie.publicKey, body: new Uint8Array() })
    await expect(attempt).rejects.toThrow(QueryResponseRejectedError)
    await expect(attempt).rejects.toMatchObject({ reason: 'BadSignature' })
  })

  test('no validator permit: refused NoValidatorPermit', async () => {
    const attempt = outsider.services.query.query(miner.peerId, { netuid: 1, minerHotkey: keys.bob.publicKey, body: new Uint8Array() })
    await expect(attempt).rejects.toThrow(QueryRefusedError)
    await expect(attempt).rejects.toMatchObject({ reason: 'NoValidatorPermit' })
    await expect(attempt).rejects.toThrow(/has no validator permit on netuid 1/)
  })

  test('not served: a netuid the miner has no handler for', async () => {
    await expect(validator.services.query.query(miner.peerId, { netuid: 9, minerHotkey: keys.bob.publicKey, body: new Uint8Array() })).rejects.toMatchObject({ reason: 'NotServed' })
  })

  test('oversized: a body over the miner’s limit is refused TooLarge; a frame far over it resets the stream; both sides carry on', async () => {
    await expect(validator.services.query.query(miner.peerId, { netuid: 1, minerHotkey: keys.bob.publicKey, body: new Uint8Array(64 * 1024 + 1) })).rejects.toMatchObject({ reason: 'TooLarge' })
    await expect(validator.services.query.query(miner.peerId, { netuid: 1, minerHotkey: keys.bob.publicKey, body: new Uint8Array(200 * 1024) }, { timeout: 5000 })).rejects.toThrow(QueryStreamError)
    const { body } = await validator.services.query.query(miner.peerId, { netuid: 1, minerHotkey: keys.bob.publicKey, body: new Uint8Array([5, 6]) })
    expect(body).toEqual(new Uint8Array([6, 5]))
  })

  test('late: the validator times out by itself, the miner’s handler is aborted at the deadline, and the next query works', async () => {
    const started = Date.now()
    const late = await validator.services.query.query(miner.peerId, { netuid: 2, minerHotkey: keys.bob.publicKey, body: new Uint8Array() }, { timeout: 200 }).catch((e: unknown) => e)
    // The validator's own timer and the miner's abort are due at the same millisecond, on two clocks: the validator's timer, or the
    // miner's refusal at the deadline judged Late, or that refusal arriving a hair before the deadline — each says the answer came too late.
    const tooLate =
      late instanceof QueryTimeoutError ||
      (late instanceof QueryResponseRejectedError && late.reason === 'Late') ||
      (late instanceof QueryRefusedError && late.reason === 'HandlerFailed' && /did not finish before the deadline/.test(String(late.details)))
    expect(tooLate, String(late)).toBe(true)
    expect(Date.now() - started).toBeLessThan(1000)
    const { body } = await validator.services.query.query(miner.peerId, { netuid: 1, minerHotkey: keys.bob.publicKey, body: new Uint8Array([1]) })
    expect(body).toEqual(new Uint8Array([1]))
  })

  test('expired: a request whose deadline has passed is refused Expired', async () => {
    const signed = signRequest(keys.alice, { netuid: 1, minerHotkey: keys.bob.publicKey, nonce: 3n, deadline: Date.now() - 1000, body: new Uint8Array() })
    expect(statusOf(await rawExchange(validator, signed.bytes))).toBe('Expired')
  })

  test('a miner answering unsigned or mis-signed responses is rejected by the validator', async () => {
    const rogue = await peer({ query: { hotkey: keys.dave } })
    await rogue.unhandle(PROTOCOL)
    let mode: 'unsigned' | 'forged' = 'unsigned'
    await rogue.handle(PROTOCOL, async (stream) => {
      const lp = lpStream(stream)
      try {
        while (true) {
          const { body: _body, signature, ...fields } = decodeRequest((await lp.read()).subarray())
          const response = signResponse(mode === 'forged' ? keys.charlie : keys.dave, { requestId: requestId(fields, signature), status: 'Ok', body: new Uint8Array([1]) })
          await lp.write(mode === 'unsigned' ? QueryResponse.enc({ ...decodeResponse(response), signature: new Uint8Array() }) : response)
        }
      } catch {
        await stream.close()
      }
    })
    await expect(validator.services.query.query(rogue.getMultiaddrs(), { netuid: 1, minerHotkey: keys.dave.publicKey, body: new Uint8Array() })).rejects.toMatchObject({ reason: 'Unsigned' })
    mode = 'forged'
    await expect(validator.services.query.query(rogue.peerId, { netuid: 1, minerHotkey: keys.dave.publicKey, body: new Uint8Array() })).rejects.toMatchObject({ reason: 'BadSignature' })
    expect(u8aToHex(keys.dave.publicKey)).not.toBe(u8aToHex(keys.charlie.publicKey))
  })
})
