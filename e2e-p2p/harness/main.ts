// Test harness page for the p2p suite and bench (never part of the app build): exposes `window.harness`, through which Playwright drives a browser peer — start it as a miner or validator, query, send raw frames, read connections, stream counts and ICE pairs.
import { peerConnections, selectedCandidatePairs } from './trackPeerConnections.ts'
import { lpStream } from '@libp2p/utils'
import { peerIdFromString } from '@libp2p/peer-id'
import { u8aToHex, hexToU8a } from '@polkadot/util'
import { cryptoWaitReady } from '@polkadot/util-crypto'
import { createBrowserPeer, type BrowserPeer } from '../../src/net/browser/peer.ts'
import { PROTOCOL } from '../../src/net/query/constants.ts'
import { QueryRequest, decodeRequest, decodeResponse } from '../../src/net/query/messages.ts'
import { statusName } from '../../src/net/query/reasons.ts'
import { sr25519SignerFromUri, verifySr25519, type Signer } from '../../src/net/query/signer.ts'
import { isReady as wasmReady } from '@polkadot/wasm-crypto'
import { checkResponse, signRequest } from '../../src/net/query/validator.ts'
import type { RelayWatchdogEvent } from '../../src/net/browser/relayWatchdog.ts'
import { OwnerTab, type OwnerBackend } from '../../src/net/browser/owner.ts'

export type StartOptions = {
  relayAddrs: string[]
  /** Secret URI of this peer's hotkey (`//Bob` mines, `//Alice` validates). */
  hotkey: string
  /** Hotkeys (URIs) holding a validator permit on every netuid this peer serves. */
  permits?: string[]
  /** Netuids answered by reversing the body; netuid 2 always answers after 1 s (late). */
  serve?: number[]
  maxBodyBytes?: number
  streamsPerConnection?: number
  watchdog?: { intervalMs?: number; minBackoffMs?: number; maxBackoffMs?: number }
}

export type QueryArgs = { netuid: number; minerHotkey: string; body?: string; bodyBytes?: number; timeout?: number }
export type QueryOutcome = { ok: true; body: string; ms: number } | { ok: false; name: string; reason?: string; message: string; ms: number }

const ECHO = '/webtensor-test/echo/1.0.0'

let peer: BrowserPeer | undefined
let hotkey: Signer | undefined
const relayEvents: Array<RelayWatchdogEvent & { at: number }> = []
const errors: string[] = []
addEventListener('error', (event) => errors.push(String(event.message)))
addEventListener('unhandledrejection', (event) => errors.push(`unhandled rejection: ${String((event.reason as Error)?.stack ?? event.reason)}`))

const keys = new Map<string, Signer>()
function signer(uri: string): Signer {
  let key = keys.get(uri)
  if (key === undefined) keys.set(uri, (key = sr25519SignerFromUri(uri)))
  return key
}
/** A 32-byte hotkey given as hex or as a secret URI. */
function hotkeyBytes(value: string): Uint8Array {
  return value.startsWith('0x') ? hexToU8a(value) : signer(value).publicKey
}
function need(): BrowserPeer {
  if (peer === undefined) throw new Error('harness.start() first')
  return peer
}
function bodyOf(args: { body?: string; bodyBytes?: number }): Uint8Array {
  return args.body !== undefined ? hexToU8a(args.body) : new Uint8Array(args.bodyBytes ?? 0)
}
function outcomeOf(error: unknown, ms: number): QueryOutcome {
  const e = error as Error & { reason?: string; details?: string; shortMessage?: string }
  return { ok: false, name: e.name, reason: e.reason, message: e.message, ms }
}

async function query(target: string, args: QueryArgs): Promise<QueryOutcome> {
  const started = performance.now()
  try {
    const { body } = await need().query(target, { netuid: args.netuid, minerHotkey: hotkeyBytes(args.minerHotkey), body: bodyOf(args) }, { timeout: args.timeout ?? 5000 })
    return { ok: true, body: u8aToHex(body), ms: performance.now() - started }
  } catch (error) {
    return outcomeOf(error, performance.now() - started)
  }
}

