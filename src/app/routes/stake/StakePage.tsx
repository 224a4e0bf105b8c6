// Staking: pick a subnet and validator, enter τ, see the pool's quote, stake with a slippage limit (add_stake_limit); positions with
// their τ value and Unstake (remove_stake_limit). Each transaction's lifecycle, or the chain's reason in words, is shown in place.
import { useMemo, useState, type FormEvent } from 'react'
import { Link } from 'react-router-dom'
import type { StakePosition, TransactionStatus } from '../../../chain/index.ts'
import { PageHeading } from '../../components/PageHeading.tsx'
import { EmptyState } from '../../components/EmptyState.tsx'
import { Address } from '../../components/Address.tsx'
import { useBalance } from '../../hooks/useBalance.ts'
import { useMetagraph } from '../../hooks/useMetagraph.ts'
import { useParsedTao } from '../../hooks/useParsedTao.ts'
import { useSimSwap } from '../../hooks/useSimSwap.ts'
import { useStakeInfo } from '../../hooks/useStakeInfo.ts'
import { useStakeTransaction } from '../../hooks/useStakeTransaction.ts'
import { useSubnets } from '../../hooks/useSubnets.ts'
import { errorText, formatAlpha, formatPercent, formatTao, shortAddress } from '../../lib/format.ts'
import { useSession } from '../../state/session.ts'

/** The chain's minimum stake (DefaultMinStake), RAO; the fee comes on top. */
export const MIN_STAKE = 2_000_000n
const RAO = 1_000_000_000n

type Tx = { label: string; status?: TransactionStatus; error?: unknown }

function statusText(status: TransactionStatus | undefined): string {
  switch (status?.type) {
    case undefined:
      return 'Preparing…'
    case 'signing':
      return 'Signing: confirm in your wallet…'
    case 'ready':
      return 'Ready: waiting in the transaction pool…'
    case 'inBlock':
      return `In block ${shortAddress(status.blockHash)}…`
    case 'finalized':
      return `Finalized in block ${shortAddress(status.blockHash)}`
    case 'failed':
      return 'Failed'
  }
}

function TxStatus({ tx }: { tx: Tx | undefined }) {
  if (!tx) return null
  if (tx.error) {
    const meta = (tx.error as { metaMessages?: unknown }).metaMessages
    return (
      <div role="alert" aria-label="Transaction error" className="field-error">
        <p>
          {tx.label}: {errorText(tx.error)}
        </p>
        {Array.isArray(meta) ? meta.map((m) => <p key={String(m)}>{String(m)}</p>) : null}
      </div>
    )
  }
  return (
    <p role="status" aria-label="Transaction">
      {tx.label}: {statusText(tx.status)}
    </p>
  )
}

/** '0.5' (percent) → 0.005; undefined when it is not a percentage in [0, 100). */
function parseTolerance(text: string): number | undefined {
  if (!/^\s*\d+(\.\d+)?\s*$/.test(text)) return undefined
  const percent = Number(text)
  return percent >= 0 && percent < 100 ? percent / 100 : undefined
}

