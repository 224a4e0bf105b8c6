// AdminUtils' own storage and types (pallets/admin-utils/src/lib.rs @ 14bc6f9 :147-195): which EVM precompiles are enabled.
// The EVM is not part of this runtime, so nothing reads PrecompileEnable and `sudo_toggle_evm_precompile` [62] is not declared;
// the map is declared so that clients see AdminUtils' storage (every precompile reads as enabled, the default).
import { storageMap } from '../../primitives/storage.ts'
import { bool, enumType } from '../../primitives/types.ts'
import type { ValueOf } from '../../primitives/types.ts'

/** `PrecompileEnum` (lib.rs:147). */
export const PrecompileEnum = enumType('pallet_admin_utils::pallet::PrecompileEnum', {
  BalanceTransfer: { index: 0 },
  Staking: { index: 1 },
  Subnet: { index: 2 },
  Metagraph: { index: 3 },
  Neuron: { index: 4 },
  UidLookup: { index: 5 },
  Alpha: { index: 6 },
  Crowdloan: { index: 7 },
  Proxy: { index: 8 },
  Leasing: { index: 9 },
  AddressMapping: { index: 10 },
  VotingPower: { index: 11 },
})
export type PrecompileEnum = ValueOf<typeof PrecompileEnum>

/** `DefaultPrecompileEnabled` = true (lib.rs:182). */
export const PrecompileEnable = storageMap('AdminUtils', 'PrecompileEnable', {
  key: [[PrecompileEnum, 'Blake2_128Concat']],
  value: bool,
  default: true,
  docs: ' Map PrecompileEnum --> enabled',
})
