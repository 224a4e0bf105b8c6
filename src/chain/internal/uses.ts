// Every chain item src/chain (and, through it, the app) relies on: storage, calls, runtime APIs and JSON-RPC methods, with the shapes it
// expects. `../compat.test.ts` proves the list complete (it scans the source) and checks each shape against subtensor's spec-224
// metadata and our devnet; items newer than spec 224 cite ../shared/reference/subtensor.md, and the devnet is checked against the quote.
//
// Type strings are @polkadot/types' rendering of the metadata type (`registry.lookup.getTypeDef(id).type`), as a client sees it.
// `by`: the files (under src/, no extension) that use the item, directly or through @polkadot/api (`via`).

/** Where subtensor.md (spec 425) states an item that spec 224's metadata does not show: the section heading, verbatim, and a quote from it. */
export type Citation = { heading: string; quote: string; why: string }

export type StorageUse = {
  pallet: string
  name: string
  modifier: 'Default' | 'Optional'
  hashers: string[]
  /** The key type (a tuple for double maps), or null for a plain value. */
  key: string | null
  value: string
  by: string[]
  via?: string
  since?: Citation
}

export type CallUse = {
  pallet: string
  name: string
  index: number
  /** `[name, type]` in order, as the metadata names them (snake_case). */
  args: Array<[string, string]>
  by: string[]
  since?: Citation
}

export type RuntimeApiUse = {
  api: string
  method: string
  params: Array<[string, string]>
  result: string
  /** Fields the decoders read from the result (camelCase, as @polkadot/api names them; `a.b` reaches into Option/Vec/struct). */
  reads?: string[]
  by: string[]
  via?: string
  /** Spec 224's metadata is V14, which lists no runtime APIs: subtensor's APIs cite subtensor.md; Substrate's own say so in `standard`. */
  since?: Citation
  standard?: string
}

export type RpcUse = { method: string; by: string[]; via?: string; standard: string }

/** Pallets the items live in, at the indices both spec 224 and subtensor.md §1 give. */
export const PALLETS: Record<string, number> = { System: 0, Timestamp: 2, Balances: 5, SubtensorModule: 7, Sudo: 12, AdminUtils: 19 }

const AXON = ['block', 'version', 'ip', 'port', 'ipType', 'protocol']
const IDENTITY = ['subnetName', 'githubRepo', 'subnetContact', 'subnetUrl', 'discord', 'description', 'logoUrl', 'additional']
const under = (prefix: string, fields: string[]) => fields.map((f) => `${prefix}.${f}`)

