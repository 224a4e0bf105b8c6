// The header's account menu: the selected coldkey with its free balance, a switch to any account picked before, copy, the Wallet page,
// and disconnect; "Connect wallet" (to the Wallet page's picker) while none is selected.
import { useEffect, useRef, useState } from 'react'
import { Link } from 'react-router-dom'
import { useBalance } from '../hooks/useBalance.ts'
import { formatTao, shortAddress } from '../lib/format.ts'
import { useSession } from '../state/session.ts'

export { shortAddress }

function FreeBalance({ address }: { address: string }) {
  const balance = useBalance(address)
  return <span data-testid="header-balance">{balance.data ? formatTao(balance.data.transferable) : '…'}</span>
}

export function WalletButton() {
  const account = useSession((s) => s.account)
  const known = useSession((s) => s.known)
  const pickAccount = useSession((s) => s.pickAccount)
  const setAccount = useSession((s) => s.setAccount)
  const [open, setOpen] = useState(false)
  const root = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (!open) return
    const onClick = (e: MouseEvent) => root.current && !root.current.contains(e.target as Node) && setOpen(false)
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false)
    document.addEventListener('mousedown', onClick)
    document.addEventListener('keydown', onKey)
    return () => {
      document.removeEventListener('mousedown', onClick)
      document.removeEventListener('keydown', onKey)
    }
  }, [open])

  if (!account) {
    return (
      <Link to="/wallet" className="wallet-button" title="Connect a browser wallet">
        Connect wallet
      </Link>
    )
  }
  const name = known.find((k) => k.address === account)?.name
  const close = () => setOpen(false)
  return (
    <div className="account-menu" ref={root}>
      <button type="button" className="wallet-button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen((o) => !o)} title={account} data-account={account}>
        {name ? `${name} · ` : ''}
        {shortAddress(account)} ▾
      </button>
      {open ? (
        <div role="menu" aria-label="Account" className="account-menu-list">
          <p className="muted">
            <code>{shortAddress(account)}</code> · free <FreeBalance address={account} />
          </p>
          <button type="button" role="menuitem" onClick={() => void navigator.clipboard?.writeText(account).then(close, close)}>
            Copy address
          </button>
          {known
            .filter((k) => k.address !== account)
            .map((k) => (
              <button key={k.address} type="button" role="menuitem" onClick={() => (pickAccount(k), close())} title={k.address}>
                Switch to {k.name} ({shortAddress(k.address)})
              </button>
            ))}
          <Link to="/wallet" role="menuitem" onClick={close}>
            Manage accounts…
          </Link>
          <button type="button" role="menuitem" onClick={() => (setAccount(undefined), close())}>
            Disconnect
          </button>
        </div>
      ) : null}
    </div>
  )
}
