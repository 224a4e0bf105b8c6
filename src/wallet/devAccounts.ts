// The devnet's dev accounts //Alice … //Ferdie as sr25519 keyring pairs with Signers, refused on every other network.
// Their secret keys are public knowledge (the well-known Substrate dev phrase): anyone can spend from them on any
// chain. They exist so a newcomer without an extension can try everything on the local devnet.
import type { Registry } from '@polkadot/types/types'
import type { NetworkId } from '../chain/networks.ts'
import { WalletError, type WalletAccount } from './types.ts'

export const DEV_ACCOUNT_NAMES = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'] as const
export type DevAccountName = (typeof DEV_ACCOUNT_NAMES)[number]

/** The label every dev account carries wherever it is shown. */
export const DEV_ACCOUNT_WARNING = 'dev account — devnet only, never use on a real network'

/** Dev accounts are offered on the devnet and nowhere else. */
export function devAccountsAllowed(network: NetworkId): boolean {
  return network === 'devnet'
}

export type DevAccountsOptions = {
  /**
   * The connected api's registry (`api.registry`), so payloads are built with the chain's metadata, as an extension
   * that was given the metadata does. Without it the payload's own list of signed extensions is used.
   */
  registry?: Registry
}

/**
 * //Alice … //Ferdie (sr25519, SS58 42), each with a Signer implementing `signPayload`, so a dev account goes
 * through exactly the path an extension account does: `tx.signAndSend(account.address, { signer: account.signer })`.
 * Throws a WalletError (`not-devnet`) for any network but the devnet. Loads the keyring on first use (not in the
 * first screen's bundle).
 */
export async function devAccounts(network: NetworkId, options: DevAccountsOptions = {}): Promise<WalletAccount[]> {
  if (!devAccountsAllowed(network))
    throw new WalletError(
      'not-devnet',
      `Dev accounts (//Alice … //Ferdie) exist only on the local devnet, not on ${network}: their keys are public, so anyone could take what they hold there. Connect a wallet extension instead.`,
    )
  const [{ Keyring }, { cryptoWaitReady }, { createKeyringSigner }] = await Promise.all([
    import('@polkadot/keyring'),
    import('@polkadot/util-crypto'),
    import('./keyringSigner.ts'),
  ])
  await cryptoWaitReady()
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 })
  return DEV_ACCOUNT_NAMES.map((name) => {
    const pair = keyring.addFromUri(`//${name}`, { name })
    return {
      address: pair.address,
      name,
      source: 'dev' as const,
      type: 'sr25519' as const,
      signer: createKeyringSigner(pair, options),
      warning: DEV_ACCOUNT_WARNING,
    }
  })
}
