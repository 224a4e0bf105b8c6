// Validating from this tab: choose a subnet and a hotkey, see its permit (or why it has none) and stake, stake to it, start the
// validator loop (queries over the tab's libp2p node, scoring in a Worker, weights signed by the hotkey), and follow the miners'
// scores, the commit/reveal countdown, the weights history and a "what if" preview of the next epoch. The session lives in
// src/app/validating; this page is its thin edge.
import { useMemo, useState } from 'react'
import { ConnectionNotice } from '../../components/ConnectionNotice.tsx'
import { PageHeading } from '../../components/PageHeading.tsx'
import { useMetagraph } from '../../hooks/useMetagraph.ts'
import { useSubnets } from '../../hooks/useSubnets.ts'
import { useValidating } from '../../hooks/useValidating.ts'
import { useValidatorWeightsState } from '../../hooks/useValidatorWeightsState.ts'
import { errorText } from '../../lib/format.ts'
import { describeSubnetTask, subnetTask } from '../../../tasks/forSubnet.ts'
import { isValidating } from '../../validating/store.ts'
import { MinersTable } from './MinersTable.tsx'
import { PermitPanel } from './PermitPanel.tsx'
import { PreviewPanel } from './PreviewPanel.tsx'
import { RunPanel } from './RunPanel.tsx'
import { HotkeyPanel } from '../../components/HotkeyPanel.tsx'
import { WeightsHistory } from './WeightsHistory.tsx'

export default function ValidatePage() {
  const subnets = useSubnets()
  const choices = useMemo(() => (subnets.data?.subnets ?? []).filter((s) => s.netuid !== 0), [subnets.data])
  const session = useValidating((s) => s)
  const running = isValidating(session)
  const [netuidText, setNetuidText] = useState('')
  const [hotkeyChoice, setHotkey] = useState<string>()
  // while validating, the page follows the session's subnet and hotkey
  const netuid = running ? session.netuid : netuidText === '' ? (session.netuid ?? choices[0]?.netuid) : Number(netuidText)
  const hotkey = running ? session.hotkey : (hotkeyChoice ?? session.hotkey)
  const metagraph = useMetagraph(netuid ?? 0)
  const weightsState = useValidatorWeightsState(netuid ?? 0, hotkey)
  const registered = Boolean(hotkey && metagraph.data?.neurons.some((n) => n.hotkey === hotkey))
  const shown = session.netuid === netuid && session.hotkey === hotkey
  // the subnet's task, from its on-chain identity: what the challenges are and how answers are scored
  const chosen = choices.find((s) => s.netuid === netuid)
  const task = useMemo(() => (chosen ? subnetTask(chosen.identity) : undefined), [chosen])
  return (
    <>
      <PageHeading title="Validate">
        Query a subnet's miners with seeded challenges, score their answers, and turn the scores into weights on chain.
      </PageHeading>
      <ConnectionNotice what="Subnets to validate" />
      {subnets.isError ? <p className="field-error">{errorText(subnets.error)}</p> : null}
      {choices.length ? (
        <p>
          <label>
            Subnet{' '}
            <select aria-label="Subnet" value={netuid ?? ''} onChange={(e) => setNetuidText(e.target.value)} disabled={running}>
              {choices.map((s) => (
                <option key={s.netuid} value={s.netuid}>
                  {s.netuid} · {s.name || 'unnamed'} ({s.symbol})
                </option>
              ))}
            </select>
          </label>
        </p>
      ) : subnets.data ? (
        <p>There is no subnet to validate on this network yet.</p>
      ) : null}
      {task ? (
        <p data-testid="subnet-task" {...(task.taskId === undefined ? { role: 'alert', className: 'field-error' } : {})}>
          {describeSubnetTask(task)}
          {task.taskId === undefined ? ' There is nothing this page can validate here.' : ''}
        </p>
      ) : null}
      {metagraph.isError ? <p className="field-error">{errorText(metagraph.error)}</p> : null}
      <HotkeyPanel role="validator" chosen={hotkey} onChoose={setHotkey} inUse={running} />
      {metagraph.data && netuid !== undefined && hotkey ? <PermitPanel metagraph={metagraph.data} hotkey={hotkey} weightsState={weightsState.data} /> : null}
      {netuid !== undefined ? <RunPanel netuid={netuid} taskId={task?.taskId} hotkey={hotkey} registered={registered} weightsState={weightsState.data} /> : null}
      {shown ? <MinersTable miners={session.miners} /> : null}
      {shown ? <WeightsHistory history={session.history} /> : null}
      {netuid !== undefined && hotkey && registered ? <PreviewPanel netuid={netuid} hotkey={hotkey} pending={shown ? session.pendingCommit : undefined} scores={shown ? session.scores : []} /> : null}
    </>
  )
}
