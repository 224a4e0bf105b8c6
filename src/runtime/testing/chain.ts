// A test chain over the real runtime: genesis in a trie, blocks built in memory, extrinsics signed by polkadot-js from our own metadata.
import { TypeRegistry, Metadata } from '@polkadot/types'
import { Keyring } from '@polkadot/keyring'
import { u8aToHex, hexToU8a } from '@polkadot/util'
import { blake2AsHex, cryptoWaitReady } from '@polkadot/util-crypto'
import type { KeyringPair } from '@polkadot/keyring/types'
import { Trie } from '../../node/db/trie.ts'
import { createRuntime } from '../index.ts'
import type { ChainInfo, HostedRuntime, BuiltBlock } from '../host.ts'
import type { Hex } from '../primitives/types.ts'
import { tao } from '../primitives/bittensor.ts'
import { Account, Events } from '../pallets/system/storage.ts'
import { TotalIssuance } from '../pallets/balances/index.ts'

await cryptoWaitReady()

/** subtensor's extensions that carry no data, declared so polkadot-js signs with them silently. */
export const SUBTENSOR_USER_EXTENSIONS = Object.fromEntries(
  ['SudoTransactionExtension', 'CheckShieldedTxValidity', 'SubtensorTransactionExtension', 'DrandPriority'].map((n) => [n, { extrinsic: {}, payload: {} }]),
)

export const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 })
export const dev = {
  alice: keyring.addFromUri('//Alice'),
  bob: keyring.addFromUri('//Bob'),
  charlie: keyring.addFromUri('//Charlie'),
  one: keyring.addFromUri('//One'),
}
export const pub = (p: KeyringPair) => u8aToHex(p.publicKey) as Hex

export class TestChain {
  readonly runtime: HostedRuntime = createRuntime()
  readonly registry = new TypeRegistry()
  state: Trie
  readonly hashes: Hex[] = []
  number = 0
  slot = 1000n
  readonly genesisHash: Hex

  constructor(balances: Array<[Hex, bigint]> = [[pub(dev.alice), tao(1_000_000)], [pub(dev.bob), tao(1_000_000)], [pub(dev.one), tao(2000)]]) {
    const genesis = this.runtime.genesisStorage({
      balances,
      sudoKey: pub(dev.alice),
      auraAuthorities: [pub(dev.one)],
      grandpaAuthorities: [`0x${'11'.repeat(32)}`],
      slotDurationMs: 12_000n,
    })
    this.state = Trie.fromEntries([...genesis].map(([k, v]) => [hexToU8a(k), hexToU8a(v)] as [Uint8Array, Uint8Array]))
    this.genesisHash = blake2AsHex(this.state.root(), 256) as Hex
    this.hashes.push(this.genesisHash)
    this.registry.setMetadata(new Metadata(this.registry, this.runtime.metadata(15)), undefined, SUBTENSOR_USER_EXTENSIONS)
  }

  chain(): ChainInfo {
    return { genesisHash: this.genesisHash, parentNumber: this.number, parentHash: this.hashes[this.number]!, blockHash: (n) => this.hashes[n] }
  }

  /** Signs `call` (a polkadot-js Call built from our metadata) as polkadot-js would for a live node. */
  sign(pair: KeyringPair, call: ReturnType<TestChain['tx']>, opts: { nonce?: number; tip?: bigint; era?: number } = {}): Uint8Array {
    const nonce = opts.nonce ?? this.nonce(pub(pair))
    const ext = this.registry.createType('Extrinsic', call)
    const blockHash = opts.era ? this.hashes[this.number]! : this.genesisHash
    const era = opts.era ? this.registry.createType('ExtrinsicEra', { current: this.number, period: opts.era }) : this.registry.createType('ExtrinsicEra')
    ext.sign(pair, {
      blockHash,
      genesisHash: this.genesisHash,
      nonce,
      tip: opts.tip ?? 0n,
      era,
      runtimeVersion: { specVersion: this.runtime.version.specVersion, transactionVersion: this.runtime.version.transactionVersion } as never,
      signedExtensions: this.registry.signedExtensions,
    })
    return ext.toU8a()
  }

  callIndex(pallet: string, method: string): Uint8Array {
    const meta = this.registry.metadata.pallets.find((p) => p.name.toString() === pallet)!
    const calls = this.registry.lookup.getSiType(meta.calls.unwrap().type).def.asVariant.variants
    const v = calls.find((c) => c.name.toString() === method)!
    return new Uint8Array([meta.index.toNumber(), v.index.toNumber()])
  }

  tx(pallet: string, method: string, ...args: unknown[]) {
    const index = this.callIndex(pallet, method)
    return this.registry.findMetaCall(index)(...args)
  }

  nonce(who: Hex): number {
    const out = this.runtime.call(this.state, this.chain(), 'AccountNonceApi_account_nonce', hexToU8a(who))
    return this.registry.createType('u32', out).toNumber()
  }

  validate(xt: Uint8Array) {
    return this.runtime.validateTransaction(this.state, this.chain(), xt)
  }

  /** Builds the next block with `extrinsics` and makes it the head. */
  block(extrinsics: Uint8Array[] = []): BuiltBlock {
    const fork = this.state.fork()
    this.slot += 1n
    const built = this.runtime.buildBlock(fork, this.chain(), { number: this.number + 1, parentHash: this.hashes[this.number]!, timestamp: this.slot * 12_000n, slot: this.slot }, extrinsics)
    this.state = fork
    this.number += 1
    this.hashes.push(blake2AsHex(built.header, 256) as Hex)
    return built
  }

  /** Decoded System.Events of the head state, as polkadot-js reads them. */
  events(): Array<{ phase: unknown; event: string; data: unknown }> {
    const raw = this.state.get(Events.key())
    if (!raw) return []
    const records = this.registry.createType('Vec<FrameSystemEventRecord>', raw) as unknown as Array<{ phase: { toJSON(): unknown }; event: { section: string; method: string; data: { toJSON(): unknown } } }>
    return records.map((r) => ({ phase: r.phase.toJSON(), event: `${r.event.section}.${r.event.method}`, data: r.event.data.toJSON() }))
  }

  /** System.Account of `who` in the head state, decoded by polkadot-js. */
  account(who: Hex): { nonce: number; free: bigint; reserved: bigint; exists: boolean } {
    const raw = this.state.get(Account.key(who))
    const info = this.registry.createType('FrameSystemAccountInfo', raw ?? Account.fallback) as unknown as {
      nonce: { toNumber(): number }
      data: { free: { toBigInt(): bigint }; reserved: { toBigInt(): bigint } }
    }
    return { nonce: info.nonce.toNumber(), free: info.data.free.toBigInt(), reserved: info.data.reserved.toBigInt(), exists: raw !== undefined }
  }

  totalIssuance(): bigint {
    return TotalIssuance.get(this.state as never)
  }
}
