// webtensor's chain client, the package entry point: createChainClient, one function per read or write, the errors they throw, and units.

export { createChainClient, watchNewHeads, watchFinalizedHead, assertSubtensorChain, chainPropertiesOf, SUBTENSOR_PALLET } from './client.ts'
export type { ChainClient, ChainStatus, ChainProperties, CreateChainClientParameters, Head } from './client.ts'
export { NETWORKS, DEFAULT_NETWORK, isNetworkId, parseEndpoint, endpointOf } from './networks.ts'
export type { Network, NetworkId, EndpointCheck } from './networks.ts'
export { createWsProvider } from './providers/ws.ts'

export type { At, Hex } from './internal/read.ts'
export type { Axon, DynamicInfo, SubnetIdentity } from './internal/decode.ts'
export type { SwapQuote } from './internal/swap.ts'
export type { ChainSigner, ChainEvent, PreparedTransaction, SendOptions, TransactionResult, TransactionStatus } from './internal/transaction.ts'
export { DEFAULT_TOLERANCE, limitPriceAbove, limitPriceBelow } from './internal/limits.ts'

export {
  ALPHA_SYMBOL,
  DECIMALS,
  RAO_PER_TAO,
  SS58_PREFIX,
  TAO_SYMBOL,
  assertAddress,
  assertAmount,
  checkSs58,
  formatAlpha,
  formatAmount,
  formatTao,
  formatUnits,
  isAddress,
  parseAlpha,
  parseTao,
  parseUnits,
  priceToNumber,
  raoToNumber,
} from './units.ts'
export type { FormatOptions } from './units.ts'

export { WebtensorError } from './errors/base.ts'
export type { WebtensorErrorParameters, WebtensorErrorType } from './errors/base.ts'
export { ExtrinsicFailedError, SignatureRejectedError, TransactionDroppedError, TransactionInvalidError, errorNameToWords } from './errors/extrinsic.ts'
export type { ExtrinsicFailedErrorType, SignatureRejectedErrorType, TransactionDroppedErrorType, TransactionInvalidErrorType } from './errors/extrinsic.ts'
export { BlockNotFoundError, InsufficientBalanceError, InvalidAddressError, InvalidAmountError, InvalidToleranceError, SubnetNotFoundError } from './errors/input.ts'
export type {
  BlockNotFoundErrorType,
  InsufficientBalanceErrorType,
  InvalidAddressErrorType,
  InvalidAmountErrorType,
  InvalidToleranceErrorType,
  SubnetNotFoundErrorType,
} from './errors/input.ts'
export { ChainDisconnectedError, ClientClosedError, NotASubtensorChainError, RuntimeApiMissingError } from './errors/transport.ts'
export type { ChainDisconnectedErrorType, ClientClosedErrorType, NotASubtensorChainErrorType, RuntimeApiMissingErrorType } from './errors/transport.ts'

