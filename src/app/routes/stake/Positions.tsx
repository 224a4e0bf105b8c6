// The coldkey's stake positions: subnet, hotkey, α and its τ value at the pool price, with Unstake (all of it, with the limit) and Move….
import type { StakePosition } from '../../../chain/index.ts'
import { Address } from '../../components/Address.tsx'
import { formatAlpha, formatTao } from '../../lib/format.ts'

const RAO = 1_000_000_000n

export type SubnetPrices = Map<number, { symbol: string; price: bigint }>

export function Positions({
  positions,
  prices,
  busy,
  onUnstake,
  onMove,
}: {
  positions: StakePosition[]
  prices: SubnetPrices
  busy: boolean
  onUnstake: (p: StakePosition) => void
  onMove: (p: StakePosition) => void
}) {
  if (positions.length === 0) return <p className="muted">No stake yet.</p>
  const total = positions.reduce((sum, p) => sum + (p.stake * (prices.get(p.netuid)?.price ?? 0n)) / RAO, 0n)
  return (
    <table aria-label="Positions">
      <thead>
        <tr>
          <th>Subnet</th>
          <th>Hotkey</th>
          <th>Stake</th>
          <th>τ value</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {positions.map((p) => {
          const info = prices.get(p.netuid)
          return (
            <tr key={`${p.netuid}:${p.hotkey}`} data-netuid={p.netuid} data-hotkey={p.hotkey}>
              <td>{p.netuid}</td>
              <td>
                <Address value={p.hotkey} />
                {p.isRegistered ? null : <em className="muted" title="the hotkey holds no UID on this subnet any more"> deregistered</em>}
              </td>
              <td>{formatAlpha(p.stake, info?.symbol)}</td>
              <td>{info ? formatTao((p.stake * info.price) / RAO) : '…'}</td>
              <td>
                <button type="button" disabled={busy} onClick={() => onUnstake(p)}>
                  Unstake
                </button>{' '}
                <button type="button" disabled={busy} onClick={() => onMove(p)}>
                  Move…
                </button>
              </td>
            </tr>
          )
        })}
      </tbody>
      <tfoot>
        <tr>
          <td colSpan={3}>Total at current prices</td>
          <td data-testid="positions-total">{formatTao(total)}</td>
          <td />
        </tr>
      </tfoot>
    </table>
  )
}
