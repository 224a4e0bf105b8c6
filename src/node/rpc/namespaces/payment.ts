// The `payment_*` namespace: fee quotes through the TransactionPaymentApi runtime API, its SCALE answers turned into the JSON pallet-transaction-payment-rpc returns.
import { hexToU8a, u8aConcat } from '@polkadot/util'
import type { DevnetChain } from '../../chain/chain.ts'
import { RuntimeCallError, UnknownBlockError } from '../../chain/errors.ts'
import { opaqueExtrinsicProblem } from '../../chain/opaque.ts'
import { DispatchClass, Weight } from '../../../runtime/primitives/substrate.ts'
import { Option, struct, u32, u64 } from '../../../runtime/primitives/types.ts'
import { RpcError } from '../errors.ts'
import type { RpcMethods } from '../methods.ts'
import { optionalBlockHash } from './common.ts'

/** subtensor's `Balance` is a u64 of RAO. */
const RuntimeDispatchInfo = struct('pallet_transaction_payment::types::RuntimeDispatchInfo', { weight: Weight, class: DispatchClass, partialFee: u64 })
const InclusionFee = struct('pallet_transaction_payment::types::InclusionFee', { baseFee: u64, lenFee: u64, adjustedWeightFee: u64 })
const FeeDetails = struct('pallet_transaction_payment::types::FeeDetails', { inclusionFee: Option(InclusionFee), tip: u64 })

/** pallet-transaction-payment-rpc's error codes. */
const RUNTIME_ERROR = 1
const DECODE_ERROR = 2

export function registerPaymentMethods(methods: RpcMethods, chain: DevnetChain): void {
  methods
    .add('payment_queryInfo', (params) => {
      const failure = 'Unable to query dispatch info.'
      const info = RuntimeDispatchInfo.dec(queryPayment(chain, 'TransactionPaymentApi_query_info', params.hex(0), optionalBlockHash(params, 1), failure))
      return {
        // sp_weights::Weight derives Serialize without renaming: snake_case fields.
        weight: { ref_time: rpcNumber(info.weight.refTime), proof_size: rpcNumber(info.weight.proofSize) },
        class: info.class.type.toLowerCase(),
        // `serde_balance`: the fee as a decimal string.
        partialFee: info.partialFee.toString(),
      }
    })
    .add('payment_queryFeeDetails', (params) => {
      const failure = 'Unable to query fee details.'
      const details = FeeDetails.dec(queryPayment(chain, 'TransactionPaymentApi_query_fee_details', params.hex(0), optionalBlockHash(params, 1), failure))
      const fee = details.inclusionFee
      // The tip is not serialised (`#[serde(skip)]`); balances are `NumberOrHex`.
      return {
        inclusionFee: fee === undefined ? null : { baseFee: rpcNumber(fee.baseFee), lenFee: rpcNumber(fee.lenFee), adjustedWeightFee: rpcNumber(fee.adjustedWeightFee) },
      }
    })
}

/** Calls `method(extrinsic, encoded length)` at `at`; refusals as pallet-transaction-payment-rpc words them. */
function queryPayment(chain: DevnetChain, method: string, extrinsicHex: `0x${string}`, at: `0x${string}` | undefined, failure: string): Uint8Array {
  const extrinsic = hexToU8a(extrinsicHex)
  const framing = opaqueExtrinsicProblem(extrinsic)
  if (framing !== undefined) throw new RpcError(DECODE_ERROR, failure, framing)
  try {
    return chain.callRuntime(method, u8aConcat(extrinsic, u32.enc(extrinsic.length)), at)
  } catch (error) {
    if (error instanceof RuntimeCallError) throw new RpcError(RUNTIME_ERROR, failure, error.message)
    // The runtime API instance is built at the block: sp_api's wording for one it cannot find.
    if (error instanceof UnknownBlockError) throw new RpcError(RUNTIME_ERROR, failure, `Api called for an unknown Block: ${error.message}`)
    throw error
  }
}

/** `NumberOrHex`: a JSON number while JavaScript holds it exactly, 0x-hex beyond (both are what Substrate accepts). */
function rpcNumber(value: bigint): number | string {
  return value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : `0x${value.toString(16)}`
}
