// A stake transaction's lifecycle in words (signing → ready → in block → finalized), or the chain's or wallet's reason it failed.
import type { TransactionStatus } from '../../chain/index.ts'
import { errorText, shortAddress } from '../lib/format.ts'

export type Tx = { label: string; status?: TransactionStatus; error?: unknown }

export function statusText(status: TransactionStatus | undefined): string {
  switch (status?.type) {
    case undefined:
      return 'Preparing…'
    case 'signing':
      return 'Signing: confirm in your wallet…'
    case 'ready':
      return 'Ready: waiting in the transaction pool…'
    case 'inBlock':
      return `In block ${shortAddress(status.blockHash)}…`
    case 'finalized':
      return `Finalized in block ${shortAddress(status.blockHash)}`
    case 'failed':
      return 'Failed'
  }
}

export function TxStatus({ tx }: { tx: Tx | undefined }) {
  if (!tx) return null
  if (tx.error) {
    const meta = (tx.error as { metaMessages?: unknown }).metaMessages
    return (
      <div role="alert" aria-label="Transaction error" className="field-error">
        <p>
          {tx.label}: {errorText(tx.error)}
        </p>
        {Array.isArray(meta) ? meta.map((m) => <p key={String(m)}>{String(m)}</p>) : null}
      </div>
    )
  }
  return (
    <p role="status" aria-label="Transaction">
      {tx.label}: {statusText(tx.status)}
    </p>
  )
}
