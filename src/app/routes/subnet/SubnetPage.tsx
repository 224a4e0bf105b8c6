// One subnet's leaderboard (metagraph): every UID with stake, incentive, consensus, dividends and emission.
import { Link, useParams } from 'react-router-dom'
import { PageHeading } from '../../components/PageHeading.tsx'
import { EmptyState } from '../../components/EmptyState.tsx'

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
  return (
    <>
      <PageHeading title={`Subnet ${netuid}`}>The leaderboard: who mines and validates here, and what they earn.</PageHeading>
      <EmptyState title="Leaderboard not loaded yet" action={<Link to="/">All subnets</Link>}>
        <p>
          Every UID of subnet {netuid} will be listed here with hotkey, coldkey, α stake and τ value, incentive,
          consensus, dividends, validator trust, emission per tempo, validator permit, last update and whether its peer
          answers — sortable, filterable and live per block.
        </p>
      </EmptyState>
    </>
  )
}
