// The newest blocks as NewHeads sees them arrive: number, hash, time, extrinsic and event counts, and whether each is finalized.
import { Link } from 'react-router-dom'
import type { RecentBlocks } from '../../queries/explorer.ts'
import { Finality } from './BlockDetail.tsx'
import { HashText } from './Value.tsx'
import { fullTime, searchHref, timeOfDay } from './values.ts'

export function LatestBlocks({ recent, finalized, selected }: { recent: RecentBlocks; finalized: number | undefined; selected: number | undefined }) {
  return (
    <section className="latest-blocks" aria-label="Latest blocks">
      <h2>Latest blocks</h2>
      {recent.error ? <p role="alert" className="field-error">Some blocks could not be read: {recent.error}</p> : null}
      <div className="table-wrap">
        <table className="data explorer-blocks" aria-label="Latest blocks">
          <caption>
            {recent.numbers.length === 0
              ? 'Waiting for the first block…'
              : `The newest ${recent.numbers.length} blocks, newest first · finalized up to ${finalized === undefined ? '—' : `#${finalized.toLocaleString('en-US')}`}`}
          </caption>
          <thead>
            <tr>
              <th scope="col">Block</th>
              <th scope="col">Hash</th>
              <th scope="col">Time (UTC)</th>
              <th scope="col" className="num">Extrinsics</th>
              <th scope="col" className="num">Events</th>
              <th scope="col">Finality</th>
            </tr>
          </thead>
          <tbody>
            {recent.numbers.map((number) => {
              const block = recent.byNumber.get(number)
              return (
                <tr key={number} data-block={number} aria-current={number === selected ? 'true' : undefined}>
                  <td>
                    <Link to={searchHref(number)}>#{number.toLocaleString('en-US')}</Link>
                  </td>
                  {block ? (
                    <>
                      <td><HashText value={block.hash} /></td>
                      <td title={fullTime(block.timestamp)}>{timeOfDay(block.timestamp) ?? <span className="muted">—</span>}</td>
                      <td className="num">{block.extrinsics.length}</td>
                      <td className="num">{block.events.length}</td>
                    </>
                  ) : (
                    <td colSpan={4} className="muted" aria-busy="true">Reading…</td>
                  )}
                  <td><Finality number={number} finalized={finalized} /></td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
    </section>
  )
}
