// The incentive mechanism end to end on a devnet, commit-reveal on: four honest miners of known, different quality and six
// adversarial miners (src/node/peers/adversaries.ts) answer two honest validators and a weight copier over libp2p. After the epochs
// that read revealed weights, the honest miners' incentive follows their quality, every adversary earns less than every honest miner,
// and the copier (who weighs miners as the largest validator's last revealed weights) earns less dividend per stake than the honest
// validators over the same epochs.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { fileURLToPath } from 'node:url'
import * as ort from 'onnxruntime-node'
import type { KeyringPair } from '@polkadot/keyring/types'
import { setupSubnet, startTestChain, type TestChain } from '../chain/testing/devnet.ts'
import { getMetagraph, type GetMetagraphReturnType } from '../chain/actions/getMetagraph.ts'
import { prepareTransaction } from '../chain/internal/transaction.ts'
import type { Untyped } from '../chain/internal/read.ts'
import { parseTao } from '../chain/units.ts'
import { announce } from '../net/discovery/discover.ts'
import { chainValidatorLookup } from '../net/discovery/permits.ts'
import { createNodePeer, type NodePeer } from '../net/node/peer.ts'
import { sr25519SignerFromUri } from '../net/query/signer.ts'
import { loadDigitsSplit } from '../tasks/digits/loadMnist.ts'
import { digitsMinerTask, digitsValidatorTask } from '../tasks/digits/network.ts'
import { createValidator, type Validator } from '../validator/validator.ts'
import { constant, copier, degraded, favouring, garbage, memoriser, slow, type MinerBehaviour } from './peers/adversaries.ts'
import { copyRevealedWeights } from './peers/weightCopier.ts'

const CNN = fileURLToPath(new URL('../../public/models/digits-cnn.onnx', import.meta.url))
const TEMPO = 12
const DEADLINE_MS = 3_000
const STEPS_PER_EPOCH = 2
const EPOCHS = 4

let chain: TestChain
let netuid: number
const peers: NodePeer[] = []
const validators: Validator[] = []
/** The honest CNN miner's last answer: what the copying miner replays. */
/** The best honest miner's answer to the query being served now, and to the previous validator step's (what the copier replays). */
let honestAnswer: Uint8Array | undefined
let lastHonestAnswer: Uint8Array | undefined
const epochs: GetMetagraphReturnType[] = []

type MinerPlan = { name: string; honest: boolean; quality?: number; behaviour: MinerBehaviour }
let miners: Array<MinerPlan & { hotkey: KeyringPair; uid: number }> = []
let validatorKeys: KeyringPair[] = []

