// Governance: proposals, referenda and votes.
import { PageHeading } from '../../components/PageHeading.tsx'
import { EmptyState } from '../../components/EmptyState.tsx'

export default function GovernPage() {
  return (
    <>
      <PageHeading title="Govern">Proposals to change the network's parameters, and your vote on them.</PageHeading>
      <EmptyState title="No proposals yet">
        <p>
          Open proposals will appear here with their track, stage, tally and time left: root (Sudo and triumvirate)
          motions as subtensor has them, and stake-weighted referenda in which every TAO holder votes on parameter
          changes, upgrades and new subnets.
        </p>
      </EmptyState>
    </>
  )
}
