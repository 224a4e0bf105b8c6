// The subnets table: one row per subnet, sortable by any column, each row leading to the subnet's leaderboard.
import { useMemo, useState } from 'react'
import { Link, useNavigate } from 'react-router-dom'
import type { GetSubnetsReturnType, Subnet } from '../../../chain/index.ts'
import { Address } from '../../components/Address.tsx'
import { SortHeader } from '../../components/SortHeader.tsx'
import { Sparkline } from '../../components/Sparkline.tsx'
import { usePriceHistory } from '../../hooks/usePriceHistory.ts'
import { formatAlpha, formatPercent, formatPrice, formatTao } from '../../lib/format.ts'
import { nextSort, sortRows, type SortState, type SortValue } from '../../lib/sort.ts'

type Column = 'netuid' | 'name' | 'price' | 'taoIn' | 'alphaIn' | 'emission' | 'tempo' | 'cost' | 'neurons' | 'owner'

const valueOf = (s: Subnet, key: Column): SortValue => {
  switch (key) {
    case 'netuid':
      return s.netuid
    case 'name':
      return s.name
    case 'price':
      return s.price.rao
    case 'taoIn':
      return s.taoIn
    case 'alphaIn':
      return s.alphaIn
    case 'emission':
      return s.emissionShare
    case 'tempo':
      return s.blocksToNextEpoch
    case 'cost':
      return s.registrationCost
    case 'neurons':
      return s.neurons
    case 'owner':
      return s.owner.coldkey
  }
}

export function SubnetsTable({ read }: { read: GetSubnetsReturnType }) {
  const [sort, setSort] = useState<SortState<Column>>({ key: 'netuid', direction: 'asc' })
  const rows = useMemo(() => sortRows(read.subnets, sort, valueOf), [read.subnets, sort])
  const onSort = (key: Column) => setSort((s) => nextSort(s, key, key === 'netuid' || key === 'name' || key === 'tempo' ? 'asc' : 'desc'))
  const h = { sort, onSort }
  return (
    <div className="table-wrap">
      <table className="data subnets">
        <caption>
          {read.subnets.length} subnet{read.subnets.length === 1 ? '' : 's'} at block #{read.block.number.toLocaleString('en-US')}
        </caption>
        <thead>
          <tr>
            <SortHeader column="netuid" {...h} numeric>Netuid</SortHeader>
            <SortHeader column="name" {...h}>Subnet</SortHeader>
            <SortHeader column="price" {...h} numeric title="Spot price from the pool: τ per α">Price τ/α</SortHeader>
            <th scope="col">Price, blocks seen</th>
            <SortHeader column="taoIn" {...h} numeric title="τ in the subnet's pool">τ in pool</SortHeader>
            <SortHeader column="alphaIn" {...h} numeric title="α in the subnet's pool">α in pool</SortHeader>
            <SortHeader column="emission" {...h} numeric title="Share of block emission (moving price over the sum)">Emission</SortHeader>
            <SortHeader column="tempo" {...h} numeric title="Tempo (blocks per epoch) and blocks to the next epoch">Tempo · next epoch</SortHeader>
            <SortHeader column="cost" {...h} numeric title="τ burned to register a UID now">Registration</SortHeader>
            <SortHeader column="neurons" {...h} numeric>Neurons</SortHeader>
            <SortHeader column="owner" {...h}>Owner</SortHeader>
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <SubnetRow key={s.netuid} subnet={s} />
          ))}
        </tbody>
      </table>
    </div>
  )
}

function SubnetRow({ subnet: s }: { subnet: Subnet }) {
  const navigate = useNavigate()
  const history = usePriceHistory(s.netuid)
  const to = `/subnets/${s.netuid}`
  const name = s.name || s.identity?.name || `Subnet ${s.netuid}`
  return (
    <tr className="link-row" onClick={(e) => (e.target as HTMLElement).closest('a,button') || navigate(to)}>
      <td className="num">{s.netuid}</td>
      <td>
        <Link to={to}>{name}</Link> <span className="symbol">{s.symbol}</span>
      </td>
      <td className="num">{formatPrice(s.price.tao)}</td>
      <td>
        <Sparkline points={history} label={`Price of ${name} over the last ${history.length} blocks seen`} />
      </td>
      <td className="num">{formatTao(s.taoIn, 2)}</td>
      <td className="num">{formatAlpha(s.alphaIn, s.symbol, 2)}</td>
      <td className="num">{formatPercent(s.emissionShare)}</td>
      <td className="num">
        {s.tempo === 0 ? 'no epochs' : `${s.tempo} · ${s.blocksToNextEpoch === undefined ? '—' : `in ${s.blocksToNextEpoch}`}`}
      </td>
      <td className="num">{formatTao(s.registrationCost)}</td>
      <td className="num">
        {s.neurons} / {s.maxNeurons}
      </td>
      <td>
        <Address value={s.owner.coldkey} />
      </td>
    </tr>
  )
}
