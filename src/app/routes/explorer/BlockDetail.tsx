// One block: its header fields and finality, every extrinsic decoded with its outcome, and every event with its phase.
import { Link } from 'react-router-dom'
import type { Block, BlockExtrinsic } from '../../../chain/index.ts'
import { EventsTable } from './EventsTable.tsx'
import { ExtrinsicCard } from './Extrinsic.tsx'
import { HashText } from './Value.tsx'
import { extrinsicId, fullTime, searchHref } from './values.ts'

export function Finality({ number, finalized }: { number: number; finalized: number | undefined }) {
  return finalized !== undefined && number <= finalized ? <span className="finality finalized">Finalized</span> : <span className="finality pending">Not finalized</span>
}

export function BlockDetail({ block, finalized }: { block: Block; finalized: number | undefined }) {
  const label = `Block #${block.number.toLocaleString('en-US')}`
  return (
    <section className="explorer-result block-detail" aria-label={label}>
      <h2>
        {label} <Finality number={block.number} finalized={finalized} />
      </h2>
      <dl className="facts block-facts">
        <div><dt>Hash</dt><dd><HashText value={block.hash} full /></dd></div>
        <div>
          <dt>Parent</dt>
          <dd>{block.number > 0 ? <Link to={searchHref(block.number - 1)} title={block.parentHash}>#{(block.number - 1).toLocaleString('en-US')}</Link> : <span className="muted">none (genesis)</span>}</dd>
        </div>
        <div><dt>Time</dt><dd>{fullTime(block.timestamp) ?? <span className="muted">—</span>}</dd></div>
        <div><dt>Extrinsics</dt><dd>{block.extrinsics.length}</dd></div>
        <div><dt>Events</dt><dd>{block.events.length}</dd></div>
        <div><dt>State root</dt><dd><HashText value={block.stateRoot} /></dd></div>
        <div><dt>Extrinsics root</dt><dd><HashText value={block.extrinsicsRoot} /></dd></div>
      </dl>
      <h3>Extrinsics ({block.extrinsics.length})</h3>
      {block.extrinsics.length === 0 ? <p className="muted">No extrinsics.</p> : block.extrinsics.map((ex) => <ExtrinsicCard key={ex.index} block={block.number} extrinsic={ex} />)}
      <h3>Events ({block.events.length})</h3>
      <EventsTable events={block.events} block={block.number} />
    </section>
  )
}

/** One extrinsic as the page's subject: the card, then the events it caused. */
export function ExtrinsicDetail({ block, extrinsic, finalized }: { block: Block; extrinsic: BlockExtrinsic; finalized: number | undefined }) {
  const id = extrinsicId(block.number, extrinsic.index)
  const events = block.events.filter((e) => e.phase === 'extrinsic' && e.extrinsic === extrinsic.index)
  return (
    <section className="explorer-result extrinsic-detail" aria-label={`Extrinsic ${id} details`}>
      <ExtrinsicCard block={block.number} extrinsic={extrinsic} headingLevel={2} />
      <p className="muted">
        In <Link to={searchHref(block.number)}>block #{block.number.toLocaleString('en-US')}</Link> (<Finality number={block.number} finalized={finalized} />
        {fullTime(block.timestamp) ? `, ${fullTime(block.timestamp)}` : ''}).
      </p>
      <h3>Events ({events.length})</h3>
      <EventsTable events={events} block={block.number} label={`Events of extrinsic ${id}`} />
    </section>
  )
}
