// Move a position to another validator (move_stake), hand it to another coldkey (transfer_stake), or swap it into another subnet with a
// price limit (swap_stake_limit). The chain takes no limit for move and transfer: across subnets the form says so before anything is signed.
import { useMemo, useState, type FormEvent } from 'react'
import type { StakePosition, Subnet } from '../../../chain/index.ts'
import { useCheckedAddress } from '../../hooks/useCheckedAddress.ts'
import { useMetagraph } from '../../hooks/useMetagraph.ts'
import { useParsedTao } from '../../hooks/useParsedTao.ts'
import { useSimSwap } from '../../hooks/useSimSwap.ts'
import { errorText, formatAlpha, formatPercent, formatRao, formatTao, shortAddress } from '../../lib/format.ts'
import { amountProblem, parseTolerance } from '../../lib/stakeInputs.ts'
import type { StakeTransaction } from '../../hooks/useStakeTransaction.ts'

type Action = 'move' | 'transfer' | 'swap'

const LABEL: Record<Action, string> = { move: 'Move stake', transfer: 'Transfer stake', swap: 'Swap stake' }

export function MoveStakeForm({
  position,
  subnets,
  busy,
  onSend,
  onClose,
}: {
  position: StakePosition
  subnets: Subnet[]
  busy: boolean
  onSend: (label: string, input: StakeTransaction) => void
  onClose: () => void
}) {
  const [action, setAction] = useState<Action>('move')
  const [destinationText, setDestinationText] = useState(String(position.netuid))
  const [hotkeyChoice, setHotkeyChoice] = useState('')
  const [coldkeyText, setColdkeyText] = useState('')
  const [amountText, setAmountText] = useState(formatRao(position.stake, 9).replace(/,/g, ''))
  const [toleranceText, setToleranceText] = useState('0.5')
  const [submitted, setSubmitted] = useState(false)

  const choices = useMemo(() => subnets.filter((s) => s.netuid !== 0 || position.netuid === 0), [subnets, position.netuid])
  const symbolOf = (netuid: number) => subnets.find((s) => s.netuid === netuid)?.symbol || 'α'
  const origin = position.netuid
  const destination = action === 'swap' && Number(destinationText) === origin ? choices.find((s) => s.netuid !== origin)?.netuid : Number(destinationText)
  const crossSubnet = destination !== undefined && destination !== origin

  const metagraph = useMetagraph(destination ?? origin)
  const hotkeys = useMemo(() => [...(metagraph.data?.neurons ?? [])].sort((a, b) => Number(b.validatorPermit) - Number(a.validatorPermit) || a.uid - b.uid), [metagraph.data])
  const destinationHotkey = hotkeys.some((h) => h.hotkey === hotkeyChoice) ? hotkeyChoice : (hotkeys.find((h) => h.hotkey !== position.hotkey)?.hotkey ?? hotkeys[0]?.hotkey)
  const coldkey = useCheckedAddress(coldkeyText)

  const parsed = useParsedTao(amountText)
  const typed = amountText.trim() !== ''
  const amount = typed && parsed.data?.ok && !parsed.isPlaceholderData ? parsed.data.rao : undefined
  const tolerance = parseTolerance(toleranceText)
  // across subnets the α is sold on the origin pool and the τ bought on the destination pool: quote both legs
  const sell = useSimSwap(crossSubnet ? origin : undefined, 'unstake', amount)
  const buy = useSimSwap(crossSubnet ? destination : undefined, 'stake', sell.data?.taoAmount)

  const problems: string[] = []
  if (typed && parsed.data && !parsed.isPlaceholderData && !parsed.data.ok) problems.push(parsed.data.message)
  const amountError = amountProblem({ amount, available: position.stake, unit: { kind: 'alpha', symbol: symbolOf(origin) }, from: 'this position' })
  if (amountError) problems.push(amountError)
  if (submitted && !typed) problems.push(`Enter an amount of ${symbolOf(origin)} to ${action}.`)
  if (action === 'move' && !crossSubnet && destinationHotkey === position.hotkey) problems.push('Pick another validator or another subnet: this is where the stake already is.')
  if (action === 'move' && !destinationHotkey) problems.push(`Subnet ${destination} has no neurons to move stake to.`)
  if (action === 'transfer' && coldkeyText.trim() !== '' && coldkey.data && !coldkey.isPlaceholderData && !coldkey.data.ok) problems.push(coldkey.data.message)
  if (action === 'transfer' && submitted && coldkeyText.trim() === '') problems.push('Enter the coldkey address to transfer the stake to.')
  if (action === 'swap' && destination === undefined) problems.push('There is no other subnet to swap into.')
  const toleranceError = action === 'swap' && tolerance === undefined ? 'Enter the slippage tolerance as a percentage from 0 to 100, e.g. 0.5.' : undefined
  const showProblems = problems.length > 0 && (submitted || typed)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    setSubmitted(true)
    if (!typed || amount === undefined || problems.length > 0 || toleranceError || destination === undefined) return
    const common = { originNetuid: origin, destinationNetuid: destination, amount }
    if (action === 'move') {
      if (!destinationHotkey) return
      onSend(LABEL.move, { kind: 'move', originHotkey: position.hotkey, destinationHotkey, ...common })
    } else if (action === 'transfer') {
      if (!coldkey.data?.ok || coldkey.isPlaceholderData) return
      onSend(LABEL.transfer, { kind: 'transfer', hotkey: position.hotkey, destinationColdkey: coldkey.data.address, ...common })
    } else {
      if (tolerance === undefined) return
      onSend(LABEL.swap, { kind: 'swap', hotkey: position.hotkey, tolerance, ...common })
    }
  }

  return (
    <form onSubmit={submit} aria-label="Move stake" noValidate className="panel">
      <h3>
        Move {formatAlpha(position.stake, symbolOf(origin))} on subnet {origin} with {shortAddress(position.hotkey)}
      </h3>
      <fieldset className="segmented">
        <legend>What to do</legend>
        {(['move', 'transfer', 'swap'] as const).map((a) => (
          <label key={a}>
            <input type="radio" name="move-action" checked={action === a} onChange={() => setAction(a)} />{' '}
            {a === 'move' ? 'Move to another validator' : a === 'transfer' ? 'Transfer to another coldkey' : 'Swap to another subnet'}
          </label>
        ))}
      </fieldset>
      <p>
        <label>
          Destination subnet{' '}
          <select aria-label="Destination subnet" value={destination ?? ''} onChange={(e) => setDestinationText(e.target.value)}>
            {choices
              .filter((s) => action !== 'swap' || s.netuid !== origin)
              .map((s) => (
                <option key={s.netuid} value={s.netuid}>
                  {s.netuid} · {s.name || 'unnamed'} ({s.symbol})
                </option>
              ))}
          </select>
        </label>{' '}
        {action === 'move' ? (
          <label>
            Destination validator{' '}
            <select aria-label="Destination validator" value={destinationHotkey ?? ''} onChange={(e) => setHotkeyChoice(e.target.value)}>
              {hotkeys.map((h) => (
                <option key={h.hotkey} value={h.hotkey}>
                  UID {h.uid} · {shortAddress(h.hotkey)}
                  {h.validatorPermit ? ' · validator' : ''}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {action === 'transfer' ? (
          <label>
            Destination coldkey{' '}
            <input value={coldkeyText} onChange={(e) => setColdkeyText(e.target.value)} placeholder="5…" size={50} spellCheck={false} aria-invalid={Boolean(coldkey.data && !coldkey.data.ok && coldkeyText.trim() !== '')} />
          </label>
        ) : null}
      </p>
      <p>
        <label>
          Amount (α){' '}
          <input value={amountText} onChange={(e) => setAmountText(e.target.value)} inputMode="decimal" aria-invalid={showProblems} />
        </label>{' '}
        {action === 'swap' ? (
          <label>
            Slippage tolerance (%){' '}
            <input value={toleranceText} onChange={(e) => setToleranceText(e.target.value)} inputMode="decimal" aria-invalid={Boolean(toleranceError)} size={5} />
          </label>
        ) : null}
      </p>
      {showProblems ? (
        <div role="alert" aria-label="Move error" className="field-error">
          {problems.map((p) => (
            <p key={p}>{p}</p>
          ))}
        </div>
      ) : null}
      {toleranceError ? <p className="field-error">{toleranceError}</p> : null}
      {crossSubnet && action !== 'swap' ? (
        <p role="note" aria-label="No price limit" className="warning">
          The chain takes no price limit for {action === 'move' ? 'move_stake' : 'transfer_stake'}: your {symbolOf(origin)} is sold into subnet {origin}'s pool
          and the τ bought into subnet {destination}'s at whatever prices they give when the block runs. To be protected, use “Swap to another subnet”
          (same validator, with a limit), or unstake and stake with limits.
        </p>
      ) : null}
      {crossSubnet && sell.data && amount !== undefined ? (
        <dl aria-label="Move preview" className="swap-preview">
          <dt>Sold for</dt>
          <dd>{formatTao(sell.data.taoAmount, 9)}</dd>
          <dt>You receive about</dt>
          <dd>{buy.data ? formatAlpha(buy.data.alphaAmount, symbolOf(destination!), 9) : '…'}</dd>
          <dt>Price impact</dt>
          <dd>{buy.data ? formatPercent(1 - (1 - sell.data.priceImpact) * (1 - buy.data.priceImpact)) : '…'}</dd>
        </dl>
      ) : sell.isError ? (
        <p className="field-error">{errorText(sell.error)}</p>
      ) : null}
      <button type="submit" disabled={busy}>
        {LABEL[action]}
      </button>{' '}
      <button type="button" onClick={onClose}>
        Cancel
      </button>
    </form>
  )
}
