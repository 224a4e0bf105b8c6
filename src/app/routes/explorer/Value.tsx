// Decoded chain values written for people: named arguments, nested calls, accounts that lead to their page, amounts in τ/α, hashes that copy on click.
import { useState } from 'react'
import { Link } from 'react-router-dom'
import { formatRao, shortAddress } from '../../lib/format.ts'
import { amountUnitOf, fullTime, groupDigits, integerOf, isCallValue, isTimeArg, looksLikeAddress, multiAddressOf, searchHref, shortHash, type CallValue } from './values.ts'

/** A hash, shortened unless `full`; the whole hash on hover, copied on click. */
export function HashText({ value, full = false }: { value: string; full?: boolean }) {
  const [copied, setCopied] = useState(false)
  const copy = () => {
    navigator.clipboard?.writeText(value).then(
      () => {
        setCopied(true)
        setTimeout(() => setCopied(false), 1200)
      },
      () => {}, // clipboard refused: the title still shows the whole hash
    )
  }
  return (
    <button type="button" className={full ? 'hash full' : 'hash'} title={`${value} (click to copy)`} onClick={copy} data-hash={value}>
      {copied ? 'Copied' : full ? value : shortHash(value)}
    </button>
  )
}

/** An account, shortened, leading to its explorer view. */
export function AccountLink({ address }: { address: string }) {
  return (
    <Link className="address" to={searchHref(address)} title={address} data-address={address}>
      {shortAddress(address)}
    </Link>
  )
}

/** `name: value` pairs of a call's arguments (or any object). */
export function Args({ args, label }: { args: Record<string, unknown>; label?: string }) {
  const entries = Object.entries(args)
  if (entries.length === 0) return <p className="muted args-none">No arguments</p>
  return (
    <dl className="args" aria-label={label}>
      {entries.map(([name, value]) => (
        <div key={name}>
          <dt>{name}</dt>
          <dd>
            <Value value={value} name={name} />
          </dd>
        </div>
      ))}
    </dl>
  )
}

/** A nested call: `section.method` and its arguments. */
export function CallView({ call }: { call: CallValue }) {
  return (
    <div className="call">
      <code className="call-name">
        {call.section}.{call.method}
      </code>
      <Args args={call.args} label={`Arguments of ${call.section}.${call.method}`} />
    </div>
  )
}

/** One value: calls, accounts, amounts (by the argument's name), hashes, lists and records, each in its own way. */
export function Value({ value, name }: { value: unknown; name?: string | undefined }) {
  if (value === null || value === undefined) return <span className="muted">none</span>
  if (isCallValue(value)) return <CallView call={value} />
  if (looksLikeAddress(value)) return <AccountLink address={value} />
  const account = multiAddressOf(value)
  if (account) return <AccountLink address={account} />

  const unit = amountUnitOf(name)
  const integer = integerOf(value)
  if (integer !== undefined && (typeof value !== 'string' || unit || !value.startsWith('0x'))) {
    if (unit) return <span title={`${groupDigits(integer)} RAO`}>{`${formatRao(integer, 9)} ${unit}`}</span>
    const time = isTimeArg(name) ? fullTime(Number(integer)) : undefined
    if (time) return <time dateTime={new Date(Number(integer)).toISOString()} title={`${groupDigits(integer)} ms`}>{time}</time>
    return <span className="num">{groupDigits(integer)}</span>
  }
  if (typeof value === 'string') {
    if (/^0x[0-9a-fA-F]{40,}$/.test(value)) return <HashText value={value} />
    return <span className="text-value">{value}</span>
  }
  if (typeof value === 'boolean' || typeof value === 'number') return <span>{String(value)}</span>
  if (Array.isArray(value)) {
    if (value.length === 0) return <span className="muted">empty</span>
    return (
      <ol className="value-list">
        {value.map((item, i) => (
          <li key={i}>
            <Value value={item} />
          </li>
        ))}
      </ol>
    )
  }
  if (typeof value === 'object') return <Args args={value as Record<string, unknown>} />
  return <span>{String(value)}</span>
}
