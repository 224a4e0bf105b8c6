// The hotkey of a miner (Mine page) or a validator (Validate page): made in this browser (its 12 words shown once), kept encrypted with a
// passphrase in IndexedDB, unlocked for this page only, exported or imported as a polkadot-js JSON backup. Every refusal is said in
// place; typed values stay.
import { useState, type FormEvent } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { Address } from './Address.tsx'
import { useFormAction } from '../hooks/useFormAction.ts'
import { useHotkeys } from '../hooks/useHotkeys.ts'
import { errorText } from '../lib/format.ts'
import { hotkeysQueryKey } from '../queries/hotkeys.ts'
import { lock, rememberUnlocked, vault } from '../wallet/hotkeyVault.ts'

export type HotkeyRole = 'miner' | 'validator'

/** What the panel says and is labelled per role (the labels are what tests and screen readers find it by). */
const ROLE = {
  miner: {
    region: 'Hotkey',
    createForm: 'Create a hotkey',
    intro:
      'A miner signs its answers and its announcement with a hotkey. It is made here and kept only encrypted with your passphrase in this browser; your coldkey (the wallet extension) pays for registration and owns it.',
  },
  validator: {
    region: 'Validator hotkey',
    createForm: 'Create a validator hotkey',
    intro:
      'A validator signs its queries to miners and its weights with a hotkey. It is made here and kept only encrypted with your passphrase in this browser; your coldkey (the wallet extension) registers it and stakes to it.',
  },
} as const

function CreateHotkey({ role, onCreated }: { role: HotkeyRole; onCreated: (address: string, mnemonic: string) => void }) {
  const queryClient = useQueryClient()
  const [name, setName] = useState<string>(role)
  const [pass, setPass] = useState('')
  const [again, setAgain] = useState('')
  const { submit, busy, error } = useFormAction(async () => {
    if (pass !== again) throw new Error('The two passphrases differ.')
    const { createHotkey, unlockHotkey, store } = await vault()
    const made = await createHotkey(store, { name, passphrase: pass })
    rememberUnlocked(await unlockHotkey(store, made.address, pass))
    await queryClient.invalidateQueries({ queryKey: hotkeysQueryKey })
    setPass('')
    setAgain('')
    onCreated(made.address, made.mnemonic)
  })
  return (
    <form aria-label={ROLE[role].createForm} onSubmit={(e) => void submit(e)} noValidate>
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

function ImportHotkey() {
  const queryClient = useQueryClient()
  const [file, setFile] = useState<File>()
  const [pass, setPass] = useState('')
  const [message, setMessage] = useState<{ ok: boolean; text: string }>()
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!file) return setMessage({ ok: false, text: 'Choose a JSON backup file first.' })
    try {
      const { importHotkey, store } = await vault()
      const done = await importHotkey(store, await file.text(), pass)
      await queryClient.invalidateQueries({ queryKey: hotkeysQueryKey })
      setMessage({ ok: true, text: `Imported ${done.name} (${done.address}).` })
    } catch (e) {
      setMessage({ ok: false, text: errorText(e) })
    }
  }
  return (
    <form aria-label="Import a hotkey" onSubmit={(e) => void submit(e)} noValidate>
      <p>
        <label>
          Backup (.json) <input type="file" accept=".json,application/json" onChange={(e) => setFile(e.target.files?.[0])} />
        </label>{' '}
        <label>
          Its passphrase <input type="password" value={pass} onChange={(e) => setPass(e.target.value)} autoComplete="current-password" />
        </label>{' '}
        <button type="submit">Import</button>
      </p>
      {message ? (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? undefined : 'field-error'}>
          {message.text}
        </p>
      ) : null}
    </form>
  )
}

interface RowProps {
  role: HotkeyRole
  address: string
  name: string
  chosen: boolean
  unlocked: boolean
  /** The chosen hotkey is in use (a validator running): it can be neither swapped nor locked. */
  inUse: boolean
  onChoose: () => void
}

function HotkeyRow({ role, address, name, chosen, unlocked, inUse, onChoose }: RowProps) {
  const [pass, setPass] = useState('')
  const { submit: unlock, busy, error } = useFormAction(async () => {
    const { unlockHotkey, store } = await vault()
    rememberUnlocked(await unlockHotkey(store, address, pass))
    setPass('')
  })
  const exportJson = async () => {
    const { exportHotkey, store } = await vault()
    const blob = new Blob([JSON.stringify(await exportHotkey(store, address), null, 2)], { type: 'application/json' })
    const a = document.createElement('a')
    a.href = URL.createObjectURL(blob)
    a.download = `${address}.json`
    a.click()
    URL.revokeObjectURL(a.href)
  }
  return (
    <li data-address={address}>
      <label>
        <input type="radio" name={`${role}-hotkey`} checked={chosen} disabled={inUse && !chosen} onChange={onChoose} /> <strong>{name}</strong>
      </label>{' '}
      <Address value={address} /> {unlocked ? <span className="badge">unlocked</span> : <span className="muted">locked</span>}{' '}
      {unlocked ? (
        <button type="button" onClick={() => lock(address)} disabled={inUse && chosen}>
          Lock
        </button>
      ) : (
        <form onSubmit={(e) => void unlock(e)} aria-label={`Unlock ${name}`} className="inline">
          <input type="password" aria-label="Passphrase" value={pass} onChange={(e) => setPass(e.target.value)} autoComplete="current-password" />{' '}
          <button type="submit" disabled={busy}>
            {busy ? 'Unlocking…' : 'Unlock'}
          </button>
        </form>
      )}{' '}
      <button type="button" onClick={() => void exportJson()}>
        Export backup
      </button>
      {error ? (
        <p role="alert" className="field-error">
          {error}
        </p>
      ) : null}
    </li>
  )
}

export interface HotkeyPanelProps {
  role: HotkeyRole
  chosen: string | undefined
  onChoose: (address: string) => void
  /** The chosen hotkey is in use: the choice and its lock are held until it stops. */
  inUse?: boolean
}

export function HotkeyPanel({ role, chosen, onChoose, inUse = false }: HotkeyPanelProps) {
  const hotkeys = useHotkeys()
  const [backup, setBackup] = useState<{ address: string; mnemonic: string }>()
  return (
    <section aria-label={ROLE[role].region} className="panel">
      <h2>Hotkey</h2>
      <p className="muted">{ROLE[role].intro}</p>
      {backup ? (
        <div role="note" aria-label="Recovery phrase" className="warning">
          <p>
            Write these 12 words down: they are the only way to restore hotkey <code>{backup.address}</code> if this browser's data is lost.
            They are not stored anywhere.
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
          {hotkeys.data.map((h) => (
            <HotkeyRow
              key={h.address}
              role={role}
              address={h.address}
              name={h.name}
              chosen={chosen === h.address}
              unlocked={hotkeys.isUnlocked(h.address)}
              inUse={inUse}
              onChoose={() => onChoose(h.address)}
            />
          ))}
        </ul>
      ) : hotkeys.data ? (
        <p>No hotkey in this browser yet.</p>
      ) : null}
      <details open={!hotkeys.data?.length}>
        <summary>New hotkey</summary>
        <CreateHotkey
          role={role}
          onCreated={(address, mnemonic) => {
            setBackup({ address, mnemonic })
            onChoose(address)
          }}
        />
        <ImportHotkey />
      </details>
    </section>
  )
}
