// Home: every subnet with its price, pool, emission share and registration cost, sortable and live per block.
import { PageHeading } from '../../components/PageHeading.tsx'
import { EmptyState } from '../../components/EmptyState.tsx'
import { ConnectionNotice } from '../../components/ConnectionNotice.tsx'
import { useSubnets } from '../../hooks/useSubnets.ts'
import { useConnection } from '../../hooks/useConnection.ts'
import { errorText } from '../../lib/format.ts'
import { SubnetsTable } from './SubnetsTable.tsx'

export default function SubnetsPage() {
  const { connection } = useConnection()
  const subnets = useSubnets()
  return (
    <>
      <PageHeading title="Subnets">
        Each subnet runs one AI task: miners serve models, validators score them, and Yuma consensus pays both in
        the subnet's alpha.
      </PageHeading>
      {subnets.data ? (
        subnets.data.subnets.length === 0 ? (
          <EmptyState title="No subnets on this chain yet">
            <p>Register one from the Stake page or with <code>npx webtensor</code>; it will appear here with the next block.</p>
          </EmptyState>
        ) : (
          <>
            {connection.state !== 'connected' ? <ConnectionNotice what="Fresh prices" /> : null}
            <SubnetsTable read={subnets.data} />
          </>
        )
      ) : connection.state !== 'connected' ? (
        <ConnectionNotice what="The subnets" />
      ) : subnets.isError ? (
        <EmptyState title="Could not read the subnets">
          <p role="alert">{errorText(subnets.error)}</p>
          <p>It is read again with the next block.</p>
        </EmptyState>
      ) : (
        <p className="loading" aria-busy="true">
          Loading subnets…
        </p>
      )}
    </>
  )
}
