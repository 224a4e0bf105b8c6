// The leaderboard table: every UID, sortable by any column, filterable by key text and validators, virtualized so 4096 rows stay smooth.
import { useDeferredValue, useMemo, useRef, useState } from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'
import type { MetagraphRow } from '../../../chain/index.ts'
import { Address } from '../../components/Address.tsx'
import { SortHeader } from '../../components/SortHeader.tsx'
import { formatAlpha, formatScore, formatTao } from '../../lib/format.ts'
import { nextSort, sortRows, type SortState, type SortValue } from '../../lib/sort.ts'

/** Explorers flag a validator that has not set weights for this many blocks. */
export const STALE_VALIDATOR_BLOCKS = 1500
const ROW_HEIGHT = 34

type Column = 'uid' | 'hotkey' | 'coldkey' | 'alphaStake' | 'taoStake' | 'incentive' | 'consensus' | 'dividends' | 'emission' | 'validator' | 'active' | 'lastUpdate' | 'immunity' | 'axon'

const valueOf = (n: MetagraphRow, key: Column): SortValue => {
  switch (key) {
    case 'uid':
      return n.uid
    case 'hotkey':
      return n.hotkey
    case 'coldkey':
      return n.coldkey
    case 'alphaStake':
      return n.alphaStake
    case 'taoStake':
      return n.taoStake
    case 'incentive':
      return n.incentive
    case 'consensus':
      return n.consensus
    case 'dividends':
      return n.dividends
    case 'emission':
      return n.emission
    case 'validator':
      return n.validatorPermit
    case 'active':
      return n.active
    case 'lastUpdate':
      return n.blocksSinceUpdate
    case 'immunity':
      return n.immunityLeft
    case 'axon':
      return n.axon ? `${n.axon.ip}:${n.axon.port}` : undefined
  }
}

const uids = (n: number) => `${n} UID${n === 1 ? '' : 's'}`

export const isStaleValidator = (n: Pick<MetagraphRow, 'validatorPermit' | 'blocksSinceUpdate'>) => n.validatorPermit && n.blocksSinceUpdate > STALE_VALIDATOR_BLOCKS

