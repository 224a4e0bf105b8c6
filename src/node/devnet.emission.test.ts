// Consensus and emission through stock @polkadot/api against a running devnet: a subnet with 10 neurons and two staked validators, weights
// committed then revealed, dev_newBlock through the tempos, and the metagraph showing incentive following the weights, emission landing in stake and the owner cut paid.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import '@polkadot/api-augment'
import { ApiPromise, WsProvider } from '@polkadot/api'
import { Keyring } from '@polkadot/keyring'
import { blake2AsHex, cryptoWaitReady } from '@polkadot/util-crypto'
import type { KeyringPair } from '@polkadot/keyring/types'
import type { SubmittableExtrinsic } from '@polkadot/api/types'
import { startDevnet } from './devnet.ts'

const TAO = 1_000_000_000n
const TEMPO = 10
let devnet: Awaited<ReturnType<typeof startDevnet>>
let api: ApiPromise
const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 })
const alice = () => keyring.addFromUri('//Alice')
const bob = () => keyring.addFromUri('//Bob')
const charlie = () => keyring.addFromUri('//Charlie')
/** UID 0 is the owner's hotkey, 1–2 the validators, 3–9 the miners. */
const hot = Array.from({ length: 10 }, (_, i) => keyring.addFromUri(`//Alice//neuron//${i}`))
const [owner, v1, v2] = [hot[0]!, hot[1]!, hot[2]!]
const miners = hot.slice(3)

// subtensor's pallets and runtime APIs are not in @polkadot/api-augment's Polkadot types: reach them untyped, as a dApp without generated types does
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Untyped = any
const q = (): Untyped => api.query
const t = (): Untyped => api.tx
const c = (): Untyped => api.call

beforeAll(async () => {
  await cryptoWaitReady()
  devnet = await startDevnet({ tmp: true, instantSeal: true, rpcPort: 0 })
  api = await ApiPromise.create({ provider: new WsProvider(devnet.url), noInitWarn: true, throwOnConnect: true })
}, 60_000)

afterAll(async () => {
  await api?.disconnect()
  await devnet?.close()
})

type Outcome = { error?: string; events: Array<{ name: string; data: unknown[] }> }
function send(tx: SubmittableExtrinsic<'promise'>, from: KeyringPair): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    let settled = false
    tx.signAndSend(from, (result) => {
      if ((!result.status.isInBlock && !result.status.isFinalized) || settled) return
      settled = true
      const events = result.events.map(({ event }) => ({ name: `${event.section}.${event.method}`, data: event.data.toJSON() as unknown[] }))
      const e = result.dispatchError
      resolve({ events, error: e ? (e.isModule ? (({ section, name }) => `${section}.${name}`)(api.registry.findMetaError(e.asModule)) : e.toString()) : undefined })
    }).catch(reject)
  })
}
async function ok(tx: SubmittableExtrinsic<'promise'>, from: KeyringPair): Promise<Outcome> {
  const r = await send(tx, from)
  expect(r.error, JSON.stringify(r.events.map((e) => e.name))).toBeUndefined()
  return r
}
const sudo = (call: SubmittableExtrinsic<'promise'>) => ok(t().sudo.sudo(call), alice())
const newBlocks = (count: number) => api.rpc('dev_newBlock' as never, { count } as never) as Promise<unknown>
const bestNumber = async () => (await api.rpc.chain.getHeader()).number.toNumber()
const alphaOf = async (hotkey: string, netuid: number) => BigInt((await q().subtensorModule.totalHotkeyAlpha(hotkey, netuid)).toString())
/** Events of the blocks from `from` to the best block, as `section.method`. */
async function eventsSince(from: number): Promise<Array<{ name: string; data: unknown }>> {
  const out: Array<{ name: string; data: unknown }> = []
  for (let n = from; n <= (await bestNumber()); n++) {
    const at = await api.at(await api.rpc.chain.getBlockHash(n))
    for (const { event } of (await at.query.system.events()) as unknown as Array<{ event: { section: string; method: string; data: { toJSON(): unknown } } }>) out.push({ name: `${event.section}.${event.method}`, data: event.data.toJSON() })
  }
  return out
}

/** What commit_weights hashes: BlakeTwo256(SCALE((who, netuid_index, uids, values, salt, version_key))). */
function commitHash(who: KeyringPair, netuid: number, uids: number[], values: number[], salt: number[]): string {
  const encoded = api.registry.createType('(AccountId, u16, Vec<u16>, Vec<u16>, Vec<u16>, u64)', [who.address, netuid, uids, values, salt, 0]).toU8a()
  return blake2AsHex(encoded, 256)
}

