// serve_axon / serve_prometheus on the TestChain, and Commitments' CanCommit wired to "registered on the netuid".
import { describe, expect, test } from 'vitest'
import { u8aToHex } from '@polkadot/util'
import { TestChain, dev, pub } from '../../../testing/chain.ts'
import { Axons, NeuronCertificates, Prometheus, Uids } from '../storage/neurons.ts'
import { CommitmentOf } from '../../commitments/index.ts'

const BOB = pub(dev.bob)
const ONE = pub(dev.one)
const NETUID = 1
const S = (c: TestChain) => c.state as never
const IP = 0x0a00_0001n // 10.0.0.1

function run(c: TestChain, xt: Uint8Array) {
  const b = c.block([xt])
  const events = c.events().filter((e) => (e.phase as { applyExtrinsic?: number }).applyExtrinsic === 1)
  const failed = events.find((e) => e.event === 'system.ExtrinsicFailed')
  return { success: b.applied[1]!.success, events, error: failed ? (failed.data as [{ module: { index: number; error: string } }])[0].module : undefined }
}
/** A chain where Alice has registered Bob's hotkey on netuid 1 (UID 1). */
function registered() {
  const c = new TestChain()
  c.block()
  expect(run(c, c.sign(dev.alice, c.tx('SubtensorModule', 'burned_register', NETUID, BOB))).success).toBe(true)
  expect(Uids.get(S(c), NETUID, BOB)).toBe(1)
  return c
}
const axon = (c: TestChain, who = dev.bob, o: Partial<{ ip: bigint; port: number; ipType: number }> = {}) =>
  c.sign(who, c.tx('SubtensorModule', 'serve_axon', NETUID, 7, o.ip ?? IP, o.port ?? 8091, o.ipType ?? 4, 0, 0, 0))

describe('SubtensorModule.serve_axon', () => {
  test('a registered hotkey stores AxonInfo that polkadot-js reads back, emits AxonServed, pays no fee', () => {
    const c = registered()
    const before = c.account(BOB)
    const r = run(c, axon(c))
    expect(r.success).toBe(true)
    expect(r.events.find((e) => e.event === 'subtensorModule.AxonServed')!.data).toEqual([NETUID, c.registry.createType('AccountId32', BOB).toString()])
    expect(c.account(BOB)).toEqual({ ...before, nonce: before.nonce + 1 })
    const info = c.registry.createType('PalletSubtensorAxonInfo', c.state.get(Axons.key(NETUID, BOB))).toJSON()
    expect(info).toEqual({ block: 3, version: 7, ip: Number(IP), port: 8091, ipType: 4, protocol: 0, placeholder1: 0, placeholder2: 0 })
    expect(Axons.get(S(c), NETUID, BOB)).toEqual({ block: 3n, version: 7, ip: IP, port: 8091, ipType: 4, protocol: 0, placeholder1: 0, placeholder2: 0 })
  })

  test('refusals: unregistered hotkey, bad ip type, localhost, port 0, and the serving rate limit', () => {
    const c = registered()
    expect(run(c, axon(c, dev.one)).error).toEqual({ index: 7, error: '0x06000000' }) // HotKeyNotRegisteredInNetwork
    expect(run(c, axon(c, dev.bob, { ipType: 5 })).error).toEqual({ index: 7, error: '0x01000000' }) // InvalidIpType
    expect(run(c, axon(c, dev.bob, { ip: 0x7f00_0001n })).error).toEqual({ index: 7, error: '0x02000000' }) // InvalidIpAddress
    expect(run(c, axon(c, dev.bob, { port: 0 })).error).toEqual({ index: 7, error: '0x03000000' }) // InvalidPort
    expect(Axons.get(S(c), NETUID, BOB)).toBeUndefined()
    expect(run(c, axon(c)).success).toBe(true)
    // ServingRateLimit is 50 blocks
    expect(run(c, axon(c, dev.bob, { port: 9000 })).error).toEqual({ index: 7, error: '0x1f000000' }) // ServingRateLimitExceeded
    expect(Axons.get(S(c), NETUID, BOB)!.port).toBe(8091)
    for (let i = 0; i < 48; i++) c.block()
    expect(run(c, axon(c, dev.bob, { port: 9000 })).success).toBe(true)
    expect(Axons.get(S(c), NETUID, BOB)!.port).toBe(9000)
  })

  test('serve_prometheus stores PrometheusInfo and emits PrometheusServed; a zero ip is refused', () => {
    const c = registered()
    expect(run(c, c.sign(dev.bob, c.tx('SubtensorModule', 'serve_prometheus', NETUID, 1, 0, 9090, 4))).error).toEqual({ index: 7, error: '0x02000000' })
    const r = run(c, c.sign(dev.bob, c.tx('SubtensorModule', 'serve_prometheus', NETUID, 1, IP, 9090, 4)))
    expect(r.success).toBe(true)
    expect(r.events.some((e) => e.event === 'subtensorModule.PrometheusServed')).toBe(true)
    expect(Prometheus.get(S(c), NETUID, BOB)).toEqual({ block: 4n, version: 1, ip: IP, port: 9090, ipType: 4 })
  })
})

