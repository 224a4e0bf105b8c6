// Drives the JSON-RPC server over real HTTP and WebSocket connections on loopback, with raw clients and stock @polkadot/api providers.
import { once } from 'node:events'
import { request as httpRequest } from 'node:http'
import { HttpProvider, WsProvider } from '@polkadot/api'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { RpcError } from './errors.ts'
import { type CallContext, RpcMethods, type SubscriptionSink } from './methods.ts'
import type { Params } from './params.ts'
import { createRpcServer, type RpcServer, type RpcServerOptions } from './server.ts'

const T = 10_000

/** An async queue: `push` from the server side, `next` in the test. */
function channel<V>() {
  const items: V[] = []
  const waiters: ((v: V) => void)[] = []
  return {
    push(v: V) {
      const w = waiters.shift()
      if (w) w(v)
      else items.push(v)
    },
    next(): Promise<V> {
      return items.length ? Promise.resolve(items.shift() as V) : new Promise((r) => waiters.push(r))
    },
  }
}

type Started = { params: Params; sink: SubscriptionSink; ctx: CallContext; stopped: Promise<void> }
type Gated = { release(value: unknown): void; signal: AbortSignal }

function fixture() {
  const warnings: string[] = []
  const errors: { message: string; error: unknown }[] = []
  const logger = { warn: (message: string) => void warnings.push(message), error: (message: string, error?: unknown) => void errors.push({ message, error }) }
  const started = channel<Started>()
  const gated = channel<Gated>()
  const notified: unknown[] = []
  const methods = new RpcMethods()
    .add('test_echo', (params) => params.list)
    .add('test_hash', (params) => params.hex(0, { bytes: 32 }))
    .add('test_nothing', () => undefined)
    .add('test_fail', () => {
      throw new Error('secret detail')
    })
    .add('test_custom', () => {
      throw new RpcError(1010, 'Invalid Transaction', 'Stale')
    })
    .add('test_big', (params) => 'x'.repeat(params.u32(0)))
    .add('test_note', (params) => void notified.push(params.list))
    .add('test_gate', (_params, ctx) => new Promise((release) => gated.push({ release, signal: ctx.signal })))
    .addSubscription({
      subscribe: 'test_subscribe',
      unsubscribe: ['test_unsubscribe', 'test_unsubscribeAlias'],
      notification: 'test_notification',
      start(params, sink, ctx) {
        const mode = params.string(0, { optional: true })
        if (mode === 'refuse') params.hex(1)
        if (mode === 'eager') sink.next('first')
        let stop!: () => void
        const stopped = new Promise<void>((resolve) => (stop = resolve))
        started.push({ params, sink, ctx, stopped })
        return stop
      },
    })
  return { methods, logger, warnings, errors, started, gated, notified }
}

const open: { close(): unknown }[] = []
afterEach(async () => {
  for (const resource of open.splice(0).reverse()) await resource.close()
})

async function start(options: Partial<RpcServerOptions> = {}) {
  const f = fixture()
  const server = await createRpcServer({ port: 0, methods: f.methods, logger: f.logger, ...options })
  open.push(server)
  return { ...f, server }
}

async function post(server: RpcServer, body: string, headers: Record<string, string> = { 'Content-Type': 'application/json' }) {
  const res = await fetch(server.httpUrl, { method: 'POST', headers, body })
  const text = await res.text()
  const json = res.headers.get('content-type')?.startsWith('application/json') ? JSON.parse(text) : undefined
  return { status: res.status, text, json }
}

async function connect(url: string) {
  const ws = new WebSocket(url)
  const inbox = channel<any>()
  ws.on('message', (data) => inbox.push(JSON.parse(String(data))))
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)))
  await once(ws, 'open')
  open.push({ close: () => ws.close() })
  const send = (message: unknown) => ws.send(typeof message === 'string' ? message : JSON.stringify(message))
  return {
    ws,
    closed,
    send,
    next: inbox.next,
    async call(message: unknown) {
      send(message)
      return inbox.next()
    },
  }
}

/** The same raw message over either transport, answered with the parsed response. */
const transports = {
  http: async (server: RpcServer, raw: string) => (await post(server, raw)).json,
  ws: async (server: RpcServer, raw: string) => (await connect(server.url)).call(raw),
}

