// A sortable column header: a button that says which way the column is sorted (aria-sort on the cell).
import type { ReactNode } from 'react'
import type { SortState } from '../lib/sort.ts'

export function SortHeader<K extends string>({ column, sort, onSort, children, title, numeric }: { column: K; sort: SortState<K>; onSort: (key: K) => void; children: ReactNode; title?: string; numeric?: boolean }) {
  const active = sort.key === column
  return (
    <th scope="col" aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'} className={numeric ? 'num' : undefined} title={title}>
      <button type="button" className="sort" onClick={() => onSort(column)}>
        {children}
        <span aria-hidden="true" className="sort-mark">{active ? (sort.direction === 'asc' ? '▲' : '▼') : ''}</span>
      </button>
    </th>
  )
}
