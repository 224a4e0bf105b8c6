// SubtensorModule subnet calls (subtensor.md §3.1–3.2), as macros/dispatches.rs @ 14bc6f9 declares them, with weights from weights.rs (SubstrateWeight).
import { call } from '../../../framework/pallet.ts'
import { AccountId, NetUid } from '../../../primitives/bittensor.ts'
import { Bytes, Option } from '../../../primitives/types.ts'
import { weight, reads, writes } from '../../../config.ts'
import { SubnetIdentityV3 } from '../types.ts'
import { doSetSubnetIdentity } from './identity.ts'
import { doRegisterNetwork } from './registerNetwork.ts'
import { doStartCall } from './startCall.ts'
import { doUpdateSymbol } from './symbols.ts'

export * from './identity.ts'
export * from './lockCost.ts'
export * from './registerNetwork.ts'
export * from './startCall.ts'
export * from './symbols.ts'

export const subnetCalls = [
  // dispatches.rs:1204 `#[pallet::call_index(59)]`, WeightInfo::register_network (weights.rs:585: 277_125_000, 9947; 40 reads, 48 writes)
  call({
    index: 59,
    name: 'register_network',
    args: { hotkey: AccountId },
    weight: weight(277_125_000n + reads(40) + writes(48), 9_947n),
    docs: 'User register a new subnetwork',
    run: (ctx, origin, { hotkey }) => doRegisterNetwork(ctx, origin, { hotkey }),
  }),
  // dispatches.rs:1378 `#[pallet::call_index(78)]`, WeightInfo::set_subnet_identity (weights.rs:1682: 17_513_000, 4060; 1 read, 1 write)
  call({
    index: 78,
    name: 'set_subnet_identity',
    args: { netuid: NetUid, subnetName: Bytes, githubRepo: Bytes, subnetContact: Bytes, subnetUrl: Bytes, discord: Bytes, description: Bytes, logoUrl: Bytes, additional: Bytes },
    weight: weight(17_513_000n + reads(1) + writes(1), 4_060n),
    docs: 'Set the identity information for a subnet (signed by the subnet owner).',
    run: doSetSubnetIdentity,
  }),
  // dispatches.rs:1407 `#[pallet::call_index(79)]`, WeightInfo::register_network_with_identity (weights.rs:1639: 275_041_000, 9883; 39 reads, 47 writes)
  call({
    index: 79,
    name: 'register_network_with_identity',
    args: { hotkey: AccountId, identity: Option(SubnetIdentityV3) },
    weight: weight(275_041_000n + reads(39) + writes(47), 9_883n),
    docs: 'User register a new subnetwork',
    run: (ctx, origin, { hotkey, identity }) => doRegisterNetwork(ctx, origin, { hotkey, identity }),
  }),
  // dispatches.rs:1792 `#[pallet::call_index(92)]`, WeightInfo::start_call (weights.rs:993: 39_454_000, 4583; 5 reads, 2 writes)
  call({
    index: 92,
    name: 'start_call',
    args: { netuid: NetUid },
    weight: weight(39_454_000n + reads(5) + writes(2), 4_583n),
    docs: 'Initiates a call on a subnet: emission starts from the next block (signed by the subnet owner).',
    run: doStartCall,
  }),
  // dispatches.rs:1977 `#[pallet::call_index(112)]`, WeightInfo::update_symbol (weights.rs:2103: 28_313_000, 9074; 4 reads, 1 write)
  call({
    index: 112,
    name: 'update_symbol',
    args: { netuid: NetUid, symbol: Bytes },
    weight: weight(28_313_000n + reads(4) + writes(1), 9_074n),
    docs: 'Updates the symbol for a subnet (subnet owner or root).',
    run: doUpdateSymbol,
  }),
]