// reads
export { getAlphaPrice } from './actions/getAlphaPrice.ts'
export type { GetAlphaPriceErrorType, GetAlphaPriceParameters, GetAlphaPriceReturnType } from './actions/getAlphaPrice.ts'
export { getBalance } from './actions/getBalance.ts'
export type { GetBalanceErrorType, GetBalanceParameters, GetBalanceReturnType } from './actions/getBalance.ts'
export { getBlock } from './actions/getBlock.ts'
export type { Block, BlockEvent, BlockExtrinsic, DecodedCall, GetBlockErrorType, GetBlockParameters, GetBlockReturnType } from './actions/getBlock.ts'
export { getCommitments } from './actions/getCommitments.ts'
export type { Commitment, CommitmentField, GetCommitmentsErrorType, GetCommitmentsParameters, GetCommitmentsReturnType } from './actions/getCommitments.ts'
export { getDelegates } from './actions/getDelegates.ts'
export type { Delegate, GetDelegatesErrorType, GetDelegatesParameters, GetDelegatesReturnType } from './actions/getDelegates.ts'
export { getDynamicInfo } from './actions/getDynamicInfo.ts'
export type { GetDynamicInfoErrorType, GetDynamicInfoParameters, GetDynamicInfoReturnType } from './actions/getDynamicInfo.ts'
export { getEmissionHistory } from './actions/getEmissionHistory.ts'
export type { EpochEmission, GetEmissionHistoryErrorType, GetEmissionHistoryParameters, GetEmissionHistoryReturnType } from './actions/getEmissionHistory.ts'
export { getHeader } from './actions/getHeader.ts'
export type { GetHeaderErrorType, GetHeaderParameters, GetHeaderReturnType } from './actions/getHeader.ts'
export { getMetagraph, decodeMetagraph } from './actions/getMetagraph.ts'
export type { GetMetagraphErrorType, GetMetagraphParameters, GetMetagraphReturnType, Hyperparameters, MetagraphHeader, MetagraphRow } from './actions/getMetagraph.ts'
export { getNeuronsLite } from './actions/getNeuronsLite.ts'
export type { GetNeuronsLiteErrorType, GetNeuronsLiteParameters, GetNeuronsLiteReturnType, NeuronLite } from './actions/getNeuronsLite.ts'
export { getRecentBlocks } from './actions/getRecentBlocks.ts'
export type { GetRecentBlocksErrorType, GetRecentBlocksParameters, GetRecentBlocksReturnType } from './actions/getRecentBlocks.ts'
export { getRegistrationCost } from './actions/getRegistrationCost.ts'
export type { GetRegistrationCostErrorType, GetRegistrationCostParameters, GetRegistrationCostReturnType } from './actions/getRegistrationCost.ts'
export { getStakeInfo } from './actions/getStakeInfo.ts'
export type { GetStakeInfoErrorType, GetStakeInfoParameters, GetStakeInfoReturnType, StakePosition } from './actions/getStakeInfo.ts'
export { getSubnets } from './actions/getSubnets.ts'
export type { GetSubnetsErrorType, GetSubnetsParameters, GetSubnetsReturnType, Subnet } from './actions/getSubnets.ts'
export { getWeightsState } from './actions/getWeightsState.ts'
export type { GetWeightsStateErrorType, GetWeightsStateParameters, GetWeightsStateReturnType, WeightsCommit } from './actions/getWeightsState.ts'
export { simSwapAlphaForTao } from './actions/simSwapAlphaForTao.ts'
export type { SimSwapAlphaForTaoErrorType, SimSwapAlphaForTaoParameters, SimSwapAlphaForTaoReturnType } from './actions/simSwapAlphaForTao.ts'
export { simSwapTaoForAlpha } from './actions/simSwapTaoForAlpha.ts'
export type { SimSwapTaoForAlphaErrorType, SimSwapTaoForAlphaParameters, SimSwapTaoForAlphaReturnType } from './actions/simSwapTaoForAlpha.ts'

// writes
export { addStakeLimit } from './actions/addStakeLimit.ts'
export type { AddStakeLimitErrorType, AddStakeLimitParameters, AddStakeLimitReturnType } from './actions/addStakeLimit.ts'
export { burnedRegister } from './actions/burnedRegister.ts'
export type { BurnedRegisterErrorType, BurnedRegisterParameters, BurnedRegisterReturnType } from './actions/burnedRegister.ts'
export { moveStake } from './actions/moveStake.ts'
export type { MoveStakeErrorType, MoveStakeParameters, MoveStakeReturnType } from './actions/moveStake.ts'
export { registerLimit } from './actions/registerLimit.ts'
export type { RegisterLimitErrorType, RegisterLimitParameters, RegisterLimitReturnType } from './actions/registerLimit.ts'
export { registerNetwork } from './actions/registerNetwork.ts'
export type { RegisterNetworkErrorType, RegisterNetworkParameters, RegisterNetworkReturnType } from './actions/registerNetwork.ts'
export { removeStakeLimit } from './actions/removeStakeLimit.ts'
export type { RemoveStakeLimitErrorType, RemoveStakeLimitParameters, RemoveStakeLimitReturnType } from './actions/removeStakeLimit.ts'
export { commitWeights } from './actions/commitWeights.ts'
export type { CommitWeightsErrorType, CommitWeightsParameters, CommitWeightsReturnType } from './actions/commitWeights.ts'
export { revealWeights } from './actions/revealWeights.ts'
export type { RevealWeightsErrorType, RevealWeightsParameters, RevealWeightsReturnType } from './actions/revealWeights.ts'
export { setWeights } from './actions/setWeights.ts'
export type { SetWeightsErrorType, SetWeightsParameters, SetWeightsReturnType } from './actions/setWeights.ts'
export { setCommitment } from './actions/setCommitment.ts'
export type { SetCommitmentErrorType, SetCommitmentParameters, SetCommitmentReturnType } from './actions/setCommitment.ts'
export { startCall } from './actions/startCall.ts'
export type { StartCallErrorType, StartCallParameters, StartCallReturnType } from './actions/startCall.ts'
export { swapStakeLimit } from './actions/swapStakeLimit.ts'
export type { SwapStakeLimitErrorType, SwapStakeLimitParameters, SwapStakeLimitReturnType } from './actions/swapStakeLimit.ts'
export { transfer } from './actions/transfer.ts'
export type { TransferErrorType, TransferParameters, TransferReturnType } from './actions/transfer.ts'
export { transferStake } from './actions/transferStake.ts'
export type { TransferStakeErrorType, TransferStakeParameters, TransferStakeReturnType } from './actions/transferStake.ts'
