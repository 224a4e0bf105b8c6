// SubtensorModule emission bookkeeping (subtensor.md §8): what the coinbase injected into each subnet on the last block, the emission
// pending until the next epoch, and the last dividends/emission of each hotkey. The coinbase writes them; the runtime APIs (DynamicInfo,
// Metagraph, StakeInfo, SubnetState) read them. Declarations from pallets/subtensor/src/lib.rs @ 14bc6f9 (spec 425); line numbers in each doc.
import { AccountId, AlphaBalance, NetUid, TaoBalance } from '../../../primitives/bittensor.ts'
import { storageMap } from '../../../primitives/storage.ts'

const P = 'SubtensorModule'
const byNetuid = [[NetUid, 'Identity']] as const

// per subnet, per block (coinbase/run_coinbase.rs)
export const SubnetAlphaInEmission = storageMap(P, 'SubnetAlphaInEmission', { key: byNetuid, value: AlphaBalance, docs: ' --- MAP ( netuid ) --> alpha_in_emission | Returns the amount of alph in  emission into the pool per block. (lib.rs:1352)' })
export const SubnetAlphaOutEmission = storageMap(P, 'SubnetAlphaOutEmission', { key: byNetuid, value: AlphaBalance, docs: ' --- MAP ( netuid ) --> alpha_out_emission | Returns the amount of alpha out emission into the network per block. (lib.rs:1369)' })
export const SubnetTaoInEmission = storageMap(P, 'SubnetTaoInEmission', { key: byNetuid, value: TaoBalance, docs: ' --- MAP ( netuid ) --> tao_in_emission | Returns the amount of tao emitted into this subent on the last block. (lib.rs:1374)' })

// accumulated until the subnet's next epoch
export const PendingServerEmission = storageMap(P, 'PendingServerEmission', { key: byNetuid, value: AlphaBalance, docs: ' --- MAP ( netuid ) --> pending_server_emission (lib.rs:1919)' })
export const PendingValidatorEmission = storageMap(P, 'PendingValidatorEmission', { key: byNetuid, value: AlphaBalance, docs: ' --- MAP ( netuid ) --> pending_validator_emission (lib.rs:1924)' })

// per hotkey, written by the epoch's distribution
export const AlphaDividendsPerSubnet = storageMap(P, 'AlphaDividendsPerSubnet', {
  key: [[NetUid, 'Identity'], [AccountId, 'Blake2_128Concat']],
  value: AlphaBalance,
  docs: ' --- DMAP ( netuid, hotkey ) --> u64 | Last alpha dividend this hotkey got on tempo. (lib.rs:1259)',
})
export const LastHotkeyEmissionOnNetuid = storageMap(P, 'LastHotkeyEmissionOnNetuid', {
  key: [[AccountId, 'Blake2_128Concat'], [NetUid, 'Identity']],
  value: AlphaBalance,
  docs: ' --- DMap ( hot, netuid ) --> emission | last hotkey emission on network. (lib.rs:1292)',
})
