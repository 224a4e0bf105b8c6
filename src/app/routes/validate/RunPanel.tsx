// Start and stop validating from this tab, with the step interval and challenge size; what the loop is doing; and the countdown, in
// blocks, to the next commit and to each pending reveal (src/app/validating/countdown.ts).
import { useMemo, useState } from 'react'
import type { GetWeightsStateReturnType } from '../../../chain/index.ts'
import { useHotkeys } from '../../hooks/useHotkeys.ts'
import { useValidating } from '../../hooks/useValidating.ts'
import { useValidatingSession } from '../../hooks/useValidatingSession.ts'
import { errorText, shortAddress } from '../../lib/format.ts'
import { weightsCountdown } from '../../validating/countdown.ts'
import { isValidating, type ValidatingState } from '../../validating/store.ts'
import { VALIDATING_TASKS } from '../../validating/task.ts'
import type { TaskId } from '../../../tasks/forSubnet.ts'

const STATUS_WORDS: Record<ValidatingState['status'], string> = {
  idle: 'Not validating',
  starting: 'Starting…',
  validating: 'Validating',
  stopping: 'Stopping…',
  failed: 'Not validating (the last start failed)',
}

const blocksText = (n: number) => `${n} block${n === 1 ? '' : 's'}`

/** `taskId`: the task the subnet runs (src/tasks/forSubnet.ts); undefined when it runs none this build knows, and then nothing starts. */
export function RunPanel({ netuid, taskId, hotkey, registered, weightsState }: { netuid: number; taskId: TaskId | undefined; hotkey: string | undefined; registered: boolean; weightsState: GetWeightsStateReturnType | undefined }) {
  const state = useValidating((s) => s)
  const hotkeys = useHotkeys()
  const session = useValidatingSession()
  const settings = VALIDATING_TASKS[taskId ?? 'digits']
  const [seconds, setSeconds] = useState('12')
  // the challenge size, per task: the task's default until the user types one
  const [sizes, setSizes] = useState<Partial<Record<TaskId, string>>>({})
  const size = sizes[taskId ?? 'digits'] ?? String(settings.defaultSize)
  const setSize = (text: string) => setSizes((s) => ({ ...s, [taskId ?? 'digits']: text }))
  const [error, setError] = useState<string>()
  const running = isValidating(state)
  const here = state.netuid === netuid && state.hotkey === hotkey
  const intervalMs = Math.round(Number(seconds) * 1000)
  const challengeSize = Number(size)
  const settingsProblem =
    !(Number.isFinite(intervalMs) && intervalMs >= 1000 && intervalMs <= 600_000) || seconds.trim() === ''
      ? 'Enter the seconds between steps, from 1 to 600.'
      : !(Number.isInteger(challengeSize) && challengeSize >= 1 && challengeSize <= settings.maxSize)
        ? `Enter the ${settings.items.toLowerCase()} per challenge, a whole number from 1 to ${settings.maxSize}.`
        : undefined
  const blocker = !taskId ? 'This subnet runs no task webtensor knows.' : !hotkey ? 'Choose a hotkey above.' : !hotkeys.isUnlocked(hotkey) ? 'Unlock the hotkey above: it signs every query and the weights.' : !registered ? 'Register the hotkey on this subnet first.' : settingsProblem
  const start = () => {
    setError(undefined)
    if (hotkey && taskId) session.start(netuid, hotkey, { taskId, intervalMs, challengeSize }).catch((e: unknown) => setError(errorText(e)))
  }
  const countdown = useMemo(() => (weightsState && weightsState.uid !== undefined ? weightsCountdown(weightsState) : undefined), [weightsState])
  const last = here ? state.lastStep : undefined

  return (
    <section aria-label="Validating" className="panel">
      <h2>Validate</h2>
      <p className="muted">
        Each step sends every serving miner the same seeded challenge, scores the answers in a Web Worker, updates each UID's moving score,
        and puts weights on chain at the pace the chain allows: commit, then reveal an epoch later when commit-reveal is on.
      </p>
      <p>
        <label>
          Seconds between steps <input inputMode="decimal" value={seconds} onChange={(e) => setSeconds(e.target.value)} size={4} disabled={running} />
        </label>{' '}
        <label>
          {settings.items} per challenge <input inputMode="numeric" value={size} onChange={(e) => setSize(e.target.value)} size={4} disabled={running} />
        </label>
      </p>
      <p>
        {!running ? (
          <button type="button" onClick={start} disabled={blocker !== undefined}>
            Start validating
          </button>
        ) : (
          <button type="button" onClick={() => void session.stop()} disabled={state.status === 'stopping'}>
            Stop validating
          </button>
        )}{' '}
        {!running && blocker ? <span className="muted">{blocker}</span> : null}
        {running && !here ? (
          <span className="muted">
            This tab validates subnet {state.netuid} as {shortAddress(state.hotkey ?? '')}; stop it to validate here.
          </span>
        ) : null}
      </p>
      {state.step ? <p aria-live="polite">{state.step}</p> : null}
      {state.error || error ? (
        <p role="alert" className="field-error">
          Validating could not start: {state.error ?? error}
        </p>
      ) : null}
      <dl className="facts" aria-label="Validator status">
        <div>
          <dt>Status</dt>
          <dd data-testid="validating-status">
            {STATUS_WORDS[state.status]}
            {running ? ` · subnet ${state.netuid}` : ''}
          </dd>
        </div>
        <div>
          <dt>Last step</dt>
          <dd data-testid="last-step">
            {last
              ? last.permit.permit
                ? `#${last.step} at block ${last.block}: ${last.answered} of ${last.queried} miners answered, mean score ${last.meanScore.toFixed(3)}`
                : `#${last.step} at block ${last.block}: not validating — ${last.permit.reason}`
              : '—'}
          </dd>
        </div>
        <div>
          <dt>Next commit</dt>
          <dd data-testid="next-commit">
            {countdown?.nextWeights
              ? `${countdown.commitReveal ? '' : 'set_weights '}in ${blocksText(countdown.nextWeights.blocks)} (block ${countdown.nextWeights.block})`
              : '—'}
          </dd>
        </div>
        <div>
          <dt>Next reveal</dt>
          <dd data-testid="next-reveal">
            {!countdown
              ? '—'
              : !countdown.commitReveal
                ? 'commit-reveal is off on this subnet'
                : (() => {
                    const r = countdown.reveals.find((x) => x.state !== 'expired')
                    if (!r) return 'no commit waiting'
                    return r.state === 'open' ? `open now (block ${r.block})` : `in ${blocksText(r.blocks!)} (block ${r.block})`
                  })()}
        </dd>
        </div>
        <div>
          <dt>Next epoch</dt>
          <dd>{countdown?.nextEpochBlock !== undefined && weightsState ? `block ${countdown.nextEpochBlock} (in ${blocksText(countdown.nextEpochBlock - weightsState.block)})` : '—'}</dd>
        </div>
        <div>
          <dt>Weights on chain</dt>
          <dd data-testid="weights-on-chain">{weightsState?.weights.length ? weightsState.weights.map(([uid, v]) => `UID ${uid}: ${v}`).join(', ') : 'none'}</dd>
        </div>
      </dl>
      {countdown?.notes.length ? <p className="muted">{countdown.notes.join(' ')}</p> : null}
      {here && state.stepError ? (
        <p role="alert" className="field-error">
          {state.stepError}
        </p>
      ) : null}
    </section>
  )
}
