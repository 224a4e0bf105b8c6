// Whether the chosen hotkey can validate here: its UID (or a registration, paid by the connected coldkey), its validator permit or why
// it has none (src/validator/permit.ts), its stake and stake weight, and a form to stake to it from the connected coldkey.
import { useMemo, useState, type FormEvent } from 'react'
import type { GetMetagraphReturnType, GetWeightsStateReturnType } from '../../../chain/index.ts'
import { TxStatus, type Tx } from '../../components/TxStatus.tsx'
import { useParsedTao } from '../../hooks/useParsedTao.ts'
import { useRegisterTransaction } from '../../hooks/useRegisterTransaction.ts'
import { useStakeTransaction } from '../../hooks/useStakeTransaction.ts'
import { formatAlpha, formatPercent, formatTao } from '../../lib/format.ts'
import { parseTolerance } from '../../lib/stakeInputs.ts'
import { useSession } from '../../state/session.ts'
import { permitStatus } from '../../../validator/permit.ts'

const REGISTER_TOLERANCE = 0.01

function StakeForm({ netuid, hotkey, symbol }: { netuid: number; hotkey: string; symbol: string }) {
  const account = useSession((s) => s.account)
  const [text, setText] = useState('')
  const [toleranceText, setToleranceText] = useState('0.5')
  const [tx, setTx] = useState<Tx>()
  const parsed = useParsedTao(text)
  const mutation = useStakeTransaction()
  const typed = text.trim() !== ''
  const tolerance = parseTolerance(toleranceText)
  const problem =
    typed && parsed.data && !parsed.isPlaceholderData && !parsed.data.ok
      ? parsed.data.message
      : tolerance === undefined
        ? 'Enter the slippage tolerance as a percentage from 0 to 100, e.g. 0.5.'
        : undefined
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!parsed.data?.ok || parsed.isPlaceholderData || parsed.data.rao <= 0n || tolerance === undefined) return
    const label = `Stake ${text.trim()} τ`
    setTx({ label })
    mutation.mutate(
      { kind: 'stake', hotkey, netuid, amount: parsed.data.rao, tolerance, onStatus: (status) => setTx({ label, status }) },
      { onError: (error) => setTx({ label, error }) },
    )
  }
  if (!account) return <p className="muted">Connect a wallet to stake to this hotkey from your coldkey.</p>
  return (
    <form aria-label="Stake to this hotkey" onSubmit={submit} noValidate>
      <p>
        <label>
          Stake (τ) <input inputMode="decimal" value={text} onChange={(e) => setText(e.target.value)} size={10} aria-invalid={problem ? true : undefined} />
        </label>{' '}
        <label>
          Slippage tolerance (%) <input inputMode="decimal" value={toleranceText} onChange={(e) => setToleranceText(e.target.value)} size={4} />
        </label>{' '}
        <button type="submit" disabled={!typed || Boolean(problem) || mutation.isPending}>
          Stake to this hotkey
        </button>{' '}
        <span className="muted">
          τ → {symbol} on subnet {netuid}, from your coldkey, refused by the chain if the price would move past your tolerance (a new subnet's small pool moves a lot)
        </span>
      </p>
      {problem ? <p className="field-error">{problem}</p> : null}
      <TxStatus tx={tx} />
    </form>
  )
}

export function PermitPanel({ metagraph, hotkey, weightsState }: { metagraph: GetMetagraphReturnType; hotkey: string; weightsState: GetWeightsStateReturnType | undefined }) {
  const account = useSession((s) => s.account)
  const register = useRegisterTransaction()
  const [tx, setTx] = useState<Tx>()
  const { subnet, neurons, hyperparameters } = metagraph
  const me = neurons.find((n) => n.hotkey === hotkey)
  const threshold = weightsState?.stakeThreshold
  const permit = useMemo(
    () => (threshold === undefined ? undefined : permitStatus(neurons, hotkey, { netuid: subnet.netuid, maxValidators: hyperparameters.maxValidators, stakeThreshold: threshold, ownerHotkey: subnet.owner.hotkey })),
    [neurons, hotkey, subnet, hyperparameters.maxValidators, threshold],
  )
  const total = neurons.reduce((a, n) => a + n.totalStake, 0n)
  const weight = me && total > 0n ? Number((me.totalStake * 1_000_000n) / total) / 1_000_000 : 0

  const doRegister = () => {
    const label = 'Register'
    setTx({ label })
    register.mutate(
      { netuid: subnet.netuid, hotkey, tolerance: REGISTER_TOLERANCE, onStatus: (status) => setTx({ label, status }) },
      { onError: (error) => setTx({ label, error }) },
    )
  }

  return (
    <section aria-label="Permit and stake" className="panel">
      <h2>Permit and stake</h2>
      {!me ? (
        <>
          <p data-testid="permit">
            Not registered: this hotkey holds no UID on subnet {subnet.netuid}. A validator needs a UID, stake, and a permit from an epoch.
          </p>
          {account ? (
            <p>
              <button type="button" onClick={doRegister} disabled={register.isPending}>
                Register for {formatTao(subnet.burn)}
              </button>{' '}
              <span className="muted">burned from your coldkey; the chain refuses if the burn rises above {formatPercent(REGISTER_TOLERANCE, 0)} more</span>
            </p>
          ) : (
            <p className="muted">Connect a wallet: your coldkey pays the registration burn.</p>
          )}
        </>
      ) : (
        <>
          <dl className="facts" aria-label="Validator standing">
            <div>
              <dt>UID</dt>
              <dd data-testid="validator-uid">{me.uid}</dd>
            </div>
            <div>
              <dt>Validator permit</dt>
              <dd data-testid="permit">{permit ? (permit.permit ? `Yes: ${permit.reason}` : `No: ${permit.reason}`) : '…'}</dd>
            </div>
            <div>
              <dt>Stake</dt>
              <dd data-testid="validator-stake">
                {formatAlpha(me.alphaStake, subnet.symbol)}
                {me.taoStake > 0n ? ` + ${formatTao(me.taoStake)} root` : ''}
              </dd>
            </div>
            <div>
              <dt>Stake weight</dt>
              <dd data-testid="stake-weight">
                {formatPercent(weight)} of the subnet ({formatAlpha(me.totalStake, subnet.symbol)} of {formatAlpha(total, subnet.symbol)})
              </dd>
            </div>
            <div>
              <dt>Stake threshold</dt>
              <dd>{threshold === undefined ? '…' : formatAlpha(threshold, subnet.symbol)}</dd>
            </div>
            <div>
              <dt>Validators allowed</dt>
              <dd>{hyperparameters.maxValidators}</dd>
            </div>
          </dl>
          <StakeForm netuid={subnet.netuid} hotkey={hotkey} symbol={subnet.symbol} />
        </>
      )}
      <TxStatus tx={tx} />
    </section>
  )
}
