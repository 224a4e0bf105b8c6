// The wallet: which browser extensions are present, the connected coldkey, balances and hotkeys.
import { useEffect, useState } from 'react'
import { PageHeading } from '../../components/PageHeading.tsx'
import { EmptyState } from '../../components/EmptyState.tsx'

/** Names of the wallet extensions that injected themselves into this page (polkadot.js, Talisman, SubWallet, …). */
function injectedWallets(): string[] {
  const injected = (window as unknown as { injectedWeb3?: Record<string, unknown> }).injectedWeb3
  return injected ? Object.keys(injected) : []
}

export default function WalletPage() {
  const [wallets, setWallets] = useState<string[]>([])
  useEffect(() => {
    // Extensions inject shortly after load; look again once the page has settled.
    setWallets(injectedWallets())
    const t = setTimeout(() => setWallets(injectedWallets()), 500)
    return () => clearTimeout(t)
  }, [])
  return (
    <>
      <PageHeading title="Wallet">Your coldkey from a browser wallet, its free and staked TAO, and the hotkeys this app keeps.</PageHeading>
      <EmptyState title={wallets.length ? 'Wallet extensions found' : 'No wallet connected'}>
        {wallets.length ? (
          <p>
            Found: <strong>{wallets.join(', ')}</strong>. Accounts you allow will be listed here with their SS58 address,
            free and staked balance.
          </p>
        ) : (
          <p>
            No wallet extension was found in this browser. Install polkadot.js, Talisman, SubWallet or the Bittensor
            wallet extension to connect a coldkey. On the local devnet, labelled dev accounts (//Alice …) will let you
            try everything without one.
          </p>
        )}
      </EmptyState>
    </>
  )
}
