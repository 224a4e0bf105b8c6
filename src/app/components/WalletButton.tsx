// The header's wallet button: shows the selected coldkey, or "Connect wallet"; both lead to the Wallet page's account picker.
import { Link } from 'react-router-dom'
import { useSession } from '../state/session.ts'

export function shortAddress(address: string): string {
  return address.length > 14 ? `${address.slice(0, 6)}…${address.slice(-6)}` : address
}

export function WalletButton() {
  const account = useSession((s) => s.account)
  return (
    <Link to="/wallet" className="wallet-button" title={account ?? 'Connect a browser wallet'} data-account={account}>
      {account ? shortAddress(account) : 'Connect wallet'}
    </Link>
  )
}