/** Query streams on every connection of this node, as libp2p counts them. */
function queryStreamsOpen(): number {
  return need()
    .node.getConnections()
    .flatMap((connection) => connection.streams)
    .filter((stream) => stream.protocol === PROTOCOL).length
}

const harness = {
  async ready(): Promise<true> {
    await cryptoWaitReady()
    return true
  },

  async start(options: StartOptions) {
    await cryptoWaitReady()
    hotkey = signer(options.hotkey)
    const permitted = new Set((options.permits ?? []).map((uri) => u8aToHex(signer(uri).publicKey)))
    peer = await createBrowserPeer({
      relayAddrs: options.relayAddrs,
      iceServers: [],
      allowPrivateAddresses: true,
      watchdog: options.watchdog ?? { intervalMs: 250, minBackoffMs: 100, maxBackoffMs: 1000 },
      onRelayEvent: (event) => relayEvents.push({ ...event, at: Date.now() }),
      query: {
        hotkey,
        lookupValidator: (_netuid, key) => ({ permit: permitted.has(u8aToHex(key)), stakeWeight: 1 }),
        rateLimit: { totalPerSecond: 1e6, minPerSecond: 0, burstSeconds: 1 },
        maxBodyBytes: options.maxBodyBytes,
        streamsPerConnection: options.streamsPerConnection,
      },
    })
    for (const netuid of options.serve ?? []) {
      peer.serve(netuid, async ({ body }, { signal }) => {
        if (netuid !== 2) return body.slice().reverse()
        await new Promise((resolve) => setTimeout(resolve, 1000))
        signal.throwIfAborted()
        return new Uint8Array()
      })
    }
    document.getElementById('status')!.textContent = `peer ${peer.peerId}`
    return harness.info()
  },

  info() {
    const p = need()
    return { peerId: p.peerId, multiaddrs: p.multiaddrs(), webrtcAddrs: p.webrtcAddrs(), hotkey: u8aToHex(hotkey!.publicKey), served: p.served() }
  },

  hotkey: (uri: string) => u8aToHex(signer(uri).publicKey),

  query,

  /**
   * `n` queries to `target`, `concurrency` at a time; every `sampleEvery` completions the query streams open on this
   * node are counted. Returns each round trip, the failures and the most streams seen.
   */
  async queryLoop(target: string, args: QueryArgs & { n: number; concurrency?: number; sampleEvery?: number }) {
    const rtts: number[] = []
    const failures: QueryOutcome[] = []
    let mostStreams = 0
    let mostPooled = 0
    let done = 0
    let next = 0
    const worker = async () => {
      while (next < args.n) {
        const i = next++
        const body = args.body !== undefined || args.bodyBytes !== undefined ? bodyOf(args) : new Uint8Array([i & 0xff, (i >> 8) & 0xff])
        const outcome = await query(target, { ...args, body: u8aToHex(body) })
        if (outcome.ok) {
          if (outcome.body !== u8aToHex(body.slice().reverse())) failures.push({ ok: false, name: 'WrongBody', message: `query ${i}: ${outcome.body}`, ms: outcome.ms })
          else rtts.push(outcome.ms)
        } else failures.push(outcome)
        if (++done % (args.sampleEvery ?? 50) === 0) {
          mostStreams = Math.max(mostStreams, queryStreamsOpen())
          mostPooled = Math.max(mostPooled, need().streamCounts().outbound)
        }
      }
    }
    await Promise.all(Array.from({ length: args.concurrency ?? 1 }, worker))
    return { rtts, failures: failures.slice(0, 10), failureCount: failures.length, mostStreams, mostPooled }
  },

  connections: (remote?: string) => need().connections(remote),
  isDirectWebRTC: (remote: string) => need().isDirectWebRTC(remote),
  streamCounts: () => ({ ...need().streamCounts(), libp2p: queryStreamsOpen() }),
  relayStatus: () => need().relayStatus(),
  relayEvents: () => relayEvents,
  errors: () => errors,
  iceServersConfigured: () => peerConnections.map((pc) => pc.getConfiguration().iceServers?.length ?? 0),
  selectedCandidatePairs,

  async whenReserved(timeout = 10_000) {
    await need().whenReserved({ signal: AbortSignal.timeout(timeout) })
    return need().webrtcAddrs()
  },

  /** A request signed by `validator` (URI), as hex, with the given nonce and a deadline `deadlineInMs` from now. */
  signedRequest(args: { validator: string; minerHotkey: string; netuid?: number; nonce: string; deadlineInMs?: number; body?: string }) {
    const signed = signRequest(signer(args.validator), {
      netuid: args.netuid ?? 1,
      minerHotkey: hotkeyBytes(args.minerHotkey),
      nonce: BigInt(args.nonce),
      deadline: Date.now() + (args.deadlineInMs ?? 5000),
      body: args.body === undefined ? new Uint8Array([1]) : hexToU8a(args.body),
    })
    return { bytes: u8aToHex(signed.bytes), requestId: u8aToHex(signed.requestId), deadline: signed.deadline }
  },

  /** The same request claiming another validator hotkey (the signature no longer matches), or with no signature at all. */
  forge(requestHex: string, change: { validatorHotkey?: string; unsigned?: boolean }) {
    const request = decodeRequest(hexToU8a(requestHex))
    return u8aToHex(QueryRequest.enc({ ...request, ...(change.validatorHotkey ? { validatorHotkey: hotkeyBytes(change.validatorHotkey) } : {}), ...(change.unsigned ? { signature: new Uint8Array() } : {}) }))
  },

  /**
   * Sends raw frames on one new query stream over the open direct connection to `remote`, reads one response frame
   * each, closes the stream; returns each response's status (and the validator-side check when `expect` is given).
   */
  async raw(remote: string, frames: string[], expect?: { requestId: string; minerHotkey: string; deadline: number }) {
    const connection = need()
      .node.getConnections(peerIdFromString(remote))
      .find((c) => c.status === 'open' && c.limits == null)
    if (connection === undefined) throw new Error(`no direct connection to ${remote}`)
    const stream = await connection.newStream(PROTOCOL, { signal: AbortSignal.timeout(5000) })
    const lp = lpStream(stream, { maxDataLength: 4 * 1024 * 1024 })
    const results: Array<{ status: string | undefined; check?: string }> = []
    try {
      for (const frame of frames) {
        await lp.write(hexToU8a(frame), { signal: AbortSignal.timeout(5000) })
        const response = (await lp.read({ signal: AbortSignal.timeout(5000) })).subarray()
        const status = statusName(decodeResponse(response).status)
        const checked = expect && checkResponse(response, { requestId: hexToU8a(expect.requestId), minerHotkey: hotkeyBytes(expect.minerHotkey), deadline: expect.deadline })
        results.push({ status, check: checked === undefined ? undefined : checked.ok ? `ok:${checked.status}` : `rejected:${checked.reason}` })
      }
      await stream.close()
    } catch (error) {
      stream.abort(error as Error)
      results.push({ status: undefined, check: `error:${(error as Error).name}: ${(error as Error).message}` })
    }
    return results
  },

  /** Writes one length prefix announcing `bytes` bytes and that many zeros: a frame far over the miner's limit. */
  async oversizedFrame(remote: string, bytes: number) {
    const connection = need()
      .node.getConnections(peerIdFromString(remote))
      .find((c) => c.status === 'open' && c.limits == null)
    if (connection === undefined) throw new Error(`no direct connection to ${remote}`)
    const stream = await connection.newStream(PROTOCOL, { signal: AbortSignal.timeout(5000) })
    const lp = lpStream(stream, { maxDataLength: bytes + 16 })
    try {
      await lp.write(new Uint8Array(bytes), { signal: AbortSignal.timeout(5000) })
      const answer = await lp.read({ signal: AbortSignal.timeout(5000) })
      return `answered ${answer.byteLength} bytes`
    } catch (error) {
      stream.abort(error as Error)
      return `${(error as Error).name}: ${(error as Error).message}`
    }
  },

  /** Hangs up on `remote` and dials `address` again, `times` times, each followed by one query; returns each attempt. */
  async redial(address: string, remote: string, args: QueryArgs & { times: number }) {
    const attempts: Array<{ ok: boolean; dialMs: number; direct: boolean; error?: string }> = []
    for (let i = 0; i < args.times; i++) {
      await need().node.hangUp(peerIdFromString(remote))
      const started = performance.now()
      const outcome = await query(address, { ...args, body: u8aToHex(new Uint8Array([i])) })
      attempts.push({ ok: outcome.ok, dialMs: performance.now() - started, direct: need().isDirectWebRTC(remote), error: outcome.ok ? undefined : `${outcome.name}: ${outcome.message}` })
    }
    return attempts
  },

  /** Milliseconds per sr25519 signature and per verification in this page (wasm when ready). */
  cryptoCost(n = 200) {
    const key = signer('//Alice')
    const message = new Uint8Array(120)
    let t = performance.now()
    let signature: Uint8Array = new Uint8Array()
    for (let i = 0; i < n; i++) signature = key.sign(message)
    const sign = (performance.now() - t) / n
    t = performance.now()
    for (let i = 0; i < n; i++) verifySr25519(message, signature, key.publicKey)
    return { signMs: sign, verifyMs: (performance.now() - t) / n, wasm: wasmReady() }
  },

  /** Serves a bare length-prefixed echo (no signatures, no checks): the transport's own round trip, for comparison. */
  async serveEcho() {
    await need().node.handle(
      ECHO,
      async (stream) => {
        const lp = lpStream(stream)
        try {
          while (true) await lp.write((await lp.read()).subarray())
        } catch {
          await stream.close().catch(() => undefined)
        }
      },
      { runOnLimitedConnection: false },
    )
  },

  /** `n` echo round trips of `bytes` bytes on one stream over the direct connection to `remote`. */
  async echoLoop(remote: string, n: number, bytes = 2) {
    const connection = need()
      .node.getConnections(peerIdFromString(remote))
      .find((c) => c.status === 'open' && c.limits == null)
    if (connection === undefined) throw new Error(`no direct connection to ${remote}`)
    const stream = await connection.newStream(ECHO, { signal: AbortSignal.timeout(5000) })
    const lp = lpStream(stream)
    const rtts: number[] = []
    const payload = new Uint8Array(bytes)
    for (let i = 0; i < n; i++) {
      const started = performance.now()
      await lp.write(payload)
      await lp.read()
      rtts.push(performance.now() - started)
    }
    await stream.close()
    return rtts
  },

  async hangUp(remote: string) {
    await need().node.hangUp(peerIdFromString(remote))
  },

  async close() {
    await peer?.close()
    peer = undefined
  },

  // ── one owner tab per profile (src/net/browser/owner.ts) ──
  owner: undefined as OwnerTab | undefined,
  async joinOwnerElection(network: string) {
    const backend: OwnerBackend = {
      status: () => ({ peerId: need().peerId, multiaddrs: need().webrtcAddrs(), served: need().served(), relay: need().relayStatus(), connections: need().connections().length }),
      query: async (target, request, options) => (await need().query(target, request, options)).body,
    }
    harness.owner = new OwnerTab({ network, backend: () => (peer === undefined ? undefined : backend) })
    await harness.owner.start()
    return harness.owner.role()
  },
  ownerRole: () => harness.owner?.role(),
  async ownerStatus() {
    return harness.owner!.status({ timeout: 2000 })
  },
  async queryThroughOwner(target: string, args: QueryArgs) {
    const started = performance.now()
    try {
      const body = await harness.owner!.query(target, { netuid: args.netuid, minerHotkey: hotkeyBytes(args.minerHotkey), body: bodyOf(args) }, { timeout: args.timeout ?? 5000 })
      return { ok: true, body: u8aToHex(body), ms: performance.now() - started } as QueryOutcome
    } catch (error) {
      return outcomeOf(error, performance.now() - started)
    }
  },
}

declare global {
  interface Window {
    harness: typeof harness
  }
}
window.harness = harness
document.getElementById('status')!.textContent = 'ready'
