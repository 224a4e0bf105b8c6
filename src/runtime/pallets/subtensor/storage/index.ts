// Every SubtensorModule storage item declared so far, by subject.
export * from './subnets.ts'
export * from './hyperparams.ts'
export * from './neurons.ts'
export * from './stake.ts'
export * from './emission.ts'
export * from './weights.ts'
