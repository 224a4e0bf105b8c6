// Staking: stake τ or unstake α with a slippage limit, positions with their τ value, and moving a position to another validator, coldkey
// or subnet. Each transaction's lifecycle, or the chain's or the wallet's reason in words, is shown in place; forms keep their values.
import { useMemo, useState } from 'react'
import { Link } from 'react-router-dom'
import type { StakePosition } from '../../../chain/index.ts'
import { PageHeading } from '../../components/PageHeading.tsx'
import { EmptyState } from '../../components/EmptyState.tsx'
import { ConnectionNotice } from '../../components/ConnectionNotice.tsx'
import { Address } from '../../components/Address.tsx'
import { useBalance } from '../../hooks/useBalance.ts'
import { useStakeInfo } from '../../hooks/useStakeInfo.ts'
import { useStakeTransaction, type StakeTransaction } from '../../hooks/useStakeTransaction.ts'
import { useSubnets } from '../../hooks/useSubnets.ts'
import { errorText, formatTao } from '../../lib/format.ts'
import { useSession } from '../../state/session.ts'
import { MoveStakeForm } from './MoveStakeForm.tsx'
import { Positions, type SubnetPrices } from './Positions.tsx'
import { StakeForm } from './StakeForm.tsx'
import { TxStatus, type Tx } from '../../components/TxStatus.tsx'

function Staking({ account }: { account: string }) {
  const subnets = useSubnets()
  const balance = useBalance(account)
  const positions = useStakeInfo(account)
  const mutation = useStakeTransaction()
  const [tx, setTx] = useState<Tx>()
  const [moving, setMoving] = useState<StakePosition>()
  const busy = mutation.isPending

  const send = (label: string, input: StakeTransaction) => {
    setTx({ label })
    mutation.mutate(
      { ...input, onStatus: (status) => setTx((t) => (status.type === 'failed' ? t : { label, status })) },
      {
        onSuccess: () => {
          if (input.kind !== 'stake' && input.kind !== 'unstake') setMoving(undefined)
        },
        onError: (error) => setTx({ label, error }),
      },
    )
  }
  const prices: SubnetPrices = useMemo(() => new Map((subnets.data?.subnets ?? []).map((s) => [s.netuid, { symbol: s.symbol, price: s.price.rao }])), [subnets.data])
  const free = balance.data?.transferable

  return (
    <>
      <p>
        Account <Address value={account} /> · free balance{' '}
        <strong data-testid="free-balance">{free !== undefined ? formatTao(free, 9) : balance.isError ? errorText(balance.error) : '…'}</strong>
      </p>
      {subnets.isError ? <p className="field-error">{errorText(subnets.error)}</p> : null}
      <StakeForm account={account} subnets={subnets.data?.subnets ?? []} positions={positions.data} busy={busy} onSend={send} />
      <TxStatus tx={tx} />
      <h2>Positions</h2>
      {positions.isError ? (
        <p className="field-error">{errorText(positions.error)}</p>
      ) : !positions.data ? (
        <p className="muted">Reading positions…</p>
      ) : (
        <Positions
          positions={positions.data}
          prices={prices}
          busy={busy}
          onUnstake={(p) => send('Unstake', { kind: 'unstake', hotkey: p.hotkey, netuid: p.netuid, amount: p.stake, tolerance: 0.005 })}
          onMove={setMoving}
        />
      )}
      {moving ? (
        <MoveStakeForm
          key={`${moving.netuid}:${moving.hotkey}`}
          position={moving}
          subnets={subnets.data?.subnets ?? []}
          busy={busy}
          onSend={send}
          onClose={() => setMoving(undefined)}
        />
      ) : null}
    </>
  )
}

export default function StakePage() {
  const account = useSession((s) => s.account)
  return (
    <>
      <PageHeading title="Stake">
        Stake TAO to a validator on a subnet: your TAO buys the subnet's alpha from its pool, and you earn a share of
        the validator's dividends.
      </PageHeading>
      {account ? (
        <>
          <ConnectionNotice what="Your balance and positions" />
          <Staking account={account} />
        </>
      ) : (
        <EmptyState title="Connect a wallet to stake" action={<Link to="/wallet">Connect wallet</Link>}>
          <p>
            Your positions will be listed here per subnet and validator, with their τ value at the current pool price. You stake and unstake
            with a price limit (slippage) that the chain enforces, and see each transaction go from signing to ready to in-block to finalized.
          </p>
        </EmptyState>
      )}
    </>
  )
}
