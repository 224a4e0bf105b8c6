// Test fixtures: dev sr25519 hotkeys (//Alice validates, //Bob mines, //Charlie has no permit), a settable clock and a request builder.
import { cryptoWaitReady } from '@polkadot/util-crypto'
import type { ValidatorLookup } from './miner.ts'
import { sr25519SignerFromUri, type Signer } from './signer.ts'
import { signRequest, type RequestParameters } from './validator.ts'

export type TestKeys = { alice: Signer; bob: Signer; charlie: Signer; dave: Signer }

export async function testKeys(): Promise<TestKeys> {
  await cryptoWaitReady()
  return { alice: sr25519SignerFromUri('//Alice'), bob: sr25519SignerFromUri('//Bob'), charlie: sr25519SignerFromUri('//Charlie'), dave: sr25519SignerFromUri('//Dave') }
}

/** A clock tests move by hand. */
export function testClock(start = 1_750_000_000_000): { now: () => number; advance(ms: number): void; set(ms: number): void } {
  let time = start
  return { now: () => time, advance: (ms) => void (time += ms), set: (ms) => void (time = ms) }
}

/** Permits for the given hotkeys, each with the given stake share (default: all of it). */
export function permits(holders: Array<{ publicKey: Uint8Array }>, stakeWeight = 1): ValidatorLookup {
  const keys = new Set(holders.map((pair) => Buffer.from(pair.publicKey).toString('hex')))
  return (_netuid, hotkey) => ({ permit: keys.has(Buffer.from(hotkey).toString('hex')), stakeWeight })
}

let nonce = 1n

/** A request from `validator` to `miner` on netuid 1, due in 5 s by `now`, with a fresh nonce unless given. */
export function testRequest(
  validator: Signer,
  miner: { publicKey: Uint8Array },
  now: number,
  overrides: Partial<RequestParameters> = {},
): ReturnType<typeof signRequest> {
  return signRequest(validator, { netuid: 1, minerHotkey: miner.publicKey, nonce: nonce++, deadline: now + 5000, body: new TextEncoder().encode('ping'), ...overrides })
}
