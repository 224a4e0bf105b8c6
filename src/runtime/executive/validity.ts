// Substrate's transaction validity errors, with the texts its RPC shows (`1010: Invalid Transaction: Transaction is outdated`).
import type { TransactionInvalid } from '../host.ts'

const INVALID = {
  Call: 'Transaction call is not expected',
  Payment: 'Inability to pay some fees (e.g. account balance too low)',
  Future: 'Transaction will be valid in the future',
  Stale: 'Transaction is outdated',
  BadProof: 'Transaction has a bad signature',
  AncientBirthBlock: 'Transaction has an ancient birth block',
  ExhaustsResources: 'Transaction would exhaust the block limits',
  BadMandatory: 'A call was labelled as mandatory, but resulted in an Error.',
  MandatoryValidation: 'Transaction dispatch is mandatory; transactions must not be validated.',
  BadSigner: 'Invalid signing address',
} as const

const UNKNOWN = {
  CannotLookup: 'Could not lookup information required to validate the transaction',
  NoUnsignedValidator: 'Could not find an unsigned validator for the unsigned transaction',
} as const

/** Thrown inside validation and block building; caught at the runtime's edge and returned as data. */
export class TransactionRefused extends Error {
  override name = 'TransactionRefused'
  constructor(readonly invalid: TransactionInvalid) {
    super(invalid.message)
  }
}

export function invalid(variant: keyof typeof INVALID, detail?: string): TransactionRefused {
  return new TransactionRefused({ kind: 'Invalid', variant, message: detail ? `${INVALID[variant]}: ${detail}` : INVALID[variant] })
}

export function unknown(variant: keyof typeof UNKNOWN, detail?: string): TransactionRefused {
  return new TransactionRefused({ kind: 'Unknown', variant, message: detail ? `${UNKNOWN[variant]}: ${detail}` : UNKNOWN[variant] })
}

export function badFormat(detail: string): TransactionRefused {
  return new TransactionRefused({ kind: 'BadFormat', variant: 'BadFormat', message: detail })
}