const req = (method: string, params: unknown[] = [], id: unknown = 1) => JSON.stringify({ jsonrpc: '2.0', id, method, params })

describe.each(Object.entries(transports))('JSON-RPC over %s', (_name, roundTrip) => {
  const cases: [string, string, unknown][] = [
    ['malformed JSON', '{"jsonrpc":"2.0",', { jsonrpc: '2.0', error: { code: -32700, message: 'Parse error' }, id: null }],
    ['a request that is not an object', '7', { jsonrpc: '2.0', error: { code: -32600, message: 'Invalid request' }, id: null }],
    ['a wrong jsonrpc version', '{"jsonrpc":"1.0","id":4,"method":"test_echo"}', { jsonrpc: '2.0', error: { code: -32600, message: 'Invalid request' }, id: 4 }],
    ['an id that is an object', '{"jsonrpc":"2.0","id":{},"method":"test_echo"}', { jsonrpc: '2.0', error: { code: -32600, message: 'Invalid request' }, id: null }],
    ['an id JavaScript cannot echo exactly', '{"jsonrpc":"2.0","id":9007199254740993,"method":"test_echo"}', { jsonrpc: '2.0', error: { code: -32600, message: 'Invalid request' }, id: null }],
    ['a method that is not a string', '{"jsonrpc":"2.0","id":"a","method":5}', { jsonrpc: '2.0', error: { code: -32600, message: 'Invalid request' }, id: 'a' }],
    ['params that are neither array nor object', '{"jsonrpc":"2.0","id":2,"method":"test_echo","params":"x"}', { jsonrpc: '2.0', error: { code: -32600, message: 'Invalid request' }, id: 2 }],
    ['an empty batch', '[]', { jsonrpc: '2.0', error: { code: -32600, message: 'Invalid request' }, id: null }],
    ['an unknown method', req('nope_nothing', [], 'x-9'), { jsonrpc: '2.0', error: { code: -32601, message: 'Method not found' }, id: 'x-9' }],
    [
      'a bad param',
      req('test_hash', ['0x12'], 3),
      {
        jsonrpc: '2.0',
        error: { code: -32602, message: 'Invalid params', data: 'param 0: expected a 0x-prefixed hex string of 32 bytes, got "0x12"' },
        id: 3,
      },
    ],
    [
      'named params',
      '{"jsonrpc":"2.0","id":5,"method":"test_echo","params":{"a":1}}',
      { jsonrpc: '2.0', error: { code: -32602, message: 'Invalid params', data: 'named params are not supported, pass an array' }, id: 5 },
    ],
    ['a handler throwing an RpcError', req('test_custom'), { jsonrpc: '2.0', error: { code: 1010, message: 'Invalid Transaction', data: 'Stale' }, id: 1 }],
    ['a result of undefined', req('test_nothing'), { jsonrpc: '2.0', result: null, id: 1 }],
    ['absent params', '{"jsonrpc":"2.0","id":0,"method":"test_echo"}', { jsonrpc: '2.0', result: [], id: 0 }],
    ['a string id', req('test_echo', [1, 'a'], 'abc'), { jsonrpc: '2.0', result: [1, 'a'], id: 'abc' }],
    ['the largest exact integer id', req('test_echo', [], 9007199254740991), { jsonrpc: '2.0', result: [], id: 9007199254740991 }],
    ['a null id', req('test_echo', [], null), { jsonrpc: '2.0', result: [], id: null }],
  ]

  it.each(cases)('answers %s', async (_what, raw, expected) => {
    const { server } = await start()
    expect(await roundTrip(server, raw)).toEqual(expected)
  }, T)

  it('answers a handler that throws a plain Error with -32603, logging it but not sending it', async () => {
    const { server, errors } = await start()
    const response = await roundTrip(server, req('test_fail', [], 8))
    expect(response).toEqual({ jsonrpc: '2.0', error: { code: -32603, message: 'Internal error' }, id: 8 })
    expect(JSON.stringify(response)).not.toContain('secret')
    expect(errors).toEqual([{ message: 'rpc: test_fail failed', error: new Error('secret detail') }])
  }, T)

  it('answers a batch in order, leaving out notifications and answering bad entries', async () => {
    const { server, notified } = await start()
    const batch = `[${req('test_echo', [1], 1)},{"jsonrpc":"2.0","method":"test_note","params":["n"]},5,${req('nope', [], 'q')}]`
    expect(await roundTrip(server, batch)).toEqual([
      { jsonrpc: '2.0', result: [1], id: 1 },
      { jsonrpc: '2.0', error: { code: -32600, message: 'Invalid request' }, id: null },
      { jsonrpc: '2.0', error: { code: -32601, message: 'Method not found' }, id: 'q' },
    ])
    expect(notified).toEqual([['n']])
  }, T)

  it('answers rpc_methods with every name, sorted', async () => {
    const { server } = await start()
    expect(await roundTrip(server, req('rpc_methods'))).toEqual({
      jsonrpc: '2.0',
      id: 1,
      result: {
        version: 1,
        methods: [
          'rpc_methods',
          'test_big',
          'test_custom',
          'test_echo',
          'test_fail',
          'test_gate',
          'test_hash',
          'test_note',
          'test_nothing',
          'test_subscribe',
          'test_unsubscribe',
          'test_unsubscribeAlias',
        ],
      },
    })
  }, T)

  it('answers a response over maxResponseBytes with -32008, and a batch of them with -32011', async () => {
    const { server, warnings } = await start({ maxResponseBytes: 100 })
    expect(await roundTrip(server, req('test_big', [200], 6))).toEqual({
      jsonrpc: '2.0',
      error: { code: -32008, message: 'Response is too big', data: 'Exceeded max limit of 100' },
      id: 6,
    })
    expect(await roundTrip(server, `[${req('test_big', [40], 1)},${req('test_big', [40], 2)}]`)).toEqual({
      jsonrpc: '2.0',
      error: { code: -32011, message: 'The batch response was too large', data: 'Exceeded max limit of 100' },
      id: null,
    })
    expect(warnings).toEqual([
      'rpc: a test_big response of 236 bytes is over the 100-byte limit',
      'rpc: a batch response of 155 bytes is over the 100-byte limit',
    ])
  }, T)
})

