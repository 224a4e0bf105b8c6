// The browser edges' pure parts: which owner lock a network takes, and which endpoints count as local (private addresses allowed).
import { describe, expect, test } from 'vitest'
import { lockName } from '../../net/browser/owner.ts'
import { parseModelsManifest } from '../queries/models.ts'
import { isLocalEndpoint, ownerNetworkName } from './browser.ts'

describe('mining edges', () => {
  test('one owner lock per network; custom endpoints by host, always a valid lock name', () => {
    expect(ownerNetworkName({ network: 'devnet', url: 'ws://127.0.0.1:9944' })).toBe('devnet')
    expect(ownerNetworkName({ network: 'custom', url: 'ws://127.0.0.1:40123' })).toBe('custom:127.0.0.1:40123')
    expect(ownerNetworkName({ network: 'custom', url: 'wss://[2001:db8::1]:8443' })).toBe('custom:_2001:db8::1_:8443')
    for (const url of ['ws://127.0.0.1:1', 'wss://node.example.org', 'not a url']) expect(() => lockName(ownerNetworkName({ network: 'custom', url }))).not.toThrow()
  })

  test('only loopback and private endpoints (the devnet) let the tab dial ws:// and private addresses', () => {
    expect(isLocalEndpoint('ws://127.0.0.1:9944')).toBe(true)
    expect(isLocalEndpoint('ws://localhost:9944')).toBe(true)
    expect(isLocalEndpoint('wss://entrypoint-finney.opentensor.ai:443')).toBe(false)
    expect(isLocalEndpoint('nonsense')).toBe(false)
  })

  test('the bundled models manifest: entries that are not models are left out; a file that is not a manifest is refused', () => {
    const models = parseModelsManifest({ task: 'digits', models: [{ id: 'digits-cnn', file: 'digits-cnn.onnx', bytes: 22185, architecture: 'Conv', heldOutAccuracy: 0.9745 }, { id: 'x', file: '../etc/passwd' }] })
    expect(models).toEqual([{ id: 'digits-cnn', file: 'digits-cnn.onnx', url: '/models/digits-cnn.onnx', bytes: 22185, architecture: 'Conv', heldOutAccuracy: 0.9745, task: 'digits' }])
    expect(() => parseModelsManifest('<html>')).toThrow('the bundled models list (models/digits.json) is not readable')
  })
})
