// pallet_admin_utils (pallet 19): the hyperparameter setters of subtensor.md §3.5. Root-only setters run under `Sudo.sudo`; owner|root
// setters also take the subnet owner's coldkey, rate-limited per hyperparameter and refused in the admin freeze window (checks.ts).
// The values they set are SubtensorModule storage; AdminUtils' own storage is only PrecompileEnable.
import { definePallet } from '../../framework/pallet.ts'
import { calls } from './calls.ts'
import { errors } from './errors.ts'
import { events } from './events.ts'
import { PrecompileEnable } from './storage.ts'

export { events } from './events.ts'
export { errors } from './errors.ts'
export * from './storage.ts'
export * from './checks.ts'

export const AdminUtils = definePallet({
  name: 'AdminUtils',
  index: 19,
  crate: 'pallet_admin_utils',
  storage: { PrecompileEnable },
  calls,
  events,
  errors,
  constants: {},
})
