// Staking: add, remove and move stake between subnets' alpha pools with a slippage limit.
import { Link } from 'react-router-dom'
import { PageHeading } from '../../components/PageHeading.tsx'
import { EmptyState } from '../../components/EmptyState.tsx'

export default function StakePage() {
  return (
    <>
      <PageHeading title="Stake">
        Stake TAO to a validator on a subnet: your TAO buys the subnet's alpha from its pool, and you earn a share of
        the validator's dividends.
      </PageHeading>
      <EmptyState title="Connect a wallet to stake" action={<Link to="/wallet">Connect wallet</Link>}>
        <p>
          Your positions will be listed here per subnet and validator, with their τ value at the current pool price.
          You will add, remove, move, transfer and swap stake with a price limit (slippage) that the chain enforces, and
          see each transaction go from ready to in-block to finalised.
        </p>
      </EmptyState>
    </>
  )
}
