// The chain client the app, miner and validator share: one @polkadot/api connection per network, its status, the chain's units, and head subscriptions.

import { ApiPromise } from '@polkadot/api'
import type { ProviderInterface } from '@polkadot/rpc-provider/types'
import { DEFAULT_NETWORK, NETWORKS, endpointOf, type NetworkId } from './networks.ts'
import { createWsProvider } from './providers/ws.ts'
import { WebtensorError, describeCause } from './errors/base.ts'
import { ChainDisconnectedError, ClientClosedError, NotASubtensorChainError } from './errors/transport.ts'
import { DECIMALS, SS58_PREFIX, TAO_SYMBOL } from './units.ts'

export type ChainStatus =
  | { state: 'connecting' }
  | { state: 'connected' }
  | { state: 'disconnected'; error: ChainDisconnectedError }
  | { state: 'error'; message: string; error: WebtensorError }

export type ChainProperties = {
  /** The chain's token name (`TAO`). */
  tokenSymbol: string
  /** The symbol amounts are shown with (`τ` for TAO). */
  symbol: string
  decimals: number
  ss58: number
}

export type CreateChainClientParameters =
  | { network?: NetworkId; customUrl?: string; provider?: undefined; url?: undefined }
  | { url: string; network?: NetworkId; provider?: undefined }
  | { provider: ProviderInterface; url: string; network?: NetworkId }

export type ChainClient = {
  /** Resolves once connected to a subtensor chain; rejects with NotASubtensorChainError (or ClientClosedError). Only src/chain uses it. */
  readonly api: Promise<ApiPromise>
  readonly network: NetworkId
  readonly url: string
  readonly status: ChainStatus
  /** Calls `listener` on every status change; returns the unsubscribe function. */
  onStatus(listener: (status: ChainStatus) => void): () => void
  /** The chain's token, decimals and SS58 prefix, from its properties (TAO, 9, 42 where it does not say). */
  readonly properties: Promise<ChainProperties>
  /** Disconnects for good; pending `api` waits reject with ClientClosedError. */
  close(): Promise<void>
}

/** The pallet whose presence makes a chain a subtensor chain. */
export const SUBTENSOR_PALLET = 'SubtensorModule'

/** Throws NotASubtensorChainError unless `pallets` (the metadata's pallet names) include SubtensorModule. */
export function assertSubtensorChain({ pallets, url, chain }: { pallets: readonly string[]; url: string; chain?: string }): void {
  if (!pallets.includes(SUBTENSOR_PALLET)) throw new NotASubtensorChainError({ url, chain, pallets })
}

/** TAO/τ, 9 decimals, prefix 42 unless the chain's properties say otherwise. */
export function chainPropertiesOf(api: Pick<ApiPromise, 'registry'>): ChainProperties {
  const tokenSymbol = api.registry.chainTokens[0] ?? 'TAO'
  return {
    tokenSymbol,
    symbol: tokenSymbol.toUpperCase() === 'TAO' ? TAO_SYMBOL : tokenSymbol,
    decimals: api.registry.chainDecimals[0] ?? DECIMALS,
    ss58: api.registry.chainSS58 ?? SS58_PREFIX,
  }
}

/**
 * `createChainClient({ network: 'devnet' })`, `createChainClient({ url: 'wss://…' })` or `createChainClient({ provider, url })`.
 * Connects at once; after a drop the provider reconnects on its own and the status follows (connecting → connected ⇄ disconnected).
 */