export const STORAGE: StorageUse[] = [
  {
    pallet: 'System',
    name: 'Account',
    modifier: 'Default',
    hashers: ['Blake2_128Concat'],
    key: 'AccountId32',
    value: '{"nonce":"u32","consumers":"u32","providers":"u32","sufficients":"u32","data":"PalletBalancesAccountData"}',
    by: ['chain/actions/getBalance', 'chain/internal/limits'],
  },
  { pallet: 'System', name: 'Events', modifier: 'Default', hashers: [], key: null, value: 'Vec<FrameSystemEventRecord>', by: ['chain/actions/getBlock'] },
  { pallet: 'Timestamp', name: 'Now', modifier: 'Default', hashers: [], key: null, value: 'u64', by: ['chain/actions/getBlock'] },
  { pallet: 'SubtensorModule', name: 'Burn', modifier: 'Default', hashers: ['Identity'], key: 'u16', value: 'u64', by: ['chain/actions/getRegistrationCost', 'chain/actions/getSubnets'] },
  {
    pallet: 'Commitments',
    name: 'CommitmentOf',
    modifier: 'Optional',
    hashers: ['Identity', 'Twox64Concat'],
    key: '(u16,AccountId32)',
    value: '{"deposit":"u64","block":"u32","info":"PalletCommitmentsCommitmentInfo"}',
    by: ['chain/actions/getCommitments'],
  },
  { pallet: 'SubtensorModule', name: 'NetworksAdded', modifier: 'Default', hashers: ['Identity'], key: 'u16', value: 'bool', by: ['chain/actions/getEmissionHistory'] },
  { pallet: 'SubtensorModule', name: 'LastMechansimStepBlock', modifier: 'Default', hashers: ['Identity'], key: 'u16', value: 'u64', by: ['chain/actions/getEmissionHistory', 'chain/actions/getEpochState'] },
  { pallet: 'SubtensorModule', name: 'Emission', modifier: 'Default', hashers: ['Identity'], key: 'u16', value: 'Vec<u64>', by: ['chain/actions/getEmissionHistory'] },
  // the weights state a validator plans its set_weights / commit_weights / reveal_weights from (getWeightsState)
  { pallet: 'SubtensorModule', name: 'Uids', modifier: 'Optional', hashers: ['Identity', 'Blake2_128Concat'], key: '(u16,AccountId32)', value: 'u16', by: ['chain/actions/getWeightsState'] },
  { pallet: 'SubtensorModule', name: 'SubnetworkN', modifier: 'Default', hashers: ['Identity'], key: 'u16', value: 'u16', by: ['chain/actions/getWeightsState'] },
  { pallet: 'SubtensorModule', name: 'Tempo', modifier: 'Default', hashers: ['Identity'], key: 'u16', value: 'u16', by: ['chain/actions/getWeightsState'] },
  { pallet: 'SubtensorModule', name: 'BlocksSinceLastStep', modifier: 'Default', hashers: ['Identity'], key: 'u16', value: 'u64', by: ['chain/actions/getWeightsState'] },
  { pallet: 'SubtensorModule', name: 'CommitRevealWeightsEnabled', modifier: 'Default', hashers: ['Identity'], key: 'u16', value: 'bool', by: ['chain/actions/getWeightsState'] },
  { pallet: 'SubtensorModule', name: 'RevealPeriodEpochs', modifier: 'Default', hashers: ['Twox64Concat'], key: 'u16', value: 'u64', by: ['chain/actions/getEpochState', 'chain/actions/getWeightsState'] },
  { pallet: 'SubtensorModule', name: 'WeightsSetRateLimit', modifier: 'Default', hashers: ['Identity'], key: 'u16', value: 'u64', by: ['chain/actions/getWeightsState'] },
  { pallet: 'SubtensorModule', name: 'WeightsVersionKey', modifier: 'Default', hashers: ['Identity'], key: 'u16', value: 'u64', by: ['chain/actions/getWeightsState'] },
  { pallet: 'SubtensorModule', name: 'MinAllowedWeights', modifier: 'Default', hashers: ['Identity'], key: 'u16', value: 'u16', by: ['chain/actions/getWeightsState'] },
  { pallet: 'SubtensorModule', name: 'StakeThreshold', modifier: 'Default', hashers: [], key: null, value: 'u64', by: ['chain/actions/getEpochState', 'chain/actions/getWeightsState'] },
  { pallet: 'SubtensorModule', name: 'LastUpdate', modifier: 'Default', hashers: ['Identity'], key: 'u16', value: 'Vec<u64>', by: ['chain/actions/getWeightsState'] },
  { pallet: 'SubtensorModule', name: 'WeightCommits', modifier: 'Optional', hashers: ['Twox64Concat', 'Twox64Concat'], key: '(u16,AccountId32)', value: 'Vec<(H256,u64,u64,u64)>', by: ['chain/actions/getEpochState', 'chain/actions/getWeightsState'] },
  { pallet: 'SubtensorModule', name: 'Weights', modifier: 'Default', hashers: ['Identity', 'Identity'], key: '(u16,u16)', value: 'Vec<(u16,u16)>', by: ['chain/actions/getEpochState', 'chain/actions/getWeightsState'] },
  { pallet: 'SubtensorModule', name: 'Bonds', modifier: 'Default', hashers: ['Identity', 'Identity'], key: '(u16,u16)', value: 'Vec<(u16,u16)>', by: ['chain/actions/getEpochState'] },
  { pallet: 'SubtensorModule', name: 'BondsPenalty', modifier: 'Default', hashers: ['Identity'], key: 'u16', value: 'u16', by: ['chain/actions/getEpochState'] },
  { pallet: 'SubtensorModule', name: 'TaoWeight', modifier: 'Default', hashers: [], key: null, value: 'u64', by: ['chain/actions/getEpochState'] },
  { pallet: 'SubtensorModule', name: 'SubnetOwnerHotkey', modifier: 'Default', hashers: ['Identity'], key: 'u16', value: 'AccountId32', by: ['chain/actions/getEpochState'] },
  { pallet: 'SubtensorModule', name: 'Yuma3On', modifier: 'Default', hashers: ['Blake2_128Concat'], key: 'u16', value: 'bool', by: ['chain/actions/getEpochState'], since: { heading: '## 2. Default hyperparameters (production runtime values)', quote: '| `Yuma3On` | bool | false | **true** |', why: 'added after spec 224 (Yuma 3 bonds); read only where the runtime has it' } },
  { pallet: 'SubtensorModule', name: 'AlphaSigmoidSteepness', modifier: 'Default', hashers: ['Identity'], key: 'u16', value: 'i16', by: ['chain/actions/getEpochState'], since: { heading: '## 2. Default hyperparameters (production runtime values)', quote: '| `AlphaSigmoidSteepness` | i16 | 1000 | |', why: 'added after spec 224 (liquid alpha steepness); read only where the runtime has it' } },
  ...(['LastEpochBlock', 'PendingEpochAt', 'SubnetEpochIndex'] as const).map(
    (name): StorageUse => ({
      pallet: 'SubtensorModule',
      name,
      modifier: 'Default',
      hashers: ['Identity'],
      key: 'u16',
      value: 'u64',
      by: name === 'SubnetEpochIndex' ? ['chain/actions/getEpochState', 'chain/actions/getWeightsState'] : ['chain/actions/getWeightsState'],
      since: {
        heading: '### 3.3 Subnet storage (SubtensorModule)',
        quote: '`Tempo`, `LastEpochBlock`, `PendingEpochAt`, `SubnetEpochIndex`, `BlocksSinceLastStep`,',
        why: 'added after spec 224 (the stateful epoch schedule; commit-reveal counts epochs with SubnetEpochIndex)',
      },
    }),
  ),
]

