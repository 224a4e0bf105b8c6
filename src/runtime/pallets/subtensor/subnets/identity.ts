// Subnet identity (subtensor.md §3.2): set_subnet_identity and the length limits register_network_with_identity checks too.
// From pallets/subtensor/src/utils/identity.rs @ 14bc6f9 (`do_set_subnet_identity` :98, `is_valid_subnet_identity` :204).
import type { DispatchContext, Origin } from '../../../framework/dispatch.ts'
import { dispatchError, ensureSigned } from '../../../framework/dispatch.ts'
import type { NetUid } from '../../../primitives/bittensor.ts'
import { events } from '../events.ts'
import { SubnetIdentitiesV3, SubnetOwner } from '../storage/subnets.ts'
import type { SubnetIdentityV3 } from '../types.ts'

const P = 'SubtensorModule'

/** Byte limits per field (identity.rs:204); their sum bounds the total, which the per-field limits already imply. */
export const SUBNET_IDENTITY_LIMITS: Readonly<Record<keyof SubnetIdentityV3, number>> = {
  subnetName: 256,
  githubRepo: 1024,
  subnetContact: 1024,
  subnetUrl: 1024,
  discord: 256,
  description: 1024,
  logoUrl: 1024,
  additional: 1024,
}
const MAX_TOTAL = Object.values(SUBNET_IDENTITY_LIMITS).reduce((a, b) => a + b, 0)

/** `is_valid_subnet_identity`: name + github + contact within the total, and every field within its own limit. */
export function isValidSubnetIdentity(identity: SubnetIdentityV3): boolean {
  const total = identity.subnetName.length + identity.githubRepo.length + identity.subnetContact.length
  return total <= MAX_TOTAL && (Object.keys(SUBNET_IDENTITY_LIMITS) as (keyof SubnetIdentityV3)[]).every((k) => identity[k].length <= SUBNET_IDENTITY_LIMITS[k])
}

/** `do_set_subnet_identity` [78]: the subnet owner replaces the identity (no existence check: an unowned netuid fails as NotSubnetOwner). */
export function doSetSubnetIdentity(ctx: DispatchContext, origin: Origin, { netuid, ...identity }: { netuid: NetUid } & SubnetIdentityV3): void {
  // 1) signed by the subnet owner
  const coldkey = ensureSigned(origin)
  if (SubnetOwner.get(ctx.storage, netuid) !== coldkey) throw dispatchError(P, 'NotSubnetOwner')
  // 2) within the limits
  if (!isValidSubnetIdentity(identity)) throw dispatchError(P, 'InvalidIdentity')
  // 3) write and announce
  SubnetIdentitiesV3.set(ctx.storage, netuid, identity)
  ctx.deposit(events.SubnetIdentitySet([netuid]))
}
