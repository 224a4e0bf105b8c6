// The wallet: connect browser extensions, pick the coldkey to use (SS58 42, with copy), and on the devnet the labelled dev accounts.
import { useState } from 'react'
import { PageHeading } from '../../components/PageHeading.tsx'
import { useConnection } from '../../hooks/useConnection.ts'
import { useBalance } from '../../hooks/useBalance.ts'
import { errorText, formatTao } from '../../lib/format.ts'
import { useSession } from '../../state/session.ts'
import type { WalletAccount } from '../../../wallet/types.ts'

function CopyButton({ value }: { value: string }) {
  const [copied, setCopied] = useState(false)
  const copy = () =>
    navigator.clipboard?.writeText(value).then(
      () => {
        setCopied(true)
        setTimeout(() => setCopied(false), 1200)
      },
      () => {},
    )
  return (
    <button type="button" onClick={copy} aria-label={`Copy ${value}`}>
      {copied ? 'Copied' : 'Copy'}
    </button>
  )
}

function AccountList({ label, accounts, onPick }: { label: string; accounts: WalletAccount[]; onPick: (a: WalletAccount) => void }) {
  const selected = useSession((s) => s.account)
  return (
    <ul aria-label={label} className="account-list">
      {accounts.map((a) => (
        <li key={`${a.source}:${a.address}`}>
          <strong>{a.name}</strong> <code data-address={a.address}>{a.address}</code> <CopyButton value={a.address} />{' '}
          {a.warning ? <em className="field-error">{a.warning}</em> : null}{' '}
          <button type="button" onClick={() => onPick(a)} aria-pressed={selected === a.address} aria-label={`Use ${a.name}`}>
            {selected === a.address ? 'Selected' : 'Use this account'}
          </button>
        </li>
      ))}
    </ul>
  )
}

function SelectedAccount({ address }: { address: string }) {
  const balance = useBalance(address)
  const setAccount = useSession((s) => s.setAccount)
  return (
    <section aria-label="Selected account">
      <p>
        Using <code>{address}</code> <CopyButton value={address} /> · free{' '}
        <span data-testid="free-balance">{balance.data ? formatTao(balance.data.transferable) : balance.isError ? errorText(balance.error) : '…'}</span>{' '}
        <button type="button" onClick={() => setAccount(undefined)}>
          Disconnect
        </button>
      </p>
    </section>
  )
}

export default function WalletPage() {
  const { network } = useConnection()
  const account = useSession((s) => s.account)
  const pickAccount = useSession((s) => s.pickAccount)
  const [accounts, setAccounts] = useState<WalletAccount[]>([])
  const [dev, setDev] = useState<WalletAccount[]>([])
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)

  const pick = async (a: WalletAccount) => {
    const { rememberAccount } = await import('../../wallet/signer.ts')
    rememberAccount(a)
    pickAccount({ address: a.address, name: a.name, source: a.source })
  }
  const connect = async () => {
    setBusy(true)
    setError(undefined)
    try {
      const { connectExtensions } = await import('../../../wallet/extension.ts')
      setAccounts((await connectExtensions()).accounts)
    } catch (e) {
      setError(errorText(e))
    } finally {
      setBusy(false)
    }
  }
  const showDev = async () => {
    setError(undefined)
    try {
      const { devAccounts } = await import('../../../wallet/devAccounts.ts')
      setDev(await devAccounts(network))
    } catch (e) {
      setError(errorText(e))
    }
  }

  return (
    <>
      <PageHeading title="Wallet">Your coldkey from a browser wallet (polkadot.js, Talisman, SubWallet, Bittensor wallet) and its free TAO.</PageHeading>
      {account ? (
        <SelectedAccount address={account} />
      ) : (
        <>
          <h2>No wallet connected</h2>
          <p className="muted">
            Connect a browser wallet extension to list the accounts it shares with webtensor.
            {network === 'devnet' ? ' On the local devnet, labelled dev accounts (//Alice …) let you try everything without one.' : ''}
          </p>
        </>
      )}
      <p>
        <button type="button" onClick={() => void connect()} disabled={busy}>
          {busy ? 'Connecting…' : 'Connect wallet'}
        </button>{' '}
        {network === 'devnet' ? (
          <button type="button" onClick={() => void showDev()}>
            Use a dev account (devnet only)
          </button>
        ) : null}
      </p>
      {error ? (
        <p role="alert" className="field-error">
          {error}
        </p>
      ) : null}
      {accounts.length ? <AccountList label="Wallet accounts" accounts={accounts} onPick={(a) => void pick(a)} /> : null}
      {dev.length ? <AccountList label="Dev accounts — devnet only" accounts={dev} onPick={(a) => void pick(a)} /> : null}
    </>
  )
}
