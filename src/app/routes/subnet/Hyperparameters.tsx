// The subnet's hyperparameters in a readable panel: what each one governs, in words, with its value.
import type { Hyperparameters as Params } from '../../../chain/index.ts'
import { formatTao } from '../../lib/format.ts'

const u16 = (v: number) => `${((v / 65535) * 100).toFixed(1)}%`
const blocks = (v: number) => `${v.toLocaleString('en-US')} blocks`
const yes = (v: boolean) => (v ? 'yes' : 'no')

const ROWS: Array<[label: string, help: string, show: (p: Params) => string]> = [
  ['Max validators', 'UIDs with the most stake that get a validator permit', (p) => String(p.maxValidators)],
  ['Immunity period', 'Blocks a new UID cannot be pruned', (p) => blocks(p.immunityPeriod)],
  ['Activity cutoff', 'Blocks without setting weights before a validator counts as inactive', (p) => blocks(p.activityCutoff)],
  ['Weights rate limit', 'Blocks between two weight settings by one hotkey', (p) => blocks(p.weightsRateLimit)],
  ['Min allowed weights', 'Fewest UIDs a validator must weight', (p) => String(p.minAllowedWeights)],
  ['Max weight limit', 'Largest share one weight may carry', (p) => u16(p.maxWeightsLimit)],
  ['Kappa', 'Consensus threshold of stake that must agree (Yuma)', (p) => u16(p.kappa)],
  ['Rho', 'Incentive sigmoid steepness', (p) => String(p.rho)],
  ['Bonds moving average', 'How slowly validator bonds follow weights (per million)', (p) => p.bondsMovingAvg.toString()],
  ['Liquid alpha', 'Bond EMA that adapts per validator', (p) => (p.liquidAlphaEnabled ? `on (${u16(p.alphaLow)}–${u16(p.alphaHigh)})` : 'off')],
  ['Commit-reveal weights', 'Weights hidden until revealed', (p) => (p.commitRevealWeightsEnabled ? `on (period ${p.commitRevealPeriod})` : 'off')],
  ['Registration allowed', 'Whether new UIDs may register by burning τ', (p) => yes(p.registrationAllowed)],
  ['PoW registration', 'Whether UIDs may register by proof of work', (p) => yes(p.powRegistrationAllowed)],
  ['Burn range', 'Lowest and highest registration burn', (p) => `${formatTao(p.minBurn)} – ${formatTao(p.maxBurn)}`],
  ['Target registrations', 'Registrations per adjustment interval the burn aims for', (p) => `${p.targetRegsPerInterval} per ${blocks(p.adjustmentInterval)}`],
  ['Max registrations per block', 'Registrations accepted in one block', (p) => String(p.maxRegsPerBlock)],
  ['Serving rate limit', 'Blocks between two axon updates', (p) => blocks(p.servingRateLimit)],
  ['Weights version', 'Version key validators must send with weights', (p) => p.weightsVersion.toString()],
]

export function Hyperparameters({ value }: { value: Params }) {
  return (
    <details className="panel hyperparameters" open>
      <summary>
        <h2>Hyperparameters</h2>
      </summary>
      <dl>
        {ROWS.map(([label, help, show]) => (
          <div key={label} title={help}>
            <dt>{label}</dt>
            <dd>{show(value)}</dd>
            <dd className="help">{help}</dd>
          </div>
        ))}
      </dl>
    </details>
  )
}