const STAKE_SECTION = '### 5.1 Calls (all signed by coldkey unless noted)'

export const CALLS: CallUse[] = [
  {
    pallet: 'SubtensorModule',
    name: 'add_stake_limit',
    index: 88,
    args: [['hotkey', 'AccountId32'], ['netuid', 'u16'], ['amount_staked', 'u64'], ['limit_price', 'u64'], ['allow_partial', 'bool']],
    by: ['chain/actions/addStakeLimit'],
  },
  {
    pallet: 'SubtensorModule',
    name: 'remove_stake_limit',
    index: 89,
    args: [['hotkey', 'AccountId32'], ['netuid', 'u16'], ['amount_unstaked', 'u64'], ['limit_price', 'u64'], ['allow_partial', 'bool']],
    by: ['chain/actions/removeStakeLimit'],
  },
  {
    pallet: 'SubtensorModule',
    name: 'swap_stake_limit',
    index: 90,
    args: [['hotkey', 'AccountId32'], ['origin_netuid', 'u16'], ['destination_netuid', 'u16'], ['alpha_amount', 'u64'], ['limit_price', 'u64'], ['allow_partial', 'bool']],
    by: ['chain/actions/swapStakeLimit'],
  },
  {
    pallet: 'SubtensorModule',
    name: 'move_stake',
    index: 85,
    args: [['origin_hotkey', 'AccountId32'], ['destination_hotkey', 'AccountId32'], ['origin_netuid', 'u16'], ['destination_netuid', 'u16'], ['alpha_amount', 'u64']],
    by: ['chain/actions/moveStake'],
  },
  {
    pallet: 'SubtensorModule',
    name: 'transfer_stake',
    index: 86,
    args: [['destination_coldkey', 'AccountId32'], ['hotkey', 'AccountId32'], ['origin_netuid', 'u16'], ['destination_netuid', 'u16'], ['alpha_amount', 'u64']],
    by: ['chain/actions/transferStake'],
  },
  { pallet: 'SubtensorModule', name: 'burned_register', index: 7, args: [['netuid', 'u16'], ['hotkey', 'AccountId32']], by: ['chain/actions/burnedRegister'] },
  {
    pallet: 'SubtensorModule',
    name: 'register_limit',
    index: 134,
    args: [['netuid', 'u16'], ['hotkey', 'AccountId32'], ['limit_price', 'u64']],
    by: ['chain/actions/registerLimit'],
    since: {
      heading: '### 4.1 Registration (**CHANGED**: PoW is gone)',
      quote: '`register_limit(netuid, hotkey, limit_price: u64)` [134]',
      why: 'added after spec 224 (price-capped burned registration)',
    },
  },
  { pallet: 'SubtensorModule', name: 'register_network', index: 59, args: [['hotkey', 'AccountId32']], by: ['chain/actions/registerNetwork'] },
  {
    pallet: 'SubtensorModule',
    name: 'start_call',
    index: 92,
    args: [['netuid', 'u16']],
    by: ['chain/actions/startCall'],
    since: { heading: '### 3.2 Start call, identity, symbol', quote: '`start_call(netuid)` [92]', why: 'added after spec 224 (subnets start emitting and staking when the owner calls it)' },
  },
  // The call's shape is spec 224's; its `Data` enum gained `BigRaw` (fields of 129–512 bytes) and `MaxFields` went 1 → 3 since
  // (subtensor.md §4.5 "Commitments pallet"): setCommitment sends ≤ 128-byte fields as `Raw<n>`, which spec 224 already takes.
  { pallet: 'Commitments', name: 'set_commitment', index: 0, args: [['netuid', 'u16'], ['info', '{"fields":"Vec<PalletCommitmentsData>"}']], by: ['chain/actions/setCommitment'] },
  { pallet: 'SubtensorModule', name: 'set_weights', index: 0, args: [['netuid', 'u16'], ['dests', 'Vec<u16>'], ['weights', 'Vec<u16>'], ['version_key', 'u64']], by: ['chain/actions/setWeights'] },
  { pallet: 'SubtensorModule', name: 'commit_weights', index: 96, args: [['netuid', 'u16'], ['commit_hash', 'H256']], by: ['chain/actions/commitWeights'] },
  {
    pallet: 'SubtensorModule',
    name: 'reveal_weights',
    index: 97,
    args: [['netuid', 'u16'], ['uids', 'Vec<u16>'], ['values', 'Vec<u16>'], ['salt', 'Vec<u16>'], ['version_key', 'u64']],
    by: ['chain/actions/revealWeights'],
  },
  { pallet: 'Balances', name: 'transfer_keep_alive', index: 3, args: [['dest', 'MultiAddress'], ['value', 'Compact<u64>']], by: ['chain/actions/transfer'] },
  { pallet: 'Balances', name: 'transfer_allow_death', index: 0, args: [['dest', 'MultiAddress'], ['value', 'Compact<u64>']], by: ['chain/actions/transfer'] },
  // test helpers only (src/chain/testing/devnet.ts: lifting the devnet's network rate limit as the sudo key)
  { pallet: 'Sudo', name: 'sudo', index: 0, args: [['call', 'Call']], by: ['chain/testing/devnet'] },
  { pallet: 'AdminUtils', name: 'sudo_set_network_rate_limit', index: 29, args: [['rate_limit', 'u64']], by: ['chain/testing/devnet'] },
]

