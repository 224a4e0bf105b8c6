// One extrinsic decoded: its id and call, signer, nonce and tip, success or the chain's error in words, and its named arguments.
import { Link } from 'react-router-dom'
import type { BlockExtrinsic } from '../../../chain/index.ts'
import { formatTao } from '../../lib/format.ts'
import { AccountLink, Args, HashText } from './Value.tsx'
import { extrinsicId, searchHref } from './values.ts'

export function Outcome({ extrinsic }: { extrinsic: Pick<BlockExtrinsic, 'success' | 'error'> }) {
  return extrinsic.success ? <span className="outcome ok">Success</span> : <span className="outcome failed">Failed: {extrinsic.error ?? 'the chain gave no reason'}</span>
}

/** `headingLevel` 3 inside a block, 2 when the extrinsic is the page's subject. */
export function ExtrinsicCard({ block, extrinsic: ex, headingLevel = 3 }: { block: number; extrinsic: BlockExtrinsic; headingLevel?: 2 | 3 }) {
  const id = extrinsicId(block, ex.index)
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <article className={ex.success ? 'extrinsic' : 'extrinsic failed'} aria-label={`Extrinsic ${id}`} data-extrinsic-hash={ex.hash}>
      <Heading>
        {headingLevel === 2 ? `Extrinsic ${id}` : <Link to={searchHref(id)}>{id}</Link>}{' '}
        <code className="call-name">
          {ex.section}.{ex.method}
        </code>{' '}
        <Outcome extrinsic={ex} />
      </Heading>
      <dl className="facts">
        <div>
          <dt>Signer</dt>
          <dd>{ex.signer ? <AccountLink address={ex.signer} /> : <span className="muted">unsigned (inherent)</span>}</dd>
        </div>
        {ex.signer ? (
          <>
            <div>
              <dt>Nonce</dt>
              <dd>{ex.nonce}</dd>
            </div>
            <div>
              <dt>Tip</dt>
              <dd>{formatTao(ex.tip ?? 0n)}</dd>
            </div>
          </>
        ) : null}
        <div>
          <dt>Hash</dt>
          <dd>
            <HashText value={ex.hash} />
          </dd>
        </div>
        {headingLevel === 2 ? (
          <div>
            <dt>Block</dt>
            <dd>
              <Link to={searchHref(block)}>#{block.toLocaleString('en-US')}</Link>
            </dd>
          </div>
        ) : null}
      </dl>
      <Args args={ex.args} label={`Arguments of ${ex.section}.${ex.method}`} />
    </article>
  )
}
