// The miner's checks: one test per refusal reason, each with real sr25519 keys and an injected clock.
import { u8aToHex } from '@polkadot/util'
import { beforeAll, describe, expect, test } from 'vitest'
import { MESSAGE_OVERHEAD_BYTES } from './constants.ts'
import { QueryRequest, decodeRequest } from './messages.ts'
import { RequestGate, signRefusal, signResponse, type RequestGateInit } from './miner.ts'
import { checkResponse } from './validator.ts'
import { permits, testClock, testKeys, testRequest, type TestKeys } from './testing.ts'

let keys: TestKeys
beforeAll(async () => {
  keys = await testKeys()
})

function newGate(overrides: Partial<RequestGateInit> = {}) {
  const clock = testClock()
  const gate = new RequestGate({ minerHotkey: keys.bob.publicKey, isServed: (netuid) => netuid === 1, lookupValidator: permits([keys.alice, keys.dave]), now: clock.now, ...overrides })
  return { gate, clock }
}

/** Re-encodes a signed request with some fields changed after signing. */
function tamper(bytes: Uint8Array, change: Partial<QueryRequest>): Uint8Array {
  return QueryRequest.enc({ ...decodeRequest(bytes), ...change })
}

describe('RequestGate', () => {
  test('admits a well-formed, signed, fresh request from a permit holder', async () => {
    const { gate, clock } = newGate()
    const request = testRequest(keys.alice, keys.bob, clock.now())
    const admitted = await gate.admit(request.bytes)
    expect(admitted.ok).toBe(true)
    expect(u8aToHex(admitted.requestId)).toBe(u8aToHex(request.requestId))
  })

  test.each([
    ['Malformed', 'cannot decode the request (3 bytes)', () => new Uint8Array([1, 2, 3])],
    ['BadSignature', 'the request is not signed', (k: TestKeys, now: number) => tamper(testRequest(k.alice, k.bob, now).bytes, { signature: new Uint8Array() })],
    ['BadSignature', 'the signature is not by validator', (k: TestKeys, now: number) => tamper(testRequest(k.alice, k.bob, now).bytes, { validatorHotkey: k.dave.publicKey })],
    ['BadSignature', 'the signature is not by validator', (k: TestKeys, now: number) => tamper(testRequest(k.alice, k.bob, now).bytes, { nonce: 1n << 40n })],
    ['WrongMinerHotkey', 'the request is for miner', (k: TestKeys, now: number) => testRequest(k.alice, k.charlie, now).bytes],
    ['NotServed', 'this miner does not serve netuid 2', (k: TestKeys, now: number) => testRequest(k.alice, k.bob, now, { netuid: 2 }).bytes],
    ['Expired', 'passed 1 ms ago', (k: TestKeys, now: number) => testRequest(k.alice, k.bob, now, { deadline: now - 1 }).bytes],
    ['DeadlineTooFar', 'ms ahead; at most 300000 ms is accepted', (k: TestKeys, now: number) => testRequest(k.alice, k.bob, now, { deadline: now + 300_001 }).bytes],
    ['NoValidatorPermit', 'has no validator permit on netuid 1', (k: TestKeys, now: number) => testRequest(k.charlie, k.bob, now).bytes],
    ['TooLarge', 'this miner accepts up to 1024', (k: TestKeys, now: number) => testRequest(k.alice, k.bob, now, { body: new Uint8Array(1025) }).bytes],
    ['TooLarge', 'this miner accepts bodies up to 1024 bytes', (k: TestKeys, now: number) => testRequest(k.alice, k.bob, now, { body: new Uint8Array(1024 + MESSAGE_OVERHEAD_BYTES) }).bytes],
    ['BodyHashMismatch', 'the body does not hash to the signed body hash', (k: TestKeys, now: number) => tamper(testRequest(k.alice, k.bob, now).bytes, { body: new TextEncoder().encode('pong') })],
  ] as const)('refuses %s (%s)', async (reason, message, make) => {
    const { gate, clock } = newGate({ maxBodyBytes: 1024 })
    const refused = await gate.admit(make(keys, clock.now()))
    expect(refused).toMatchObject({ ok: false, reason })
    expect(!refused.ok && refused.message).toContain(message)
  })

  test('refuses a replayed request, and a nonce below the window', async () => {
    const { gate, clock } = newGate()
    const first = testRequest(keys.alice, keys.bob, clock.now(), { nonce: 5000n })
    expect((await gate.admit(first.bytes)).ok).toBe(true)
    expect(await gate.admit(first.bytes)).toMatchObject({ ok: false, reason: 'Replayed', message: 'nonce 5000 was already used' })
    // The same nonce signed again (a new signature, a new request id) is still a replay.
    expect(await gate.admit(testRequest(keys.alice, keys.bob, clock.now(), { nonce: 5000n }).bytes)).toMatchObject({ reason: 'Replayed' })
    expect(await gate.admit(testRequest(keys.alice, keys.bob, clock.now(), { nonce: 5000n - 1024n }).bytes)).toMatchObject({ reason: 'StaleNonce' })
    // Another validator's nonces are its own.
    expect((await gate.admit(testRequest(keys.dave, keys.bob, clock.now(), { nonce: 5000n }).bytes)).ok).toBe(true)
  })

  test('records no nonce for a request refused earlier (a forged request cannot burn a real one)', async () => {
    const { gate, clock } = newGate()
    const real = testRequest(keys.alice, keys.bob, clock.now(), { nonce: 77n })
    expect(await gate.admit(tamper(real.bytes, { signature: new Uint8Array(64) }))).toMatchObject({ reason: 'BadSignature' })
    expect((await gate.admit(real.bytes)).ok).toBe(true)
  })

  test('rate-limits by stake: the bucket empties, refills with time', async () => {
    const { gate, clock } = newGate({ rateLimit: { totalPerSecond: 10, minPerSecond: 0, burstSeconds: 1 }, lookupValidator: permits([keys.alice], 0.3) })
    const results = []
    for (let i = 0; i < 4; i++) results.push((await gate.admit(testRequest(keys.alice, keys.bob, clock.now()).bytes)).ok)
    expect(results).toEqual([true, true, true, false])
    expect(await gate.admit(testRequest(keys.alice, keys.bob, clock.now()).bytes)).toMatchObject({ reason: 'RateLimited', message: 'over 3.0 requests/s for this validator\'s stake' })
    clock.advance(334)
    expect((await gate.admit(testRequest(keys.alice, keys.bob, clock.now()).bytes)).ok).toBe(true)
  })

  test('awaits an asynchronous permit lookup', async () => {
    const { gate, clock } = newGate({ lookupValidator: async () => ({ permit: false, stakeWeight: 0 }) })
    expect(await gate.admit(testRequest(keys.alice, keys.bob, clock.now()).bytes)).toMatchObject({ reason: 'NoValidatorPermit' })
  })

  test('signs responses and refusals that the validator side accepts', async () => {
    const { gate, clock } = newGate()
    const request = testRequest(keys.alice, keys.bob, clock.now())
    const expectation = { requestId: request.requestId, minerHotkey: keys.bob.publicKey, deadline: request.deadline, receivedAt: clock.now() }
    const ok = checkResponse(signResponse(keys.bob, { requestId: request.requestId, status: 'Ok', body: new Uint8Array([7]) }), expectation)
    expect(ok).toMatchObject({ ok: true, status: 'Ok', body: new Uint8Array([7]) })
    const refused = await gate.admit(testRequest(keys.charlie, keys.bob, clock.now()).bytes)
    if (refused.ok) throw new Error('expected a refusal')
    const checked = checkResponse(signRefusal(keys.bob, refused), { ...expectation, requestId: refused.requestId })
    expect(checked).toMatchObject({ ok: true, status: 'NoValidatorPermit' })
    expect(checked.ok && new TextDecoder().decode(checked.body)).toContain('has no validator permit on netuid 1')
  })
})
