// A block's events (or one extrinsic's): index, phase, section.method and data, accounts and hashes written as elsewhere.
import type { BlockEvent } from '../../../chain/index.ts'
import { Value } from './Value.tsx'
import { phaseText } from './values.ts'

export function EventsTable({ events, block, label = 'Events' }: { events: readonly BlockEvent[]; block: number; label?: string }) {
  if (events.length === 0) return <p className="muted">No events.</p>
  return (
    <div className="table-wrap">
      <table className="data explorer-events" aria-label={label}>
        <thead>
          <tr>
            <th scope="col" className="num">#</th>
            <th scope="col">Phase</th>
            <th scope="col">Event</th>
            <th scope="col">Data</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.index} data-event={`${e.section}.${e.method}`}>
              <td className="num">{e.index}</td>
              <td>{phaseText(e, block)}</td>
              <td>
                <code>
                  {e.section}.{e.method}
                </code>
              </td>
              <td className="event-data">
                {e.data.length === 0 ? (
                  <span className="muted">—</span>
                ) : (
                  <ol className="value-list inline">
                    {e.data.map((item, i) => (
                      <li key={i}>
                        <Value value={item} />
                      </li>
                    ))}
                  </ol>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
