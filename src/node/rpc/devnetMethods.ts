// Every JSON-RPC method the devnet serves, gathered from its namespaces into one registry (`rpc_methods` lists them all).
import type { DevnetChain } from '../chain/chain.ts'
import { RpcMethods } from './methods.ts'
import { registerAuthorMethods } from './namespaces/author.ts'
import { registerChainMethods } from './namespaces/chain.ts'
import { registerChainHeadMethods } from './namespaces/chainHead.ts'
import { registerChainSpecMethods } from './namespaces/chainSpec.ts'
import { registerDevMethods } from './namespaces/dev.ts'
import { registerPaymentMethods } from './namespaces/payment.ts'
import { registerStateMethods } from './namespaces/state.ts'
import { registerSubtensorMethods } from './namespaces/subtensor.ts'
import { registerSystemMethods, type NodeIdentity } from './namespaces/system.ts'
import { registerTransactionMethods } from './namespaces/transaction.ts'
import { registerWebtensorMethods, type RelayInfo } from './namespaces/webtensor.ts'

export function devnetMethods(chain: DevnetChain, node: NodeIdentity, relay?: RelayInfo): RpcMethods {
  const methods = new RpcMethods()
  registerChainMethods(methods, chain)
  registerStateMethods(methods, chain)
  registerAuthorMethods(methods, chain)
  registerSystemMethods(methods, chain, node)
  registerPaymentMethods(methods, chain)
  registerDevMethods(methods, chain)
  registerChainSpecMethods(methods, chain)
  registerChainHeadMethods(methods, chain)
  registerTransactionMethods(methods, chain)
  registerSubtensorMethods(methods, chain)
  registerWebtensorMethods(methods, relay)
  return methods
}