describe('consensus and emission through @polkadot/api', () => {
  const netuid = 2
  const minerUids = miners.map((_, i) => i + 3)
  // both validators rank the miners the same way: miner k gets weight k+1
  const weights = minerUids.map((_, k) => (k + 1) * 1000)
  const salt = [7, 7, 7]

  test('a subnet with 10 neurons, two staked validators, commit then reveal, two tempos: incentive follows the weights, emission lands in stake, the owner is paid', async () => {
    // 1. the subnet, started, emitting, with a short tempo and no weights rate limit (root)
    const reg = await ok(t().subtensorModule.registerNetwork(owner.address), alice())
    expect(reg.events.find((e) => e.name === 'subtensorModule.NetworkAdded')!.data[0]).toBe(netuid)
    await ok(t().subtensorModule.startCall(netuid), alice())
    await sudo(t().adminUtils.sudoSetSubnetEmissionEnabled(netuid, true))
    await sudo(t().adminUtils.sudoSetTempo(netuid, TEMPO))
    await sudo(t().adminUtils.sudoSetWeightsSetRateLimit(netuid, 0))
    expect((await q().subtensorModule.commitRevealWeightsEnabled(netuid)).isTrue).toBe(true)

    // 2. nine more neurons — the validators Alice's, the miners Bob's (incentive to hotkeys of the subnet owner's coldkey is burned) —,
    //    the validators' hotkeys funded to sign, and stake behind the validators (Bob and Charlie nominate)
    for (const hk of [v1, v2]) await ok(t().subtensorModule.burnedRegister(netuid, hk.address), alice())
    for (const hk of miners) await ok(t().subtensorModule.burnedRegister(netuid, hk.address), bob())
    expect((await q().subtensorModule.subnetworkN(netuid)).toNumber()).toBe(10)
    for (const v of [v1, v2]) await ok(api.tx.balances.transferKeepAlive(v.address, 10n * TAO), alice())
    await ok(t().subtensorModule.addStake(v1.address, netuid, 100n * TAO), bob())
    await ok(t().subtensorModule.addStake(v2.address, netuid, 50n * TAO), charlie())
    const stakeBefore = { v1: await alphaOf(v1.address, netuid), v2: await alphaOf(v2.address, netuid), owner: await alphaOf(owner.address, netuid) }
    const ownerAlpha0 = BigInt((await c().stakeInfoRuntimeApi.getStakeInfoForHotkeyColdkeyNetuid(owner.address, alice().address, netuid)).unwrapOr({ stake: 0 }).stake.toString())

    // 3. one tempo so the validators get permits from their stake
    const start = await bestNumber()
    await newBlocks(TEMPO + 1)
    const permits = (await q().subtensorModule.validatorPermit(netuid)).toJSON() as boolean[]
    expect(permits[1]).toBe(true)
    expect(permits[2]).toBe(true)

    // 4. both validators commit; plain set_weights is refused while commit-reveal is on; reveal in the next epoch
    expect((await send(t().subtensorModule.setWeights(netuid, minerUids, weights, 0), v1)).error).toBe('subtensorModule.CommitRevealEnabled')
    for (const v of [v1, v2]) {
      const r = await ok(t().subtensorModule.commitWeights(netuid, commitHash(v, netuid, minerUids, weights, salt)), v)
      expect(r.events.map((e) => e.name)).toContain('subtensorModule.WeightsCommitted')
    }
    expect((await send(t().subtensorModule.revealWeights(netuid, minerUids, weights, salt, 0), v1)).error).toBe('subtensorModule.RevealTooEarly')
    // reveal in the next epoch: seal blocks up to the one where it starts (the reveals then land inside it)
    const nextEpoch = Number((await c().subnetInfoRuntimeApi.getNextEpochStartBlock(netuid)).unwrap().toString())
    await api.rpc('dev_newBlock' as never, { to: nextEpoch } as never)
    for (const v of [v1, v2]) {
      const r = await ok(t().subtensorModule.revealWeights(netuid, minerUids, weights, salt, 0), v)
      expect(r.events.map((e) => e.name)).toContain('subtensorModule.WeightsRevealed')
    }
    const stored = (await q().subtensorModule.weights(netuid, 1)).toJSON() as Array<[number, number]>
    expect(stored.map(([uid]) => uid)).toEqual(minerUids)
    expect(stored.at(-1)![1]).toBe(65_535)

    // 5. two tempos of blocks
    await newBlocks(2 * TEMPO + 1)

    // incentive follows the weights: the miners' incentives rise with their weight, and the validators earn dividends
    const metagraph = (await c().subnetInfoRuntimeApi.getMetagraph(netuid)).unwrap()
    const incentives = (metagraph.incentives.toJSON() as number[]).map(Number)
    const dividends = (metagraph.dividends.toJSON() as number[]).map(Number)
    const minerIncentives = minerUids.map((uid) => incentives[uid]!)
    expect(minerIncentives.every((x) => x > 0)).toBe(true)
    for (let k = 1; k < minerIncentives.length; k++) expect(minerIncentives[k]).toBeGreaterThan(minerIncentives[k - 1]!)
    expect(dividends[1]).toBeGreaterThan(0)
    expect(dividends[2]).toBeGreaterThan(0)
    expect(dividends[1]).toBeGreaterThan(dividends[2]!) // twice the stake behind v1
    // the same through get_neurons_lite
    const lite = (await c().neuronInfoRuntimeApi.getNeuronsLite(netuid)).toJSON() as Array<{ uid: number; incentive: number; dividends: number }>
    expect(lite.map((n) => n.incentive)).toEqual(incentives)

    // emission landed in stake: miners hold alpha, the validators' pools grew, the owner's cut is staked to the owner hotkey
    for (const m of miners) expect(await alphaOf(m.address, netuid)).toBeGreaterThan(0n)
    expect(await alphaOf(v1.address, netuid)).toBeGreaterThan(stakeBefore.v1)
    expect(await alphaOf(v2.address, netuid)).toBeGreaterThan(stakeBefore.v2)
    const ownerAlpha = BigInt((await c().stakeInfoRuntimeApi.getStakeInfoForHotkeyColdkeyNetuid(owner.address, alice().address, netuid)).unwrap().stake.toString())
    expect(ownerAlpha).toBeGreaterThan(ownerAlpha0)
    expect(await alphaOf(owner.address, netuid)).toBeGreaterThan(stakeBefore.owner)

    // and the chain said so in subtensor's events
    const names = new Set((await eventsSince(start)).map((e) => e.name))
    expect(names).toContain('subtensorModule.IncentiveAlphaEmittedToMiners')
    expect([...names].filter((n) => n.startsWith('subtensorModule.'))).toEqual(expect.arrayContaining(['subtensorModule.WeightsCommitted', 'subtensorModule.WeightsRevealed']))
  }, 240_000)
})
