// Serving validators from this tab: opt-in Start/Stop, pause, the compute share and background setting, and live stats — the worker's
// backend, the model, requests served, p50 latency, refusals by reason, and from the chain this hotkey's incentive, rank, emission and
// an honest estimate of what it earns a day.
import { useMemo, useState } from 'react'
import { Link } from 'react-router-dom'
import type { GetMetagraphReturnType } from '../../../chain/index.ts'
import { useHotkeys } from '../../hooks/useHotkeys.ts'
import { useMining } from '../../hooks/useMining.ts'
import { useMiningSession } from '../../hooks/useMiningSession.ts'
import { errorText, formatAlpha, formatPercent, formatScore, formatTao } from '../../lib/format.ts'
import { minerStanding } from '../../mining/earnings.ts'
import { COMPUTE_SHARES, isMining, percentile, type MiningState } from '../../mining/store.ts'
import type { TaskId } from '../../../tasks/forSubnet.ts'

const STATUS_WORDS: Record<MiningState['status'], string> = {
  idle: 'Not mining',
  starting: 'Starting…',
  serving: 'Serving validators',
  paused: 'Paused',
  stopping: 'Stopping…',
  failed: 'Not mining (the last start failed)',
}

function Fact({ term, id, children }: { term: string; id: string; children: React.ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd data-testid={id}>{children}</dd>
    </div>
  )
}

