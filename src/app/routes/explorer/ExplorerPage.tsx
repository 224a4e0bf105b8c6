// The block explorer: the latest blocks as they arrive, and a search (block number or hash, extrinsic hash or id, account) whose answer is decoded in place.
import { useEffect, useState, type FormEvent } from 'react'
import { useSearchParams } from 'react-router-dom'
import { PageHeading } from '../../components/PageHeading.tsx'
import { ConnectionNotice } from '../../components/ConnectionNotice.tsx'
import { useAccountAddress } from '../../hooks/useAccountAddress.ts'
import { useBestBlock } from '../../hooks/useBestBlock.ts'
import { useBlock } from '../../hooks/useBlock.ts'
import { useBlockFinality } from '../../hooks/useBlockFinality.ts'
import { useConnection } from '../../hooks/useConnection.ts'
import { useRecentBlocks } from '../../hooks/useRecentBlocks.ts'
import { errorName, errorText } from '../../lib/format.ts'
import { AccountView } from './AccountView.tsx'
import { BlockDetail, ExtrinsicDetail } from './BlockDetail.tsx'
import { LatestBlocks } from './LatestBlocks.tsx'
import { blockToRead, classifySearch, resolveSearch, type Lookup } from './search.ts'

const lookupOf = <T,>(query: { status: 'pending' | 'success' | 'error'; data: T | undefined; error: unknown }): Lookup<T> => ({
  status: query.status,
  data: query.data,
  errorName: query.error ? errorName(query.error) : undefined,
  errorMessage: query.error ? errorText(query.error) : undefined,
})

export default function ExplorerPage() {
  const [params, setParams] = useSearchParams()
  const q = params.get('q') ?? ''
  // what is typed stays as typed; a link or back/forward that changes the search puts its term in the box
  const [text, setText] = useState(q)
  useEffect(() => setText(q), [q])

  const { connection } = useConnection()
  const best = useBestBlock()
  const finalized = useBlockFinality()?.number
  const recent = useRecentBlocks()
  const term = classifySearch(q)
  const loaded = { blocks: recent.blocks, complete: recent.complete }
  const block = useBlock(blockToRead(term, best?.number, loaded))
  const address = useAccountAddress(term.kind === 'address' ? term.address : undefined)
  const outcome = resolveSearch(term, { best: best?.number, loaded, block: lookupOf(block), address: lookupOf(address) })

  const submit = (event: FormEvent) => {
    event.preventDefault()
    setParams(text.trim() === '' ? {} : { q: text })
  }
  const selected = outcome.kind === 'block' || outcome.kind === 'extrinsic' ? outcome.block.number : undefined

  return (
    <>
      <PageHeading title="Explorer">Blocks, extrinsics and events as the chain produces them.</PageHeading>
      <form role="search" aria-label="Search the chain" className="explorer-search" onSubmit={submit} noValidate>
        <label htmlFor="explorer-q">Block number, hash, extrinsic id or address</label>
        <div className="explorer-search-row">
          <input
            id="explorer-q"
            name="q"
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder="12 · 0x… · 12-1 · 5Grw…"
            autoComplete="off"
            spellCheck={false}
            aria-invalid={outcome.kind === 'error'}
            aria-describedby={outcome.kind === 'error' || outcome.kind === 'busy' ? 'explorer-q-message' : undefined}
          />
          <button type="submit">Search</button>
        </div>
        {outcome.kind === 'error' ? (
          <p id="explorer-q-message" role="alert" className="field-error">
            {outcome.message}
          </p>
        ) : outcome.kind === 'busy' ? (
          <p id="explorer-q-message" role="status" className="loading" aria-busy="true">
            {outcome.message}
          </p>
        ) : null}
      </form>

      {outcome.kind === 'block' ? <BlockDetail block={outcome.block} finalized={finalized} /> : null}
      {outcome.kind === 'extrinsic' ? <ExtrinsicDetail block={outcome.block} extrinsic={outcome.extrinsic} finalized={finalized} /> : null}
      {outcome.kind === 'account' ? <AccountView address={outcome.address} recent={recent} /> : null}

      {connection.state !== 'connected' && recent.blocks.length === 0 ? (
        <ConnectionNotice what="The latest blocks" />
      ) : (
        <LatestBlocks recent={recent} finalized={finalized} selected={selected} />
      )}
    </>
  )
}
