// The WebSocket provider: @polkadot/api's WsProvider, retrying every `retryMs` after a drop (subscriptions are resubscribed on reconnect).

import { WsProvider } from '@polkadot/api'
import type { ProviderInterface } from '@polkadot/rpc-provider/types'

/** Milliseconds between reconnection attempts. */
export const RETRY_MS = 2_500
/** Milliseconds before an unanswered request fails. */
export const REQUEST_TIMEOUT_MS = 60_000

export type WsProviderOptions = { retryMs?: number; timeoutMs?: number }

/** `createWsProvider('ws://127.0.0.1:9944')`: connects at once and keeps reconnecting. */
export function createWsProvider(url: string, { retryMs = RETRY_MS, timeoutMs = REQUEST_TIMEOUT_MS }: WsProviderOptions = {}): ProviderInterface {
  return new WsProvider(url, retryMs, {}, timeoutMs)
}