/** `taskId`: the task the subnet runs (src/tasks/forSubnet.ts); undefined when it runs none this build knows, and then nothing starts. */
export function ServePanel({ metagraph, hotkey, taskId }: { metagraph: GetMetagraphReturnType; hotkey: string | undefined; taskId: TaskId | undefined }) {
  const state = useMining((s) => s)
  const hotkeys = useHotkeys()
  const session = useMiningSession()
  const [error, setError] = useState<string>()
  const { subnet } = metagraph
  const netuid = subnet.netuid
  const mining = isMining(state)
  const thisSubnet = state.netuid === netuid
  const registered = hotkey ? metagraph.neurons.some((n) => n.hotkey === hotkey) : false
  const blocker = !taskId
    ? 'This subnet runs no task webtensor knows.'
    : !hotkey
      ? 'Choose a hotkey above.'
      : !hotkeys.isUnlocked(hotkey)
        ? 'Unlock the hotkey above: it signs every answer and the announcement.'
        : !registered
          ? 'Register the hotkey on this subnet first.'
          : state.model.state !== 'ready'
            ? 'Load a model first.'
            : state.model.task !== taskId
              ? `The loaded model answers the ${state.model.task} task; this subnet runs ${taskId}: load a model for it.`
              : undefined
  const standingHotkey = mining || state.status === 'failed' ? (thisSubnet ? state.hotkey : undefined) : hotkey
  const standing = useMemo(() => (standingHotkey ? minerStanding(metagraph, standingHotkey) : undefined), [metagraph, standingHotkey])
  const p50 = percentile(state.latencies, 0.5)
  const refusals = Object.entries(state.refusals).sort((a, b) => b[1] - a[1])
  const start = () => {
    setError(undefined)
    if (hotkey && taskId) session.start(netuid, hotkey, taskId).catch((e: unknown) => setError(errorText(e)))
  }

  return (
    <section aria-label="Serve" className="panel">
      <h2>Serve validators</h2>
      <p className="muted">
        Mining is off until you start it, shows in the header while it runs, and takes only the share of this device’s compute you allow.
        It pauses when this tab is hidden unless you let it go on in the background.
      </p>
      <fieldset>
        <legend>Compute share</legend>
        {COMPUTE_SHARES.map((share) => (
          <label key={share}>
            <input type="radio" name="compute-share" checked={state.share === share} onChange={() => void session.setShare(share)} /> {Math.round(share * 100)} %{' '}
          </label>
        ))}
        <span className="muted">after each run the worker rests so that it is busy at most this share of the time; requests wait for it within their deadline, or are refused</span>
        <p>
          <label>
            <input type="checkbox" checked={state.background} onChange={(e) => void session.setBackground(e.target.checked)} /> Keep mining in the background (when this tab is hidden)
          </label>
        </p>
      </fieldset>
      <p>
        {!mining ? (
          <button type="button" onClick={start} disabled={blocker !== undefined}>
            Start mining
          </button>
        ) : (
          <>
            <button type="button" onClick={() => void session.stop()} disabled={state.status === 'stopping'}>
              Stop mining
            </button>{' '}
            {state.status === 'paused' && state.paused.includes('user') ? (
              <button type="button" onClick={() => void session.resume()}>
                Resume
              </button>
            ) : state.status === 'serving' || state.status === 'paused' ? (
              <button type="button" onClick={() => void session.pause()}>
                Pause
              </button>
            ) : null}
          </>
        )}{' '}
        {!mining && blocker ? <span className="muted">{blocker}</span> : null}
        {mining && !thisSubnet ? <span className="muted">This tab mines subnet {state.netuid}; stop it there to mine here.</span> : null}
      </p>
      {state.step ? <p aria-live="polite">{state.step}</p> : null}
      {state.error || error ? (
        <p role="alert" className="field-error">
          Mining could not start: {state.error ?? error}
        </p>
      ) : null}
      <dl className="facts" aria-label="Live mining stats">
        <Fact term="Status" id="mining-status">
          {STATUS_WORDS[state.status]}
          {state.status === 'paused' ? (state.paused.includes('user') ? ' by you' : ' while this tab is hidden') : ''}
          {mining ? ` · subnet ${state.netuid}` : ''}
        </Fact>
        <Fact term="Backend" id="mining-backend">
          {state.model.state === 'ready' ? `${state.model.backend}${state.model.backend === 'wasm' ? ` (${state.model.threads} thread${state.model.threads === 1 ? '' : 's'})` : ''}` : '—'}
        </Fact>
        <Fact term="Model" id="mining-model">
          {state.model.state === 'ready' ? state.model.name : '—'}
        </Fact>
        <Fact term="Peer" id="mining-peer">
          {state.peer ? <code title={state.peer.addrs.join('\n')}>{state.peer.peerId.slice(0, 16)}…</code> : '—'}
          {state.peer?.announcedAt ? ' (announced)' : ''}
        </Fact>
        <Fact term="Requests served" id="mining-served">
          {state.served}
        </Fact>
        <Fact term="p50 latency" id="mining-p50">
          {p50 === undefined ? '—' : `${p50.toFixed(1)} ms`}
        </Fact>
        <Fact term="Refusals" id="mining-refusals">
          {refusals.length === 0 ? 'none' : refusals.map(([reason, count]) => `${reason} ${count}`).join(', ')}
        </Fact>
        <Fact term="Incentive" id="mining-incentive">
          {standing ? formatScore(standing.incentive) : '—'}
        </Fact>
        <Fact term="Rank among miners" id="mining-rank">
          {standing ? `${standing.rank} of ${standing.miners}` : '—'}
        </Fact>
        <Fact term="Emission, last epoch" id="mining-emission">
          {standing ? formatAlpha(standing.emissionPerEpoch, subnet.symbol) : '—'}
        </Fact>
        <Fact term="Estimated earnings a day" id="mining-earnings">
          {standing ? `${formatAlpha(standing.alphaPerDay, subnet.symbol)} ≈ ${formatTao(standing.taoPerDay)}` : '—'}
        </Fact>
      </dl>
      {standing?.note ? (
        <p role="note" className="warning">
          {standing.note}
        </p>
      ) : null}
      {standing ? (
        <p className="muted">
          Estimate: last epoch’s emission × {subnet.tempo > 0 ? `${(86_400 / (12 * subnet.tempo)).toFixed(1)} epochs a day (tempo ${subnet.tempo} at 12 s blocks)` : 'epochs a day'}, at the
          pool’s price; incentive is this UID’s share ({formatPercent(standing.incentive)}) of what miners earn. See{' '}
          <Link to={`/subnets/${netuid}`}>subnet {netuid}’s leaderboard</Link>.
        </p>
      ) : null}
    </section>
  )
}
