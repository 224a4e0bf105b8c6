// subtensor's custom JSON-RPC methods (`delegateInfo_*`, `neuronInfo_*`, `subnetInfo_*`, `stakeInfo_*`, `swap_*`): thin aliases of its runtime APIs at a block
// (best by default), answering as subtensor's node does — mostly the SCALE encoding of the API's result as a JSON array of bytes (`Vec<u8>`).
// From pallets/subtensor/rpc/src/lib.rs and pallets/swap/rpc/src/lib.rs @ 14bc6f9 (names, params, result encodings, error texts).
import { decodeAddress } from '@polkadot/util-crypto'
import { hexToU8a, u8aConcat } from '@polkadot/util'
import type { DevnetChain } from '../../chain/chain.ts'
import { RuntimeCallError, UnknownBlockError } from '../../chain/errors.ts'
import { Vec, struct, u16, u64, u8 } from '../../../runtime/primitives/types.ts'
import { RpcError } from '../errors.ts'
import type { RpcMethods } from '../methods.ts'
import type { Params } from '../params.ts'
import { optionalBlockHash } from './common.ts'

/** `Error::RuntimeError` of both RPC crates: code 1, the text as the message. */
const RUNTIME_ERROR = 1
const U64_MAX = (1n << 64n) - 1n
/** `pallet_subtensor_swap_runtime_api::SubnetPrice` (declared here too: the node does not load the runtime's modules). */
const SubnetPrice = struct('pallet_subtensor_swap_runtime_api::SubnetPrice', { netuid: u16, price: u64 })

/** The names subtensor's node serves (the ones whose runtime APIs the devnet has), for listings and tests. */
export const SUBTENSOR_RPC_METHODS = [
  'delegateInfo_getDelegates',
  'delegateInfo_getDelegate',
  'delegateInfo_getDelegated',
  'neuronInfo_getNeuronsLite',
  'neuronInfo_getNeuronLite',
  'neuronInfo_getNeurons',
  'neuronInfo_getNeuron',
  'subnetInfo_getSubnetInfo',
  'subnetInfo_getSubnetsInfo',
  'subnetInfo_getSubnetInfo_v2',
  'subnetInfo_getSubnetsInfo_v2',
  'subnetInfo_getSubnetHyperparams',
  'subnetInfo_getSubnetHyperparamsV2',
  'subnetInfo_getAllDynamicInfo',
  'subnetInfo_getDynamicInfo',
  'subnetInfo_getAllMetagraphs',
  'subnetInfo_getMetagraph',
  'subnetInfo_getAllMechagraphs',
  'subnetInfo_getMechagraph',
  'subnetInfo_getSubnetState',
  'subnetInfo_getLockCost',
  'subnetInfo_getSelectiveMetagraph',
  'subnetInfo_getSelectiveMechagraph',
  'subnetInfo_getSubnetAccountId',
  'stakeInfo_getColdkeyLock',
  'swap_currentAlphaPrice',
  'swap_currentAlphaPriceAll',
  'swap_simSwapTaoForAlpha',
  'swap_simSwapAlphaForTao',
] as const

