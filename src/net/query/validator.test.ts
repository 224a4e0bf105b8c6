// The validator's checks on responses: one test per rejection, plus nonces that only increase.
import { beforeAll, describe, expect, test } from 'vitest'
import { MESSAGE_OVERHEAD_BYTES } from './constants.ts'
import { QueryResponse, decodeResponse, hashBody } from './messages.ts'
import { signResponse } from './miner.ts'
import { Status } from './reasons.ts'
import { testClock, testKeys, testRequest, type TestKeys } from './testing.ts'
import { NonceSource, checkResponse, signRequest, type ResponseExpectation } from './validator.ts'

let keys: TestKeys
beforeAll(async () => {
  keys = await testKeys()
})

const now = 1_750_000_000_000

function exchange(body = new Uint8Array([1, 2, 3])) {
  const request = testRequest(keys.alice, keys.bob, now)
  const expected: ResponseExpectation = { requestId: request.requestId, minerHotkey: keys.bob.publicKey, deadline: request.deadline, receivedAt: now + 10, maxBodyBytes: 1024 }
  return { request, expected, response: signResponse(keys.bob, { requestId: request.requestId, status: 'Ok', body }) }
}

function tamper(bytes: Uint8Array, change: Partial<QueryResponse>): Uint8Array {
  return QueryResponse.enc({ ...decodeResponse(bytes), ...change })
}

describe('checkResponse', () => {
  test('accepts a signed response to the request, in time', () => {
    const { expected, response } = exchange()
    expect(checkResponse(response, expected)).toMatchObject({ ok: true, status: 'Ok', body: new Uint8Array([1, 2, 3]) })
  })

  test.each([
    ['Malformed', 'cannot decode the response', () => new Uint8Array(5)],
    ['Malformed', 'unknown status code 200', (r: Uint8Array) => tamper(r, { status: 200 })],
    ['Unsigned', 'the response is not signed', (r: Uint8Array) => tamper(r, { signature: new Uint8Array() })],
    ['BadSignature', 'the response is not signed by miner', (r: Uint8Array) => tamper(r, { signature: keys.charlie.sign(new Uint8Array([1])) })],
    ['BadSignature', 'the response is not signed by miner', (r: Uint8Array) => tamper(r, { status: Status.RateLimited })],
    ['BodyHashMismatch', 'the body does not hash', (r: Uint8Array) => tamper(r, { body: new Uint8Array([9]) })],
    ['TooLarge', 'bodies up to 1024 bytes are accepted', (r: Uint8Array) => tamper(r, { body: new Uint8Array(1024 + MESSAGE_OVERHEAD_BYTES) })],
  ] as const)('rejects %s (%s)', (reason, message, mangle) => {
    const { expected, response } = exchange()
    const rejected = checkResponse(mangle(response), expected)
    expect(rejected).toMatchObject({ ok: false, reason })
    expect(!rejected.ok && rejected.message).toContain(message)
  })

  test('rejects a response signed by another hotkey than the miner asked', () => {
    const { request, expected } = exchange()
    const forged = signResponse(keys.charlie, { requestId: request.requestId, status: 'Ok', body: new Uint8Array() })
    expect(checkResponse(forged, expected)).toMatchObject({ ok: false, reason: 'BadSignature' })
  })

  test('rejects a genuine response to another request', () => {
    const { expected } = exchange()
    const other = testRequest(keys.alice, keys.bob, now)
    const response = signResponse(keys.bob, { requestId: other.requestId, status: 'Ok', body: new Uint8Array() })
    expect(checkResponse(response, expected)).toMatchObject({ ok: false, reason: 'WrongRequestId' })
  })

  test('rejects a response that arrives after the deadline', () => {
    const { expected, response } = exchange()
    expect(checkResponse(response, { ...expected, receivedAt: expected.deadline + 1 })).toMatchObject({ ok: false, reason: 'Late', message: 'the response arrived 1 ms after the deadline' })
  })

  test('rejects a signed body over the limit', () => {
    const { request, expected } = exchange()
    const big = signResponse(keys.bob, { requestId: request.requestId, status: 'Ok', body: new Uint8Array(1025) })
    expect(checkResponse(big, expected)).toMatchObject({ ok: false, reason: 'TooLarge', message: 'the body is 1025 bytes; up to 1024 are accepted' })
    expect(hashBody(new Uint8Array(1025)).length).toBe(32)
  })
})

describe('signRequest', () => {
  test('refuses parameters that do not fit the wire types', () => {
    const base = { netuid: 1, minerHotkey: new Uint8Array(32), nonce: 1n, deadline: now, body: new Uint8Array() }
    expect(() => signRequest(keys.alice, { ...base, netuid: 70_000 })).toThrow('netuid must be a u16, got 70000')
    expect(() => signRequest(keys.alice, { ...base, nonce: -1n })).toThrow('the nonce must be a u64, got -1')
    expect(() => signRequest(keys.alice, { ...base, minerHotkey: new Uint8Array(4) })).toThrow('the miner hotkey must be 32 bytes, got 4')
  })
})

describe('NonceSource', () => {
  test('starts at the clock in microseconds, then counts up by one whatever the clock does', () => {
    const clock = testClock(1000)
    const nonces = new NonceSource(clock.now)
    expect(nonces.next()).toBe(1_000_000n)
    expect(nonces.next()).toBe(1_000_001n)
    clock.set(500)
    expect(nonces.next()).toBe(1_000_002n)
    clock.set(2000)
    expect(nonces.next()).toBe(1_000_003n)
    // A restart a millisecond later starts above every nonce used before.
    expect(new NonceSource(() => 1001).next()).toBeGreaterThan(1_000_003n)
  })
})
