// The `chainSpec_v1_*` namespace of the new JSON-RPC spec (paritytech/json-rpc-interface-spec): the chain's name, genesis hash and properties.
import type { DevnetChain } from '../../chain/chain.ts'
import { CHAIN_NAME, CHAIN_PROPERTIES } from '../../chain/genesis.ts'
import type { RpcMethods } from '../methods.ts'

export function registerChainSpecMethods(methods: RpcMethods, chain: DevnetChain): void {
  methods
    .add('chainSpec_v1_chainName', () => CHAIN_NAME)
    .add('chainSpec_v1_genesisHash', () => chain.genesisHash)
    .add('chainSpec_v1_properties', () => ({ ...CHAIN_PROPERTIES }))
}
