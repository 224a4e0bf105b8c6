// The validator's hotkey: one of the hotkeys kept (encrypted) in this browser, chosen and unlocked for this page only, or a new one made
// here. It signs every query to miners and every weights transaction. (Backups and imports: the Mine page's hotkey panel.)
import { useState, type FormEvent } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { Address } from '../../components/Address.tsx'
import { useHotkeys } from '../../hooks/useHotkeys.ts'
import { errorText } from '../../lib/format.ts'
import { hotkeysQueryKey } from '../../queries/hotkeys.ts'
import { lock, rememberUnlocked, vault } from '../../wallet/hotkeyVault.ts'

function UnlockForm({ address, name }: { address: string; name: string }) {
  const [pass, setPass] = useState('')
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  const unlock = async (event: FormEvent) => {
    event.preventDefault()
    setError(undefined)
    setBusy(true)
    try {
      const { unlockHotkey, store } = await vault()
      rememberUnlocked(await unlockHotkey(store, address, pass))
      setPass('')
    } catch (e) {
      setError(errorText(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <form onSubmit={(e) => void unlock(e)} aria-label={`Unlock ${name}`} className="inline">
      <input type="password" aria-label="Passphrase" value={pass} onChange={(e) => setPass(e.target.value)} autoComplete="current-password" />{' '}
      <button type="submit" disabled={busy}>
        {busy ? 'Unlocking…' : 'Unlock'}
      </button>
      {error ? (
        <span role="alert" className="field-error">
          {' '}
          {error}
        </span>
      ) : null}
    </form>
  )
}

function CreateHotkey({ onCreated }: { onCreated: (address: string, mnemonic: string) => void }) {
  const queryClient = useQueryClient()
  const [name, setName] = useState('validator')
  const [pass, setPass] = useState('')
  const [again, setAgain] = useState('')
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setError(undefined)
    if (pass !== again) return setError('The two passphrases differ.')
    setBusy(true)
    try {
      const { createHotkey, unlockHotkey, store } = await vault()
      const made = await createHotkey(store, { name, passphrase: pass })
      rememberUnlocked(await unlockHotkey(store, made.address, pass))
      await queryClient.invalidateQueries({ queryKey: hotkeysQueryKey })
      setPass('')
      setAgain('')
      onCreated(made.address, made.mnemonic)
    } catch (e) {
      setError(errorText(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <form aria-label="Create a validator hotkey" onSubmit={(e) => void submit(e)} noValidate>
      <p>
        <label>
          Name <input value={name} onChange={(e) => setName(e.target.value)} size={12} />
        </label>{' '}
        <label>
          Passphrase <input type="password" value={pass} onChange={(e) => setPass(e.target.value)} autoComplete="new-password" />
        </label>{' '}
        <label>
          Repeat <input type="password" value={again} onChange={(e) => setAgain(e.target.value)} autoComplete="new-password" />
        </label>{' '}
        <button type="submit" disabled={busy}>
          {busy ? 'Creating…' : 'Create hotkey'}
        </button>
      </p>
      {error ? (
        <p role="alert" className="field-error">
          {error}
        </p>
      ) : null}
    </form>
  )
}

export function ValidatorHotkey({ chosen, onChoose, locked }: { chosen: string | undefined; onChoose: (address: string) => void; locked: boolean }) {
  const hotkeys = useHotkeys()
  const [backup, setBackup] = useState<{ address: string; mnemonic: string }>()
  return (
    <section aria-label="Validator hotkey" className="panel">
      <h2>Hotkey</h2>
      <p className="muted">
        A validator signs its queries to miners and its weights with a hotkey kept encrypted in this browser and unlocked for this page
        only. Your coldkey (the wallet) registers it and stakes to it.
      </p>
      {backup ? (
        <div role="note" aria-label="Recovery phrase" className="warning">
          <p>
            Write these 12 words down: they are the only way to restore hotkey <code>{backup.address}</code> if this browser's data is lost.
          </p>
          <p>
            <code data-testid="mnemonic">{backup.mnemonic}</code>
          </p>
          <button type="button" onClick={() => setBackup(undefined)}>
            I have written them down
          </button>
        </div>
      ) : null}
      {hotkeys.isError ? <p className="field-error">{errorText(hotkeys.error)}</p> : null}
      {hotkeys.data?.length ? (
        <ul aria-label="Hotkeys in this browser" className="account-list">
          {hotkeys.data.map((h) => {
            const unlocked = hotkeys.isUnlocked(h.address)
            return (
              <li key={h.address} data-address={h.address}>
                <label>
                  <input type="radio" name="validator-hotkey" checked={chosen === h.address} disabled={locked} onChange={() => onChoose(h.address)} /> <strong>{h.name}</strong>
                </label>{' '}
                <Address value={h.address} /> {unlocked ? <span className="badge">unlocked</span> : <span className="muted">locked</span>}{' '}
                {unlocked ? (
                  <button type="button" onClick={() => lock(h.address)} disabled={locked && chosen === h.address}>
                    Lock
                  </button>
                ) : (
                  <UnlockForm address={h.address} name={h.name} />
                )}
              </li>
            )
          })}
        </ul>
      ) : hotkeys.data ? (
        <p>No hotkey in this browser yet.</p>
      ) : null}
      <details open={!hotkeys.data?.length}>
        <summary>New hotkey</summary>
        <CreateHotkey
          onCreated={(address, mnemonic) => {
            setBackup({ address, mnemonic })
            onChoose(address)
          }}
        />
      </details>
    </section>
  )
}
