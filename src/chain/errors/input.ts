// Input refused before anything is sent: a malformed address, a malformed or out-of-range amount, a bad slippage tolerance, a balance too small.

import { WebtensorError } from './base.ts'

export type InvalidAddressErrorType = InvalidAddressError & { name: 'InvalidAddressError' }
/** `new InvalidAddressError({ address, field: 'hotkey', reason })`. */
export class InvalidAddressError extends WebtensorError {
  override name = 'InvalidAddressError'
  readonly address: string
  readonly field: string
  constructor({ address, field = 'address', reason }: { address: string; field?: string; reason: string }) {
    super(`The ${field} "${truncate(address)}" is not a valid address: ${reason}`, {
      metaMessages: ['A Bittensor address is an SS58 string with prefix 42 that starts with 5, e.g. 5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY.'],
    })
    this.address = address
    this.field = field
  }
}

export type InvalidAmountErrorType = InvalidAmountError & { name: 'InvalidAmountError' }
/** `new InvalidAmountError({ amount, field: 'amount', reason })`. */
export class InvalidAmountError extends WebtensorError {
  override name = 'InvalidAmountError'
  readonly amount: string
  readonly field: string
  constructor({ amount, field = 'amount', reason, hint }: { amount: string; field?: string; reason: string; hint?: string }) {
    super(`The ${field} "${truncate(amount)}" is not valid: ${reason}`, hint ? { metaMessages: [hint] } : {})
    this.amount = amount
    this.field = field
  }
}

export type InvalidToleranceErrorType = InvalidToleranceError & { name: 'InvalidToleranceError' }
/** A slippage tolerance outside [0, 1). */
export class InvalidToleranceError extends WebtensorError {
  override name = 'InvalidToleranceError'
  constructor({ tolerance }: { tolerance: number }) {
    super(`The slippage tolerance ${tolerance} is not valid: it must be a fraction from 0 up to (not including) 1`, {
      metaMessages: ['0.005 means 0.5 %: the price may move that much against you before the chain refuses.'],
    })
  }
}

export type InsufficientBalanceErrorType = InsufficientBalanceError & { name: 'InsufficientBalanceError' }
/** The account cannot cover the amount (checked before signing, so nothing is sent). */
export class InsufficientBalanceError extends WebtensorError {
  override name = 'InsufficientBalanceError'
  readonly address: string
  readonly needed: bigint
  readonly available: bigint
  constructor({ address, needed, available, formatted }: { address: string; needed: bigint; available: bigint; formatted: { needed: string; available: string } }) {
    super(`Not enough free balance: ${formatted.needed} needed, ${formatted.available} available`, {
      metaMessages: ['Enter a smaller amount, or add TAO to this account first.'],
      details: `account ${address}`,
    })
    this.address = address
    this.needed = needed
    this.available = available
  }
}

const truncate = (text: string) => (text.length > 64 ? `${text.slice(0, 61)}...` : text)

export type BlockNotFoundErrorType = BlockNotFoundError & { name: 'BlockNotFoundError' }
/** No block with that number or hash on this chain (or the node has pruned it). */
export class BlockNotFoundError extends WebtensorError {
  override name = 'BlockNotFoundError'
  constructor({ at }: { at: string | number }) {
    super(`No block ${at} on this chain`, { metaMessages: ['Check the number or hash; a node that prunes old state may no longer have it.'] })
  }
}

export type SubnetNotFoundErrorType = SubnetNotFoundError & { name: 'SubnetNotFoundError' }
/** No subnet with that netuid (at the block read). */
export class SubnetNotFoundError extends WebtensorError {
  override name = 'SubnetNotFoundError'
  readonly netuid: number
  constructor({ netuid }: { netuid: number }) {
    super(`Subnet ${netuid} does not exist`, { metaMessages: ['Pick a subnet from the subnets list.'] })
    this.netuid = netuid
  }
}
