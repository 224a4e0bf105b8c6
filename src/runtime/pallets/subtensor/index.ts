// pallet_subtensor (pallet 7), first slice: storage for subnets, hyperparameters, neurons and stake, all events and errors of spec 425, and the genesis of §11. Calls: registration (registration/) and serving (serving/).
import { definePallet } from '../../framework/pallet.ts'
import type { AnyStorageItem } from '../../primitives/storage.ts'
import * as subnets from './storage/subnets.ts'
import * as hyperparams from './storage/hyperparams.ts'
import * as neurons from './storage/neurons.ts'
import * as stake from './storage/stake.ts'
import * as emission from './storage/emission.ts'
import * as weightsStorage from './storage/weights.ts'
import { events } from './events.ts'
import { errors } from './errors.ts'
import { buildGenesis, type SubtensorGenesis } from './genesis.ts'
import { registrationCalls } from './registration/index.ts'
import { blockStep } from './coinbase/blockStep.ts'
import { servingCalls, isHotkeyRegisteredOnNetwork } from './serving/index.ts'
import { stakingCalls } from './staking/index.ts'
import { claimRootCalls } from './staking/claimRoot.ts'
import { subnetCalls } from './subnets/index.ts'
import { weightsCalls, resetBondsOnCommit } from './weights/index.ts'
import { setCanCommit, setOnMetadataCommitment } from '../commitments/index.ts'

export * from './storage/index.ts'
export * from './types.ts'
export { events } from './events.ts'
export { errors } from './errors.ts'
export * from './genesis.ts'

const isItem = (x: unknown): x is AnyStorageItem => typeof x === 'object' && x !== null && 'prefix' in x && 'modifier' in x && 'keys' in x
/** The storage items of the storage modules (their other exports, the defaults, are left out). */
const storage: Record<string, AnyStorageItem> = Object.fromEntries(
  [subnets, hyperparams, neurons, stake, emission, weightsStorage].flatMap((m) => Object.values(m).filter(isItem).map((item) => [item.name, item] as const)),
)

export const SubtensorModule = definePallet({
  name: 'SubtensorModule',
  index: 7,
  crate: 'pallet_subtensor',
  storage,
  calls: [...registrationCalls, ...servingCalls, ...stakingCalls, ...subnetCalls, ...claimRootCalls, ...weightsCalls],
  events,
  errors,
  constants: {},
  genesis: { default: {} as SubtensorGenesis, build: buildGenesis },
  hooks: { onInitialize: blockStep },
})

// Commitments' `T::CanCommit` (runtime `AllowCommitments`): the hotkey is registered on the subnet.
setCanCommit((ctx, netuid, who) => isHotkeyRegisteredOnNetwork(ctx, netuid, who))
// Commitments' `T::OnMetadataCommitment` (runtime `ResetBondsOnCommit`): a ResetBondsFlag field clears bonds to the hotkey's uid where BondsResetOn.
setOnMetadataCommitment(resetBondsOnCommit)