export function registerSubtensorMethods(methods: RpcMethods, chain: DevnetChain): void {
  /** Runs `<api>_<method>(args)` at the optional block hash param `atIndex`; a failure is `1: "<failure>: <reason>"`. */
  const call = (params: Params, atIndex: number, method: string, failure: string | ((reason: string) => string), ...args: Uint8Array[]): Uint8Array => {
    const at = optionalBlockHash(params, atIndex)
    try {
      return chain.callRuntime(method, u8aConcat(...args), at)
    } catch (error) {
      const reason = apiErrorDebug(error)
      if (reason === undefined) throw error
      throw new RpcError(RUNTIME_ERROR, typeof failure === 'string' ? `${failure}: ${reason}` : failure(reason))
    }
  }
  const bytes = (encoded: Uint8Array): number[] => Array.from(encoded)
  const delegates = 'Unable to get delegates info'
  const dynamic = 'Unable to get dynamic subnets info'
  const neuronsLite = 'Unable to get neurons lite info'
  const subnet = 'Unable to get subnet info'
  const subnets = 'Unable to get subnets info'
  const selective = 'Unable to get selective metagraph'

  methods
    .add('delegateInfo_getDelegates', (params) => bytes(call(params, 0, 'DelegateInfoRuntimeApi_get_delegates', delegates)))
    .add('delegateInfo_getDelegate', (params) => bytes(call(params, 1, 'DelegateInfoRuntimeApi_get_delegate', delegates, accountFromVec(params, 0, delegates))))
    .add('delegateInfo_getDelegated', (params) => bytes(call(params, 1, 'DelegateInfoRuntimeApi_get_delegated', delegates, accountFromVec(params, 0, delegates))))
    .add('neuronInfo_getNeuronsLite', (params) => bytes(call(params, 1, 'NeuronInfoRuntimeApi_get_neurons_lite', neuronsLite, netuid(params, 0))))
    .add('neuronInfo_getNeuronLite', (params) => bytes(call(params, 2, 'NeuronInfoRuntimeApi_get_neuron_lite', neuronsLite, netuid(params, 0), uid(params, 1))))
    .add('neuronInfo_getNeurons', (params) => bytes(call(params, 1, 'NeuronInfoRuntimeApi_get_neurons', 'Unable to get neurons info', netuid(params, 0))))
    .add('neuronInfo_getNeuron', (params) => bytes(call(params, 2, 'NeuronInfoRuntimeApi_get_neuron', 'Unable to get neuron info', netuid(params, 0), uid(params, 1))))
    .add('subnetInfo_getSubnetInfo', (params) => bytes(call(params, 1, 'SubnetInfoRuntimeApi_get_subnet_info', subnet, netuid(params, 0))))
    .add('subnetInfo_getSubnetsInfo', (params) => bytes(call(params, 0, 'SubnetInfoRuntimeApi_get_subnets_info', subnets)))
    .add('subnetInfo_getSubnetInfo_v2', (params) => bytes(call(params, 1, 'SubnetInfoRuntimeApi_get_subnet_info_v2', subnet, netuid(params, 0))))
    .add('subnetInfo_getSubnetsInfo_v2', (params) => bytes(call(params, 0, 'SubnetInfoRuntimeApi_get_subnets_info_v2', subnets)))
    .add('subnetInfo_getSubnetHyperparams', (params) => bytes(call(params, 1, 'SubnetInfoRuntimeApi_get_subnet_hyperparams', subnet, netuid(params, 0))))
    .add('subnetInfo_getSubnetHyperparamsV2', (params) => bytes(call(params, 1, 'SubnetInfoRuntimeApi_get_subnet_hyperparams_v2', subnet, netuid(params, 0))))
    // subtensor's texts, typos included
    .add('subnetInfo_getAllMetagraphs', (params) => bytes(call(params, 0, 'SubnetInfoRuntimeApi_get_all_metagraphs', 'Unable to get metagraps')))
    .add('subnetInfo_getMetagraph', (params) => bytes(call(params, 1, 'SubnetInfoRuntimeApi_get_metagraph', dynamic, netuid(params, 0))))
    .add('subnetInfo_getAllMechagraphs', (params) => bytes(call(params, 0, 'SubnetInfoRuntimeApi_get_all_mechagraphs', 'Unable to get metagraps')))
    .add('subnetInfo_getMechagraph', (params) => bytes(call(params, 2, 'SubnetInfoRuntimeApi_get_mechagraph', dynamic, netuid(params, 0), mecid(params, 1))))
    .add('subnetInfo_getSubnetState', (params) => bytes(call(params, 1, 'SubnetInfoRuntimeApi_get_subnet_state', 'Unable to get subnet state info', netuid(params, 0))))
    .add('subnetInfo_getSelectiveMetagraph', (params) =>
      bytes(call(params, 2, 'SubnetInfoRuntimeApi_get_selective_metagraph', selective, netuid(params, 0), u16s(params, 1))),
    )
    .add('subnetInfo_getSelectiveMechagraph', (params) =>
      bytes(call(params, 3, 'SubnetInfoRuntimeApi_get_selective_mechagraph', selective, netuid(params, 0), mecid(params, 1), u16s(params, 2))),
    )
    .add('subnetInfo_getAllDynamicInfo', (params) => bytes(call(params, 0, 'SubnetInfoRuntimeApi_get_all_dynamic_info', dynamic)))
    .add('subnetInfo_getDynamicInfo', (params) => bytes(call(params, 1, 'SubnetInfoRuntimeApi_get_dynamic_info', dynamic, netuid(params, 0))))
    // `RpcResult<TaoBalance>`: a JSON number
    .add('subnetInfo_getLockCost', (params) => jsonU64(u64.dec(call(params, 0, 'SubnetRegistrationRuntimeApi_get_network_registration_cost', 'Unable to get subnet lock cost'))))
    // any runtime failure is reported as "Subnet does not exist" (a missing subnet itself answers None, i.e. [0])
    .add('subnetInfo_getSubnetAccountId', (params) => bytes(call(params, 1, 'SubnetInfoRuntimeApi_get_subnet_account_id', () => 'Subnet does not exist', netuid(params, 0))))
    .add('stakeInfo_getColdkeyLock', (params) => bytes(call(params, 2, 'StakeInfoRuntimeApi_get_coldkey_lock', 'Unable to get coldkey lock', accountId(params, 0), netuid(params, 1))))
    // `RpcResult<u64>` and `RpcResult<Vec<SubnetPrice>>` (serde: `{ netuid, price }`)
    .add('swap_currentAlphaPrice', (params) => jsonU64(u64.dec(call(params, 1, 'SwapRuntimeApi_current_alpha_price', 'Unable to get current alpha price', netuid(params, 0)))))
    .add('swap_currentAlphaPriceAll', (params) =>
      Vec(SubnetPrice)
        .dec(call(params, 0, 'SwapRuntimeApi_current_alpha_price_all', 'Unable to get all current alpha prices'))
        .map((p) => ({ netuid: p.netuid, price: jsonU64(p.price) })),
    )
    .add('swap_simSwapTaoForAlpha', (params) => bytes(call(params, 2, 'SwapRuntimeApi_sim_swap_tao_for_alpha', 'Unable to simulate tao -> alpha swap', netuid(params, 0), amount(params, 1))))
    .add('swap_simSwapAlphaForTao', (params) => bytes(call(params, 2, 'SwapRuntimeApi_sim_swap_alpha_for_tao', 'Unable to simulate alpha -> tao swap', netuid(params, 0), amount(params, 1))))
}

