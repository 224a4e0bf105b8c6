// The signer for the session's account: the wallet account picked on the Wallet page (kept in memory, never stored), or after a
// reload the dev account (devnet) or the extension that holds the address. src/wallet and @polkadot load here, never on the first screen.
import type { ChainSigner, NetworkId } from '../../chain/index.ts'
import type { WalletAccount } from '../../wallet/types.ts'

const picked = new Map<string, WalletAccount>()

/** Remembers the account the user picked (with its signer) for this page's lifetime. */
export function rememberAccount(account: WalletAccount): void {
  picked.set(account.address, account)
}

/** `{ address, signer }` for `prepared.send(...)`; throws a WalletError in words when no extension or dev account holds `address`. */
export async function signerFor(network: NetworkId, address: string): Promise<ChainSigner> {
  const known = picked.get(address)
  if (known) return { address, signer: known.signer }
  if (network === 'devnet') {
    const { devAccounts } = await import('../../wallet/devAccounts.ts')
    const dev = (await devAccounts(network)).find((a) => a.address === address)
    if (dev) {
      rememberAccount(dev)
      return { address, signer: dev.signer }
    }
  }
  const { getExtensionSigner } = await import('../../wallet/extension.ts')
  return { address, signer: await getExtensionSigner(address) }
}
