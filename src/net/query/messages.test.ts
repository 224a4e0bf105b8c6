// The wire codecs: round trips, the pinned signing payload, strict decoding, and what the request id commits to.
import { u8aToHex } from '@polkadot/util'
import { beforeAll, describe, expect, test } from 'vitest'
import { MalformedMessageError, QueryRequest, QueryResponse, decodeRequest, decodeResponse, hashBody, requestId, requestSigningPayload, responseSigningPayload } from './messages.ts'
import { testKeys, type TestKeys } from './testing.ts'

let keys: TestKeys
beforeAll(async () => {
  keys = await testKeys()
})

const fields = () => ({
  netuid: 7,
  validatorHotkey: keys.alice.publicKey,
  minerHotkey: keys.bob.publicKey,
  nonce: 42n,
  deadline: 1_750_000_005_000n,
  bodyHash: hashBody(new TextEncoder().encode('ping')),
})

describe('query messages', () => {
  test('a request round-trips through SCALE', () => {
    const request = { ...fields(), body: new Uint8Array([1, 2, 3]), signature: new Uint8Array(64).fill(9) }
    expect(decodeRequest(QueryRequest.enc(request))).toEqual(request)
  })

  test('decodes a request from a view into a larger buffer (as lpStream returns frames)', () => {
    const request = { ...fields(), body: new Uint8Array([1, 2, 3]), signature: new Uint8Array(64).fill(9) }
    const encoded = QueryRequest.enc(request)
    const buffer = new Uint8Array(encoded.length + 10)
    buffer.set(encoded, 7)
    expect(decodeRequest(buffer.subarray(7, 7 + encoded.length))).toEqual(request)
  })

  test('a response round-trips through SCALE', () => {
    const response = { requestId: new Uint8Array(32).fill(1), status: 0, bodyHash: hashBody(new Uint8Array()), body: new Uint8Array(), signature: new Uint8Array(64) }
    expect(decodeResponse(QueryResponse.enc(response))).toEqual(response)
  })

  test('the request signing payload is the domain string, then the fields in wire order (pinned)', () => {
    const payload = requestSigningPayload(fields())
    expect(payload.length).toBe(1 + 29 + 2 + 32 + 32 + 8 + 8 + 32)
    expect(new TextDecoder().decode(payload.subarray(1, 30))).toBe('webtensor/query/1.0.0/request')
    expect(u8aToHex(payload)).toMatchInlineSnapshot(`"0x7477656274656e736f722f71756572792f312e302e302f726571756573740700d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d8eaf04151687736326c9fea17e25fc5287613693c912909cb226aa4794f26a482a0000000000000088ef207497010000f706af5c49b7368699d13931c79e0de363e160ff37fc045c1fa2b70b53924101"`)
  })

  test('the response signing payload has its own domain: a request signature never verifies as a response one', () => {
    const payload = responseSigningPayload({ requestId: new Uint8Array(32), status: 0, bodyHash: new Uint8Array(32) })
    expect(new TextDecoder().decode(payload.subarray(1, 31))).toBe('webtensor/query/1.0.0/response')
  })

  test('the request id commits to every signed field and to the signature', () => {
    const signature = new Uint8Array(64).fill(3)
    const base = u8aToHex(requestId(fields(), signature))
    expect(u8aToHex(requestId(fields(), signature))).toBe(base)
    for (const change of [{ netuid: 8 }, { nonce: 43n }, { deadline: 1n }, { minerHotkey: keys.charlie.publicKey }, { bodyHash: new Uint8Array(32) }]) {
      expect(u8aToHex(requestId({ ...fields(), ...change }, signature))).not.toBe(base)
    }
    expect(u8aToHex(requestId(fields(), new Uint8Array(64).fill(4)))).not.toBe(base)
  })

  test.each([
    ['trailing bytes', (bytes: Uint8Array) => new Uint8Array([...bytes, 0])],
    ['truncated in the body', (bytes: Uint8Array) => bytes.subarray(0, bytes.length - 70)],
    ['truncated in a hotkey', (bytes: Uint8Array) => bytes.subarray(0, 20)],
    ['empty', () => new Uint8Array()],
  ])('a request %s is refused as malformed', (_, mangle) => {
    const bytes = QueryRequest.enc({ ...fields(), body: new Uint8Array(10), signature: new Uint8Array(64) })
    expect(() => decodeRequest(mangle(bytes))).toThrow(MalformedMessageError)
  })

  test('a response with trailing bytes is refused as malformed', () => {
    const bytes = QueryResponse.enc({ requestId: new Uint8Array(32), status: 0, bodyHash: new Uint8Array(32), body: new Uint8Array(), signature: new Uint8Array() })
    expect(() => decodeResponse(new Uint8Array([...bytes, 1]))).toThrow('the response is 68 bytes but its fields take 67')
  })
})
