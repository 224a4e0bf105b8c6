// start_call (subtensor.md §3.2): the subnet owner opens a new subnet to emission and to staking (SubtokenEnabled) once StartCallDelay has passed.
// From pallets/subtensor/src/subnets/subnet.rs @ 14bc6f9 (`do_start_call` :298) and utils/misc.rs (`ensure_subnet_owner` :25).
import type { DispatchContext, Origin } from '../../../framework/dispatch.ts'
import { DispatchFailure, dispatchError, ensureSigned } from '../../../framework/dispatch.ts'
import type { NetUid } from '../../../primitives/bittensor.ts'
import { events } from '../events.ts'
import { StartCallDelay } from '../storage/hyperparams.ts'
import { FirstEmissionBlockNumber, NetworkRegisteredAt, NetworksAdded, SubnetOwner, SubtokenEnabled } from '../storage/subnets.ts'
import { currentBlock } from '../registration/neurons.ts'

const P = 'SubtensorModule'

/** `ensure_subnet_owner`: signed by SubnetOwner[netuid], else BadOrigin (not NotSubnetOwner). */
export function ensureSubnetOwner(ctx: Pick<DispatchContext, 'storage'>, origin: Origin, netuid: NetUid) {
  const who = ensureSigned(origin)
  if (SubnetOwner.get(ctx.storage, netuid) !== who) throw new DispatchFailure({ type: 'BadOrigin' })
  return who
}

/** `do_start_call` [92]: FirstEmissionBlockNumber = now + 1 and SubtokenEnabled = true, once, no earlier than NetworkRegisteredAt + StartCallDelay. */
export function doStartCall(ctx: DispatchContext, origin: Origin, { netuid }: { netuid: NetUid }): void {
  const s = ctx.storage
  // 1) the subnet exists and the caller owns it
  if (!NetworksAdded.get(s, netuid)) throw dispatchError(P, 'SubnetNotExists')
  ensureSubnetOwner(ctx, origin, netuid)
  // 2) not started yet
  if (FirstEmissionBlockNumber.contains(s, netuid)) throw dispatchError(P, 'FirstEmissionBlockNumberAlreadySet')
  // 3) the delay has passed
  const now = currentBlock(ctx)
  if (now < NetworkRegisteredAt.get(s, netuid) + StartCallDelay.get(s)) throw dispatchError(P, 'NeedWaitingMoreBlocksToStarCall')
  // 4) emission from the next block on; staking opens
  const first = now + 1n
  FirstEmissionBlockNumber.set(s, netuid, first)
  SubtokenEnabled.set(s, netuid, true)
  ctx.deposit(events.FirstEmissionBlockNumberSet([netuid, first]))
}