const API_SECTION = '### 9.2 Runtime APIs (call with `state_call("<Api>_<method>", SCALE(args))`; results SCALE)'
const NO_APIS_224 = 'spec 224 metadata is V14 and lists no runtime APIs'
const api = (quote: string): Citation => ({ heading: API_SECTION, quote, why: NO_APIS_224 })
const SWAP_QUOTE = ['taoAmount', 'alphaAmount', 'taoFee', 'alphaFee', 'taoSlippage', 'alphaSlippage']
const SWAP_RESULT = '{"taoAmount":"u64","alphaAmount":"u64","taoFee":"u64","alphaFee":"u64","taoSlippage":"u64","alphaSlippage":"u64"}'
const DYNAMIC_INFO = [
  'netuid',
  'subnetName',
  'tokenSymbol',
  'ownerHotkey',
  'ownerColdkey',
  'tempo',
  'lastStep',
  'blocksSinceLastStep',
  'taoIn',
  'alphaIn',
  'alphaOut',
  'taoInEmission',
  'alphaInEmission',
  'alphaOutEmission',
  'pendingAlphaEmission',
  'subnetVolume',
  'networkRegisteredAt',
  'movingPrice',
  ...under('subnetIdentity', IDENTITY),
]
// prettier-ignore
const METAGRAPH = [
  'netuid', 'name', 'symbol', 'ownerHotkey', 'ownerColdkey', 'networkRegisteredAt', 'block', 'tempo', 'lastStep', 'blocksSinceLastStep',
  'taoIn', 'alphaIn', 'alphaOut', 'taoInEmission', 'alphaInEmission', 'alphaOutEmission', 'pendingAlphaEmission', 'subnetVolume', 'movingPrice',
  'numUids', 'maxUids', 'burn', 'rho', 'kappa', 'minAllowedWeights', 'maxWeightsLimit', 'weightsVersion', 'weightsRateLimit', 'activityCutoff',
  'maxValidators', 'immunityPeriod', 'registrationAllowed', 'powRegistrationAllowed', 'difficulty', 'minDifficulty', 'maxDifficulty', 'minBurn',
  'maxBurn', 'adjustmentAlpha', 'adjustmentInterval', 'targetRegsPerInterval', 'maxRegsPerBlock', 'servingRateLimit', 'commitRevealWeightsEnabled',
  'commitRevealPeriod', 'liquidAlphaEnabled', 'alphaHigh', 'alphaLow', 'bondsMovingAvg', 'hotkeys', 'coldkeys', 'active', 'validatorPermit',
  'lastUpdate', 'emission', 'dividends', 'incentives', 'consensus', 'blockAtRegistration', 'alphaStake', 'taoStake', 'totalStake',
  'alphaDividendsPerHotkey', ...under('axons', AXON), ...under('identity', IDENTITY),
]