export function createChainClient(parameters: CreateChainClientParameters = {}): ChainClient {
  const network = parameters.network ?? (parameters.url !== undefined ? 'custom' : DEFAULT_NETWORK)
  const url = parameters.url ?? endpointOf(network, 'customUrl' in parameters ? parameters.customUrl : undefined) ?? NETWORKS[network].endpoint
  const listeners = new Set<(status: ChainStatus) => void>()
  let status: ChainStatus = { state: 'connecting' }
  let ready = false
  let closed = false
  const setStatus = (next: ChainStatus) => {
    if (closed && next.state !== 'error') return
    status = next
    for (const listener of [...listeners]) listener(next)
  }

  let resolveApi!: (api: ApiPromise) => void
  let rejectApi!: (error: unknown) => void
  const apiPromise = new Promise<ApiPromise>((resolve, reject) => {
    resolveApi = resolve
    rejectApi = reject
  })
  // a rejection nobody awaited yet must not crash the process
  apiPromise.catch(() => {})

  let api: ApiPromise | undefined
  if (!url) {
    const error = new WebtensorError('No endpoint for this network', { metaMessages: ['Enter a custom endpoint such as wss://node.example.org:443.'] })
    setStatus({ state: 'error', message: error.shortMessage, error })
    rejectApi(error)
  } else {
    const provider = parameters.provider ?? createWsProvider(url)
    api = new ApiPromise({ provider, noInitWarn: true })
    // ApiPromise rejects this on the first socket error before `ready`; the status reports it and the provider retries
    api.isReadyOrError.catch(() => {})
    api.on('connected', () => {
      if (ready) setStatus({ state: 'connected' })
    })
    api.on('disconnected', () => {
      if (status.state !== 'error') setStatus({ state: 'disconnected', error: new ChainDisconnectedError({ url }) })
    })
    api.on('error', (cause: unknown) => {
      if (!ready && status.state === 'connecting') return // the provider retries; 'disconnected' says so
      if (status.state === 'error') return
      setStatus({ state: 'disconnected', error: new ChainDisconnectedError({ url, cause }) })
    })
    api.on('ready', (ok: ApiPromise) => {
      try {
        const pallets = ok.runtimeMetadata.asLatest.pallets.map((p) => p.name.toString())
        assertSubtensorChain({ pallets, url, chain: ok.runtimeChain?.toString() })
      } catch (error) {
        const refused = error instanceof WebtensorError ? error : new WebtensorError('The chain could not be read', { cause: error, details: describeCause(error) })
        setStatus({ state: 'error', message: refused.shortMessage, error: refused })
        rejectApi(refused)
        void ok.disconnect().catch(() => {})
        return
      }
      ready = true
      setStatus({ state: 'connected' })
      resolveApi(ok)
    })
  }

  const properties = apiPromise.then(chainPropertiesOf)
  properties.catch(() => {})

  return {
    api: apiPromise,
    network,
    url,
    get status() {
      return status
    },
    onStatus(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    properties,
    async close() {
      if (closed) return
      closed = true
      listeners.clear()
      rejectApi(new ClientClosedError({ url }))
      if (!api) return
      // closing a socket mid-handshake makes `ws` throw outside any promise: let the attempt finish (or fail) first
      if (!api.isConnected) await settledOrTimeout(api, CLOSE_WAIT_MS)
      await api.disconnect().catch(() => {})
    },
  }
}

/** How long close() lets a connection attempt in flight settle before closing. */
const CLOSE_WAIT_MS = 5_000
function settledOrTimeout(api: ApiPromise, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer)
      api.off('connected', done)
      api.off('disconnected', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    api.on('connected', done)
    api.on('disconnected', done)
  })
}

/**
 * The connected API for an action: fails at once with ChainDisconnectedError while the node is away (instead of waiting for the
 * reconnection), with the refusal while the chain is not subtensor, else waits for the first connection.
 */
export async function connectedApi(client: ChainClient): Promise<ApiPromise> {
  const status = client.status
  if (status.state === 'disconnected') throw status.error
  if (status.state === 'error') throw status.error
  return client.api
}

export type Head = { number: number; hash: `0x${string}`; parentHash: `0x${string}`; stateRoot: `0x${string}` }
type HeaderLike = { number: { toNumber(): number }; hash: { toHex(): string }; parentHash: { toHex(): string }; stateRoot: { toHex(): string } }
const headOf = (h: HeaderLike): Head => ({ number: h.number.toNumber(), hash: h.hash.toHex() as Head['hash'], parentHash: h.parentHash.toHex() as Head['hash'], stateRoot: h.stateRoot.toHex() as Head['hash'] })

function watchHeads(client: ChainClient, kind: 'subscribeNewHeads' | 'subscribeFinalizedHeads', onHead: (head: Head) => void, onError?: (error: WebtensorError) => void): () => void {
  let stopped = false
  let unsubscribe: (() => void) | undefined
  client.api
    .then(async (api) => {
      if (stopped) return
      const unsub = await api.rpc.chain[kind]((header) => {
        if (!stopped) onHead(headOf(header as unknown as HeaderLike))
      })
      if (stopped) unsub()
      else unsubscribe = unsub
    })
    .catch((error: unknown) => {
      if (!stopped) onError?.(error instanceof WebtensorError ? error : new WebtensorError('Could not follow new blocks', { cause: error, details: describeCause(error) }))
    })
  return () => {
    stopped = true
    unsubscribe?.()
  }
}

/** Calls `onHead` for every new best block (re-subscribed after a reconnection); returns `unwatch`. */
export const watchNewHeads = (client: ChainClient, onHead: (head: Head) => void, onError?: (error: WebtensorError) => void): (() => void) =>
  watchHeads(client, 'subscribeNewHeads', onHead, onError)

/** Calls `onHead` for every newly finalized block; returns `unwatch`. */
export const watchFinalizedHead = (client: ChainClient, onHead: (head: Head) => void, onError?: (error: WebtensorError) => void): (() => void) =>
  watchHeads(client, 'subscribeFinalizedHeads', onHead, onError)