beforeAll(async () => {
  chain = await startTestChain()
  const split = loadDigitsSplit()
  const session = await ort.InferenceSession.create(CNN)
  const run = (body: Uint8Array) =>
    digitsMinerTask.answer(body, async (input) => {
      const out = await session.run({ [session.inputNames[0]!]: new ort.Tensor('float32', input.data, [...input.dims]) })
      const t = out[session.outputNames[0]!]!
      return { data: t.data as Float32Array, dims: t.dims as number[] }
    })

  // UIDs: 0 owner, 1–3 validators (two honest, one copier), then the miners
  const plans: MinerPlan[] = [
    { name: 'honest 100 %', honest: true, quality: 1.0, behaviour: { name: 'honest, recorded', answer: async (r, h) => (honestAnswer = await h(r.body)) } },
    { name: 'honest 80 %', honest: true, quality: 0.8, behaviour: degraded(0.8, 'q80') },
    { name: 'honest 60 %', honest: true, quality: 0.6, behaviour: degraded(0.6, 'q60') },
    { name: 'honest 40 %', honest: true, quality: 0.4, behaviour: degraded(0.4, 'q40') },
    { name: 'garbage', honest: false, behaviour: garbage() },
    { name: 'constant', honest: false, behaviour: constant(3) },
    { name: 'slow', honest: false, behaviour: slow(DEADLINE_MS + 1_000) },
    { name: 'copier', honest: false, behaviour: copier(() => lastHonestAnswer) },
    { name: 'memoriser', honest: false, behaviour: memoriser(split.train) },
    // it answers the smaller honest validator (UID 2) honestly and everyone else with garbage
    { name: 'favouring', honest: false, behaviour: garbage() },
  ]
  const subnet = await setupSubnet(chain, chain.alice, { name: 'incentive', hotkeys: 3 + plans.length })
  netuid = subnet.netuid
  validatorKeys = subnet.hotkeys.slice(1, 4)
  plans[9]!.behaviour = favouring(validatorKeys[1]!.publicKey)
  miners = plans.map((p, i) => ({ ...p, hotkey: subnet.hotkeys[4 + i]!, uid: 4 + i }))

  const api = await chain.client.api
  const tx = api.tx as Untyped
  const sudo = (call: unknown) => prepareTransaction(chain.client, api, { pallet: 'Sudo', name: 'sudo', args: {} }, tx.sudo.sudo(call)).send(chain.alice, { waitFor: 'inBlock' })
  await sudo(tx.adminUtils.sudoSetAdminFreezeWindow(0))
  await sudo(tx.adminUtils.sudoSetWeightsSetRateLimit(netuid, 0))
  await sudo(tx.adminUtils.sudoSetTempo(netuid, TEMPO))
  // stake: 100 τ behind the first honest validator, 50 τ behind the second and 50 τ behind the copier
  for (const [i, tao] of [[0, '100'], [1, '50'], [2, '50']] as const) {
    await prepareTransaction(chain.client, api, { pallet: 'SubtensorModule', name: 'add_stake', args: {} }, tx.subtensorModule.addStake(validatorKeys[i]!.address, netuid, parseTao(tao))).send(chain.bob, { waitFor: 'inBlock' })
  }

  // the miners: a Node peer each, serving the subnet, announced in a commitment signed by its hotkey
  for (const m of miners) {
    const uri = `//incentive//hot//${m.uid}`
    const peer = await createNodePeer({ webrtc: false, query: { hotkey: sr25519SignerFromUri(uri), lookupValidator: chainValidatorLookup(chain.client, { maxAgeMs: 0 }) } })
    peers.push(peer)
    peer.services.query.serve(netuid, ({ body, validatorHotkey }, { signal }) => m.behaviour.answer({ body, validatorHotkey, signal }, run))
    const multiaddrs = peer.getMultiaddrs().map(String)
    await (await announce(chain.client, { netuid, peerId: peer.peerId.toString(), multiaddrs })).send(m.hotkey, { waitFor: 'inBlock' })
  }

  const task = digitsValidatorTask(split.heldOut)
  for (const [i, key] of validatorKeys.entries()) {
    const peer = await createNodePeer({ webrtc: false, query: { hotkey: sr25519SignerFromUri(`//incentive//hot//${i + 1}`) } })
    peers.push(peer)
    const weightsSource = i === 2 ? copyRevealedWeights(chain.client, { netuid, targetHotkey: validatorKeys[0]!.address }) : undefined
    validators.push(createValidator({ client: chain.client, peer, hotkey: key, netuid, task, deadlineMs: DEADLINE_MS, challengeSize: 128, scoreAlpha: 0.5, weightsSource }))
  }
  await chain.newBlocks(TEMPO + 2) // an epoch: the three validators get permits

  // Per epoch: each validator steps (queries, scores, commits or reveals as the chain allows), blocks pass, then the epoch.
  for (let e = 0; e < EPOCHS; e++) {
    const before = (await getMetagraph(chain.client, { netuid })).subnet.lastStep
    for (let s = 0; s < STEPS_PER_EPOCH; s++) {
      // the copier replays what the honest miner answered in the step before, never the answer racing it in the same step
      for (const v of validators) {
        await v.step()
        lastHonestAnswer = honestAnswer
      }
      await chain.newBlocks(Math.floor(TEMPO / STEPS_PER_EPOCH) - 1)
    }
    // on to the epoch
    for (let i = 0; i < TEMPO && (await getMetagraph(chain.client, { netuid })).subnet.lastStep === before; i++) await chain.newBlocks(1)
    epochs.push(await getMetagraph(chain.client, { netuid }))
  }
}, 600_000)

afterAll(async () => {
  await Promise.all(validators.map((v) => v.stop()))
  await Promise.all(peers.map((p) => p.stop()))
  await chain?.close()
})

describe('incentive on a devnet with honest and adversarial miners, commit-reveal on', () => {
  test('the weights were committed and then revealed, never set directly', () => {
    for (const v of validators.slice(0, 2)) {
      const kinds = v.history().filter((h) => h.ok).map((h) => h.type)
      expect(kinds).toContain('commit')
      expect(kinds).toContain('reveal')
      expect(kinds).not.toContain('set_weights')
    }
  })

  test('the honest miners’ incentive follows their quality, and every adversary earns less than every honest miner', () => {
    const last = epochs.at(-1)!
    const incentive = (uid: number) => last.neurons[uid]!.incentive
    const honest = miners.filter((m) => m.honest).sort((a, b) => b.quality! - a.quality!)
    const table = miners.map((m) => `${m.name}: ${incentive(m.uid).toFixed(4)}`).join(', ')
    console.log(`incentive after ${EPOCHS} epochs: ${table}`)
    for (let i = 1; i < honest.length; i++) expect(incentive(honest[i - 1]!.uid), table).toBeGreaterThan(incentive(honest[i]!.uid))
    const weakestHonest = Math.min(...honest.map((m) => incentive(m.uid)))
    expect(weakestHonest, table).toBeGreaterThan(0)
    for (const m of miners.filter((x) => !x.honest)) expect(incentive(m.uid), `${m.name} — ${table}`).toBeLessThan(weakestHonest)
  })

  test('the weight copier earns less dividend per τ staked than the honest validators over the same epochs', () => {
    const perStake = validatorKeys.map((_, i) => {
      const uid = i + 1
      const dividends = epochs.reduce((sum, m) => sum + m.neurons[uid]!.dividends, 0)
      return dividends / Number(epochs.at(-1)!.neurons[uid]!.totalStake)
    })
    const summary = perStake.map((d) => d.toExponential(3)).join(' / ')
    console.log(`dividends per RAO staked over ${EPOCHS} epochs (honest 100 τ / honest 50 τ / copier 50 τ): ${summary}`)
    expect(perStake[2], summary).toBeLessThan(perStake[0]!)
    expect(perStake[2], summary).toBeLessThan(perStake[1]!)
  })
})
