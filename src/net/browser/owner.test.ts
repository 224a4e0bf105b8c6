// The owner-tab election and relay: message decoding, pending requests, and tabs in one process (Node's BroadcastChannel, a fake Web Locks manager with the browser's queueing).
import { afterEach, describe, expect, test } from 'vitest'
import { OwnerRelayedError, OwnerTab, OwnerUnavailableError, PendingRequests, channelName, lockName, parseOwnerMessage, relayError, type Locks, type OwnerBackend, type OwnerStatus } from './owner.ts'

/** Web Locks semantics for exclusive locks: granted in request order, held while the callback's promise is pending; `ifAvailable` gets null when held. */
class FakeLocks implements Locks {
  private readonly held = new Set<string>()
  private readonly queues = new Map<string, Array<() => void>>()

  async request(name: string, options: { ifAvailable?: boolean; signal?: AbortSignal }, callback: (lock: unknown) => Promise<void>): Promise<unknown> {
    if (this.held.has(name)) {
      if (options.ifAvailable) return callback(null)
      await new Promise<void>((resolve, reject) => {
        const queue = this.queues.get(name) ?? []
        this.queues.set(name, queue)
        const grant = () => resolve()
        queue.push(grant)
        options.signal?.addEventListener('abort', () => {
          queue.splice(queue.indexOf(grant), 1)
          reject(options.signal!.reason)
        })
      })
    }
    this.held.add(name)
    try {
      return await callback({ name })
    } finally {
      this.held.delete(name)
      this.queues.get(name)?.shift()?.()
    }
  }
}

const status: OwnerStatus = { peerId: '12D3KooWexample', multiaddrs: ['/p2p-circuit/webrtc'], served: [1], relay: { reserved: true, redials: 0, failures: 0 }, connections: 2 }
const request = { netuid: 1, minerHotkey: new Uint8Array(32).fill(7), body: new Uint8Array([1, 2, 3]) }

function backend(overrides: Partial<OwnerBackend> = {}): OwnerBackend {
  return { status: () => status, query: async (_target, { body }) => body.slice().reverse(), ...overrides }
}

const tabs: OwnerTab[] = []
function tab(network: string, locks: Locks, make: () => OwnerBackend | undefined, tabId?: string): OwnerTab {
  const t = new OwnerTab({ network, backend: make, locks, tabId, timeout: 500 })
  tabs.push(t)
  return t
}
afterEach(() => {
  for (const t of tabs.splice(0)) t.stop()
})

describe('names and messages', () => {
  test('one lock and one channel per network, with names checked', () => {
    expect(lockName('devnet')).toBe('webtensor:p2p:devnet')
    expect(channelName('finney')).toBe('webtensor:p2p:finney')
    expect(() => lockName('')).toThrow(RangeError)
    expect(() => lockName('a b')).toThrow(/letters, digits/)
  })

  test('decodes what tabs send and ignores anything else', () => {
    expect(parseOwnerMessage({ kind: 'request', id: 3, from: 'tab', op: 'status' })).toEqual({ kind: 'request', id: 3, from: 'tab', op: 'status' })
    expect(parseOwnerMessage({ kind: 'request', id: 4, from: 'tab', op: 'query', target: '/p2p/x', request, timeout: 100 })).toMatchObject({ op: 'query', target: '/p2p/x', timeout: 100 })
    expect(parseOwnerMessage({ kind: 'response', id: 1, to: 'tab', ok: true, result: 5 })).toEqual({ kind: 'response', id: 1, to: 'tab', ok: true, result: 5 })
    expect(parseOwnerMessage({ kind: 'response', id: 1, to: 'tab', ok: false, error: { name: 'QueryRefusedError', message: 'no', reason: 'NotServed' } })).toMatchObject({ error: { reason: 'NotServed' } })
    expect(parseOwnerMessage({ kind: 'owner', from: 'tab' })).toEqual({ kind: 'owner', from: 'tab' })
    for (const junk of [
      null,
      'hello',
      { kind: 'request', id: -1, from: 'tab', op: 'status' },
      { kind: 'request', id: 1.5, from: 'tab', op: 'status' },
      { kind: 'request', id: 1, from: '', op: 'status' },
      { kind: 'request', id: 1, from: 'tab', op: 'mine' },
      { kind: 'request', id: 1, from: 'tab', op: 'query', target: '', request },
      { kind: 'request', id: 1, from: 'tab', op: 'query', target: '/x', request: { ...request, minerHotkey: new Uint8Array(31) } },
      { kind: 'request', id: 1, from: 'tab', op: 'query', target: '/x', request: { ...request, netuid: 70_000 } },
      { kind: 'request', id: 1, from: 'tab', op: 'query', target: '/x', request, timeout: -5 },
      { kind: 'response', id: 1, to: 'tab', ok: false, error: 'boom' },
      { kind: 'response', id: 1, to: 'tab' },
      { kind: 'owner' },
      { kind: 'something-newer', id: 1 },
    ]) {
      expect(parseOwnerMessage(junk)).toBeUndefined()
    }
  })

  test('errors cross with their name and reason', () => {
    const refused = Object.assign(new Error('The miner refused the query: NotServed'), { name: 'QueryRefusedError', reason: 'NotServed' })
    expect(relayError(refused)).toEqual({ name: 'QueryRefusedError', message: 'The miner refused the query: NotServed', reason: 'NotServed' })
    expect(relayError('plain')).toEqual({ name: 'Error', message: 'plain' })
    const rebuilt = new OwnerRelayedError(relayError(refused))
    expect(rebuilt).toMatchObject({ name: 'QueryRefusedError', reason: 'NotServed' })
  })
})

