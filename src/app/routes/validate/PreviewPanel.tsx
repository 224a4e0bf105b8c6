// "What if": the subnet's next epoch run by the chain's own Yuma code on the live state, as it stands and with this validator's pending
// weights (its unrevealed commit, or what it would commit now), showing how each UID's incentive and dividends would move.
import { Address } from '../../components/Address.tsx'
import { useValidatorPreview } from '../../hooks/useValidatorPreview.ts'
import { errorText, formatPercent } from '../../lib/format.ts'
import type { PendingWeights } from '../../validating/store.ts'

const move = ([now, then]: [number, number]) => {
  const d = then - now
  return `${formatPercent(now)} → ${formatPercent(then)}${Math.abs(d) < 5e-5 ? '' : ` (${d > 0 ? '+' : '−'}${formatPercent(Math.abs(d))})`}`
}

export function PreviewPanel({ netuid, hotkey, pending, scores }: { netuid: number; hotkey: string; pending: PendingWeights | undefined; scores: Array<{ uid: number; score: number }> }) {
  const preview = useValidatorPreview(netuid, hotkey, pending, scores)
  const data = preview.data
  return (
    <section aria-label="What if" className="panel">
      <h2>What if these weights count?</h2>
      <p className="muted">The next epoch as the chain would run it, now and with this validator's pending weights in its row (same Yuma code as the chain).</p>
      {preview.isError ? <p className="field-error">{errorText(preview.error)}</p> : null}
      {!data ? (
        <p className="muted">…</p>
      ) : !data.ok ? (
        <p className="muted" data-testid="preview-reason">
          {data.reason}
        </p>
      ) : (
        <>
          <p data-testid="preview-source">
            UID {data.uid}'s {data.source === 'commit' ? 'committed weights, not yet revealed' : 'weights from its moving scores (not committed yet)'}:{' '}
            {data.weights.map(([u, v]) => `${u}:${v}`).join(' ')} · epoch at block {data.nextEpochBlock}
          </p>
          <div className="table-wrap">
            <table className="data" aria-label="Incentive and dividends, now and with these weights">
              <thead>
                <tr>
                  <th scope="col">UID</th>
                  <th scope="col">Hotkey</th>
                  <th scope="col">Incentive</th>
                  <th scope="col">Dividends</th>
                </tr>
              </thead>
              <tbody>
                {data.rows.map((r) => (
                  <tr key={r.uid} data-uid={r.uid}>
                    <td className="num">{r.uid}</td>
                    <td>
                      <Address value={r.hotkey} />
                    </td>
                    <td data-testid="incentive">{move(r.incentive)}</td>
                    <td data-testid="dividends">{move(r.dividends)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  )
}
