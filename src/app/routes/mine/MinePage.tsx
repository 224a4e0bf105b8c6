// Mining from this tab: pick a subnet, see honestly whether mining there can pay, make or unlock a hotkey in this browser, register it
// (register_limit, paid by the connected coldkey), choose a model for the inference worker, and serve validators (opt-in, throttled,
// paused when hidden) with live stats. The session itself lives in src/app/mining; this page is its thin edge.
import { useMemo, useState } from 'react'
import { PageHeading } from '../../components/PageHeading.tsx'
import { ConnectionNotice } from '../../components/ConnectionNotice.tsx'
import { useMetagraph } from '../../hooks/useMetagraph.ts'
import { useSubnets } from '../../hooks/useSubnets.ts'
import { errorText } from '../../lib/format.ts'
import { describeSubnetTask, subnetTask } from '../../../tasks/forSubnet.ts'
import { HotkeyPanel } from '../../components/HotkeyPanel.tsx'
import { MineAdvice } from './MineAdvice.tsx'
import { ModelPanel } from './ModelPanel.tsx'
import { RegisterPanel } from './RegisterPanel.tsx'
import { ServePanel } from './ServePanel.tsx'

export default function MinePage() {
  const subnets = useSubnets()
  const choices = useMemo(() => (subnets.data?.subnets ?? []).filter((s) => s.netuid !== 0), [subnets.data])
  const [netuidText, setNetuidText] = useState('')
  const [hotkey, setHotkey] = useState<string>()
  const netuid = netuidText === '' ? choices[0]?.netuid : Number(netuidText)
  const metagraph = useMetagraph(netuid ?? 0)
  // the subnet's task, from its on-chain identity: the models offered, the upload check and what Start serves all follow it
  const chosen = choices.find((s) => s.netuid === netuid)
  const task = useMemo(() => (chosen ? subnetTask(chosen.identity) : undefined), [chosen])
  return (
    <>
      <PageHeading title="Mine">
        Serve a model from this tab. Inference runs in a Web Worker (WebGPU, or WebAssembly where there is no GPU) and
        validators reach you peer to peer.
      </PageHeading>
      <ConnectionNotice what="Subnets to mine on" />
      {subnets.isError ? <p className="field-error">{errorText(subnets.error)}</p> : null}
      {choices.length ? (
        <p>
          <label>
            Subnet{' '}
            <select aria-label="Subnet" value={netuid ?? ''} onChange={(e) => setNetuidText(e.target.value)}>
              {choices.map((s) => (
                <option key={s.netuid} value={s.netuid}>
                  {s.netuid} · {s.name || 'unnamed'} ({s.symbol})
                </option>
              ))}
            </select>
          </label>
        </p>
      ) : subnets.data ? (
        <p>There is no subnet to mine on this network yet.</p>
      ) : null}
      {task ? (
        <p data-testid="subnet-task" {...(task.taskId === undefined ? { role: 'alert', className: 'field-error' } : {})}>
          {describeSubnetTask(task)}
          {task.taskId === undefined ? ' There is nothing this page can mine here.' : ''}
        </p>
      ) : null}
      {metagraph.data && netuid !== undefined ? <MineAdvice metagraph={metagraph.data} /> : metagraph.isError ? <p className="field-error">{errorText(metagraph.error)}</p> : null}
      <HotkeyPanel role="miner" chosen={hotkey} onChoose={setHotkey} />
      {metagraph.data && netuid !== undefined ? <RegisterPanel metagraph={metagraph.data} hotkey={hotkey} /> : null}
      {netuid !== undefined && task ? <ModelPanel task={task} /> : null}
      {metagraph.data && netuid !== undefined && task ? <ServePanel metagraph={metagraph.data} hotkey={hotkey} taskId={task.taskId} /> : null}
    </>
  )
}