describe('HTTP transport', () => {
  it('answers GET / with a plain text health line, and other methods and content types as jsonrpsee does', async () => {
    const { server } = await start()
    const health = await fetch(`${server.httpUrl}/`)
    expect(health.status).toBe(200)
    expect(health.headers.get('content-type')).toBe('text/plain; charset=utf-8')
    expect(await health.text()).toBe('webtensor devnet JSON-RPC: POST application/json or open a WebSocket on this port\n')
    const put = await fetch(server.httpUrl, { method: 'PUT', body: '{}' })
    expect([put.status, await put.text()]).toEqual([405, 'Used HTTP Method is not allowed. POST is required\n'])
    const form = await post(server, req('test_echo'), { 'Content-Type': 'text/plain' })
    expect([form.status, form.text]).toEqual([415, 'Supplied content type is not allowed. Content-Type: application/json is required\n'])
    const charset = await post(server, req('test_echo', [2]), { 'Content-Type': 'application/json; charset=utf-8' })
    expect(charset.json).toEqual({ jsonrpc: '2.0', result: [2], id: 1 })
  }, T)

  it('lets a browser page call it cross-origin', async () => {
    const { server } = await start()
    const preflight = await fetch(server.httpUrl, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*')
    expect(preflight.headers.get('access-control-allow-headers')).toBe('Content-Type')
    const res = await fetch(server.httpUrl, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: 'http://localhost:5173' }, body: req('test_echo') })
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
  }, T)

  it('answers a notification, or a batch of them, with 204 and no body, after running it', async () => {
    const { server, notified } = await start()
    const one = await post(server, '{"jsonrpc":"2.0","method":"test_note","params":[1]}')
    const batch = await post(server, '[{"jsonrpc":"2.0","method":"test_note","params":[2]},{"jsonrpc":"2.0","method":"nope"}]')
    expect([one.status, one.text, batch.status, batch.text]).toEqual([204, '', 204, ''])
    expect(notified).toEqual([[1], [2]])
  }, T)

  it('refuses a body over maxRequestBytes with 413 and -32007, whether its length is declared or streamed', async () => {
    const { server } = await start({ maxRequestBytes: 1024 })
    const tooBig = { jsonrpc: '2.0', error: { code: -32007, message: 'Request is too big', data: 'Exceeded max limit of 1024' }, id: null }
    const declared = await post(server, req('test_echo', ['x'.repeat(2000)]))
    expect([declared.status, declared.json]).toEqual([413, tooBig])

    const streamed = await new Promise<{ status?: number; body: string }>((resolve, reject) => {
      const r = httpRequest(`${server.httpUrl}/`, { method: 'POST', headers: { 'Content-Type': 'application/json' } }, (res) => {
        let body = ''
        res.on('data', (chunk) => (body += chunk))
        res.on('end', () => resolve({ status: res.statusCode, body }))
      })
      r.on('error', reject)
      for (let i = 0; i < 4; i++) r.write('x'.repeat(400))
      r.end()
    })
    expect(streamed.status).toBe(413)
    expect(JSON.parse(streamed.body)).toEqual(tooBig)
    expect((await post(server, req('test_echo', ['fits']))).json).toEqual({ jsonrpc: '2.0', result: ['fits'], id: 1 })
  }, T)

  it('refuses subscriptions with -32603 as Substrate does, since HTTP cannot carry notifications', async () => {
    const { server } = await start()
    const internal = (id: number) => ({ jsonrpc: '2.0', error: { code: -32603, message: 'Internal error' }, id })
    expect((await post(server, req('test_subscribe', [], 1))).json).toEqual(internal(1))
    expect((await post(server, req('test_unsubscribe', ['abc'], 2))).json).toEqual(internal(2))
  }, T)

  it('survives a client that goes away mid-request, aborting the call signal', async () => {
    const { server, gated } = await start()
    const abort = new AbortController()
    const pending = fetch(server.httpUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: req('test_gate'), signal: abort.signal })
    const call = await gated.next()
    abort.abort()
    await expect(pending).rejects.toThrow()
    if (!call.signal.aborted) await once(call.signal, 'abort')
    call.release('late')
    expect((await post(server, req('test_echo', ['still here']))).json).toEqual({ jsonrpc: '2.0', result: ['still here'], id: 1 })
  }, T)
})

