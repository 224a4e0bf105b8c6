// A small SVG line of a subnet's price over the blocks this page has seen; says so in words for screen readers.
import type { PricePoint } from '../queries/heads.ts'

export function Sparkline({ points, width = 80, height = 22, label }: { points: readonly PricePoint[]; width?: number; height?: number; label: string }) {
  if (points.length < 2) return <span className="sparkline-empty" title="The chart fills in as new blocks arrive">·</span>
  const prices = points.map((p) => p.price)
  const min = Math.min(...prices)
  const max = Math.max(...prices)
  const span = max - min || 1
  const first = points[0]!.block
  const blocks = points[points.length - 1]!.block - first || 1
  const d = points
    .map((p, i) => `${i ? 'L' : 'M'}${(((p.block - first) / blocks) * (width - 2) + 1).toFixed(1)},${(height - 1 - ((p.price - min) / span) * (height - 2)).toFixed(1)}`)
    .join(' ')
  const rising = prices[prices.length - 1]! >= prices[0]!
  return (
    <svg className={`sparkline ${rising ? 'up' : 'down'}`} width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      <path d={d} fill="none" strokeWidth="1.5" />
    </svg>
  )
}
