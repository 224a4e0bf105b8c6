// Test helper: one subnet's epoch inputs evolved the way subtensor's mock tests do it (append_neuron, set_weights with max-upscale, block steps, epoch() persisting permits and bonds).
import { I32F32 } from '../fixed.ts'
import { vecU16MaxUpscaleToU16 } from '../math.ts'
import { runEpoch, type EpochNeuron, type EpochResult, type EpochState } from '../runEpoch.ts'

/** Hyperparameters of subtensor's mock runtime after `add_network_disable_commit_reveal` (tests/mock.rs). */
const MOCK_DEFAULTS = {
  tempo: 360,
  activityCutoffFactorMilli: 13_889,
  kappa: 32_767,
  bondsMovingAverage: 900_000n,
  bondsPenalty: 65_535,
  liquidAlphaEnabled: false,
  alphaValues: [45_875, 58_982] as const,
  alphaSigmoidSteepness: 1000,
  yuma3Enabled: false,
  maxAllowedValidators: 64,
  stakeThreshold: 0n,
  taoWeight: 0n,
  lastMechanismStepBlock: 0n,
  commitRevealEnabled: false,
}

export type SubnetParams = Omit<EpochState, 'block' | 'activityCutoff' | 'neurons' | 'weights' | 'bonds' | 'alphaValues'> & {
  activityCutoffFactorMilli: number
  alphaValues: readonly [number, number]
}

type MutableNeuron = { -readonly [K in keyof EpochNeuron]: EpochNeuron[K] }

export class TestSubnet {
  block: bigint
  params: SubnetParams
  readonly neurons: MutableNeuron[] = []
  readonly weights: Array<Array<[number, number]>> = []
  bonds: Array<Array<[number, number]>> = []

  constructor(params: Partial<SubnetParams> = {}, block = 1n) {
    this.params = { ...MOCK_DEFAULTS, ...params }
    this.block = block
  }

  /** `append_neuron` at `block` (BlockAtRegistration and LastUpdate = block), then stake added to the hotkey. */
  register(alphaStake: bigint, block: bigint = this.block, taoStake = 0n): number {
    this.neurons.push({ alphaStake, taoStake, lastUpdate: block, blockAtRegistration: block, validatorPermit: false })
    this.weights.push([])
    this.bonds.push([])
    return this.neurons.length - 1
  }

  /** `set_weights` with commit-reveal off: values max-upscaled to 65535, stored in the given order, LastUpdate = now. */
  setWeights(uid: number, dests: readonly number[], values: readonly number[]): void {
    const upscaled = vecU16MaxUpscaleToU16(values)
    this.weights[uid] = dests.map((d, k) => [d, upscaled[k]!])
    this.neurons[uid]!.lastUpdate = this.block
  }

  nextBlock(): void {
    this.block += 1n
  }

  /** The activity cutoff in blocks: max(1, floor(factor · tempo / 1000)). */
  get activityCutoff(): bigint {
    const blocks = (BigInt(this.params.activityCutoffFactorMilli) * BigInt(this.params.tempo)) / 1000n
    return blocks < 1n ? 1n : blocks
  }

  state(): EpochState {
    const { activityCutoffFactorMilli: _, ...params } = this.params
    return {
      ...params,
      block: this.block,
      activityCutoff: this.activityCutoff,
      neurons: this.neurons.map((x) => ({ ...x })),
      weights: this.weights.map((row) => row.map(([j, w]) => [j, w] as const)),
      bonds: this.bonds.map((row) => row.map(([j, b]) => [j, b] as const)),
    }
  }

  /** `SubtensorModule::epoch(netuid, E)`: runs the epoch and persists permits and bonds (not LastMechansimStepBlock). */
  epoch(raoEmission = 1_000_000_000n): EpochResult {
    const result = runEpoch(this.state(), raoEmission)
    result.validatorPermit.forEach((permit, uid) => (this.neurons[uid]!.validatorPermit = permit))
    this.bonds = result.bonds.map((row) => row.map(([j, b]) => [j, b] as [number, number]))
    return result
  }
}

/** `set_alpha_values_32(low, high)` for f64 arguments: floor(I32F32::from_num(x) · 65535) each. */
export function alphaValues32(low: number, high: number): [number, number] {
  const u16Max = I32F32.saturatingFromNum(65535n)
  return [I32F32.saturatingFromNum(low).saturatingMul(u16Max).saturatingToU16(), I32F32.saturatingFromNum(high).saturatingMul(u16Max).saturatingToU16()]
}
