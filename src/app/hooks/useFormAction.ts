// A form's submit action: the default submit prevented, busy while it runs, and what it threw, in words (cleared on the next try).
import { useState, type FormEvent } from 'react'
import { errorText } from '../lib/format.ts'

export function useFormAction(action: () => Promise<void>): { submit: (event: FormEvent) => Promise<void>; busy: boolean; error: string | undefined } {
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setError(undefined)
    setBusy(true)
    try {
      await action()
    } catch (e) {
      setError(errorText(e))
    } finally {
      setBusy(false)
    }
  }
  return { submit, busy, error }
}
