// The stable entry point for Yuma consensus: `runEpoch(state, raoEmission)`, subtensor's production epoch as a pure function (the app's "what if" previews, the validator and external checkers import it from here).
export { runEpoch } from './pallets/subtensor/epoch/runEpoch.ts'
export type { EpochNeuron, EpochResult, EpochState, SparseU16Row } from './pallets/subtensor/epoch/runEpoch.ts'
