// One subnet's leaderboard (metagraph): every UID with stake, incentive, consensus, dividends and emission, live per block.
import { Link, useParams } from 'react-router-dom'
import { PageHeading } from '../../components/PageHeading.tsx'
import { EmptyState } from '../../components/EmptyState.tsx'
import { ConnectionNotice } from '../../components/ConnectionNotice.tsx'
import { useConnection } from '../../hooks/useConnection.ts'
import { useMetagraph } from '../../hooks/useMetagraph.ts'
import { useAnnouncedPeers } from '../../hooks/useAnnouncedPeers.ts'
import { errorName, errorText, formatAlpha, formatPrice, formatTao, raoToNumber } from '../../lib/format.ts'
import { NETWORKS } from '../../../chain/networks.ts'
import { Leaderboard } from './Leaderboard.tsx'
import { Concentration } from './Concentration.tsx'
import { Hyperparameters } from './Hyperparameters.tsx'
import { EmissionChart, IncentiveChart } from './Charts.tsx'

/** A netuid is a u16 (subtensor's NetUid); anything else in the URL is refused. */
export function parseNetuid(raw: string | undefined): number | undefined {
  if (raw === undefined || !/^\d{1,5}$/.test(raw)) return undefined
  const n = Number(raw)
  return n <= 0xffff ? n : undefined
}

export default function SubnetPage() {
  const { netuid: raw } = useParams()
  const netuid = parseNetuid(raw)
  if (netuid === undefined) {
    return (
      <>
        <PageHeading title="Subnet not found" />
        <EmptyState title={`"${raw ?? ''}" is not a subnet id`} action={<Link to="/">See all subnets</Link>}>
          <p>Subnet ids (netuids) are whole numbers from 0 to 65535.</p>
        </EmptyState>
      </>
    )
  }
  return <Subnet netuid={netuid} />
}

function Subnet({ netuid }: { netuid: number }) {
  const { network, connection } = useConnection()
  const metagraph = useMetagraph(netuid)
  const peers = useAnnouncedPeers(netuid)
  const data = metagraph.data
  const s = data?.subnet
  return (
    <>
      <PageHeading title={`Subnet ${netuid}`}>The leaderboard: who mines and validates here, and what they earn.</PageHeading>
      {data && s ? (
        <>
          {connection.state !== 'connected' ? <ConnectionNotice what="Fresh rows" /> : null}
          <section className="subnet-summary" aria-label="Subnet summary">
            <h2>
              {s.name || s.identity?.name || `Subnet ${netuid}`} <span className="symbol">{s.symbol}</span>
            </h2>
            <dl className="facts">
              <div><dt>Block</dt><dd>#{s.block.toLocaleString('en-US')}</dd></div>
              <div><dt>Price</dt><dd>{formatPrice(s.alphaIn === 0n ? 1 : raoToNumber(s.taoIn) / raoToNumber(s.alphaIn))} τ/α</dd></div>
              <div><dt>Pool</dt><dd>{formatTao(s.taoIn, 2)} · {formatAlpha(s.alphaIn, s.symbol, 2)}</dd></div>
              <div><dt>UIDs</dt><dd>{s.numUids} / {s.maxUids}</dd></div>
              <div><dt>Tempo</dt><dd>{s.tempo} blocks · next epoch in {s.tempo ? Math.max(0, s.tempo - s.blocksSinceLastStep) : '—'}</dd></div>
              <div><dt>Registration</dt><dd>{formatTao(s.burn)}</dd></div>
            </dl>
            <Concentration neurons={data.neurons} />
          </section>
          <section className="charts" aria-label="Charts">
            <IncentiveChart neurons={data.neurons} />
            <EmissionChart netuid={netuid} lastStep={s.lastStep} symbol={s.symbol} />
          </section>
          <Leaderboard neurons={data.neurons} block={s.block} symbol={s.symbol} peers={peers.data} />
          <Hyperparameters value={data.hyperparameters} />
        </>
      ) : connection.state !== 'connected' ? (
        <ConnectionNotice what="The leaderboard" />
      ) : metagraph.isError ? (
        errorName(metagraph.error) === 'SubnetNotFoundError' ? (
          <EmptyState title={`Subnet ${netuid} does not exist on ${NETWORKS[network].name}`} action={<Link to="/">See all subnets</Link>}>
            <p>No subnet has this netuid on the selected network (yet).</p>
          </EmptyState>
        ) : (
          <EmptyState title="Could not read the leaderboard" action={<Link to="/">All subnets</Link>}>
            <p role="alert">{errorText(metagraph.error)}</p>
            <p>It is read again with the next block.</p>
          </EmptyState>
        )
      ) : (
        <p className="loading" aria-busy="true">
          Loading the leaderboard…
        </p>
      )}
    </>
  )
}
