// The devnet's chain spec and genesis block: subtensor's `--dev` spec adapted to webtensor (//Alice…//Ferdie funded, //One as the Aura and Grandpa authority, //Alice as sudo), and the block-0 header built from the runtime's genesis state.
import { Keyring } from '@polkadot/keyring'
import type { KeyringPair } from '@polkadot/keyring/types'
import { hexToU8a, u8aConcat, u8aToHex } from '@polkadot/util'
import { base58Encode, blake2AsU8a, ed25519PairFromSeed } from '@polkadot/util-crypto'
import type { GenesisOptions, HostedRuntime } from '../../runtime/host.ts'
import { extrinsicsRoot, Trie, type StateVersion } from '../db/trie.ts'
import { blockHashOf, encodeHeader, type Header, type Hex } from './header.ts'

export const CHAIN_NAME = 'webtensor devnet'
export const CHAIN_TYPE = 'Development'
export const NODE_NAME = 'webtensor'
/** `system_properties`, as subtensor's chain spec declares them. */
export const CHAIN_PROPERTIES = { ss58Format: 42, tokenDecimals: 9, tokenSymbol: 'TAO' } as const

/** One TAO in RAO (9 decimals). */
export const TAO = 1_000_000_000n
/** What each dev account holds at genesis. */
export const DEV_ACCOUNT_BALANCE = 1_000_000n * TAO
/** What the authority //One holds at genesis, as in subtensor's localnet spec (it receives the fees). */
export const AUTHORITY_BALANCE = 2_000n * TAO
export const DEV_ACCOUNT_NAMES = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'] as const
/** subtensor's `--dev` authority: `authority_keys_from_seed("One")` for both key types. */
export const AUTHORITY_SEED = 'One'
/**
 * Aura's slot duration: subtensor's MILLISECS_PER_BLOCK. Fixed at genesis whatever `--block-time` is; faster blocks
 * take the next free slot, so block timestamps then run ahead of the wall clock (as chopsticks' do).
 */
export const SLOT_DURATION_MS = 12_000n

export type DevnetKeys = {
  /** Signs the Aura seal: sr25519 //One. */
  aura: KeyringPair
  /** The Grandpa authority: ed25519 //One. */
  grandpa: KeyringPair
  sudo: KeyringPair
  accounts: ReadonlyArray<{ name: (typeof DEV_ACCOUNT_NAMES)[number]; pair: KeyringPair }>
  /** The libp2p identity `system_localPeerId` reports (ed25519); the same on every start. */
  nodeKey: { publicKey: Uint8Array; secretKey: Uint8Array; peerId: string }
}

/** The dev keys, derived from Substrate's dev phrase. Needs `cryptoWaitReady()` to have resolved. */
export function devnetKeys(): DevnetKeys {
  const sr25519 = new Keyring({ type: 'sr25519', ss58Format: CHAIN_PROPERTIES.ss58Format })
  const ed25519 = new Keyring({ type: 'ed25519', ss58Format: CHAIN_PROPERTIES.ss58Format })
  const accounts = DEV_ACCOUNT_NAMES.map((name) => ({ name, pair: sr25519.addFromUri(`//${name}`) }))
  const nodeKey = ed25519PairFromSeed(blake2AsU8a('webtensor devnet node key', 256))
  return {
    aura: sr25519.addFromUri(`//${AUTHORITY_SEED}`),
    grandpa: ed25519.addFromUri(`//${AUTHORITY_SEED}`),
    sudo: accounts[0]!.pair,
    accounts,
    nodeKey: { ...nodeKey, peerId: ed25519PeerId(nodeKey.publicKey) },
  }
}

/** The genesis config the runtime builds its genesis state from. */
export function devnetGenesisConfig(keys: DevnetKeys): GenesisOptions {
  const hex = (pair: KeyringPair) => u8aToHex(pair.publicKey) as Hex
  return {
    balances: [...keys.accounts.map(({ pair }) => [hex(pair), DEV_ACCOUNT_BALANCE] as [Hex, bigint]), [hex(keys.aura), AUTHORITY_BALANCE]],
    sudoKey: hex(keys.sudo),
    auraAuthorities: [hex(keys.aura)],
    grandpaAuthorities: [hex(keys.grandpa)],
    slotDurationMs: SLOT_DURATION_MS,
  }
}

export type GenesisBlock = {
  header: Header
  encodedHeader: Uint8Array
  hash: Hex
  stateRoot: Hex
  /** The genesis state, as the changes of block 0. */
  storage: Map<Hex, Hex>
}

/** Block 0: the runtime's genesis state, an empty body and digest, and a zero parent hash. */
export function genesisBlock(runtime: HostedRuntime, config: GenesisOptions): GenesisBlock {
  const storage = runtime.genesisStorage(config)
  const stateVersion = stateVersionOf(runtime)
  const trie = new Trie({ stateVersion })
  for (const [key, value] of storage) trie.set(hexToU8a(key), hexToU8a(value))
  const stateRoot = u8aToHex(trie.root()) as Hex
  const header: Header = {
    parentHash: u8aToHex(new Uint8Array(32)) as Hex,
    number: 0,
    stateRoot,
    extrinsicsRoot: u8aToHex(extrinsicsRoot([], runtime.version.stateVersion)) as Hex,
    digest: { logs: [] },
  }
  const encodedHeader = encodeHeader(header)
  return { header, encodedHeader, hash: blockHashOf(encodedHeader), stateRoot, storage }
}

/** The state trie layout of a runtime: `system_version` (formerly `state_version`) 0 → V0, anything newer → V1. */
export function stateVersionOf(runtime: HostedRuntime): StateVersion {
  return runtime.version.stateVersion === 0 ? 0 : 1
}

/** A libp2p peer id (base58btc of the identity multihash of the protobuf-encoded ed25519 public key): `12D3KooW…`. */
export function ed25519PeerId(publicKey: Uint8Array): string {
  if (publicKey.length !== 32) throw new Error(`an ed25519 public key has 32 bytes, got ${publicKey.length}`)
  // PublicKey { Type: Ed25519 = 1, Data: key } → 0x08 0x01 0x12 0x20 ++ key; identity multihash → 0x00 ++ length (36).
  return base58Encode(u8aConcat([0x00, 0x24, 0x08, 0x01, 0x12, 0x20], publicKey))
}