describe('WebSocket transport', () => {
  it('answers an oversized message with -32007 and keeps serving; past twice the limit ws closes with 1009', async () => {
    const { server, warnings } = await start({ maxRequestBytes: 1024 })
    const client = await connect(server.url)
    expect(await client.call(req('test_echo', ['x'.repeat(1500)]))).toEqual({
      jsonrpc: '2.0',
      error: { code: -32007, message: 'Request is too big', data: 'Exceeded max limit of 1024' },
      id: null,
    })
    expect(await client.call(req('test_echo', ['fits'], 2))).toEqual({ jsonrpc: '2.0', result: ['fits'], id: 2 })
    client.send(req('test_echo', ['x'.repeat(2100)]))
    expect(await client.closed).toBe(1009)
    expect(warnings).toEqual([expect.stringMatching(/^rpc: closing WebSocket connection \d+ from 127\.0\.0\.1:\d+: Max payload size exceeded$/)])
  }, T)

  it('answers calls as they finish, not in arrival order', async () => {
    const { server, gated } = await start()
    const client = await connect(server.url)
    client.send(req('test_gate', [], 1))
    const slow = await gated.next()
    expect(await client.call(req('test_echo', ['fast'], 2))).toEqual({ jsonrpc: '2.0', result: ['fast'], id: 2 })
    slow.release('slow')
    expect(await client.next()).toEqual({ jsonrpc: '2.0', result: 'slow', id: 1 })
  }, T)

  it('survives a client that disconnects mid-request, aborting the call signal', async () => {
    const { server, gated } = await start()
    const client = await connect(server.url)
    client.send(req('test_gate'))
    const call = await gated.next()
    client.ws.terminate()
    if (!call.signal.aborted) await once(call.signal, 'abort')
    call.release('nobody listens')
    expect(await (await connect(server.url)).call(req('test_echo', [1]))).toEqual({ jsonrpc: '2.0', result: [1], id: 1 })
  }, T)

  it('delivers notifications with a 16-character id, and stops the producer on unsubscribe', async () => {
    const { server, started } = await start()
    const client = await connect(server.url)
    const { result: id } = await client.call(req('test_subscribe', [], 1))
    expect(id).toMatch(/^[A-Za-z0-9]{16}$/)
    const sub = await started.next()
    expect(sub.ctx.transport).toBe('ws')
    sub.sink.next({ number: '0x1' })
    sub.sink.next(undefined)
    expect(await client.next()).toEqual({ jsonrpc: '2.0', method: 'test_notification', params: { subscription: id, result: { number: '0x1' } } })
    expect(await client.next()).toEqual({ jsonrpc: '2.0', method: 'test_notification', params: { subscription: id, result: null } })
    expect(await client.call(req('test_unsubscribe', [id], 2))).toEqual({ jsonrpc: '2.0', result: true, id: 2 })
    await sub.stopped
    expect(sub.sink.closed).toBe(true)
    sub.sink.next('after the end')
    expect(await client.call(req('test_unsubscribe', [id], 3))).toEqual({ jsonrpc: '2.0', result: false, id: 3 })
    expect(await client.call(req('test_unsubscribeAlias', [42], 4))).toEqual({ jsonrpc: '2.0', result: false, id: 4 })
    expect(await client.call(req('test_unsubscribe', [], 5))).toEqual({ jsonrpc: '2.0', result: false, id: 5 })
  }, T)

  it('unsubscribes through an alias, only on the connection that subscribed', async () => {
    const { server, started } = await start()
    const owner = await connect(server.url)
    const other = await connect(server.url)
    const { result: id } = await owner.call(req('test_subscribe'))
    const sub = await started.next()
    expect(await other.call(req('test_unsubscribeAlias', [id], 2))).toEqual({ jsonrpc: '2.0', result: false, id: 2 })
    expect(await owner.call(req('test_unsubscribeAlias', [id], 3))).toEqual({ jsonrpc: '2.0', result: true, id: 3 })
    await sub.stopped
  }, T)

  it('sends the subscribe answer before notifications produced while starting, also inside a batch', async () => {
    const { server, started } = await start()
    const client = await connect(server.url)
    const answer = await client.call(req('test_subscribe', ['eager'], 1))
    expect(await client.next()).toEqual({ jsonrpc: '2.0', method: 'test_notification', params: { subscription: answer.result, result: 'first' } })
    await started.next()

    const batch = await client.call(`[${req('test_subscribe', ['eager'], 2)},${req('test_echo', [], 3)}]`)
    expect(batch).toEqual([
      { jsonrpc: '2.0', result: expect.any(String), id: 2 },
      { jsonrpc: '2.0', result: [], id: 3 },
    ])
    expect(await client.next()).toEqual({ jsonrpc: '2.0', method: 'test_notification', params: { subscription: batch[0].result, result: 'first' } })
  }, T)

  it('stops every subscription of a connection when it closes', async () => {
    const { server, started } = await start()
    const client = await connect(server.url)
    await client.call(req('test_subscribe', [], 1))
    await client.call(req('test_subscribe', [], 2))
    const subs = [await started.next(), await started.next()]
    expect(server.connections()).toBe(1)
    client.ws.close()
    await Promise.all(subs.map((s) => s.stopped))
    expect(subs.map((s) => [s.sink.closed, s.ctx.signal.aborted])).toEqual([
      [true, true],
      [true, true],
    ])
  }, T)

  it('ends a subscription whose producer fails, sending the error, and stops it', async () => {
    const { server, started, errors } = await start()
    const client = await connect(server.url)
    const { result: id } = await client.call(req('test_subscribe'))
    const first = await started.next()
    first.sink.error(new RpcError(-32000, 'Client error', 'pruned'))
    expect(await client.next()).toEqual({
      jsonrpc: '2.0',
      method: 'test_notification',
      params: { subscription: id, error: { code: -32000, message: 'Client error', data: 'pruned' } },
    })
    await first.stopped
    const { result: id2 } = await client.call(req('test_subscribe'))
    const second = await started.next()
    second.sink.error(new Error('disk on fire'))
    expect(await client.next()).toEqual({
      jsonrpc: '2.0',
      method: 'test_notification',
      params: { subscription: id2, error: { code: -32603, message: 'Internal error' } },
    })
    await second.stopped
    expect(errors).toEqual([{ message: 'rpc: test_subscribe subscription failed', error: new Error('disk on fire') }])
  }, T)

  it('refuses a subscription whose params are bad, and one past maxSubscriptionsPerConnection', async () => {
    const { server } = await start({ maxSubscriptionsPerConnection: 1 })
    const client = await connect(server.url)
    expect(await client.call(req('test_subscribe', ['refuse', 7], 1))).toEqual({
      jsonrpc: '2.0',
      error: { code: -32602, message: 'Invalid params', data: 'param 1: expected a 0x-prefixed hex string, got 7' },
      id: 1,
    })
    expect((await client.call(req('test_subscribe', [], 2))).result).toEqual(expect.any(String))
    expect(await client.call(req('test_subscribe', [], 3))).toEqual({
      jsonrpc: '2.0',
      error: { code: -32006, message: 'Too many subscriptions on the connection', data: 'Exceeded max limit of 1' },
      id: 3,
    })
  }, T)

  it('drops a client that stops reading once maxBufferedBytes are queued for it, stopping its subscriptions', async () => {
    const { server, started, warnings } = await start({ maxBufferedBytes: 1024 * 1024 })
    const client = await connect(server.url)
    await client.call(req('test_subscribe'))
    const sub = await started.next()
    client.ws.pause()
    const chunk = 'x'.repeat(64 * 1024)
    const pump = () => {
      if (sub.sink.closed) return
      sub.sink.next(chunk)
      setImmediate(pump)
    }
    pump()
    await sub.stopped
    expect(warnings).toEqual([expect.stringMatching(/^rpc: dropping WebSocket connection \d+ from 127\.0\.0\.1:\d+: \d+ bytes unread, over the 1048576-byte limit$/)])
  }, T)

  it('closes connections with 1001 and stops subscriptions when the server closes', async () => {
    const { server, started } = await start()
    const client = await connect(server.url)
    await client.call(req('test_subscribe'))
    const sub = await started.next()
    await server.close()
    await sub.stopped
    expect(await client.closed).toBe(1001)
    expect(server.connections()).toBe(0)
  }, T)
})

