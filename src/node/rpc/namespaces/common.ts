// What the devnet's RPC namespaces share: Substrate's error-code bases, block-hash params, and the mapping of chain errors onto Substrate's client errors.
import { UnknownBlockError, RuntimeCallError } from '../../chain/errors.ts'
import type { DevnetChain, DevnetChainState } from '../../chain/chain.ts'
import type { Hex } from '../../chain/header.ts'
import { RpcError } from '../errors.ts'
import type { Params } from '../params.ts'

/** `sc_rpc_api::error::base`: each namespace's errors count up from its base. */
export const ERROR_BASE = { author: 1000, system: 2000, chain: 3000, state: 4000, dev: 6000 } as const

/** Substrate's state API answers client errors with base + 3 (`state::error::Error::Client`). */
export const STATE_CLIENT_ERROR = ERROR_BASE.state + 3

/** An optional block hash param (`Option<Hash>`): 32 bytes of hex, or absent/null for the best block. */
export function optionalBlockHash(params: Params, index: number): Hex | undefined {
  return params.hex(index, { bytes: 32, optional: true })
}

/** `stateAt` with Substrate's answers: an unknown or pruned block is `4003: Client error: UnknownBlock: …`. */
export function stateAt(chain: DevnetChain, at: Hex | undefined): DevnetChainState {
  try {
    return chain.stateAt(at)
  } catch (error) {
    throw clientError(error, STATE_CLIENT_ERROR)
  }
}

/**
 * A chain error as Substrate's RPC wraps client errors (`Client error: <sp_blockchain::Error>`): unknown blocks as
 * `UnknownBlock: …`, runtime failures as `Execution failed: …`. Anything else is left to become -32603.
 */
export function clientError(error: unknown, code: number): unknown {
  if (error instanceof UnknownBlockError) return new RpcError(code, `Client error: UnknownBlock: ${error.message}`)
  if (error instanceof RuntimeCallError) return new RpcError(code, `Client error: Execution failed: ${error.message}`)
  return error
}