describe('Commitments.set_commitment through SubtensorModule’s CanCommit', () => {
  test('an unregistered hotkey is refused with AccountNotAllowedCommit; a registered one commits', () => {
    const c = registered()
    const commit = (who: typeof dev.bob) => run(c, c.sign(who, c.tx('Commitments', 'set_commitment', NETUID, { fields: [{ Raw4: '0x74657374' }] })))
    const refused = commit(dev.one)
    expect(refused.success).toBe(false)
    expect(refused.error).toEqual({ index: 18, error: '0x01000000' }) // AccountNotAllowedCommit
    expect(CommitmentOf.get(S(c), NETUID, ONE)).toBeUndefined()
    expect(commit(dev.bob).success).toBe(true)
    expect(CommitmentOf.get(S(c), NETUID, BOB)).toBeDefined()
  })
})

describe('SubtensorModule.serve_axon_tls', () => {
  test('stores the axon and the certificate (algorithm byte, then the key), which polkadot-js reads back; a certificate over 65 bytes serves the axon without one', () => {
    const c = registered()
    const key = new Uint8Array(32).fill(9)
    const cert = Uint8Array.from([1, ...key])
    const tls = (bytes: Uint8Array, port = 8091) => c.sign(dev.bob, c.tx('SubtensorModule', 'serve_axon_tls', NETUID, 7, IP, port, 4, 0, 0, 0, u8aToHex(bytes)))
    const r = run(c, tls(cert))
    expect(r.success).toBe(true)
    expect(r.events.map((e) => e.event)).toContain('subtensorModule.AxonServed')
    expect(NeuronCertificates.get(S(c), NETUID, BOB)).toEqual({ algorithm: 1, publicKey: key })
    const decoded = c.registry.createType('PalletSubtensorNeuronCertificate', c.state.get(NeuronCertificates.key(NETUID, BOB))).toJSON()
    expect(decoded).toEqual({ publicKey: `0x${'09'.repeat(32)}`, algorithm: 1 })
    expect(Axons.get(S(c), NETUID, BOB)?.port).toBe(8091)

    // another hotkey, a certificate that is too long: the axon is served, no certificate stored
    expect(run(c, c.sign(dev.alice, c.tx('SubtensorModule', 'burned_register', NETUID, ONE))).success).toBe(true)
    const long = c.sign(dev.one, c.tx('SubtensorModule', 'serve_axon_tls', NETUID, 7, IP, 9000, 4, 0, 0, 0, u8aToHex(new Uint8Array(66).fill(2))))
    expect(run(c, long).success).toBe(true)
    expect(Axons.get(S(c), NETUID, ONE)?.port).toBe(9000)
    expect(NeuronCertificates.get(S(c), NETUID, ONE)).toBeUndefined()
  })
})
