// The header's network picker: local devnet, Bittensor testnet, mainnet, or a checked custom endpoint.
import { useId, useState } from 'react'
import { NETWORKS, endpointOf, isNetworkId, parseEndpoint, type NetworkId } from '../../chain/networks.ts'
import { useSession } from '../state/session.ts'

export function NetworkSelector() {
  const { network, customUrl, setNetwork } = useSession()
  const [draft, setDraft] = useState(customUrl)
  const [editing, setEditing] = useState(network === 'custom' && endpointOf('custom', customUrl) === undefined)
  const [error, setError] = useState<string | undefined>()
  const selectId = useId()
  const inputId = useId()

  const choose = (value: string) => {
    if (!isNetworkId(value)) return
    setError(undefined)
    if (value === 'custom') {
      setEditing(true)
      return
    }
    setEditing(false)
    setNetwork(value as NetworkId)
  }

  const submitCustom = (event: React.FormEvent) => {
    event.preventDefault()
    const check = parseEndpoint(draft)
    if (!check.ok) {
      setError(check.reason)
      return
    }
    setError(undefined)
    setEditing(false)
    setNetwork('custom', check.url)
  }

  const endpoint = endpointOf(network, customUrl)
  return (
    <div className="network-selector">
      <label htmlFor={selectId} className="visually-hidden">
        Network
      </label>
      <select
        id={selectId}
        value={editing ? 'custom' : network}
        onChange={(e) => choose(e.target.value)}
        title={endpoint ?? 'No endpoint'}
      >
        {Object.values(NETWORKS).map((n) => (
          <option key={n.id} value={n.id} title={n.description}>
            {n.name}
          </option>
        ))}
      </select>
      {editing ? (
        <form onSubmit={submitCustom} className="custom-endpoint" noValidate>
          <label htmlFor={inputId} className="visually-hidden">
            Custom endpoint
          </label>
          <input
            id={inputId}
            type="url"
            placeholder="wss://node.example.org:443"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${inputId}-error` : undefined}
          />
          <button type="submit">Connect</button>
          {error ? (
            <p role="alert" id={`${inputId}-error`} className="field-error">
              {error}
            </p>
          ) : null}
        </form>
      ) : null}
    </div>
  )
}
