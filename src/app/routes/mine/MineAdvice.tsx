// "Should I mine here?": what registering costs and risks on this subnet, and what its miners earn, before anything is signed.
import { useMemo } from 'react'
import type { GetMetagraphReturnType } from '../../../chain/index.ts'
import { formatAlpha, formatTao } from '../../lib/format.ts'
import { BLOCK_SECONDS, mineAdvice, perDay } from '../../lib/mineAdvice.ts'
import { useMining } from '../../hooks/useMining.ts'
import { DEFAULT_DEADLINE_MS, DEFAULT_LATENCY_RULE } from '../../../validator/scoring.ts'

const hours = (seconds: number) => (seconds >= 7200 ? `${(seconds / 3600).toFixed(1)} h` : `${Math.round(seconds / 60)} min`)

export function MineAdvice({ metagraph }: { metagraph: GetMetagraphReturnType }) {
  const { subnet: s, hyperparameters: h, neurons } = metagraph
  const advice = useMemo(
    () =>
      mineAdvice({
        burn: s.burn,
        immunityPeriod: h.immunityPeriod,
        numUids: s.numUids,
        maxUids: s.maxUids,
        neurons: neurons.map((n) => ({ ...n, immortal: n.hotkey === s.owner.hotkey })),
      }),
    [s, h, neurons],
  )
  const model = useMining((m) => m.model)
  const deviceMs = model.state === 'ready' && model.warmupMs.length ? [...model.warmupMs].sort((a, b) => a - b)[model.warmupMs.length >> 1]! : undefined
  const fullCreditMs = DEFAULT_DEADLINE_MS * DEFAULT_LATENCY_RULE.fullCreditFraction
  const daily = perDay(advice.medianMinerEmission, s.tempo)
  const priceRao = s.alphaIn === 0n ? 0n : (s.taoIn * 1_000_000_000n) / s.alphaIn
  return (
    <section aria-label="Should I mine here?" className="panel">
      <h2>Should I mine here?</h2>
      <dl className="facts">
        <div>
          <dt>Registration burn</dt>
          <dd>{formatTao(advice.burn, 9)}</dd>
        </div>
        <div>
          <dt>Immunity</dt>
          <dd>
            {advice.immunityBlocks} blocks (≈ {hours(advice.immunitySeconds)} at {BLOCK_SECONDS} s)
          </dd>
        </div>
        <div>
          <dt>To keep a UID, out-earn</dt>
          <dd>{advice.freeSlots > 0 ? 'nobody: there are free UIDs' : advice.pruneNext ? `${formatAlpha(advice.pruneNext.emission, s.symbol)} per epoch (UID ${advice.pruneNext.uid})` : '—'}</dd>
        </div>
        <div>
          <dt>Miners earning</dt>
          <dd>
            {advice.earningMiners} of {advice.miners}
          </dd>
        </div>
        <div>
          <dt>A median earning miner makes</dt>
          <dd>
            {formatAlpha(daily, s.symbol)} a day (≈ {formatTao((daily * priceRao) / 1_000_000_000n)})
          </dd>
        </div>
        <div>
          <dt>This device</dt>
          <dd data-testid="device-speed">
            {deviceMs === undefined
              ? 'load a model below to measure it'
              : `${deviceMs.toFixed(1)} ms a run on ${model.state === 'ready' ? model.backend : ''} (median warm-up); validators give full credit up to ${fullCreditMs / 1000} s and less up to their ${DEFAULT_DEADLINE_MS / 1000} s deadline, so ${deviceMs * 4 < fullCreditMs ? 'speed will not cost you here' : 'this device may lose points to faster miners'}. Other miners' speed is not on chain; what they earn is, above.`}
          </dd>
        </div>
      </dl>
      <ul>
        {advice.notes.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
    </section>
  )
}
