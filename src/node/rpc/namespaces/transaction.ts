// The `transaction_v1_*` and `transactionWatch_v1_*` namespaces of the new JSON-RPC spec (paritytech/json-rpc-interface-spec): broadcasting a transaction, and submitting one while watching it to finality.
import { hexToU8a } from '@polkadot/util'
import { blake2AsHex } from '@polkadot/util-crypto'
import type { DevnetChain, TransactionStatus } from '../../chain/chain.ts'
import { TransactionRefused } from '../../chain/errors.ts'
import type { Hex } from '../../chain/header.ts'
import { invalidParams } from '../errors.ts'
import type { RpcMethods } from '../methods.ts'

/** Broadcasts one connection may hold at once (the spec asks for at least 4); more are answered with null. */
export const MAX_BROADCASTS_PER_CONNECTION = 64
/** Broadcasts held over every connection; the oldest are forgotten past this (a plain method cannot see a disconnect). */
const MAX_BROADCASTS = 4096

type WatchEvent =
  | { event: 'validated' }
  | { event: 'bestChainBlockIncluded'; block: { hash: Hex; index: number } | null }
  | { event: 'finalized'; block: { hash: Hex; index: number } }
  | { event: 'invalid' | 'dropped' | 'error'; error: string }

export function registerTransactionMethods(methods: RpcMethods, chain: DevnetChain): void {
  /** Broadcast operation id → the connection that started it. */
  const broadcasts = new Map<string, number>()
  let nextBroadcast = 0

  methods
    .add('transaction_v1_broadcast', (params, ctx) => {
      const bytes = hexToU8a(params.hex(0))
      let held = 0
      for (const connection of broadcasts.values()) if (connection === ctx.connectionId) held++
      if (held >= MAX_BROADCASTS_PER_CONNECTION) return null
      try {
        chain.submitExtrinsic(bytes)
      } catch (error) {
        // The spec: an invalid transaction is silently not broadcast, and still counts towards the limit.
        if (!(error instanceof TransactionRefused)) throw error
      }
      const operationId = `broadcast-${nextBroadcast++}`
      broadcasts.set(operationId, ctx.connectionId)
      if (broadcasts.size > MAX_BROADCASTS) broadcasts.delete(broadcasts.keys().next().value!)
      return operationId
    })
    .add('transaction_v1_stop', (params, ctx) => {
      const operationId = params.string(0)
      if (broadcasts.get(operationId) !== ctx.connectionId) throw invalidParams(`no active transaction_v1_broadcast operation ${operationId}`)
      broadcasts.delete(operationId)
      return null
    })

  methods.addSubscription({
    subscribe: 'transactionWatch_v1_submitAndWatch',
    unsubscribe: 'transactionWatch_v1_unwatch',
    notification: 'transactionWatch_v1_watchEvent',
    start(params, sink) {
      const bytes = hexToU8a(params.hex(0))
      const send = (event: WatchEvent, terminal = false) => {
        sink.next(event)
        if (terminal) sink.close()
      }
      const included = (block: Hex) => ({ hash: block, index: indexIn(chain, block, hash) })
      const hash = blake2AsHex(bytes, 256) as Hex
      const watch = (status: TransactionStatus) => {
        if (sink.closed) return
        if (status === 'ready' || status === 'future') return send({ event: 'validated' })
        if (status === 'dropped') return send({ event: 'dropped', error: 'Extrinsic dropped from the pool due to exceeding limits' }, true)
        if (status === 'invalid') return send({ event: 'invalid', error: 'Extrinsic marked as invalid' }, true)
        if ('inBlock' in status) return send({ event: 'bestChainBlockIncluded', block: included(status.inBlock) })
        if ('finalized' in status) return send({ event: 'finalized', block: included(status.finalized) }, true)
        return send({ event: 'invalid', error: 'Extrinsic was rendered invalid by another extrinsic' }, true)
      }
      try {
        return chain.submitExtrinsic(bytes, watch).unwatch
      } catch (error) {
        // The spec: undecodable or invalid bytes are an `invalid` event, not an error answer.
        if (!(error instanceof TransactionRefused)) send({ event: 'error', error: error instanceof Error ? error.message : String(error) }, true)
        else if (error.refusal.kind === 'pool' && error.refusal.code === 'ImmediatelyDropped') send({ event: 'dropped', error: error.message }, true)
        else send({ event: 'invalid', error: error.message }, true)
        return () => {}
      }
    },
  })
}

/** The 0-based position of the transaction `hash` in `block`'s body. */
function indexIn(chain: DevnetChain, block: Hex, hash: Hex): number {
  const body = chain.block(block)?.body ?? []
  const index = body.findIndex((xt) => blake2AsHex(xt, 256) === hash)
  return index < 0 ? 0 : index
}