/** A `NetUid` param: serde's u16, a JSON integer 0..=65535. */
function netuid(params: Params, index: number): Uint8Array {
  const v = params.get(index)
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 0xffff) throw params.invalid(index, 'a netuid (an unsigned 16-bit integer)')
  return u16.enc(v)
}

/** A `u16` param (a uid): a JSON integer 0..=65535. */
function uid(params: Params, index: number): Uint8Array {
  const v = params.get(index)
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 0xffff) throw params.invalid(index, 'an unsigned 16-bit integer')
  return u16.enc(v)
}

/** A `MechId` param: serde's u8, a JSON integer 0..=255. */
function mecid(params: Params, index: number): Uint8Array {
  const v = params.get(index)
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 0xff) throw params.invalid(index, 'a mechanism id (an unsigned 8-bit integer)')
  return u8.enc(v)
}

/** A `Vec<u16>` param (metagraph indexes): a JSON array of integers 0..=65535. */
function u16s(params: Params, index: number): Uint8Array {
  const v = params.get(index)
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= 0xffff)) throw params.invalid(index, 'an array of unsigned 16-bit integers')
  return Vec(u16).enc(v as number[])
}

/** A `TaoBalance` / `AlphaBalance` param: serde's u64, a JSON integer. */
function amount(params: Params, index: number): Uint8Array {
  const v = params.get(index)
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || BigInt(v) > U64_MAX) throw params.invalid(index, 'an unsigned 64-bit integer')
  return u64.enc(BigInt(v))
}

/** An `AccountId32` param: serde reads an SS58 address (a 0x-hex public key is accepted too). */
function accountId(params: Params, index: number): Uint8Array {
  const v = params.get(index)
  if (typeof v === 'string') {
    try {
      const key = /^0x[0-9a-fA-F]{64}$/.test(v) ? hexToU8a(v) : decodeAddress(v)
      if (key.length === 32) return key
    } catch {
      // refused below
    }
  }
  throw params.invalid(index, 'an SS58 address')
}

/**
 * A `Vec<u8>` param holding an encoded AccountId32 (a JSON array of bytes; a 0x-hex string is accepted too). Like the node, the first
 * 32 bytes are the account (`AccountId32::decode`) and fewer are refused with the failure text as a runtime error.
 */
function accountFromVec(params: Params, index: number, failure: string): Uint8Array {
  const v = params.get(index)
  let bytes: Uint8Array | undefined
  if (Array.isArray(v) && v.every((b) => typeof b === 'number' && Number.isInteger(b) && b >= 0 && b <= 255)) bytes = Uint8Array.from(v as number[])
  else if (typeof v === 'string' && /^0x(?:[0-9a-fA-F]{2})*$/.test(v)) bytes = hexToU8a(v)
  if (bytes === undefined) throw params.invalid(index, 'an array of bytes')
  if (bytes.length < 32) throw new RpcError(RUNTIME_ERROR, `${failure}: Error { cause: None, desc: "Not enough data to fill buffer" }`)
  return bytes.slice(0, 32)
}

/** A u64 as serde_json writes it: a JSON number (exact up to 2^53, which balances and prices here stay below). */
const jsonU64 = (v: bigint): number => Number(v)

/** sp_api's `ApiError` as the node's `{e:?}` prints it, for the failures the chain reports; undefined for anything else. */
function apiErrorDebug(error: unknown): string | undefined {
  if (error instanceof UnknownBlockError) return `UnknownBlock(${JSON.stringify(error.message)})`
  if (error instanceof RuntimeCallError) return `Application(${JSON.stringify(error.message)})`
  return undefined
}
