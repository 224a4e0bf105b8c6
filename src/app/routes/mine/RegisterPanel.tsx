// Registering the chosen hotkey on the subnet: the quoted burn, a limit 1 % above it that the chain enforces (register_limit), signed by
// the connected coldkey; the lifecycle or the chain's reason shown in place. Once registered, the hotkey's UID and standing.
import { useState } from 'react'
import { Link } from 'react-router-dom'
import type { GetMetagraphReturnType } from '../../../chain/index.ts'
import { TxStatus, type Tx } from '../../components/TxStatus.tsx'
import { useBalance } from '../../hooks/useBalance.ts'
import { useRegisterTransaction } from '../../hooks/useRegisterTransaction.ts'
import { formatAlpha, formatPercent, formatTao } from '../../lib/format.ts'
import { useSession } from '../../state/session.ts'

const TOLERANCE = 0.01

export function RegisterPanel({ metagraph, hotkey }: { metagraph: GetMetagraphReturnType; hotkey: string | undefined }) {
  const account = useSession((s) => s.account)
  const balance = useBalance(account)
  const mutation = useRegisterTransaction()
  const [tx, setTx] = useState<Tx>()
  const { subnet: s, neurons } = metagraph
  const mine = hotkey ? neurons.find((n) => n.hotkey === hotkey) : undefined

  if (!hotkey) return null
  if (mine) {
    const miners = neurons.filter((n) => !n.validatorPermit).sort((a, b) => b.incentive - a.incentive)
    const rank = miners.findIndex((n) => n.uid === mine.uid) + 1
    return (
      <section aria-label="Registration" className="panel">
        <h2>Registered</h2>
        <p data-testid="registered">
          Your hotkey holds UID {mine.uid} on subnet {s.netuid}
          {mine.immunityLeft > 0 ? `, immune for ${mine.immunityLeft} more blocks` : ''}. Incentive {formatPercent(mine.incentive)}
          {rank > 0 ? ` (rank ${rank} of ${miners.length} miners)` : ''}; last epoch's emission {formatAlpha(mine.emission, s.symbol)}.
        </p>
        <TxStatus tx={tx} />
      </section>
    )
  }
  const free = balance.data?.transferable
  const short = free !== undefined && free < s.burn
  const register = () => {
    const label = 'Register'
    setTx({ label })
    mutation.mutate(
      { netuid: s.netuid, hotkey, tolerance: TOLERANCE, onStatus: (status) => setTx((t) => (status.type === 'failed' ? t : { label, status })) },
      { onError: (error) => setTx({ label, error }) },
    )
  }
  return (
    <section aria-label="Registration" className="panel">
      <h2>Register this hotkey</h2>
      {!account ? (
        <p>
          Your coldkey pays the burn and owns the hotkey: <Link to="/wallet">connect a wallet</Link> first.
        </p>
      ) : (
        <>
          <p>
            Burn now {formatTao(s.burn, 9)}; the chain refuses if it rises above {formatTao(s.burn + (s.burn * BigInt(Math.round(TOLERANCE * 10_000))) / 10_000n, 9)} (+
            {formatPercent(TOLERANCE, 0)}) before your transaction lands. Your free balance: {free !== undefined ? formatTao(free, 9) : '…'}.
          </p>
          {short ? (
            <p role="alert" className="field-error">
              Your free balance is below the burn: registering needs {formatTao(s.burn, 9)}.
            </p>
          ) : null}
          <button type="button" onClick={register} disabled={mutation.isPending || short}>
            Register for {formatTao(s.burn)}
          </button>
        </>
      )}
      <TxStatus tx={tx} />
    </section>
  )
}