function Positions({ coldkey, symbols, onUnstake, busy }: { coldkey: string; symbols: Map<number, { symbol: string; price: bigint }>; onUnstake: (p: StakePosition) => void; busy: boolean }) {
  const positions = useStakeInfo(coldkey)
  if (positions.isError) return <p className="field-error">{errorText(positions.error)}</p>
  if (!positions.data) return <p className="muted">Reading positions…</p>
  if (positions.data.length === 0) return <p className="muted">No stake yet.</p>
  return (
    <table aria-label="Positions">
      <thead>
        <tr>
          <th>Subnet</th>
          <th>Hotkey</th>
          <th>Stake</th>
          <th>τ value</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {positions.data.map((p) => {
          const info = symbols.get(p.netuid)
          return (
            <tr key={`${p.netuid}:${p.hotkey}`} data-netuid={p.netuid} data-hotkey={p.hotkey}>
              <td>{p.netuid}</td>
              <td>
                <Address value={p.hotkey} />
              </td>
              <td>{formatAlpha(p.stake, info?.symbol)}</td>
              <td>{info ? formatTao((p.stake * info.price) / RAO) : '…'}</td>
              <td>
                <button type="button" disabled={busy} onClick={() => onUnstake(p)}>
                  Unstake
                </button>
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}

function StakeForm({ account }: { account: string }) {
  const subnets = useSubnets()
  const balance = useBalance(account)
  const [netuidText, setNetuidText] = useState('')
  const [hotkeyChoice, setHotkeyChoice] = useState('')
  const [amountText, setAmountText] = useState('')
  const [toleranceText, setToleranceText] = useState('0.5')
  const [tx, setTx] = useState<Tx>()
  const [submitted, setSubmitted] = useState(false)
  const mutation = useStakeTransaction()

  const choices = useMemo(() => (subnets.data?.subnets ?? []).filter((s) => s.netuid !== 0), [subnets.data])
  const netuid = netuidText === '' ? choices[0]?.netuid : Number(netuidText)
  const subnet = choices.find((s) => s.netuid === netuid)
  const metagraph = useMetagraph(netuid ?? 0)
  const validators = useMemo(
    () =>
      [...(netuid === undefined ? [] : (metagraph.data?.neurons ?? []))].sort(
        (a, b) => Number(b.validatorPermit) - Number(a.validatorPermit) || (b.totalStake > a.totalStake ? 1 : b.totalStake < a.totalStake ? -1 : a.uid - b.uid),
      ),
    [metagraph.data, netuid],
  )
  const hotkey = validators.some((v) => v.hotkey === hotkeyChoice) ? hotkeyChoice : validators[0]?.hotkey

  const parsed = useParsedTao(amountText)
  const amount = amountText.trim() !== '' && parsed.data?.ok && !parsed.isPlaceholderData ? parsed.data.rao : undefined
  const quote = useSimSwap(netuid, amount)
  const tolerance = parseTolerance(toleranceText)

  const free = balance.data?.transferable
  const fee = quote.data?.taoFee ?? 0n
  let amountError: string | undefined
  if (amountText.trim() !== '' && parsed.data && !parsed.isPlaceholderData && !parsed.data.ok) amountError = parsed.data.message
  else if (amount !== undefined && free !== undefined && amount > free) amountError = `${formatTao(amount, 9)} is more than your free balance of ${formatTao(free, 9)}.`
  else if (amount !== undefined && amount < MIN_STAKE + fee) amountError = `The minimum stake is ${formatTao(MIN_STAKE, 9)} plus the fee (${formatTao(MIN_STAKE + fee, 9)} here).`
  const showAmountError = amountError && (submitted || amountText.trim() !== '')
  const toleranceError = tolerance === undefined ? 'Enter the slippage tolerance as a percentage from 0 to 100, e.g. 0.5.' : undefined
  const busy = mutation.isPending

  const send = (label: string, input: Parameters<typeof mutation.mutate>[0]) => {
    setTx({ label })
    mutation.mutate(
      { ...input, onStatus: (status) => setTx((t) => (status.type === 'failed' ? t : { label, status })) },
      { onError: (error) => setTx({ label, error }) },
    )
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    setSubmitted(true)
    if (amountText.trim() === '' || amount === undefined || amountError || toleranceError || tolerance === undefined || netuid === undefined || !hotkey) return
    send('Stake', { kind: 'stake', hotkey, netuid, amount, tolerance })
  }

  const symbols = useMemo(() => new Map((subnets.data?.subnets ?? []).map((s) => [s.netuid, { symbol: s.symbol, price: s.price.rao }])), [subnets.data])

  return (
    <>
      <p>
        Account <Address value={account} /> · free balance{' '}
        <strong data-testid="free-balance">{free !== undefined ? formatTao(free, 9) : balance.isError ? errorText(balance.error) : '…'}</strong>
      </p>
      <form onSubmit={submit} aria-label="Stake" noValidate>
        <p>
          <label>
            Subnet{' '}
            <select value={netuid ?? ''} onChange={(e) => setNetuidText(e.target.value)}>
              {choices.map((s) => (
                <option key={s.netuid} value={s.netuid}>
                  {s.netuid} · {s.name || 'unnamed'} ({s.symbol})
                </option>
              ))}
            </select>
          </label>{' '}
          <label>
            Validator{' '}
            <select value={hotkey ?? ''} onChange={(e) => setHotkeyChoice(e.target.value)}>
              {validators.map((v) => (
                <option key={v.hotkey} value={v.hotkey}>
                  UID {v.uid} · {shortAddress(v.hotkey)}
                  {v.validatorPermit ? ' · validator' : ''}
                </option>
              ))}
            </select>
          </label>
        </p>
        <p>
          <label>
            Amount (τ){' '}
            <input value={amountText} onChange={(e) => setAmountText(e.target.value)} inputMode="decimal" aria-invalid={Boolean(showAmountError)} placeholder="1.0" />
          </label>{' '}
          <label>
            Slippage tolerance (%){' '}
            <input value={toleranceText} onChange={(e) => setToleranceText(e.target.value)} inputMode="decimal" aria-invalid={Boolean(toleranceError)} size={5} />
          </label>
        </p>
        {showAmountError ? (
          <p className="field-error" role="alert" aria-label="Amount error">
            {amountError}
          </p>
        ) : submitted && amountText.trim() === '' ? (
          <p className="field-error" role="alert" aria-label="Amount error">
            Enter an amount of τ to stake.
          </p>
        ) : null}
        {toleranceError ? <p className="field-error">{toleranceError}</p> : null}
        {quote.data && amount !== undefined ? (
          <dl aria-label="Swap preview" className="swap-preview">
            <dt>You receive</dt>
            <dd>{formatAlpha(quote.data.alphaAmount, subnet?.symbol, 9)}</dd>
            <dt>Price impact</dt>
            <dd>{formatPercent(quote.data.priceImpact)}</dd>
            <dt>Fee</dt>
            <dd>{formatTao(quote.data.taoFee, 9)}</dd>
          </dl>
        ) : quote.isError ? (
          <p className="field-error">{errorText(quote.error)}</p>
        ) : null}
        <button type="submit" disabled={busy}>
          Stake
        </button>
      </form>
      <TxStatus tx={tx} />
      <h2>Positions</h2>
      <Positions
        coldkey={account}
        symbols={symbols}
        busy={busy}
        onUnstake={(p) => send('Unstake', { kind: 'unstake', hotkey: p.hotkey, netuid: p.netuid, amount: p.stake, tolerance: tolerance ?? 0.005 })}
      />
    </>
  )
}

export default function StakePage() {
  const account = useSession((s) => s.account)
  return (
    <>
      <PageHeading title="Stake">
        Stake TAO to a validator on a subnet: your TAO buys the subnet's alpha from its pool, and you earn a share of
        the validator's dividends.
      </PageHeading>
      {account ? (
        <StakeForm account={account} />
      ) : (
        <EmptyState title="Connect a wallet to stake" action={<Link to="/wallet">Connect wallet</Link>}>
          <p>
            Your positions will be listed here per subnet and validator, with their τ value at the current pool price. You stake and unstake
            with a price limit (slippage) that the chain enforces, and see each transaction go from signing to ready to in-block to finalized.
          </p>
        </EmptyState>
      )}
    </>
  )
}
