// transfer: send TAO to another account (Balances.transfer_keep_alive, or transfer_allow_death).

import type { ChainClient } from '../client.ts'
import type { WebtensorErrorType } from '../errors/base.ts'
import type { InsufficientBalanceErrorType, InvalidAddressErrorType, InvalidAmountErrorType } from '../errors/input.ts'
import type { ExtrinsicFailedErrorType, SignatureRejectedErrorType, TransactionInvalidErrorType } from '../errors/extrinsic.ts'
import type { ChainDisconnectedErrorType } from '../errors/transport.ts'
import { connectedApi } from '../client.ts'
import { requireBalance } from '../internal/limits.ts'
import { prepareTransaction, type PreparedTransaction } from '../internal/transaction.ts'
import type { Untyped } from '../internal/read.ts'
import { assertAddress, assertAmount } from '../units.ts'

export type TransferParameters = {
  /** SS58-42 destination. */
  to: string
  /** RAO of τ. */
  amount: bigint
  /** Refuse to drop the sender below the existential deposit (default true). */
  keepAlive?: boolean
}
export type TransferReturnType = PreparedTransaction
export type TransferErrorType =
  | InvalidAddressErrorType
  | InvalidAmountErrorType
  | InsufficientBalanceErrorType
  | SignatureRejectedErrorType
  | TransactionInvalidErrorType
  | ExtrinsicFailedErrorType
  | ChainDisconnectedErrorType
  | WebtensorErrorType

/** `(await transfer(client, { to, amount: parseTao('1.5') })).send(signer, { onStatus })`. */
export async function transfer(client: ChainClient, { to, amount, keepAlive = true }: TransferParameters): Promise<TransferReturnType> {
  const dest = assertAddress(to, 'recipient')
  assertAmount(amount)
  const api = await connectedApi(client)
  const balances = (api.tx as Untyped).balances
  const extrinsic = keepAlive ? balances.transferKeepAlive(dest, amount) : balances.transferAllowDeath(dest, amount)
  const name = keepAlive ? 'transfer_keep_alive' : 'transfer_allow_death'
  return prepareTransaction(client, api, { pallet: 'Balances', name, args: { dest, value: amount } }, extrinsic, (address) => requireBalance(api, extrinsic, address, amount))
}
