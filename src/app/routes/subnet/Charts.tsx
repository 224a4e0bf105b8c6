// The leaderboard's two charts: how incentive is spread over the UIDs (highest first), and the α the subnet's last epochs emitted.
// Each is an SVG with its numbers in words beside it, and the emission also as a table.
import { useMemo } from 'react'
import type { MetagraphRow } from '../../../chain/index.ts'
import { useEmissionHistory } from '../../hooks/useEmissionHistory.ts'
import { barLayout, summarizeIncentive } from '../../lib/charts.ts'
import { errorText, formatAlpha, formatPercent, raoToNumber } from '../../lib/format.ts'

const W = 320
const H = 80
const MAX_BARS = 128

export function IncentiveChart({ neurons }: { neurons: readonly MetagraphRow[] }) {
  const { bars, ranked, summary } = useMemo(() => {
    const ranked = [...neurons].filter((n) => n.incentive > 0).sort((a, b) => b.incentive - a.incentive || a.uid - b.uid).slice(0, MAX_BARS)
    return { ranked, bars: barLayout(ranked.map((n) => n.incentive), { width: W, height: H }), summary: summarizeIncentive(neurons.map((n) => n.incentive)) }
  }, [neurons])
  return (
    <figure className="chart" aria-label="Incentive distribution">
      <figcaption>Incentive distribution</figcaption>
      {summary.earning === 0 ? (
        <p className="muted">No UID earns incentive yet: it appears after the first epoch in which validators have set weights.</p>
      ) : (
        <>
          <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`Incentive of the ${ranked.length} earning UIDs, highest first`}>
            {bars.map((b, i) => (
              <rect key={ranked[i]!.uid} x={b.x} y={b.y} width={b.width} height={Math.max(b.height, 0.5)}>
                <title>
                  UID {ranked[i]!.uid}: {formatPercent(ranked[i]!.incentive)}
                </title>
              </rect>
            ))}
          </svg>
          <p data-testid="incentive-summary">
            {summary.earning} of {summary.total} UIDs earn incentive; the top UID takes {formatPercent(summary.topShare, 1)}
            {summary.earning > 10 ? `, the top ten ${formatPercent(summary.topTenShare, 1)}` : ''}.
          </p>
        </>
      )}
    </figure>
  )
}

export function EmissionChart({ netuid, lastStep, symbol }: { netuid: number; lastStep: number; symbol: string }) {
  const history = useEmissionHistory(netuid, lastStep)
  const epochs = history.data?.epochs ?? []
  const bars = useMemo(() => barLayout(epochs.map((e) => raoToNumber(e.alpha)), { width: W, height: H, gap: 2 }), [epochs])
  const newest = epochs.at(-1)
  return (
    <figure className="chart" aria-label="Emission over epochs">
      <figcaption>Emission over epochs</figcaption>
      {history.isError ? (
        <p className="field-error">{errorText(history.error)}</p>
      ) : !history.data ? (
        <p className="muted" aria-busy="true">
          Reading past epochs…
        </p>
      ) : epochs.length === 0 ? (
        <p className="muted">No epoch has run on this subnet yet.</p>
      ) : (
        <>
          <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`α emitted by each of the last ${epochs.length} epochs, oldest first`}>
            {bars.map((b, i) => (
              <rect key={epochs[i]!.block} x={b.x} y={b.y} width={b.width} height={Math.max(b.height, 0.5)}>
                <title>
                  Block {epochs[i]!.block}: {formatAlpha(epochs[i]!.alpha, symbol)}
                </title>
              </rect>
            ))}
          </svg>
          <p data-testid="emission-summary">
            The last epoch (block #{newest!.block.toLocaleString('en-US')}) emitted {formatAlpha(newest!.alpha, symbol)} to {newest!.recipients} UID
            {newest!.recipients === 1 ? '' : 's'}; {epochs.length} epoch{epochs.length === 1 ? '' : 's'} shown
            {history.data.complete ? '' : ' (older ones are beyond what this node keeps or shows)'}.
          </p>
          <details>
            <summary>As a table</summary>
            <table aria-label="Emission per epoch" className="compact">
              <thead>
                <tr>
                  <th>Block</th>
                  <th>Emitted</th>
                  <th>UIDs paid</th>
                </tr>
              </thead>
              <tbody>
                {[...epochs].reverse().map((e) => (
                  <tr key={e.block}>
                    <td>#{e.block}</td>
                    <td>{formatAlpha(e.alpha, symbol)}</td>
                    <td>{e.recipients}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </figure>
  )
}
