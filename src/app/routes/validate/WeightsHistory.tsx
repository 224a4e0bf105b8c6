// The weights this tab has put on chain, newest first: commit, reveal or set_weights, the block it was sent at, and how it ended.
import type { WeightsSubmission } from '../../../validator/validator.ts'
import { shortAddress } from '../../lib/format.ts'

const KIND: Record<WeightsSubmission['type'], string> = { commit: 'commit', reveal: 'reveal', set_weights: 'set_weights' }

export function WeightsHistory({ history }: { history: WeightsSubmission[] }) {
  return (
    <section aria-label="Weights history" className="panel">
      <h2>Weights history</h2>
      {history.length === 0 ? (
        <p className="muted">No weights sent yet.</p>
      ) : (
        <div className="table-wrap">
          <table className="data" aria-label="Weights sent">
            <thead>
              <tr>
                <th scope="col">Type</th>
                <th scope="col">Block</th>
                <th scope="col">Status</th>
                <th scope="col">Weights</th>
              </tr>
            </thead>
            <tbody>
              {history.map((w, i) => (
                <tr key={`${w.type}-${w.block}-${w.hash ?? ''}-${i}`} data-type={w.type}>
                  <td>{KIND[w.type]}</td>
                  <td className="num">{w.block}</td>
                  <td>{w.ok ? `in block ${w.blockHash ? shortAddress(w.blockHash) : ''}` : `failed: ${w.error ?? 'no reason given'}`}</td>
                  <td>
                    {w.uids.map((u, j) => `${u}:${w.values[j]}`).join(' ')}
                    {w.hash ? <span className="muted"> · hash {shortAddress(w.hash)}</span> : null}
                    {w.note ? <span className="muted"> · {w.note}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
