// The `author_*` namespace: submitting and watching extrinsics, the pending ones, removing them, and every refusal as Substrate's author API codes and words it.
import { hexToU8a, u8aToHex } from '@polkadot/util'
import { blake2AsHex } from '@polkadot/util-crypto'
import type { DevnetChain } from '../../chain/chain.ts'
import { TransactionRefused, type Refusal } from '../../chain/errors.ts'
import type { Hex } from '../../chain/header.ts'
import { RpcError } from '../errors.ts'
import type { RpcMethods } from '../methods.ts'
import type { Params } from '../params.ts'
import { ERROR_BASE } from './common.ts'

/** `sc_rpc_api::author::error`: the author base, then the pool's codes from base + 10. */
export const AUTHOR_ERROR = {
  badFormat: ERROR_BASE.author + 1,
  verification: ERROR_BASE.author + 2,
  invalidTransaction: ERROR_BASE.author + 10,
  unknownValidity: ERROR_BASE.author + 11,
  temporarilyBanned: ERROR_BASE.author + 12,
  alreadyImported: ERROR_BASE.author + 13,
  tooLowPriority: ERROR_BASE.author + 14,
  cycleDetected: ERROR_BASE.author + 15,
  immediatelyDropped: ERROR_BASE.author + 16,
  noTags: ERROR_BASE.author + 19,
} as const

export function registerAuthorMethods(methods: RpcMethods, chain: DevnetChain): void {
  methods
    .add('author_submitExtrinsic', (params) => {
      try {
        return chain.submitExtrinsic(hexToU8a(params.hex(0))).hash
      } catch (error) {
        throw authorError(error)
      }
    })
    .add('author_pendingExtrinsics', () => chain.pendingExtrinsics().map((xt) => u8aToHex(xt)))
    .add('author_removeExtrinsic', (params) => chain.removeExtrinsics(extrinsicsOrHashes(params)))

  methods.addSubscription({
    subscribe: 'author_submitAndWatchExtrinsic',
    unsubscribe: 'author_unwatchExtrinsic',
    notification: 'author_extrinsicUpdate',
    start(params, sink) {
      const extrinsic = hexToU8a(params.hex(0))
      let submitted
      try {
        // Terminal statuses end the subscription, as Substrate's watcher stream ends after them.
        submitted = chain.submitExtrinsic(extrinsic, (status) => {
          sink.next(status)
          const terminal = typeof status === 'object' ? !('inBlock' in status) : status === 'dropped' || status === 'invalid'
          if (terminal) sink.close()
        })
      } catch (error) {
        throw authorError(error)
      }
      return submitted.unwatch
    },
  })
}

/** A refused transaction as Substrate's author API answers it; anything else is left to become -32603. */
export function authorError(error: unknown): unknown {
  if (!(error instanceof TransactionRefused)) return error
  return refusalError(error.refusal, error.hash)
}

function refusalError(refusal: Refusal, hash: Hex | undefined): RpcError {
  switch (refusal.kind) {
    case 'verification':
      return new RpcError(AUTHOR_ERROR.verification, `Verification Error: ${refusal.message}`, refusal.message)
    case 'validity': {
      const { kind, variant, message } = refusal.invalid
      if (kind === 'BadFormat') return new RpcError(AUTHOR_ERROR.badFormat, `Extrinsic has invalid format: ${message}`)
      // `UnknownTransaction` is shown with its Debug name, `InvalidTransaction` with its description.
      if (kind === 'Unknown') return new RpcError(AUTHOR_ERROR.unknownValidity, 'Unknown Transaction Validity', variant)
      return new RpcError(AUTHOR_ERROR.invalidTransaction, 'Invalid Transaction', message)
    }
    case 'pool':
      switch (refusal.code) {
        case 'TemporarilyBanned':
          return new RpcError(AUTHOR_ERROR.temporarilyBanned, 'Transaction is temporarily banned')
        case 'AlreadyImported':
          return new RpcError(AUTHOR_ERROR.alreadyImported, 'Transaction Already Imported', hash)
        case 'TooLowPriority':
          return new RpcError(
            AUTHOR_ERROR.tooLowPriority,
            refusal.message,
            'The transaction has too low priority to replace another transaction already in the pool.',
          )
        case 'CycleDetected':
          return new RpcError(AUTHOR_ERROR.cycleDetected, 'Cycle Detected')
        case 'ImmediatelyDropped':
          return new RpcError(AUTHOR_ERROR.immediatelyDropped, 'Immediately Dropped', "The transaction couldn't enter the pool because of the limit")
        case 'NoTagsProvided':
          return new RpcError(AUTHOR_ERROR.noTags, 'No tags provided', "Transaction does not provide any tags, so the pool can't identify it")
      }
  }
}

/** `Vec<ExtrinsicOrHash>`: each `{ "hash": "0x…" }` or `{ "extrinsic": "0x…" }` (hashed as the pool hashes it). */
function extrinsicsOrHashes(params: Params): Hex[] {
  const list = params.get(0)
  const what = 'an array of { "hash": "0x…" } or { "extrinsic": "0x…" }'
  if (!Array.isArray(list)) throw params.invalid(0, what)
  return list.map((item) => {
    const hex = /^0x(?:[0-9a-fA-F]{2})*$/
    if (typeof item === 'object' && item !== null && Object.keys(item).length === 1) {
      const { hash, extrinsic } = item as { hash?: unknown; extrinsic?: unknown }
      if (typeof hash === 'string' && hex.test(hash) && hash.length === 66) return hash.toLowerCase() as Hex
      if (typeof extrinsic === 'string' && hex.test(extrinsic)) return blake2AsHex(hexToU8a(extrinsic), 256) as Hex
    }
    throw params.invalid(0, what)
  })
}
