// Home: every subnet with its price, pool, emission share and registration cost.
import { PageHeading } from '../../components/PageHeading.tsx'
import { EmptyState } from '../../components/EmptyState.tsx'
import { useSession } from '../../state/session.ts'
import { NETWORKS } from '../../../chain/networks.ts'

export default function SubnetsPage() {
  const network = useSession((s) => s.network)
  return (
    <>
      <PageHeading title="Subnets">
        Each subnet runs one AI task: miners serve models, validators score them, and Yuma consensus pays both in
        the subnet's alpha.
      </PageHeading>
      <EmptyState title="No subnets loaded yet">
        <p>
          This table will list every subnet on <strong>{NETWORKS[network].name}</strong>: name and symbol, price (τ per
          α), τ and α in the pool, emission share, tempo and blocks to the next epoch, registration cost, neurons and
          owner — sortable and updated with every block.
        </p>
        <p>Start the local devnet with <code>npm start</code>, or pick Bittensor's testnet or mainnet above.</p>
      </EmptyState>
    </>
  )
}
