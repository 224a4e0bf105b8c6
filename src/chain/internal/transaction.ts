// What writes share: a prepared transaction with its call, fee quote and `send(signer)`, which reports signing → ready → inBlock → finalized
// or fails with the chain's error in words.

import type { ApiPromise } from '@polkadot/api'
import type { Signer, SubmittableExtrinsic } from '@polkadot/api/types'
import type { KeyringPair } from '@polkadot/keyring/types'
import type { ISubmittableResult, SignerPayloadJSON, SignerPayloadRaw, SignerResult } from '@polkadot/types/types'
import { WebtensorError, describeCause } from '../errors/base.ts'
import { ExtrinsicFailedError, SignatureRejectedError, TransactionDroppedError, TransactionInvalidError } from '../errors/extrinsic.ts'
import { ChainDisconnectedError } from '../errors/transport.ts'
import { assertAddress } from '../units.ts'
import type { ChainClient } from '../client.ts'
import type { Hex, Untyped } from './read.ts'

/** An extension account (`signer` from `web3FromAddress`) or a keyring pair (dev accounts, app-held hotkeys). */
export type ChainSigner = { address: string; signer: Signer } | KeyringPair

export type TransactionStatus =
  | { type: 'signing' }
  | { type: 'ready'; txHash: Hex }
  | { type: 'inBlock'; txHash: Hex; blockHash: Hex }
  | { type: 'finalized'; txHash: Hex; blockHash: Hex }
  | { type: 'failed'; error: WebtensorError }

/** An event the transaction caused: `{ pallet: 'SubtensorModule', name: 'StakeAdded', data: [...] }` (data as JSON). */
export type ChainEvent = { pallet: string; name: string; data: unknown[] }

export type TransactionResult = {
  txHash: Hex
  blockHash: Hex
  /** How far it got when `send` resolved: in a block (`waitFor: 'inBlock'`) or finalized. */
  status: 'inBlock' | 'finalized'
  events: ChainEvent[]
}

export type SendOptions = {
  /** Each lifecycle step, for a status line: signing → ready → inBlock → finalized (or failed). */
  onStatus?: (status: TransactionStatus) => void
  /** Resolve once in a block instead of once finalized (default `'finalized'`). */
  waitFor?: 'inBlock' | 'finalized'
}

/** What every write action returns: the call it will make, the extrinsic, a fee quote and `send`. */
export type PreparedTransaction<extra = object> = {
  /** `{ pallet: 'SubtensorModule', name: 'add_stake_limit', args: { hotkey, netuid, … } }`, for a confirmation screen. */
  call: { pallet: string; name: string; args: Record<string, unknown> }
  extrinsic: SubmittableExtrinsic<'promise'>
  /** The fee the signer would pay, in RAO. */
  estimateFee(address: string): Promise<bigint>
  /** Checks what can be checked before signing (balances), signs, submits and follows the transaction. */
  send(signer: ChainSigner, options?: SendOptions): Promise<TransactionResult>
} & extra

const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

/** The chain's DispatchError as an ExtrinsicFailedError: `Pallet.Error` with its docs, or the DispatchError variant. */
export function extrinsicFailedError(api: ApiPromise, dispatchError: Untyped, blockHash?: Hex): ExtrinsicFailedError {
  if (dispatchError.isModule) {
    const module = dispatchError.asModule
    const meta = api.registry.findMetaError(module)
    const index = Number(module.index.toString())
    const pallet = api.runtimeMetadata.asLatest.pallets.find((p) => p.index.toNumber() === index)?.name.toString() ?? upperFirst(meta.section)
    return new ExtrinsicFailedError({ pallet, error: meta.name, docs: meta.docs, blockHash })
  }
  const kind = String(dispatchError.type)
  const inner = (dispatchError as Untyped)[`as${kind}`]
  const error = inner && typeof inner.type === 'string' ? `${kind}.${inner.type}` : kind
  return new ExtrinsicFailedError({ error, blockHash })
}

/** Wraps `send`'s errors: pool refusals, signer refusals, lost connections. */
function sendError(client: ChainClient, error: unknown, signatureRejected: boolean): WebtensorError {
  if (error instanceof WebtensorError) return error
  if (signatureRejected) return new SignatureRejectedError({ cause: error })
  const message = describeCause(error)
  if (/^\d{4}:/.test(message) || /Invalid Transaction|Transaction is (outdated|temporarily banned)|Priority is too low/i.test(message)) return new TransactionInvalidError({ reason: message, cause: error })
  if (client.status.state !== 'connected' || /disconnected|WebSocket is not connected|Abnormal Closure/i.test(message)) return new ChainDisconnectedError({ url: client.url, cause: error })
  return new WebtensorError('The transaction could not be sent', { cause: error, details: message })
}

