// Validating from this tab: challenge miners, score their answers, and set weights on chain.
import { PageHeading } from '../../components/PageHeading.tsx'
import { EmptyState } from '../../components/EmptyState.tsx'

export default function ValidatePage() {
  return (
    <>
      <PageHeading title="Validate">
        Query a subnet's miners with seeded challenges, score their answers, and turn the scores into weights on chain.
      </PageHeading>
      <EmptyState title="Not validating">
        <p>
          Choose a subnet and a hotkey with a validator permit. Each miner's score, latency and refusals will be listed
          here, with a countdown to the next commit and reveal of weights, the history of weights set, and a preview of
          how the next epoch would move incentive and dividends.
        </p>
      </EmptyState>
    </>
  )
}
