// One row per miner this validator has queried: UID, hotkey, this step's score, the moving score, latency, the last answer or what
// went wrong, and refusals by reason.
import { Address } from '../../components/Address.tsx'
import { refusalsText, type MinerStats } from '../../validating/rows.ts'

export function MinersTable({ miners }: { miners: MinerStats[] }) {
  return (
    <section aria-label="Miners" className="panel">
      <h2>Miners</h2>
      {miners.length === 0 ? (
        <p className="muted">No miner queried yet: rows appear after the first step with a permit.</p>
      ) : (
        <div className="table-wrap">
          <table className="data" aria-label="Miners queried">
            <thead>
              <tr>
                <th scope="col">UID</th>
                <th scope="col">Hotkey</th>
                <th scope="col">Score</th>
                <th scope="col">Moving score</th>
                <th scope="col">Latency</th>
                <th scope="col">Last answer</th>
                <th scope="col">Answered</th>
                <th scope="col">Refusals</th>
              </tr>
            </thead>
            <tbody>
              {miners.map((m) => (
                <tr key={m.uid} data-uid={m.uid} data-hotkey={m.hotkey}>
                  <td className="num">{m.uid}</td>
                  <td>
                    <Address value={m.hotkey} />
                  </td>
                  <td className="num" data-testid="score">
                    {m.score.toFixed(4)}
                  </td>
                  <td className="num" data-testid="moving-score">
                    {m.movingScore.toFixed(4)}
                  </td>
                  <td className="num">{m.latencyMs === undefined ? '—' : `${m.latencyMs.toFixed(0)} ms`}</td>
                  <td data-testid="outcome">{m.last}</td>
                  <td className="num">
                    {m.answered} of {m.queried}
                  </td>
                  <td data-testid="refusals">{refusalsText(m.refusals)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
