// SubtensorModule weights calls (subtensor.md §6), as macros/dispatches.rs @ 14bc6f9 declares them (all Normal, Pays::No), with weights from
// weights.rs (SubstrateWeight) or the call's own `Weight::from_parts`. Each runs subtensor's CheckWeights dispatch extension first (guard.ts).
// Left out: the timelocked (drand) commits commit_timelocked_weights [113], commit_crv3_mechanism_weights [117] and
// commit_timelocked_mechanism_weights [118] — this runtime has no Drand pallet to reveal them (call 99 commit_crv3_weights is gone from subtensor).
import { call } from '../../../framework/pallet.ts'
import { MechId, NetUid } from '../../../primitives/bittensor.ts'
import { H256 } from '../../../primitives/substrate.ts'
import { Vec, compact, tuple, u16, u64 } from '../../../primitives/types.ts'
import { weight, reads, writes } from '../../../config.ts'
import { doBatchCommitWeights, doBatchRevealWeights, internalCommitWeights, internalRevealWeights } from './commitReveal.ts'
import { weightsCallGuard } from './guard.ts'
import { MAIN_MECHANISM } from './mechanism.ts'
import { doBatchSetWeights, setWeightsCall } from './setWeights.ts'

export * from './mechanism.ts'
export * from './upscale.ts'
export * from './setWeights.ts'
export * from './commitReveal.ts'
export * from './guard.ts'
export * from './bondsReset.ts'

const NO = { class: 'Normal', paysFee: 'No' } as const

