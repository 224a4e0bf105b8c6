// AdminUtils events (pallets/admin-utils/src/lib.rs @ 14bc6f9 :73-117), indices in declaration order. Most setters deposit
// SubtensorModule's `*Set` events instead (through pallet_subtensor's setters); these are the few AdminUtils deposits itself.
import { event, palletEvents } from '../../framework/pallet.ts'
import { NetUid } from '../../primitives/bittensor.ts'
import { bool, u16 } from '../../primitives/types.ts'
import { U64F64 } from '../subtensor/types.ts'
import { PrecompileEnum } from './storage.ts'

export const events = palletEvents('AdminUtils', {
  PrecompileUpdated: event(0, { precompileId: PrecompileEnum, enabled: bool }, 'Event emitted when a precompile operation is updated.'),
  Yuma3EnableToggled: event(1, { netuid: NetUid, enabled: bool }, 'Event emitted when the Yuma3 enable is toggled.'),
  BondsResetToggled: event(2, { netuid: NetUid, enabled: bool }, 'Event emitted when Bonds Reset is toggled.'),
  BurnHalfLifeSet: event(3, { netuid: NetUid, burnHalfLife: u16 }, 'Event emitted when the burn half-life parameter is set for a subnet.'),
  BurnIncreaseMultSet: event(4, { netuid: NetUid, burnIncreaseMult: U64F64 }, 'Event emitted when the burn increase multiplier is set for a subnet.'),
  SubnetEmissionEnabledSet: event(5, { netuid: NetUid, enabled: bool }, 'Pool-side subnet emission injections and chain buys were enabled or disabled.'),
})
