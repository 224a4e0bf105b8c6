// The block explorer: recent blocks, extrinsics and events.
import { PageHeading } from '../../components/PageHeading.tsx'
import { EmptyState } from '../../components/EmptyState.tsx'

export default function ExplorerPage() {
  return (
    <>
      <PageHeading title="Explorer">Blocks, extrinsics and events as the chain produces them.</PageHeading>
      <EmptyState title="No blocks seen yet">
        <p>
          The newest blocks will stream in here with their number, hash, author, extrinsics and events, finalised ones
          marked; search takes a block number, a block or extrinsic hash, or an address.
        </p>
      </EmptyState>
    </>
  )
}