describe('stock @polkadot/api providers', () => {
  it('WsProvider calls methods, sees errors as polkadot-js formats them, and subscribes to chain_subscribeNewHead', async () => {
    const heads = channel<{ sink: SubscriptionSink; stopped: Promise<void> }>()
    const methods = new RpcMethods().add('chain_getBlockHash', (params) => params.u32(0, { optional: true }) ?? 0).addSubscription({
      subscribe: 'chain_subscribeNewHead',
      unsubscribe: ['chain_unsubscribeNewHead', 'unsubscribe_newHead'],
      notification: 'chain_newHead',
      start(_params, sink) {
        sink.next({ number: '0x1' })
        let stop!: () => void
        heads.push({ sink, stopped: new Promise((resolve) => (stop = resolve)) })
        return stop
      },
    })
    const server = await createRpcServer({ port: 0, methods })
    open.push(server)
    const provider = new WsProvider(server.url, false)
    open.push({ close: () => provider.disconnect() })
    await provider.connect()
    await provider.isReady

    expect(await provider.send('rpc_methods', [])).toEqual({
      version: 1,
      methods: ['chain_getBlockHash', 'chain_subscribeNewHead', 'chain_unsubscribeNewHead', 'rpc_methods', 'unsubscribe_newHead'],
    })
    await expect(provider.send('chain_getBlockHash', ['0x00'])).rejects.toThrow(
      '-32602: Invalid params: param 0: expected an unsigned 32-bit integer, got "0x00"',
    )

    const received = channel<unknown>()
    const id = await provider.subscribe('chain_newHead', 'chain_subscribeNewHead', [], (error, head) => received.push(error ?? head))
    expect(await received.next()).toEqual({ number: '0x1' })
    const head = await heads.next()
    head.sink.next({ number: '0x2' })
    expect(await received.next()).toEqual({ number: '0x2' })
    expect(await provider.unsubscribe('chain_newHead', 'chain_unsubscribeNewHead', id)).toBe(true)
    await head.stopped
  }, T)

  it('HttpProvider calls a method', async () => {
    const { server } = await start()
    const provider = new HttpProvider(server.httpUrl)
    expect(await provider.send('test_echo', ['hello', 42])).toEqual(['hello', 42])
  }, T)
})
