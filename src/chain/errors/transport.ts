// The node cannot be reached, or it is not a subtensor chain.

import { WebtensorError } from './base.ts'

export type ChainDisconnectedErrorType = ChainDisconnectedError & { name: 'ChainDisconnectedError' }
/** The client is not connected: `url` is down or unreachable; the provider keeps retrying. */
export class ChainDisconnectedError extends WebtensorError {
  override name = 'ChainDisconnectedError'
  readonly url: string
  constructor({ url, cause }: { url: string; cause?: unknown }) {
    super(`Not connected to the node at ${url}`, {
      cause,
      metaMessages: ['Reconnecting on its own; nothing was sent. Check that the node is running, or pick another network.'],
    })
    this.url = url
  }
}

export type ClientClosedErrorType = ClientClosedError & { name: 'ClientClosedError' }
/** The client was closed (the user switched networks) before the request finished. */
export class ClientClosedError extends WebtensorError {
  override name = 'ClientClosedError'
  constructor({ url }: { url: string }) {
    super(`The connection to ${url} was closed`, { metaMessages: ['Another network was chosen; repeat the request on it.'] })
  }
}

export type NotASubtensorChainErrorType = NotASubtensorChainError & { name: 'NotASubtensorChainError' }
/** The node answers but its runtime has no SubtensorModule pallet: not Bittensor. */
export class NotASubtensorChainError extends WebtensorError {
  override name = 'NotASubtensorChainError'
  readonly url: string
  readonly chain: string | undefined
  constructor({ url, chain, pallets }: { url: string; chain?: string; pallets: readonly string[] }) {
    super(`${chain ? `"${chain}"` : 'The chain'} at ${url} is not a Bittensor (subtensor) chain: its runtime has no SubtensorModule pallet`, {
      metaMessages: ['Pick the local devnet, Bittensor testnet or mainnet, or a custom endpoint of a subtensor node.'],
      details: `pallets: ${pallets.length ? pallets.join(', ') : '(none)'}`,
    })
    this.url = url
    this.chain = chain
  }
}

export type RuntimeApiMissingErrorType = RuntimeApiMissingError & { name: 'RuntimeApiMissingError' }
/** The node's runtime does not declare a runtime API method the client needs (an older subtensor). */
export class RuntimeApiMissingError extends WebtensorError {
  override name = 'RuntimeApiMissingError'
  constructor({ api, method }: { api: string; method: string }) {
    super(`The node does not serve ${api}.${method}`, { metaMessages: ['Its runtime is older than the one webtensor was written for; upgrade the node or pick another network.'] })
  }
}
