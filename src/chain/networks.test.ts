import { describe, expect, test } from 'vitest'
import { NETWORKS, endpointOf, isNetworkId, parseEndpoint } from './networks.ts'

describe('networks', () => {
  test('the devnet is the local node on 9944', () => {
    expect(NETWORKS.devnet.endpoint).toBe('ws://127.0.0.1:9944')
    expect(endpointOf('devnet', undefined)).toBe('ws://127.0.0.1:9944')
  })

  test('network ids are checked', () => {
    expect(isNetworkId('finney')).toBe(true)
    expect(isNetworkId('toString')).toBe(false)
    expect(isNetworkId(7)).toBe(false)
  })

  test.each([
    ['wss://node.example.org:443', 'wss://node.example.org'],
    ['  ws://127.0.0.1:9944 ', 'ws://127.0.0.1:9944'],
    ['ws://localhost:9944', 'ws://localhost:9944'],
  ])('accepts %s', (input, url) => {
    expect(parseEndpoint(input)).toEqual({ ok: true, url })
  })

  test.each([
    ['', 'Enter a node endpoint, e.g. wss://node.example.org:443'],
    ['node:9944', 'The endpoint must start with ws:// or wss://, not node://'],
    ['not a url', '"not a url" is not a URL; an endpoint looks like wss://host:port'],
    ['https://node.example.org', 'The endpoint must start with ws:// or wss://, not https://'],
    ['ws://10.0.0.5:9944', 'Use wss:// for remote nodes; plain ws:// is only for this machine (localhost / 127.0.0.1)'],
    ['wss://user:pw@node.example.org', 'Do not put credentials in the endpoint URL'],
  ])('refuses %j with a reason', (input, reason) => {
    expect(parseEndpoint(input)).toEqual({ ok: false, reason })
  })

  test('a custom network without a valid URL has no endpoint', () => {
    expect(endpointOf('custom', 'http://x')).toBeUndefined()
    expect(endpointOf('custom', 'wss://a.b')).toBe('wss://a.b')
  })
})
