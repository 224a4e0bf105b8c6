// Stake τ into a subnet's pool for a validator, or unstake α back to τ: subnet, validator (take, nominators, estimated return), amount in
// τ or α, the pool's quote (amount out, price impact, fee) and a slippage tolerance the chain enforces (add/remove_stake_limit).
import { useMemo, useState, type FormEvent } from 'react'
import type { StakePosition, Subnet } from '../../../chain/index.ts'
import { useBalance } from '../../hooks/useBalance.ts'
import { useDelegates } from '../../hooks/useDelegates.ts'
import { useMetagraph } from '../../hooks/useMetagraph.ts'
import { useParsedTao } from '../../hooks/useParsedTao.ts'
import { useSimSwap } from '../../hooks/useSimSwap.ts'
import { errorText, formatAlpha, formatPercent, formatRao, formatTao, shortAddress } from '../../lib/format.ts'
import { DEFAULT_TAKE, MIN_STAKE, amountProblem, parseTolerance, yearlyReturn } from '../../lib/stakeInputs.ts'
import type { StakeTransaction } from '../../hooks/useStakeTransaction.ts'
import { ValidatorTable, nominatorsOn } from './ValidatorTable.tsx'

type Direction = 'stake' | 'unstake'

export function StakeForm({
  account,
  subnets,
  positions,
  busy,
  onSend,
}: {
  account: string
  subnets: Subnet[]
  positions: StakePosition[] | undefined
  busy: boolean
  onSend: (label: string, input: StakeTransaction) => void
}) {
  const balance = useBalance(account)
  const delegates = useDelegates()
  const [direction, setDirection] = useState<Direction>('stake')
  const [netuidText, setNetuidText] = useState('')
  const [hotkeyChoice, setHotkeyChoice] = useState('')
  const [amountText, setAmountText] = useState('')
  const [toleranceText, setToleranceText] = useState('0.5')
  const [submitted, setSubmitted] = useState(false)

  const choices = useMemo(() => subnets.filter((s) => s.netuid !== 0), [subnets])
  const netuid = netuidText === '' ? choices[0]?.netuid : Number(netuidText)
  const subnet = choices.find((s) => s.netuid === netuid)
  const symbol = subnet?.symbol || 'α'
  const metagraph = useMetagraph(netuid ?? 0)
  const validators = useMemo(
    () =>
      [...(netuid === undefined ? [] : (metagraph.data?.neurons ?? []))].sort(
        (a, b) => Number(b.validatorPermit) - Number(a.validatorPermit) || (b.totalStake > a.totalStake ? 1 : b.totalStake < a.totalStake ? -1 : a.uid - b.uid),
      ),
    [metagraph.data, netuid],
  )
  const hotkey = validators.some((v) => v.hotkey === hotkeyChoice) ? hotkeyChoice : validators[0]?.hotkey
  const chosen = validators.find((v) => v.hotkey === hotkey)
  const delegate = hotkey ? delegates.data?.get(hotkey) : undefined
  const position = positions?.find((p) => p.netuid === netuid && p.hotkey === hotkey)

  const parsed = useParsedTao(amountText)
  const typed = amountText.trim() !== ''
  const amount = typed && parsed.data?.ok && !parsed.isPlaceholderData ? parsed.data.rao : undefined
  const quote = useSimSwap(netuid, direction, amount)
  const tolerance = parseTolerance(toleranceText)

  const free = balance.data?.transferable
  const fee = direction === 'stake' ? (quote.data?.taoFee ?? 0n) : 0n
  let amountError: string | undefined
  if (typed && parsed.data && !parsed.isPlaceholderData && !parsed.data.ok) amountError = parsed.data.message
  else if (direction === 'stake') amountError = amountProblem({ amount, available: free, unit: { kind: 'tao' }, minimum: MIN_STAKE + fee, from: 'your free balance' })
  else if (amount !== undefined && !position) amountError = `You have no stake with ${hotkey ? shortAddress(hotkey) : 'this validator'} on subnet ${netuid}.`
  else amountError = amountProblem({ amount, available: position?.stake, unit: { kind: 'alpha', symbol }, from: 'your stake with this validator' })
  const showAmountError = amountError && (submitted || typed)
  const toleranceError = tolerance === undefined ? 'Enter the slippage tolerance as a percentage from 0 to 100, e.g. 0.5.' : undefined

  const submit = (event: FormEvent) => {
    event.preventDefault()
    setSubmitted(true)
    if (!typed || amount === undefined || amountError || tolerance === undefined || netuid === undefined || !hotkey) return
    onSend(direction === 'stake' ? 'Stake' : 'Unstake', { kind: direction, hotkey, netuid, amount, tolerance })
  }
  const unit = direction === 'stake' ? 'τ' : 'α'

  return (
    <form onSubmit={submit} aria-label="Stake" noValidate>
      <fieldset className="segmented">
        <legend>Direction</legend>
        <label>
          <input type="radio" name="direction" checked={direction === 'stake'} onChange={() => setDirection('stake')} /> Stake τ → {symbol}
        </label>
        <label>
          <input type="radio" name="direction" checked={direction === 'unstake'} onChange={() => setDirection('unstake')} /> Unstake {symbol} → τ
        </label>
      </fieldset>
      <p>
        <label>
          Subnet{' '}
          <select aria-label="Subnet" value={netuid ?? ''} onChange={(e) => setNetuidText(e.target.value)}>
            {choices.map((s) => (
              <option key={s.netuid} value={s.netuid}>
                {s.netuid} · {s.name || 'unnamed'} ({s.symbol})
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          Validator{' '}
          <select aria-label="Validator" value={hotkey ?? ''} onChange={(e) => setHotkeyChoice(e.target.value)}>
            {validators.map((v) => {
              const d = delegates.data?.get(v.hotkey)
              return (
                <option key={v.hotkey} value={v.hotkey}>
                  UID {v.uid} · {shortAddress(v.hotkey)}
                  {v.validatorPermit ? ' · validator' : ''}
                  {` · take ${formatPercent(d?.take ?? DEFAULT_TAKE, 1)}`}
                </option>
              )
            })}
          </select>
        </label>
      </p>
      {chosen ? (
        <dl aria-label="Chosen validator" className="swap-preview">
          <dt>Take</dt>
          <dd>{delegate ? formatPercent(delegate.take) : `${formatPercent(DEFAULT_TAKE)} (the default: nobody has staked to it yet)`}</dd>
          <dt>Stake on this subnet</dt>
          <dd>{formatAlpha(chosen.alphaStake, symbol)}</dd>
          <dt>Nominators here</dt>
          <dd>{nominatorsOn(delegate, netuid ?? 0) ?? '—'}</dd>
          <dt>Est. return</dt>
          <dd>{delegate ? `${formatPercent(yearlyReturn(delegate.returnPer1000))} a year (${formatRao(delegate.returnPer1000)} τ a day per 1000 τ)` : '—'}</dd>
          <dt>Your stake with it</dt>
          <dd data-testid="position-stake">{position ? formatAlpha(position.stake, symbol, 9) : 'none'}</dd>
        </dl>
      ) : null}
      <details>
        <summary>Compare validators</summary>
        {netuid !== undefined ? (
          <ValidatorTable netuid={netuid} validators={validators} delegates={delegates.data} symbol={symbol} chosen={hotkey} onChoose={setHotkeyChoice} />
        ) : null}
      </details>
      <p>
        <label>
          Amount ({unit}){' '}
          <input value={amountText} onChange={(e) => setAmountText(e.target.value)} inputMode="decimal" aria-invalid={Boolean(showAmountError)} placeholder="1.0" />
        </label>{' '}
        {direction === 'unstake' && position ? (
          <button type="button" onClick={() => setAmountText(formatRao(position.stake, 9).replace(/,/g, ''))}>
            Max
          </button>
        ) : null}{' '}
        <label>
          Slippage tolerance (%){' '}
          <input value={toleranceText} onChange={(e) => setToleranceText(e.target.value)} inputMode="decimal" aria-invalid={Boolean(toleranceError)} size={5} />
        </label>
      </p>
      {showAmountError ? (
        <p className="field-error" role="alert" aria-label="Amount error">
          {amountError}
        </p>
      ) : submitted && !typed ? (
        <p className="field-error" role="alert" aria-label="Amount error">
          Enter an amount of {unit} to {direction}.
        </p>
      ) : null}
      {toleranceError ? <p className="field-error">{toleranceError}</p> : null}
      {quote.data && amount !== undefined ? (
        <dl aria-label="Swap preview" className="swap-preview">
          <dt>You receive</dt>
          <dd>{direction === 'stake' ? formatAlpha(quote.data.alphaAmount, symbol, 9) : formatTao(quote.data.taoAmount, 9)}</dd>
          <dt>Price impact</dt>
          <dd>{formatPercent(quote.data.priceImpact)}</dd>
          <dt>Fee</dt>
          <dd>{direction === 'stake' ? formatTao(quote.data.taoFee, 9) : formatAlpha(quote.data.alphaFee, symbol, 9)}</dd>
          <dt>Refused if the price moves more than</dt>
          <dd>{tolerance !== undefined ? formatPercent(tolerance) : '—'}</dd>
        </dl>
      ) : quote.isError ? (
        <p className="field-error">{errorText(quote.error)}</p>
      ) : null}
      <button type="submit" disabled={busy}>
        {direction === 'stake' ? 'Stake' : 'Unstake'}
      </button>
    </form>
  )
}