describe('PendingRequests', () => {
  test('settles by id, once, and times out by itself', async () => {
    const pending = new PendingRequests()
    const a = pending.open(1000, 'a')
    const b = pending.open(1000, 'b')
    expect(a.id).not.toBe(b.id)
    expect(pending.settle({ kind: 'response', id: b.id, to: 't', ok: false, error: { name: 'QueryTimeoutError', message: 'late' } })).toBe(true)
    await expect(b.response).rejects.toMatchObject({ name: 'QueryTimeoutError' })
    expect(pending.settle({ kind: 'response', id: a.id, to: 't', ok: true, result: 42 })).toBe(true)
    await expect(a.response).resolves.toBe(42)
    expect(pending.settle({ kind: 'response', id: a.id, to: 't', ok: true, result: 43 })).toBe(false)
    const c = pending.open(20, 'a status request')
    await expect(c.response).rejects.toThrow(OwnerUnavailableError)
    await expect(c.response).rejects.toThrow(/no owner tab answered a status request within 20 ms/)
    expect(pending.size).toBe(0)
  })

  test('rejectAll fails every waiting request', async () => {
    const pending = new PendingRequests()
    const a = pending.open(1000, 'a')
    const b = pending.open(1000, 'b')
    pending.rejectAll(new OwnerUnavailableError('the owner tab changed'))
    await expect(a.response).rejects.toThrow(/owner tab changed/)
    await expect(b.response).rejects.toThrow(/owner tab changed/)
    expect(pending.size).toBe(0)
  })
})

describe('tabs of one profile', () => {
  test('the first tab owns, the next follow; followers get the status and queries through the owner; networks are separate', async () => {
    const locks = new FakeLocks()
    const net = `n${Math.random().toString(36).slice(2, 8)}`
    const owner = tab(net, locks, () => backend(), 'owner')
    const follower = tab(net, locks, () => undefined, 'follower')
    expect(await owner.start()).toBe('owner')
    expect(await follower.start()).toBe('follower')
    expect(await tab(`${net}-other`, locks, () => undefined).start()).toBe('owner')

    expect(await follower.status()).toEqual(status)
    expect(await follower.query('/p2p/miner', request)).toEqual(new Uint8Array([3, 2, 1]))
    expect(await owner.query('/p2p/miner', request)).toEqual(new Uint8Array([3, 2, 1]))
  })

  test('the owner’s errors reach the follower with their reason; no owner node means a clear error', async () => {
    const locks = new FakeLocks()
    const net = `n${Math.random().toString(36).slice(2, 8)}`
    let started = false
    const refusing = backend({
      query: async () => {
        throw Object.assign(new Error('The miner refused the query: NoValidatorPermit'), { name: 'QueryRefusedError', reason: 'NoValidatorPermit' })
      },
    })
    const owner = tab(net, locks, () => (started ? refusing : undefined))
    const follower = tab(net, locks, () => undefined)
    await owner.start()
    await follower.start()
    await expect(follower.status()).rejects.toThrow(/has not started it yet/)
    started = true
    await expect(follower.query('/p2p/miner', request)).rejects.toMatchObject({ name: 'QueryRefusedError', reason: 'NoValidatorPermit' })
  })

  test('when the owner stops, the first waiting tab takes over and answers the others', async () => {
    const locks = new FakeLocks()
    const net = `n${Math.random().toString(36).slice(2, 8)}`
    const roles: string[] = []
    const first = tab(net, locks, () => backend())
    const second = new OwnerTab({ network: net, backend: () => backend({ status: () => ({ ...status, peerId: 'second' }) }), locks, timeout: 500, onRoleChange: (role) => roles.push(role) })
    tabs.push(second)
    const third = tab(net, locks, () => undefined)
    await first.start()
    expect(await second.start()).toBe('follower')
    expect(await third.start()).toBe('follower')
    first.stop()
    await expect.poll(() => second.role()).toBe('owner')
    expect(roles).toEqual(['owner'])
    expect(third.role()).toBe('follower')
    expect((await third.status()).peerId).toBe('second')
  })

  test('with nobody owning, a follower’s request times out with OwnerUnavailableError', async () => {
    const net = `n${Math.random().toString(36).slice(2, 8)}`
    const alwaysHeld: Locks = { request: async (_name, options, callback) => (options.ifAvailable ? callback(null) : new Promise(() => {})) }
    const lonely = tab(net, alwaysHeld, () => undefined)
    expect(await lonely.start()).toBe('follower')
    await expect(lonely.status({ timeout: 50 })).rejects.toThrow(OwnerUnavailableError)
  })
})
