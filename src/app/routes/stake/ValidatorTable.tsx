// The validators a stake can go to on one subnet: take, stake, nominators there and the estimated yearly return, with a button to choose one.
import type { Delegate, MetagraphRow } from '../../../chain/index.ts'
import { Address } from '../../components/Address.tsx'
import { formatAlpha, formatPercent } from '../../lib/format.ts'
import { DEFAULT_TAKE, yearlyReturn } from '../../lib/stakeInputs.ts'

/** Nominators with stake on `netuid`. */
export const nominatorsOn = (delegate: Delegate | undefined, netuid: number): number | undefined =>
  delegate ? delegate.nominators.filter((n) => n.stakes.some((s) => s.netuid === netuid && s.amount > 0n)).length : undefined

export function ValidatorTable({
  netuid,
  validators,
  delegates,
  symbol,
  chosen,
  onChoose,
}: {
  netuid: number
  validators: MetagraphRow[]
  delegates: Map<string, Delegate> | undefined
  symbol: string
  chosen: string | undefined
  onChoose: (hotkey: string) => void
}) {
  if (validators.length === 0) return <p className="muted">No neurons on this subnet yet: there is nobody to stake to.</p>
  const shown = validators.slice(0, 16)
  return (
    <table aria-label="Validators on this subnet" className="compact">
      <thead>
        <tr>
          <th>UID</th>
          <th>Hotkey</th>
          <th>Take</th>
          <th>Stake</th>
          <th>Nominators</th>
          <th title="subtensor's estimate from the last epoch's emission, after take; not a promise">Est. return / year</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {shown.map((v) => {
          const d = delegates?.get(v.hotkey)
          return (
            <tr key={v.hotkey} data-hotkey={v.hotkey} aria-selected={chosen === v.hotkey}>
              <td>
                {v.uid}
                {v.validatorPermit ? <span title="holds a validator permit"> ✓</span> : null}
              </td>
              <td>
                <Address value={v.hotkey} />
              </td>
              <td>{d ? formatPercent(d.take) : `${formatPercent(DEFAULT_TAKE)} (default)`}</td>
              <td>{formatAlpha(v.alphaStake, symbol)}</td>
              <td>{nominatorsOn(d, netuid) ?? '—'}</td>
              <td>{d ? formatPercent(yearlyReturn(d.returnPer1000)) : '—'}</td>
              <td>
                <button type="button" onClick={() => onChoose(v.hotkey)} aria-pressed={chosen === v.hotkey} aria-label={`Choose UID ${v.uid}`}>
                  {chosen === v.hotkey ? 'Chosen' : 'Choose'}
                </button>
              </td>
            </tr>
          )
        })}
      </tbody>
      {validators.length > shown.length ? (
        <tfoot>
          <tr>
            <td colSpan={7} className="muted">
              {validators.length - shown.length} more in the Validator list above.
            </td>
          </tr>
        </tfoot>
      ) : null}
    </table>
  )
}
