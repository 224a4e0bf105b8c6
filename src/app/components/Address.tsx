// An SS58 address shortened for tables: the full address on hover, copied on click.
import { useState } from 'react'
import { shortAddress } from '../lib/format.ts'

export function Address({ value }: { value: string }) {
  const [copied, setCopied] = useState(false)
  if (!value) return <span className="muted">—</span>
  const copy = () => {
    navigator.clipboard?.writeText(value).then(
      () => {
        setCopied(true)
        setTimeout(() => setCopied(false), 1200)
      },
      () => {}, // clipboard refused (permissions): the title still shows the full address
    )
  }
  return (
    <button type="button" className="address" title={`${value} (click to copy)`} onClick={copy} data-address={value}>
      {copied ? 'Copied' : shortAddress(value)}
    </button>
  )
}