export const RUNTIME_APIS: RuntimeApiUse[] = [
  {
    api: 'SubnetInfoRuntimeApi',
    method: 'get_metagraph',
    params: [['netuid', 'u16']],
    result: 'Option<PalletSubtensorRpcInfoMetagraph>',
    reads: METAGRAPH,
    by: ['chain/actions/getMetagraph'],
    since: api('`get_metagraph(netuid) -> Option<Metagraph>`'),
  },
  {
    api: 'SubnetInfoRuntimeApi',
    method: 'get_dynamic_info',
    params: [['netuid', 'u16']],
    result: 'Option<PalletSubtensorRpcInfoDynamicInfo>',
    reads: DYNAMIC_INFO,
    by: ['chain/actions/getDynamicInfo'],
    since: api('`get_dynamic_info(netuid) -> Option<DynamicInfo {'),
  },
  {
    api: 'SubnetInfoRuntimeApi',
    method: 'get_all_dynamic_info',
    params: [],
    result: 'Vec<Option<PalletSubtensorRpcInfoDynamicInfo>>',
    reads: DYNAMIC_INFO,
    by: ['chain/actions/getSubnets'],
    since: api('`get_all_dynamic_info()`'),
  },
  {
    api: 'SubnetInfoRuntimeApi',
    method: 'get_subnets_info_v2',
    params: [],
    result: 'Vec<Option<PalletSubtensorRpcInfoSubnetInfoSubnetInfov2>>',
    reads: ['netuid', 'subnetworkN', 'maxAllowedUids', 'burn'],
    by: ['chain/actions/getSubnets'],
    since: api('`get_subnets_info_v2` (SubnetInfov2: netuid,'),
  },
  {
    api: 'SubnetInfoRuntimeApi',
    method: 'get_next_epoch_start_block',
    params: [['netuid', 'u16']],
    result: 'Option<u64>',
    by: ['chain/actions/getEpochState', 'chain/actions/getSubnets'],
    since: api('`get_next_epoch_start_block(netuid)`'),
  },
  {
    api: 'NeuronInfoRuntimeApi',
    method: 'get_neurons_lite',
    params: [['netuid', 'u16']],
    result: 'Vec<PalletSubtensorRpcInfoNeuronInfoNeuronInfoLite>',
    // prettier-ignore
    reads: ['uid', 'netuid', 'hotkey', 'coldkey', 'active', 'stake', 'emission', 'incentive', 'consensus', 'validatorTrust', 'dividends', 'lastUpdate', 'validatorPermit', ...under('axonInfo', AXON)],
    by: ['chain/actions/getNeuronsLite'],
    since: api('`get_neurons_lite(netuid) -> Vec<NeuronInfoLite>`'),
  },
  {
    api: 'DelegateInfoRuntimeApi',
    method: 'get_delegates',
    params: [],
    result: 'Vec<PalletSubtensorRpcInfoDelegateInfo>',
    reads: ['delegateSs58', 'ownerSs58', 'take', 'nominators', 'registrations', 'validatorPermits', 'returnPer1000', 'totalDailyReturn'],
    by: ['chain/actions/getDelegates'],
    since: api('`get_delegates() -> Vec<DelegateInfo>`'),
  },
  {
    api: 'StakeInfoRuntimeApi',
    method: 'get_stake_info_for_coldkey',
    params: [['coldkey_account', 'AccountId32']],
    result: 'Vec<PalletSubtensorRpcInfoStakeInfo>',
    reads: ['hotkey', 'coldkey', 'netuid', 'stake', 'locked', 'emission', 'taoEmission', 'isRegistered'],
    by: ['chain/actions/getStakeInfo'],
    since: api('`get_stake_info_for_coldkey(coldkey) -> Vec<StakeInfo {'),
  },
  {
    api: 'SubnetRegistrationRuntimeApi',
    method: 'get_network_registration_cost',
    params: [],
    result: 'u64',
    by: ['chain/actions/getRegistrationCost'],
    since: api('`SubnetRegistrationRuntimeApi_get_network_registration_cost() -> TaoBalance`'),
  },
  {
    api: 'SwapRuntimeApi',
    method: 'current_alpha_price',
    params: [['netuid', 'u16']],
    result: 'u64',
    by: ['chain/actions/getAlphaPrice', 'chain/actions/simSwapAlphaForTao', 'chain/actions/simSwapTaoForAlpha'],
    since: api('`current_alpha_price(netuid) -> u64`'),
  },
  {
    api: 'SwapRuntimeApi',
    method: 'current_alpha_price_all',
    params: [],
    result: 'Vec<PalletSubtensorSwapRuntimeApiSubnetPrice>',
    reads: ['netuid', 'price'],
    by: ['chain/actions/getSubnets'],
    since: api('`current_alpha_price_all() -> Vec<SubnetPrice { netuid, price: u64 }>`'),
  },
  {
    api: 'SwapRuntimeApi',
    method: 'sim_swap_tao_for_alpha',
    params: [['netuid', 'u16'], ['tao', 'u64']],
    result: SWAP_RESULT,
    reads: SWAP_QUOTE,
    by: ['chain/actions/simSwapTaoForAlpha'],
    since: api('`sim_swap_tao_for_alpha(netuid, tao)`'),
  },
  {
    api: 'SwapRuntimeApi',
    method: 'sim_swap_alpha_for_tao',
    params: [['netuid', 'u16'], ['alpha', 'u64']],
    result: SWAP_RESULT,
    reads: SWAP_QUOTE,
    by: ['chain/actions/simSwapAlphaForTao'],
    since: api('`sim_swap_alpha_for_tao(netuid, alpha)`'),
  },
  // Substrate's own, reached through @polkadot/api
  {
    api: 'TransactionPaymentApi',
    method: 'query_info',
    params: [['uxt', 'Bytes'], ['len', 'u32']],
    result: '{"weight":"SpWeightsWeightV2Weight","class":"FrameSupportDispatchDispatchClass","partialFee":"u64"}',
    reads: ['partialFee'],
    by: ['chain/internal/limits', 'chain/internal/transaction'],
    via: '`extrinsic.paymentInfo(address)` (api.call.transactionPaymentApi.queryInfo)',
    standard: 'pallet_transaction_payment_rpc_runtime_api; ' + NO_APIS_224,
  },
  {
    api: 'AccountNonceApi',
    method: 'account_nonce',
    params: [['account', 'AccountId32']],
    result: 'u32',
    by: ['chain/internal/transaction'],
    via: '`extrinsic.signAndSend(…)` reads the next nonce (api-derive tx.signingInfo)',
    standard: 'frame_system_rpc_runtime_api; ' + NO_APIS_224,
  },
  {
    api: 'Metadata',
    method: 'metadata_versions',
    params: [],
    result: 'Vec<u32>',
    by: ['chain/client'],
    via: '`new ApiPromise(…)` asks which metadata versions the runtime serves',
    standard: 'sp_api Metadata; ' + NO_APIS_224,
  },
  {
    api: 'Metadata',
    method: 'metadata_at_version',
    params: [['version', 'u32']],
    result: 'Option<OpaqueMetadata>',
    by: ['chain/client'],
    via: '`new ApiPromise(…)` loads V15 metadata (runtime APIs) when offered',
    standard: 'sp_api Metadata; ' + NO_APIS_224,
  },
]

