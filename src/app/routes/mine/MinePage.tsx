// Mining from this tab: pick a subnet, see honestly whether mining there can pay, make or unlock a hotkey in this browser, and register
// it (register_limit, paid by the connected coldkey). Serving validators from the tab joins these steps once the inference worker and
// the browser's libp2p node are wired to this page.
import { useMemo, useState } from 'react'
import { PageHeading } from '../../components/PageHeading.tsx'
import { ConnectionNotice } from '../../components/ConnectionNotice.tsx'
import { useMetagraph } from '../../hooks/useMetagraph.ts'
import { useSubnets } from '../../hooks/useSubnets.ts'
import { errorText } from '../../lib/format.ts'
import { HotkeyPanel } from './HotkeyPanel.tsx'
import { MineAdvice } from './MineAdvice.tsx'
import { RegisterPanel } from './RegisterPanel.tsx'

export default function MinePage() {
  const subnets = useSubnets()
  const choices = useMemo(() => (subnets.data?.subnets ?? []).filter((s) => s.netuid !== 0), [subnets.data])
  const [netuidText, setNetuidText] = useState('')
  const [hotkey, setHotkey] = useState<string>()
  const netuid = netuidText === '' ? choices[0]?.netuid : Number(netuidText)
  const metagraph = useMetagraph(netuid ?? 0)
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
      {metagraph.data && netuid !== undefined ? <MineAdvice metagraph={metagraph.data} /> : metagraph.isError ? <p className="field-error">{errorText(metagraph.error)}</p> : null}
      <HotkeyPanel chosen={hotkey} onChoose={setHotkey} />
      {metagraph.data && netuid !== undefined ? <RegisterPanel metagraph={metagraph.data} hotkey={hotkey} /> : null}
    </>
  )
}
