// A fast runtime test harness in Bittensor's words: genesis in memory, calls dispatched straight to the pallets (no signatures, no fees, no nonces), blocks stepped with their hooks.
// For pallet logic and property tests; TestChain (chain.ts) is the one to use where signing, fees and polkadot-js decoding matter.
import { hexToU8a, u8aToHex } from '@polkadot/util'
import { DispatchFailure, signed, ROOT, type Origin } from '../framework/dispatch.ts'
import { createRuntime } from '../index.ts'
import { validationBlock, type BlockExecution } from '../executive/executive.ts'
import { MemoryStorage } from '../primitives/memoryStorage.ts'
import type { StorageBackend } from '../primitives/storage.ts'
import type { Hex } from '../primitives/types.ts'
import { tao, type AccountId } from '../primitives/bittensor.ts'
import { Account, Digest } from '../pallets/system/storage.ts'
import { TotalIssuance } from '../pallets/balances/index.ts'
import { dev, pub } from './chain.ts'

export type CallOutcome = { ok: true; events: Array<{ pallet: string; name: string; value: unknown }> } | { ok: false; error: string }

/** 32-byte test accounts from a label: `account(7)` → 0x0707…07. */
export const account = (n: number): AccountId => `0x${n.toString(16).padStart(2, '0').repeat(32)}` as AccountId

export class TestExt {
  readonly state: MemoryStorage
  #block!: BlockExecution
  number = 0
  readonly author: AccountId = pub(dev.one) as AccountId

  constructor(balances: Array<[Hex, bigint]>) {
    const genesis = createRuntime().genesisStorage({
      balances,
      sudoKey: pub(dev.alice),
      auraAuthorities: [this.author],
      grandpaAuthorities: [`0x${'11'.repeat(32)}`],
      slotDurationMs: 12_000n,
    })
    this.state = new MemoryStorage([...genesis].map(([k, v]) => [hexToU8a(k), hexToU8a(v)] as const))
    this.#open()
  }

  /** The storage calls write to (the current block's overlay). */
  get storage(): StorageBackend {
    return this.#block.storage
  }

  /** Starts block `number + 1` on the committed state: on_initialize hooks run, and its Aura digest names `author`. */
  #open() {
    const chain = { genesisHash: `0x${'00'.repeat(32)}` as Hex, parentNumber: this.number, parentHash: `0x${'00'.repeat(32)}` as Hex, blockHash: () => undefined }
    this.#block = validationBlock(this.state, chain)
    const slot = new Uint8Array(8)
    new DataView(slot.buffer).setBigUint64(0, BigInt(this.number + 1), true)
    Digest.set(this.#block.storage, { logs: [{ type: 'PreRuntime', value: ['0x61757261', slot] }] } as never)
  }

  /** Commits the current block and opens the next one, `n` times. */
  stepBlocks(n = 1): this {
    for (let i = 0; i < n; i++) {
      for (const [k, v] of this.#block.storage.changes()) this.state.set(hexToU8a(k), v)
      this.number += 1
      this.#open()
    }
    return this
  }

  /** Dispatches `pallet.call(args)` as `origin` in its own storage layer: a refusal leaves nothing behind. */
  dispatch(origin: Origin, pallet: string, name: string, args: Record<string, unknown> = {}): CallOutcome {
    const mark = this.#block.events.records.length
    try {
      this.#block.dispatch(origin, { type: pallet, value: { type: name, value: args } }, { bypassFilter: origin.type === 'Root' })
    } catch (e) {
      if (e instanceof DispatchFailure) return { ok: false, error: e.message }
      throw e
    }
    const records = this.#block.events.records.slice(mark) as Array<{ event: { type: string; value: { type: string; value: unknown } } }>
    return { ok: true, events: records.map((r) => ({ pallet: r.event.type, name: r.event.value.type, value: r.event.value.value })) }
  }

  /** A signed call from `who`. */
  call(who: AccountId, pallet: string, name: string, args: Record<string, unknown> = {}): CallOutcome {
    return this.dispatch(signed(who), pallet, name, args)
  }

  /** A root call (as through Sudo). */
  root(pallet: string, name: string, args: Record<string, unknown> = {}): CallOutcome {
    return this.dispatch(ROOT, pallet, name, args)
  }

  /** The current block's writes so far (key → value hex, null = deleted): equal before and after a refused call. */
  pendingChanges(): Map<string, string | null> {
    return new Map([...this.#block.storage.changes()].map(([k, v]) => [k, v === null ? null : u8aToHex(v)]))
  }

  free(who: AccountId): bigint {
    return Account.get(this.storage, who).data.free
  }

  /** Every account's free + reserved balance, and Balances.TotalIssuance. */
  balancesTotal(): { sum: bigint; issuance: bigint } {
    let sum = 0n
    for (const [, info] of Account.entries(this.storage)) sum += info.data.free + info.data.reserved
    return { sum, issuance: TotalIssuance.get(this.storage) }
  }
}

/** `newTestExt([[ALICE, tao(1000)]])`: a chain at block 1 (genesis subnets 0 and 1) with these balances (default: //Alice and //Bob with 1,000,000 TAO). */
export function newTestExt(balances: Array<[Hex, bigint]> = [[pub(dev.alice), tao(1_000_000)], [pub(dev.bob), tao(1_000_000)]]): TestExt {
  return new TestExt(balances)
}