const INIT = '`new ApiPromise(…)` while connecting'
const SUBSTRATE = 'Substrate node JSON-RPC (legacy API)'

export const RPC: RpcUse[] = [
  { method: 'chain_getBlockHash', by: ['chain/client', 'chain/internal/read'], standard: SUBSTRATE, via: INIT },
  { method: 'chain_getFinalizedHead', by: ['chain/internal/read', 'chain/internal/transaction'], standard: SUBSTRATE, via: '`signAndSend` (mortal era)' },
  {
    method: 'chain_getHeader',
    by: ['chain/actions/getBalance', 'chain/actions/getBlock', 'chain/actions/getEmissionHistory', 'chain/actions/getEpochState', 'chain/actions/getHeader', 'chain/actions/getMetagraph', 'chain/actions/getRecentBlocks', 'chain/actions/getRegistrationCost', 'chain/actions/getSubnets', 'chain/actions/getWeightsState', 'chain/internal/transaction'],
    standard: SUBSTRATE,
    via: '`signAndSend` (mortal era); `storageAt` → `query.x.y.at(hash)` (the block’s registry)',
  },
  { method: 'chain_getBlock', by: ['chain/actions/getBlock'], standard: SUBSTRATE },
  { method: 'chain_subscribeNewHeads', by: ['chain/client'], standard: SUBSTRATE },
  { method: 'chain_subscribeFinalizedHeads', by: ['chain/client'], standard: SUBSTRATE },
  { method: 'state_call', by: ['chain/client', 'chain/internal/limits', 'chain/internal/read', 'chain/internal/transaction'], standard: SUBSTRATE, via: 'runtime APIs (`runtimeCall`, paymentInfo, nonce, metadata)' },
  { method: 'state_getStorage', by: ['chain/actions/getBalance', 'chain/actions/getBlock', 'chain/actions/getEmissionHistory', 'chain/actions/getEpochState', 'chain/actions/getRegistrationCost', 'chain/actions/getSubnets', 'chain/actions/getWeightsState'], standard: SUBSTRATE, via: '`storageAt` → `query.x.y.at(hash, …)`' },
  { method: 'state_getRuntimeVersion', by: ['chain/actions/getBalance', 'chain/actions/getBlock', 'chain/actions/getEmissionHistory', 'chain/actions/getEpochState', 'chain/actions/getRegistrationCost', 'chain/actions/getSubnets', 'chain/actions/getWeightsState', 'chain/client'], standard: SUBSTRATE, via: `${INIT}; \`storageAt\` (the block's registry)` },
  { method: 'state_queryStorageAt', by: ['chain/actions/getWeightsState'], standard: SUBSTRATE, via: '`storagesAt` → `api.at(hash).queryMulti(…)`: many items at one block in one call' },
  { method: 'state_subscribeStorage', by: ['chain/internal/limits'], standard: SUBSTRATE, via: '`api.query.x.y(…)` without a block hash subscribes once' },
  { method: 'state_getMetadata', by: ['chain/client'], standard: SUBSTRATE, via: INIT },
  { method: 'state_subscribeRuntimeVersion', by: ['chain/client'], standard: SUBSTRATE, via: INIT },
  { method: 'system_chain', by: ['chain/client'], standard: SUBSTRATE, via: INIT },
  { method: 'system_properties', by: ['chain/client'], standard: SUBSTRATE, via: INIT },
  { method: 'rpc_methods', by: ['chain/client'], standard: SUBSTRATE, via: INIT },
  { method: 'author_submitAndWatchExtrinsic', by: ['chain/internal/transaction'], standard: SUBSTRATE, via: '`extrinsic.signAndSend(…, onResult)`' },
  { method: 'dev_newBlock', by: ['chain/testing/devnet'], standard: 'the devnet’s manual sealing (src/node), not on subtensor nodes; tests only' },
]
