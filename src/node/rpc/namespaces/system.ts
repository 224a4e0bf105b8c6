// The `system_*` namespace: the node's and chain's identity, health and sync state of a lone authority, and the next account nonce counting the pool.
import { isHex, hexToU8a } from '@polkadot/util'
import { decodeAddress } from '@polkadot/util-crypto'
import type { DevnetChain } from '../../chain/chain.ts'
import { CHAIN_NAME, CHAIN_PROPERTIES, CHAIN_TYPE, NODE_NAME } from '../../chain/genesis.ts'
import { RuntimeCallError } from '../../chain/errors.ts'
import { RpcError } from '../errors.ts'
import type { RpcMethods } from '../methods.ts'
import type { Params } from '../params.ts'

export type NodeIdentity = {
  /** `system_version`. */
  version: string
  /** Multiaddresses the node listens on for peers: the relay's (none without one). */
  listenAddresses?: () => string[]
  /** The node's libp2p peer id: the relay's when it runs (default: the fixed devnet node key's). */
  peerId?: () => string
}

export function registerSystemMethods(methods: RpcMethods, chain: DevnetChain, node: NodeIdentity): void {
  methods
    .add('system_name', () => NODE_NAME)
    .add('system_version', () => node.version)
    .add('system_chain', () => CHAIN_NAME)
    .add('system_chainType', () => CHAIN_TYPE)
    .add('system_properties', () => ({ ...CHAIN_PROPERTIES }))
    // A single authority: nobody to sync from, nobody expected.
    .add('system_health', () => ({ peers: 0, isSyncing: false, shouldHavePeers: false }))
    .add('system_localPeerId', () => node.peerId?.() ?? chain.keys.nodeKey.peerId)
    .add('system_localListenAddresses', () => node.listenAddresses?.() ?? [])
    .add('system_peers', () => [])
    .add('system_nodeRoles', () => ['Authority'])
    .add('system_syncState', () => {
      const best = chain.head().number
      return { startingBlock: 0, currentBlock: best, highestBlock: best }
    })
    .add(
      'system_accountNextIndex',
      (params) => {
        const account = accountId(params, 0)
        try {
          return chain.accountNextIndex(account)
        } catch (error) {
          // substrate-frame-rpc-system: a failed AccountNonceApi call is code 1 (`Error::RuntimeError`).
          if (error instanceof RuntimeCallError) throw new RpcError(1, 'Unable to query nonce.', error.message)
          throw error
        }
      },
      ['account_nextIndex'],
    )
}

/** An `AccountId32` param: SS58 (any network prefix) as polkadot-js sends it, or 32 bytes of 0x-hex. */
export function accountId(params: Params, index: number): Uint8Array {
  const value = params.get(index)
  const what = 'an SS58 address or a 32-byte 0x-hex account id'
  if (typeof value !== 'string') throw params.invalid(index, what)
  if (isHex(value)) {
    if (value.length !== 66) throw params.invalid(index, what)
    return hexToU8a(value)
  }
  let decoded: Uint8Array
  try {
    decoded = decodeAddress(value)
  } catch {
    throw params.invalid(index, what)
  }
  if (decoded.length !== 32) throw params.invalid(index, what)
  return decoded
}
