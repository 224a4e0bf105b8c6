// The `chain_*` namespace: block hashes, headers and bodies, the finalized head, and the head subscriptions, with Substrate's names, aliases and answers.
import { u8aToHex } from '@polkadot/util'
import type { DevnetChain } from '../../chain/chain.ts'
import { headerToJson, type Hex } from '../../chain/header.ts'
import { RpcError } from '../errors.ts'
import type { RpcMethods } from '../methods.ts'
import type { Params } from '../params.ts'
import { ERROR_BASE, optionalBlockHash } from './common.ts'

const U32_MAX = 0xffff_ffff

export function registerChainMethods(methods: RpcMethods, chain: DevnetChain): void {
  methods
    .add('chain_getHeader', (params) => {
      const block = chain.blockRecord(optionalBlockHash(params, 0) ?? chain.head().hash)
      return block ? headerToJson(block.header) : null
    })
    .add('chain_getBlock', (params) => {
      const block = chain.block(optionalBlockHash(params, 0) ?? chain.head().hash)
      if (!block) return null
      // `SignedBlock`: the body holds each extrinsic's exact bytes; the devnet makes no Grandpa justifications.
      return { block: { header: headerToJson(block.header), extrinsics: block.body.map((xt) => u8aToHex(xt)) }, justifications: null }
    })
    .add(
      'chain_getBlockHash',
      (params) => {
        const arg = params.get(0)
        if (arg === undefined || arg === null) return chain.head().hash
        if (Array.isArray(arg)) return arg.map((item) => hashOfNumber(chain, params, item))
        return hashOfNumber(chain, params, arg)
      },
      ['chain_getHead'],
    )
    .add('chain_getFinalizedHead', () => chain.finalized().hash, ['chain_getFinalisedHead'])

  // Each subscription sends the current header first, as Substrate's `subscribe_headers` does.
  methods.addSubscription({
    subscribe: 'chain_subscribeNewHeads',
    aliases: ['subscribe_newHead', 'chain_subscribeNewHead'],
    unsubscribe: ['chain_unsubscribeNewHeads', 'unsubscribe_newHead', 'chain_unsubscribeNewHead'],
    notification: 'chain_newHead',
    start(_params, sink) {
      sink.next(headerToJson(chain.head().header))
      return chain.onBlock((block) => sink.next(headerToJson(block.header)))
    },
  })
  // Without forks, every imported block is also the new best block.
  methods.addSubscription({
    subscribe: 'chain_subscribeAllHeads',
    unsubscribe: 'chain_unsubscribeAllHeads',
    notification: 'chain_allHead',
    start(_params, sink) {
      sink.next(headerToJson(chain.head().header))
      return chain.onBlock((block) => sink.next(headerToJson(block.header)))
    },
  })
  methods.addSubscription({
    subscribe: 'chain_subscribeFinalizedHeads',
    aliases: ['chain_subscribeFinalisedHeads'],
    unsubscribe: ['chain_unsubscribeFinalizedHeads', 'chain_unsubscribeFinalisedHeads'],
    notification: 'chain_finalizedHead',
    start(_params, sink) {
      sink.next(headerToJson(chain.finalized().header))
      return chain.onFinalized((block) => sink.next(headerToJson(block.header)))
    },
  })
}

/**
 * One `NumberOrHex` of `chain_getBlockHash`: a JSON number, or a 0x-hex string of up to 256 bits. Numbers past u32 are
 * refused as Substrate refuses them (3001); the hash is null beyond the head.
 */
function hashOfNumber(chain: DevnetChain, params: Params, value: unknown): Hex | null {
  let number: bigint
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) number = BigInt(value)
  else if (typeof value === 'string' && /^0x[0-9a-fA-F]{1,64}$/.test(value)) number = BigInt(value)
  else throw params.invalid(0, 'a block number (a non-negative integer or 0x-hex), an array of them, or nothing')
  if (number > BigInt(U32_MAX)) {
    const shown = typeof value === 'number' ? `Number(${value})` : `Hex(${value})`
    throw new RpcError(ERROR_BASE.chain + 1, `\`${shown}\` > u32::MAX, the max block number is u32.`)
  }
  return chain.blockHash(Number(number)) ?? null
}
