// A subnet's life through stock @polkadot/api against a running devnet: register a subnet with identity, start it, register 10 hotkeys at a rising burn,
// publish a commitment, stake with price limits, move, swap and unstake, read every position back through StakeInfoRuntimeApi, and hit each refusal once.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import '@polkadot/api-augment'
import { ApiPromise, WsProvider } from '@polkadot/api'
import { Keyring } from '@polkadot/keyring'
import { cryptoWaitReady } from '@polkadot/util-crypto'
import { u8aToHex } from '@polkadot/util'
import type { KeyringPair } from '@polkadot/keyring/types'
import type { SubmittableExtrinsic } from '@polkadot/api/types'
import { startDevnet } from './devnet.ts'

const TAO = 1_000_000_000n
let devnet: Awaited<ReturnType<typeof startDevnet>>
let api: ApiPromise
let alice: KeyringPair
let bob: KeyringPair
let ferdie: KeyringPair
const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 })
const hotkeys: KeyringPair[] = []

beforeAll(async () => {
  await cryptoWaitReady()
  devnet = await startDevnet({ tmp: true, instantSeal: true, rpcPort: 0 })
  api = await ApiPromise.create({ provider: new WsProvider(devnet.url), noInitWarn: true, throwOnConnect: true })
  alice = keyring.addFromUri('//Alice')
  bob = keyring.addFromUri('//Bob')
  ferdie = keyring.addFromUri('//Ferdie')
  for (let i = 0; i < 10; i++) hotkeys.push(keyring.addFromUri(`//Alice//hot//${i}`))
}, 60_000)

afterAll(async () => {
  await api?.disconnect()
  await devnet?.close()
})

/** subtensor's pallets and runtime APIs are not in @polkadot/api-augment's Polkadot types: reach them untyped, as a dApp without generated types does. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Untyped = any
const q = (): Untyped => api.query
const t = (): Untyped => api.tx
const c = (): Untyped => api.call

type Outcome = { ok: boolean; error?: string; events: Array<{ name: string; data: unknown[] }> }

/** Signs and sends; resolves when the extrinsic is in a block, with its events and, if it failed, the module error as `Pallet.Error`. */
function send(tx: SubmittableExtrinsic<'promise'>, from: KeyringPair): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    let settled = false
    tx.signAndSend(from, (result) => {
      // InBlock normally comes first; under load a subscriber may see Finalized without it
      if (!result.status.isInBlock && !result.status.isFinalized) return
      if (settled) return
      settled = true
      const events = result.events.map(({ event }) => ({ name: `${event.section}.${event.method}`, data: event.data.toJSON() as unknown[] }))
      if (result.dispatchError) {
        const e = result.dispatchError
        const error = e.isModule ? (({ section, name }) => `${section}.${name}`)(api.registry.findMetaError(e.asModule)) : e.toString()
        resolve({ ok: false, error, events })
      } else resolve({ ok: true, events })
    }).catch(reject)
  })
}
const expectOk = async (p: Promise<Outcome>) => {
  const r = await p
  expect(r.error, JSON.stringify(r.events.map((e) => e.name))).toBeUndefined()
  return r
}
const refused = async (p: Promise<Outcome>, error: string) => expect((await p).error).toBe(error)

const tx = (): Untyped => t().subtensorModule
const burn = async (netuid: number) => (await q().subtensorModule.burn(netuid)).toBigInt()
const price = async (netuid: number) => BigInt((await c().swapRuntimeApi.currentAlphaPrice(netuid)).toString())
const alphaOf = async (hotkey: string, netuid: number) => (await q().subtensorModule.totalHotkeyAlpha(hotkey, netuid)).toBigInt()