export const weightsCalls = [
  // dispatches.rs:84, WeightInfo::set_weights (weights.rs:227: 15_513_610_000, 10_327_410; 4112 reads, 2 writes)
  call({
    index: 0,
    name: 'set_weights',
    args: { netuid: NetUid, dests: Vec(u16), weights: Vec(u16), versionKey: u64 },
    weight: weight(15_513_610_000n + reads(4112) + writes(2), 10_327_410n),
    ...NO,
    docs: "Sets the caller hotkey's weights on a subnet (mechanism 0): refused while the subnet uses commit-reveal.",
    run: (ctx, origin, { netuid, dests, weights, versionKey }) => {
      weightsCallGuard(ctx.storage, origin, { name: 'set_weights', args: { netuid } })
      setWeightsCall(ctx, origin, { netuid, mecid: MAIN_MECHANISM, uids: dests, values: weights, versionKey })
    },
  }),
  // dispatches.rs:161, Weight::from_parts(15_540_000_000, 0) + 4111 reads + 2 writes
  call({
    index: 119,
    name: 'set_mechanism_weights',
    args: { netuid: NetUid, mecid: MechId, dests: Vec(u16), weights: Vec(u16), versionKey: u64 },
    weight: weight(15_540_000_000n + reads(4111) + writes(2)),
    ...NO,
    docs: "Sets the caller hotkey's weights for one mechanism of a subnet: refused while the subnet uses commit-reveal.",
    run: (ctx, origin, { netuid, mecid, dests, weights, versionKey }) => {
      weightsCallGuard(ctx.storage, origin, { name: 'set_mechanism_weights', args: { netuid } })
      setWeightsCall(ctx, origin, { netuid, mecid, uids: dests, values: weights, versionKey })
    },
  }),
  // dispatches.rs:205, WeightInfo::batch_set_weights (weights.rs:1482: 103_092_000, 7395; 16 reads, 2 writes)
  call({
    index: 80,
    name: 'batch_set_weights',
    args: { netuids: Vec(compact(NetUid)), weights: Vec(Vec(tuple(compact(u16), compact(u16)))), versionKeys: Vec(compact(u64)) },
    weight: weight(103_092_000n + reads(16) + writes(2), 7_395n),
    ...NO,
    docs: 'Sets weights on several subnets, continuing past the ones refused (BatchWeightItemFailed).',
    run: (ctx, origin, args) => {
      weightsCallGuard(ctx.storage, origin, { name: 'batch_set_weights', args })
      doBatchSetWeights(ctx, origin, { netuids: args.netuids, weights: args.weights as Array<[number, number]>[], versionKeys: args.versionKeys })
    },
  }),
  // dispatches.rs:235, WeightInfo::commit_weights (weights.rs:620: 69_049_000, 4714; 13 reads, 2 writes)
  call({
    index: 96,
    name: 'commit_weights',
    args: { netuid: NetUid, commitHash: H256 },
    weight: weight(69_049_000n + reads(13) + writes(2), 4_714n),
    ...NO,
    docs: 'Commits the hash of weights to reveal RevealPeriodEpochs epochs later (mechanism 0).',
    run: (ctx, origin, { netuid, commitHash }) => {
      weightsCallGuard(ctx.storage, origin, { name: 'commit_weights', args: { netuid } })
      internalCommitWeights(ctx, origin, { netuid, mecid: MAIN_MECHANISM, commitHash })
    },
  }),
  // dispatches.rs:267, Weight::from_parts(55_130_000, 0) + 7 reads + 2 writes
  call({
    index: 115,
    name: 'commit_mechanism_weights',
    args: { netuid: NetUid, mecid: MechId, commitHash: H256 },
    weight: weight(55_130_000n + reads(7) + writes(2)),
    ...NO,
    docs: 'Commits the hash of weights for one mechanism of a subnet.',
    run: (ctx, origin, { netuid, mecid, commitHash }) => {
      weightsCallGuard(ctx.storage, origin, { name: 'commit_mechanism_weights', args: { netuid } })
      internalCommitWeights(ctx, origin, { netuid, mecid, commitHash })
    },
  }),
  // dispatches.rs:302, WeightInfo::batch_commit_weights (weights.rs:1441: 147_224_000, 4765; 15 reads, 2 writes)
  call({
    index: 100,
    name: 'batch_commit_weights',
    args: { netuids: Vec(compact(NetUid)), commitHashes: Vec(H256) },
    weight: weight(147_224_000n + reads(15) + writes(2), 4_765n),
    ...NO,
    docs: 'Commits weight hashes on several subnets, continuing past the ones refused (BatchWeightItemFailed).',
    run: (ctx, origin, args) => {
      weightsCallGuard(ctx.storage, origin, { name: 'batch_commit_weights', args })
      doBatchCommitWeights(ctx, origin, args)
    },
  }),
  // dispatches.rs:349, WeightInfo::reveal_weights (weights.rs:667: 111_227_000, 7590; 19 reads, 2 writes)
  call({
    index: 97,
    name: 'reveal_weights',
    args: { netuid: NetUid, uids: Vec(u16), values: Vec(u16), salt: Vec(u16), versionKey: u64 },
    weight: weight(111_227_000n + reads(19) + writes(2), 7_590n),
    ...NO,
    docs: 'Reveals committed weights (mechanism 0) in the reveal epoch and sets them.',
    run: (ctx, origin, args) => {
      weightsCallGuard(ctx.storage, origin, { name: 'reveal_weights', args })
      internalRevealWeights(ctx, origin, { ...args, mecid: MAIN_MECHANISM })
    },
  }),
  // dispatches.rs:402, Weight::from_parts(122_000_000, 0) + 16 reads + 2 writes
  call({
    index: 116,
    name: 'reveal_mechanism_weights',
    args: { netuid: NetUid, mecid: MechId, uids: Vec(u16), values: Vec(u16), salt: Vec(u16), versionKey: u64 },
    weight: weight(122_000_000n + reads(16) + writes(2)),
    ...NO,
    docs: 'Reveals committed weights for one mechanism of a subnet in the reveal epoch and sets them.',
    run: (ctx, origin, args) => {
      weightsCallGuard(ctx.storage, origin, { name: 'reveal_mechanism_weights', args })
      internalRevealWeights(ctx, origin, args)
    },
  }),
  // dispatches.rs:560, WeightInfo::batch_reveal_weights (weights.rs:904: 421_363_000, 8095; 19 reads, 2 writes)
  call({
    index: 98,
    name: 'batch_reveal_weights',
    args: { netuid: NetUid, uidsList: Vec(Vec(u16)), valuesList: Vec(Vec(u16)), saltsList: Vec(Vec(u16)), versionKeys: Vec(u64) },
    weight: weight(421_363_000n + reads(19) + writes(2), 8_095n),
    ...NO,
    docs: 'Reveals several committed weight sets (mechanism 0) at once: all are applied or none.',
    run: (ctx, origin, args) => {
      weightsCallGuard(ctx.storage, origin, { name: 'batch_reveal_weights', args })
      doBatchRevealWeights(ctx, origin, args)
    },
  }),
]
