// A transaction the chain refused (in a block, with a pallet error), the pool refused (invalid), or the signer declined.

import { WebtensorError } from './base.ts'

/** How to get past the errors users meet most, by `Pallet.Error`. */
const HINTS: Record<string, string> = {
  'SubtensorModule.NotEnoughBalanceToStake': 'Stake less, or add TAO to this coldkey first.',
  'SubtensorModule.NotEnoughStakeToWithdraw': 'Unstake at most the position shown for this hotkey and subnet.',
  'SubtensorModule.AmountTooLow': 'The chain has a minimum stake; enter a larger amount.',
  'SubtensorModule.SlippageTooHigh': 'The price would move past your limit: raise the slippage tolerance, allow a partial fill, or use a smaller amount.',
  'SubtensorModule.SubtokenDisabled': 'The subnet has not been started yet (its owner must call start_call).',
  'SubtensorModule.SubnetNotExists': 'Check the subnet number.',
  'SubtensorModule.HotKeyAccountNotExists': 'The hotkey is not registered anywhere; pick a registered validator.',
  'SubtensorModule.TransferDisallowed': "The subnet's owner has turned stake transfers off.",
  'SubtensorModule.RegistrationPriceLimitExceeded': 'The registration cost rose above your limit; read the cost again and retry.',
  'SubtensorModule.HotKeyAlreadyRegisteredInSubNet': 'This hotkey already has a UID on this subnet.',
  'SubtensorModule.NetworkTxRateLimitExceeded': 'Subnets can only be registered so often; wait and try later.',
  'Swap.PriceLimitExceeded': 'The limit price is on the wrong side of the current price; read the price again and retry.',
  'Balances.InsufficientBalance': 'Send less, or add TAO to this account first.',
  'Token.FundsUnavailable': 'Send less, or add TAO to this account first.',
  BadOrigin: 'Sign with the account this call needs (e.g. the subnet owner, or root).',
}

/** Words for a PascalCase error name: `NotEnoughStakeToWithdraw` → "Not enough stake to withdraw". Acronyms stay (`TAO`, `UID`). */
export function errorNameToWords(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z]{2,})/g, '$1 $2')
    .split(' ')
    .filter(Boolean)
  return words.map((w, i) => (i === 0 ? w : /^[A-Z0-9]{2,}s?$/.test(w) ? w : w.toLowerCase())).join(' ')
}

export type ExtrinsicFailedErrorType = ExtrinsicFailedError & { name: 'ExtrinsicFailedError' }
/**
 * `new ExtrinsicFailedError({ pallet: 'SubtensorModule', error: 'NotEnoughStakeToWithdraw', docs })`: the transaction was included
 * but dispatch failed (its fee was paid). Without `pallet`, `error` is a DispatchError variant (`BadOrigin`, `Token.FundsUnavailable`).
 */
export class ExtrinsicFailedError extends WebtensorError {
  override name = 'ExtrinsicFailedError'
  readonly pallet: string | undefined
  readonly error: string
  readonly docs: string[]
  readonly blockHash: string | undefined
  constructor({ pallet, error, docs = [], blockHash }: { pallet?: string; error: string; docs?: readonly string[]; blockHash?: string }) {
    const id = pallet ? `${pallet}.${error}` : error
    const last = error.split('.').at(-1) ?? error
    const hint = HINTS[id]
    const doc = docs.map((d) => d.trim()).filter(Boolean).join(' ')
    super(`${errorNameToWords(last)} (${id})`, {
      metaMessages: hint ? [hint] : undefined,
      details: [doc.replace(/\.$/, ''), blockHash ? `in block ${blockHash}` : ''].filter(Boolean).join('; ') || undefined,
    })
    this.pallet = pallet
    this.error = error
    this.docs = [...docs]
    this.blockHash = blockHash
  }
}

export type TransactionInvalidErrorType = TransactionInvalidError & { name: 'TransactionInvalidError' }
/** The node's pool refused the transaction before any block (bad nonce, cannot pay fees, a transaction-extension check). Nothing was charged. */
export class TransactionInvalidError extends WebtensorError {
  override name = 'TransactionInvalidError'
  readonly reason: string
  constructor({ reason, cause }: { reason: string; cause?: unknown }) {
    const words = reason.replace(/^\d+:\s*/, '')
    super(`The node refused the transaction: ${words}`, {
      cause,
      metaMessages: /pay|fees|balance/i.test(words) ? ['The account cannot pay the transaction fee; add TAO to it first.'] : undefined,
    })
    this.reason = reason
  }
}

export type TransactionDroppedErrorType = TransactionDroppedError & { name: 'TransactionDroppedError' }
/** The pool dropped, replaced or invalidated the transaction after accepting it. */
export class TransactionDroppedError extends WebtensorError {
  override name = 'TransactionDroppedError'
  readonly status: string
  constructor({ status }: { status: 'Dropped' | 'Usurped' | 'Invalid' | 'Retracted' | 'FinalityTimeout' }) {
    super(`The transaction was ${status === 'Usurped' ? 'replaced by another with the same nonce' : status === 'FinalityTimeout' ? 'not finalized in time' : status.toLowerCase()} before it was finalized`, {
      metaMessages: ['Check your balance and positions, then send it again if it did not happen.'],
    })
    this.status = status
  }
}

export type SignatureRejectedErrorType = SignatureRejectedError & { name: 'SignatureRejectedError' }
/** The wallet declined to sign (the user cancelled, or the extension refused). Nothing was sent. */
export class SignatureRejectedError extends WebtensorError {
  override name = 'SignatureRejectedError'
  constructor({ cause }: { cause?: unknown } = {}) {
    super('The signature was rejected in the wallet; nothing was sent', { cause, metaMessages: ['Sign again to send, or change the transaction first.'] })
  }
}
