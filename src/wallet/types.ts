// What the app holds for a coldkey it can sign with: its address, its name, where it came from, and a Signer.
import type { Signer } from '@polkadot/api/types'
import type { KeypairType } from '@polkadot/util-crypto/types'

/** `extension:<name>` for an account shared by a browser extension (name as it injects itself, e.g. `polkadot-js`), `dev` for //Alice … //Ferdie. */
export type WalletSource = `extension:${string}` | 'dev'

export type WalletAccount = {
  /** SS58 address with prefix 42, as Bittensor writes coldkeys. */
  address: string
  /** The name the user gave the account in the extension (or `Alice` … `Ferdie`). */
  name: string
  source: WalletSource
  /** Key type the extension reports (Bittensor coldkeys are sr25519; ed25519 and ecdsa also sign for AccountId32). */
  type?: KeypairType
  /**
   * Signs for this address; hand it to @polkadot/api as `tx.signAndSend(address, { signer })`. For extension
   * accounts it is the extension's own signer: the secret key stays in the extension.
   */
  signer: Signer
  /** Shown beside the account wherever it appears; set on dev accounts. */
  warning?: string
}

export type WalletErrorCode =
  | 'no-extension'
  | 'access-rejected'
  | 'no-accounts'
  | 'unknown-account'
  | 'signing-rejected'
  | 'signing-failed'
  | 'not-devnet'
  | 'weak-passphrase'
  | 'wrong-passphrase'
  | 'bad-backup'

/** A wallet failure the user can act on: `message` says what happened and what to do, `code` lets the UI choose. */
export class WalletError extends Error {
  override readonly name = 'WalletError'
  readonly code: WalletErrorCode

  constructor(code: WalletErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.code = code
  }
}

export function isWalletError(error: unknown, code?: WalletErrorCode): error is WalletError {
  return error instanceof WalletError && (code === undefined || error.code === code)
}