/** Wraps an extension signer so that its refusal is told apart from the node's. */
function watchSigner(signer: Signer, onReject: () => void): Signer {
  const wrapped: Signer = {}
  if (signer.signPayload)
    wrapped.signPayload = async (payload: SignerPayloadJSON): Promise<SignerResult> => {
      try {
        return await signer.signPayload!(payload)
      } catch (error) {
        onReject()
        throw error
      }
    }
  if (signer.signRaw)
    wrapped.signRaw = async (payload: SignerPayloadRaw): Promise<SignerResult> => {
      try {
        return await signer.signRaw!(payload)
      } catch (error) {
        onReject()
        throw error
      }
    }
  if (signer.update) wrapped.update = signer.update.bind(signer)
  return wrapped
}

const isPair = (s: ChainSigner): s is KeyringPair => typeof (s as KeyringPair).sign === 'function'

/**
 * Builds a PreparedTransaction for `extrinsic`. `preflight(address)` runs in `send` before signing and throws to refuse
 * (e.g. InsufficientBalanceError): nothing is signed or sent then.
 */
export function prepareTransaction<extra extends object = object>(
  client: ChainClient,
  api: ApiPromise,
  call: PreparedTransaction['call'],
  extrinsic: SubmittableExtrinsic<'promise'>,
  preflight?: (address: string) => Promise<void>,
  extra?: extra,
): PreparedTransaction<extra> {
  return {
    ...(extra as extra),
    call,
    extrinsic,
    async estimateFee(address) {
      const info = await extrinsic.paymentInfo(assertAddress(address, 'signer'))
      return info.partialFee.toBigInt()
    },
    send(signer, options = {}) {
      return sendTransaction(client, api, extrinsic, signer, options, preflight)
    },
  }
}

async function sendTransaction(
  client: ChainClient,
  api: ApiPromise,
  extrinsic: SubmittableExtrinsic<'promise'>,
  signer: ChainSigner,
  { onStatus, waitFor = 'finalized' }: SendOptions,
  preflight?: (address: string) => Promise<void>,
): Promise<TransactionResult> {
  const report = (status: TransactionStatus) => {
    try {
      onStatus?.(status)
    } catch {
      // a listener's failure is not the transaction's
    }
  }
  const fail = (error: WebtensorError) => {
    report({ type: 'failed', error })
    return error
  }
  const address = assertAddress(signer.address, 'signer')
  if (client.status.state === 'disconnected' || client.status.state === 'error') throw fail(client.status.error)
  if (preflight) {
    try {
      await preflight(address)
    } catch (error) {
      throw fail(sendError(client, error, false))
    }
  }
  let signatureRejected = false
  report({ type: 'signing' })
  return new Promise<TransactionResult>((resolve, reject) => {
    let settled = false
    let inBlockReported = false
    let unsubscribe: (() => void) | undefined
    const finish = (outcome: { ok: TransactionResult } | { error: WebtensorError }) => {
      if (settled) return
      settled = true
      unsubscribe?.()
      if ('ok' in outcome) resolve(outcome.ok)
      else reject(fail(outcome.error))
    }
    const onResult = (result: ISubmittableResult) => {
      if (settled) return
      const txHash = result.txHash.toHex() as Hex
      const { status } = result
      if (status.isReady || status.isBroadcast) {
        if (status.isReady) report({ type: 'ready', txHash })
        return
      }
      if (status.isInBlock || status.isFinalized) {
        const blockHash = (status.isInBlock ? status.asInBlock : status.asFinalized).toHex() as Hex
        if (result.dispatchError) return finish({ error: extrinsicFailedError(api, result.dispatchError, blockHash) })
        const events: ChainEvent[] = result.events.map(({ event }) => ({ pallet: upperFirst(event.section), name: event.method, data: event.data.toJSON() as unknown[] }))
        // @polkadot/api drops the InBlock result when Finalized arrives while InBlock's events are still being read: report it anyway
        if (!inBlockReported) {
          inBlockReported = true
          report({ type: 'inBlock', txHash, blockHash })
        }
        if (status.isInBlock) {
          if (waitFor === 'inBlock') finish({ ok: { txHash, blockHash, status: 'inBlock', events } })
          return
        }
        report({ type: 'finalized', txHash, blockHash })
        return finish({ ok: { txHash, blockHash, status: 'finalized', events } })
      }
      if (status.isDropped || status.isInvalid || status.isUsurped || status.isFinalityTimeout) finish({ error: new TransactionDroppedError({ status: status.type as 'Dropped' }) })
    }
    const sent = isPair(signer)
      ? extrinsic.signAndSend(signer, onResult)
      : extrinsic.signAndSend(address, { signer: watchSigner(signer.signer, () => (signatureRejected = true)) }, onResult)
    sent.then(
      (unsub) => {
        if (settled) unsub()
        else unsubscribe = unsub
      },
      (error: unknown) => finish({ error: sendError(client, error, signatureRejected) }),
    )
  })
}