export function Leaderboard({ neurons, block, symbol, peers }: { neurons: readonly MetagraphRow[]; block: number; symbol: string; /** hotkey → announced libp2p peer id */ peers?: ReadonlyMap<string, string> }) {
  const [sort, setSort] = useState<SortState<Column>>({ key: 'uid', direction: 'asc' })
  const [text, setText] = useState('')
  const [validatorsOnly, setValidatorsOnly] = useState(false)
  const query = useDeferredValue(text.trim())
  const rows = useMemo(() => {
    const filtered = neurons.filter((n) => (!validatorsOnly || n.validatorPermit) && (!query || n.hotkey.includes(query) || n.coldkey.includes(query)))
    return sortRows(filtered, sort, valueOf)
  }, [neurons, sort, query, validatorsOnly])
  const onSort = (key: Column) => setSort((s) => nextSort(s, key, key === 'uid' || key === 'hotkey' || key === 'coldkey' || key === 'lastUpdate' ? 'asc' : 'desc'))

  const scrollRef = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 })
  const items = virtualizer.getVirtualItems()
  const top = items[0]?.start ?? 0
  const bottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0)
  const h = { sort, onSort }

  return (
    <section className="leaderboard" aria-label="Leaderboard">
      <div className="filters">
        <label>
          Filter by hotkey or coldkey{' '}
          <input type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder="5F…" spellCheck={false} />
        </label>
        <label>
          <input type="checkbox" checked={validatorsOnly} onChange={(e) => setValidatorsOnly(e.target.checked)} /> Validators only
        </label>
        <span className="muted" role="status">
          {rows.length === neurons.length ? uids(neurons.length) : `${rows.length} of ${uids(neurons.length)}`} at block #{block.toLocaleString('en-US')}
        </span>
      </div>
      <div className="table-wrap virtual" ref={scrollRef}>
        <table className="data leaderboard-table" aria-rowcount={rows.length + 1}>
          <thead>
            <tr>
              <SortHeader column="uid" {...h} numeric>UID</SortHeader>
              <SortHeader column="hotkey" {...h}>Hotkey</SortHeader>
              <SortHeader column="coldkey" {...h}>Coldkey</SortHeader>
              <SortHeader column="alphaStake" {...h} numeric title="α staked on this hotkey">α stake</SortHeader>
              <SortHeader column="taoStake" {...h} numeric title="τ (root) stake counted for this hotkey">τ stake</SortHeader>
              <SortHeader column="incentive" {...h} numeric>Incentive</SortHeader>
              <SortHeader column="consensus" {...h} numeric>Consensus</SortHeader>
              <SortHeader column="dividends" {...h} numeric>Dividends</SortHeader>
              <SortHeader column="emission" {...h} numeric title="α emitted to this UID in the last epoch">Emission</SortHeader>
              <SortHeader column="validator" {...h} title="Validator permit">Validator</SortHeader>
              <SortHeader column="active" {...h}>Active</SortHeader>
              <SortHeader column="lastUpdate" {...h} numeric title={`Blocks since the UID last set weights; validators past ${STALE_VALIDATOR_BLOCKS} are flagged`}>Last update</SortHeader>
              <SortHeader column="immunity" {...h} numeric title="Blocks of immunity from pruning left">Immunity</SortHeader>
              <SortHeader column="axon" {...h}>Axon</SortHeader>
            </tr>
          </thead>
          <tbody>
            {top > 0 ? <tr aria-hidden="true" style={{ height: top }} /> : null}
            {items.map((item) => {
              const n = rows[item.index]!
              const stale = isStaleValidator(n)
              return (
                <tr key={n.uid} aria-rowindex={item.index + 2} style={{ height: ROW_HEIGHT }} className={stale ? 'stale' : undefined}>
                  <LeaderboardCells neuron={n} symbol={symbol} peers={peers} />
                </tr>
              )
            })}
            {bottom > 0 ? <tr aria-hidden="true" style={{ height: bottom }} /> : null}
          </tbody>
        </table>
        {rows.length === 0 ? <p className="muted table-empty">{neurons.length === 0 ? 'No UIDs registered on this subnet yet.' : 'No UID matches the filter.'}</p> : null}
      </div>
    </section>
  )
}

/** One UID's cells, in the leaderboard's column order (also the plain-table baseline of bench/leaderboard-scroll). */
export function LeaderboardCells({ neuron: n, symbol, peers }: { neuron: MetagraphRow; symbol: string; peers?: ReadonlyMap<string, string> }) {
  const stale = isStaleValidator(n)
  return (
    <>
      <td className="num">{n.uid}</td>
      <td><Address value={n.hotkey} /></td>
      <td><Address value={n.coldkey} /></td>
      <td className="num">{formatAlpha(n.alphaStake, symbol, 2)}</td>
      <td className="num">{formatTao(n.taoStake, 2)}</td>
      <td className="num">{formatScore(n.incentive)}</td>
      <td className="num">{formatScore(n.consensus)}</td>
      <td className="num">{formatScore(n.dividends)}</td>
      <td className="num">{formatAlpha(n.emission, symbol)}</td>
      <td>{n.validatorPermit ? 'validator' : '—'}</td>
      <td>{n.active ? 'yes' : 'no'}</td>
      <td className="num">
        {n.lastUpdate === 0 ? 'never' : `${n.blocksSinceUpdate.toLocaleString('en-US')} ago`}
        {stale ? <span className="flag" title={`This validator has not set weights for more than ${STALE_VALIDATOR_BLOCKS} blocks`}> stale</span> : null}
      </td>
      <td className="num">{n.immunityLeft ? `${n.immunityLeft.toLocaleString('en-US')} blocks` : '—'}</td>
      <td>
        {n.axon ? <code>{`${n.axon.ip}:${n.axon.port}`}</code> : peers?.has(n.hotkey) ? null : <span className="muted">not serving</span>}
        {peers?.has(n.hotkey) ? (
          <span className="badge" title={`announced libp2p peer ${peers.get(n.hotkey)}`} data-peer={peers.get(n.hotkey)}>
            {n.axon ? ' ' : ''}peer
          </span>
        ) : null}
      </td>
    </>
  )
}
