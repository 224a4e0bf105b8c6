// Stake concentration in plain words: how many UIDs hold a majority of the stake (Nakamoto coefficient), and the Gini coefficient.
import { useMemo } from 'react'
import type { MetagraphRow } from '../../../chain/index.ts'
import { gini, nakamotoCoefficient } from '../../lib/concentration.ts'

export function Concentration({ neurons }: { neurons: readonly MetagraphRow[] }) {
  const { nakamoto, g, holders } = useMemo(() => {
    const stakes = neurons.map((n) => n.totalStake)
    return { nakamoto: nakamotoCoefficient(stakes), g: gini(stakes), holders: stakes.filter((s) => s > 0n).length }
  }, [neurons])
  if (holders === 0) return <p className="concentration">No stake on this subnet yet.</p>
  return (
    <p className="concentration">
      <strong>Stake concentration:</strong> {nakamoto === 1 ? '1 UID holds' : `${nakamoto} UIDs together hold`} more than half of
      the stake (Nakamoto coefficient {nakamoto}); Gini coefficient <span title="0 = everyone equal, 1 = one holds everything">{g.toFixed(2)}</span>{' '}
      over {neurons.length} UID{neurons.length === 1 ? '' : 's'}, {holders} with stake.
    </p>
  )
}