describe('a subnet through @polkadot/api', () => {
  let netuid = 0
  let other = 0

  test('register a subnet with identity, then start it; the owner hotkey is UID 0 and the identity reads back', async () => {
    await refused(send(tx().startCall(2), alice), 'subtensorModule.SubnetNotExists')
    const identity = {
      subnetName: 'digits', githubRepo: 'https://github.com/webtensor/digits', subnetContact: 'ops@webtensor.dev', subnetUrl: 'https://webtensor.dev',
      discord: 'webtensor', description: 'Handwritten digit classification', logoUrl: '', additional: '',
    }
    const r = await expectOk(send(tx().registerNetworkWithIdentity(hotkeys[0]!.address, identity), alice))
    const added = r.events.find((e) => e.name === 'subtensorModule.NetworkAdded')!
    netuid = Number(added.data[0])
    expect(netuid).toBe(2)
    expect(r.events.map((e) => e.name)).toContain('subtensorModule.SubnetIdentitySet')
    expect((await q().subtensorModule.subnetOwner(netuid)).toString()).toBe(alice.address)
    expect((await q().subtensorModule.keys(netuid, 0)).toString()).toBe(hotkeys[0]!.address)
    const stored = (await q().subtensorModule.subnetIdentitiesV3(netuid)).unwrap()
    expect(stored.subnetName.toUtf8()).toBe('digits')

    // staking waits for start_call, which only the owner may make
    await refused(send(tx().addStake(hotkeys[0]!.address, netuid, TAO), alice), 'subtensorModule.SubtokenDisabled')
    await refused(send(tx().startCall(netuid), bob), 'BadOrigin')
    const started = await expectOk(send(tx().startCall(netuid), alice))
    expect(started.events.map((e) => e.name)).toContain('subtensorModule.FirstEmissionBlockNumberSet')
    await refused(send(tx().startCall(netuid), alice), 'subtensorModule.FirstEmissionBlockNumberAlreadySet')
    expect((await q().subtensorModule.subtokenEnabled(netuid)).isTrue).toBe(true)
  }, 60_000)

  test('10 hotkeys register with register_limit at the quoted burn plus 1 %; the burn rises ×1.26 each time; a limit under the burn is refused', async () => {
    const quotes: bigint[] = []
    for (const hk of hotkeys.slice(1).concat(keyring.addFromUri('//Alice//hot//10'))) {
      const quote = await burn(netuid)
      quotes.push(quote)
      await expectOk(send(tx().registerLimit(netuid, hk.address, (quote * 101n) / 100n), alice))
    }
    expect(quotes).toHaveLength(10)
    // each registration multiplies the burn by 1.26, less one block of 360-block half-life decay
    for (let i = 1; i < quotes.length; i++) {
      const ratio = Number(quotes[i]!) / Number(quotes[i - 1]!)
      expect(ratio).toBeGreaterThan(1.25)
      expect(ratio).toBeLessThan(1.26)
    }
    expect((await q().subtensorModule.subnetworkN(netuid)).toNumber()).toBe(11)
    const current = await burn(netuid)
    // half the quote: under the burn even after the next block's decay
    await refused(send(tx().registerLimit(netuid, keyring.addFromUri('//late').address, current / 2n), alice), 'subtensorModule.RegistrationPriceLimitExceeded')
    await refused(send(tx().burnedRegister(netuid, hotkeys[1]!.address), alice), 'subtensorModule.HotKeyAlreadyRegisteredInSubNet')
  }, 120_000)

  test('a registered hotkey publishes a commitment; an unregistered one is refused', async () => {
    for (const who of [hotkeys[1]!, ferdie]) await expectOk(send(t().balances.transferKeepAlive(who.address, TAO), alice))
    const fields = [{ Raw32: u8aToHex(new Uint8Array(32).fill(7)) }]
    const r = await expectOk(send(t().commitments.setCommitment(netuid, { fields }), hotkeys[1]!))
    expect(r.events.map((e) => e.name)).toContain('commitments.Commitment')
    const stored = (await q().commitments.commitmentOf(netuid, hotkeys[1]!.address)).unwrap()
    expect(stored.info.fields[0]!.toJSON()).toEqual({ raw32: u8aToHex(new Uint8Array(32).fill(7)) })
    await refused(send(t().commitments.setCommitment(netuid, { fields }), ferdie), 'commitments.AccountNotAllowedCommit')
  }, 60_000)

  test('stake to two hotkeys with add_stake_limit at +0.5 %, move and swap part, unstake with remove_stake_limit, and read every position through StakeInfoRuntimeApi', async () => {
    const [h1, h2] = [hotkeys[1]!.address, hotkeys[2]!.address]
    // a second subnet, Bob's, to swap into: the global network rate limit (7200 blocks) first needs root to lift it
    const bobHot = keyring.addFromUri('//Bob//hot').address
    await refused(send(tx().registerNetwork(bobHot), bob), 'subtensorModule.NetworkTxRateLimitExceeded')
    await expectOk(send(t().sudo.sudo(t().adminUtils.sudoSetNetworkRateLimit(0)), alice))
    const r = await expectOk(send(tx().registerNetwork(bobHot), bob))
    other = Number(r.events.find((e) => e.name === 'subtensorModule.NetworkAdded')!.data[0])
    await expectOk(send(tx().startCall(other), bob))

    // slippage: 100 TAO cannot go through a +0.5 % limit in one piece
    const p0 = await price(netuid)
    await refused(send(tx().addStakeLimit(h1, netuid, 100n * TAO, (p0 * 1005n) / 1000n, false), alice), 'subtensorModule.SlippageTooHigh')
    await refused(send(tx().addStakeLimit(h1, netuid, 1000n, p0 * 2n, false), alice), 'subtensorModule.AmountTooLow')
    await refused(send(tx().addStakeLimit(h1, netuid, 10n * TAO, p0 * 2n, false), hotkeys[1]!), 'subtensorModule.NotEnoughBalanceToStake')
    await refused(send(tx().addStakeLimit(keyring.addFromUri('//nobody').address, netuid, TAO, p0 * 2n, false), alice), 'subtensorModule.HotKeyAccountNotExists')
    await refused(send(tx().addStakeLimit(h1, 99, TAO, p0 * 2n, false), alice), 'subtensorModule.SubnetNotExists')
    for (const hk of [h1, h2]) {
      const p = await price(netuid)
      const s = await expectOk(send(tx().addStakeLimit(hk, netuid, 5n * TAO, (p * 1005n) / 1000n, true), alice))
      const added = s.events.find((e) => e.name === 'subtensorModule.StakeAdded')!.data
      expect(added[1]).toBe(hk)
      expect(BigInt(added[2] as number)).toBeGreaterThan(0n)
      expect(BigInt(added[2] as number)).toBeLessThanOrEqual(5n * TAO)
      expect(await price(netuid)).toBeLessThanOrEqual((p * 1005n) / 1000n)
    }
    // move a third of h1's stake to h2, then swap a third of h2's onto Bob's subnet
    const a1 = await alphaOf(h1, netuid)
    await expectOk(send(tx().moveStake(h1, h2, netuid, netuid, a1 / 3n), alice))
    const a2 = await alphaOf(h2, netuid)
    const swapped = await expectOk(send(tx().swapStake(h2, netuid, other, a2 / 3n), alice))
    expect(swapped.events.map((e) => e.name)).toEqual(expect.arrayContaining(['subtensorModule.StakeRemoved', 'subtensorModule.StakeAdded', 'subtensorModule.StakeSwapped']))
    // unstake half of h1 with a −1 % floor; asking for more than the stake is refused
    const left = await alphaOf(h1, netuid)
    const pNow = await price(netuid)
    await refused(send(tx().removeStakeLimit(h1, netuid, left + 1n, (pNow * 99n) / 100n, true), alice), 'subtensorModule.NotEnoughStakeToWithdraw')
    await refused(send(tx().removeStakeLimit(h1, netuid, left / 2n, pNow * 2n, false), alice), 'swap.PriceLimitExceeded')
    const before = (await q().system.account(alice.address)).data.free.toBigInt()
    await expectOk(send(tx().removeStakeLimit(h1, netuid, left / 2n, (pNow * 99n) / 100n, false), alice))
    expect((await q().system.account(alice.address)).data.free.toBigInt()).toBeGreaterThan(before)

    // every position, as the runtime API reports it, matches the chain's share pools
    const infos = (await c().stakeInfoRuntimeApi.getStakeInfoForColdkey(alice.address)) as unknown as Array<{ hotkey: { toString(): string }; netuid: { toNumber(): number }; stake: { toBigInt(): bigint } }>
    const positions = infos.map((i) => ({ hotkey: i.hotkey.toString(), netuid: i.netuid.toNumber(), stake: i.stake.toBigInt() })).filter((p) => p.stake > 0n)
    const expected = [
      { hotkey: h1, netuid, stake: await alphaOf(h1, netuid) },
      { hotkey: h2, netuid, stake: await alphaOf(h2, netuid) },
      { hotkey: h2, netuid: other, stake: await alphaOf(h2, other) },
    ]
    expect(positions).toEqual(expect.arrayContaining(expected))
    expect(expected.every((p) => p.stake > 0n)).toBe(true)
  }, 180_000)

  test('transfers of stake stop when the owner turns them off; root-only and owner-only setters refuse the wrong origin', async () => {
    const h2 = hotkeys[2]!.address
    await expectOk(send(t().adminUtils.sudoSetToggleTransfer(netuid, false), alice))
    await refused(send(tx().transferStake(bob.address, h2, netuid, netuid, 1_000_000_000n), alice), 'subtensorModule.TransferDisallowed')
    await refused(send(t().adminUtils.sudoSetTempo(netuid, 400), alice), 'BadOrigin')
    await refused(send(t().adminUtils.sudoSetToggleTransfer(netuid, true), bob), 'BadOrigin')
  }, 60_000)
})
