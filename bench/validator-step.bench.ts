// worst case: one validator step over 64 miners — discovery from chain commitments, one seeded digits challenge (64 images) sent to all 64 at once over libp2p (loopback websockets, every request and answer signed sr25519 and checked), 64 answers scored, moving scores, set_weights signed and waited for in a block. No goal yet: the figure is the step time and the share spent waiting on miners versus scoring, weights and chain reads.
//
// Run: npx tsx bench/validator-step.bench.ts   (npm run bench:validator-step)
// Env: VALIDATOR_BENCH_MINERS (64), VALIDATOR_BENCH_STEPS (30 timed steps after one warm-up step that dials every miner),
//      VALIDATOR_BENCH_CHALLENGE (64 images per challenge), VALIDATOR_BENCH_RTT (20 bare round trips for the baseline).
//
// Everything in this process, on loopback: an instant-seal devnet (startTestChain), a subnet with commit-reveal off and no weights rate
// limit (so every step sets weights), one validator hotkey with stake and a permit, N Node miner peers (createNodePeer, websockets only)
// answering the digits task with ONE shared onnxruntime-node session of public/models/digits-cnn.onnx and announced in commitments,
// and createValidator over its own NodePeer and its own chain client. The miners read validator permits once from the chain (the
// miners' permit reads are not what is measured here). The step is timed from the outside, through wrappers only: the peer's query
// (first request sent, first and last answer), the task's challenge and scoreAnswer, and the validator client's RPC provider (when the
// set_weights extrinsic is submitted; RPC calls per step); the `weights` event says when it was in a block. Phases of a step:
//   chain reads  step start → first request, less the challenge (metagraph + weights state, then the commitments and neurons read)
//   challenge    task.challenge (seeded draw and encoding)
//   miners       first request sent → last answer received (waiting on miners)
//   scoring      the sum of task.scoreAnswer over the answers
//   weights      end of scoring → set_weights in a block (weights state read, signing, submission, inclusion); "submit" is its tail
//                from author_submitAndWatchExtrinsic to the in-block event
//   other        the rest (moving scores, weights vector, scheduling)
// Baselines in the same run: the same answer bodies scored again with no network (pure scoring), one bare round trip to one miner
// with the same challenge body (sequential, median of VALIDATOR_BENCH_RTT), and its parts: an empty signed round trip to the same
// miner, the same body answered with nothing, and the miner's model call alone. Printed: step ÷ (miners × one round trip), the
// scoring share, and how many cores this process kept busy during the steps (validator, miners and devnet share one JS thread here,
// so the miners' answers cannot overlap much: the waiting measured is an upper bound for miners on other machines).
// Exits non-zero only when something measured is broken: a miner that did not answer, weights not set, or re-scoring disagreeing.
import { fileURLToPath } from 'node:url'
import { loadavg } from 'node:os'
import type { ProviderInterface } from '@polkadot/rpc-provider/types'
import { decodeAddress } from '@polkadot/util-crypto'
import { u8aToHex } from '@polkadot/util'
import type { KeyringPair } from '@polkadot/keyring/types'
import { multiaddr } from '@multiformats/multiaddr'
import * as ort from 'onnxruntime-node'
import { setupSubnet, startTestChain } from '../src/chain/testing/devnet.ts'
import { createChainClient, createWsProvider, getMetagraph, getWeightsState } from '../src/chain/index.ts'
import { prepareTransaction } from '../src/chain/internal/transaction.ts'
import type { Untyped } from '../src/chain/internal/read.ts'
import { parseTao } from '../src/chain/units.ts'
import { announce } from '../src/net/discovery/discover.ts'
import { validatorTable } from '../src/net/discovery/permits.ts'
import { createNodePeer, type NodePeer } from '../src/net/node/peer.ts'
import type { ValidatorLookup } from '../src/net/query/miner.ts'
import { sr25519SignerFromUri } from '../src/net/query/signer.ts'
import { loadDigitsSplit } from '../src/tasks/digits/loadMnist.ts'
import { digitsMinerTask, digitsValidatorTask } from '../src/tasks/digits/network.ts'
import type { RunModel, TaskScore, ValidatorTask } from '../src/tasks/task.ts'
import { scoreAnswers } from '../src/validator/scoring.ts'
import { createValidator, type StepReport, type ValidatorPeer } from '../src/validator/validator.ts'

const MINERS = Number(process.env.VALIDATOR_BENCH_MINERS ?? 64)
const STEPS = Number(process.env.VALIDATOR_BENCH_STEPS ?? 30)
const CHALLENGE = Number(process.env.VALIDATOR_BENCH_CHALLENGE ?? 64)
const RTTS = Number(process.env.VALIDATOR_BENCH_RTT ?? 20)
if (!(Number.isInteger(MINERS) && MINERS >= 1 && MINERS <= 250)) throw new RangeError(`VALIDATOR_BENCH_MINERS must be 1 to 250 (a new subnet holds 256 UIDs, the most subtensor allows), not ${MINERS}`)
const DEADLINE_MS = 10_000 // the validator's default
const TEMPO = 10
const RUN_LIMIT_MS = 170_000
const STEP_BUDGET_MS = 90_000 // stop taking steps after this much time in them (at least 3 are taken)

const limit = setTimeout(() => {
  console.error(`bench/validator-step: over its ${RUN_LIMIT_MS / 1000}-second limit; stopping`)
  process.exit(2)
}, RUN_LIMIT_MS)
limit.unref()

const started = performance.now()
const broken: string[] = []
const ms = (x: number) => `${x < 10 ? x.toFixed(2) : x.toFixed(1)} ms`
const pct = (x: number) => `${(100 * x).toFixed(1)} %`
function quantile(samples: readonly number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!
}
const median = (samples: readonly number[]) => quantile(samples, 0.5)

// ── the chain: subnet, validator with stake and permit, miner hotkeys ─────────────────────────────────────────────────────────────────
const chain = await startTestChain()
const peers: NodePeer[] = []
let session: ort.InferenceSession | undefined
let validatorClient: ReturnType<typeof createChainClient> | undefined

try {
  const api = await chain.client.api
  const tx = api.tx as Untyped
  const submit = async (signer: KeyringPair, what: string, extrinsic: unknown) => {
    const result = await prepareTransaction(chain.client, api, { pallet: 'Utility', name: what, args: {} }, extrinsic as never).send(signer, { waitFor: 'inBlock' })
    // a batch_all or a sudo'd call that failed shows as an event, not as a failed extrinsic
    const failed = result.events.find((e) => (e.pallet === 'Utility' && e.name === 'BatchInterrupted') || (e.pallet === 'Sudo' && e.name === 'Sudid' && String(JSON.stringify(e.data)).includes('err')))
    if (failed) throw new Error(`${what}: ${failed.pallet}.${failed.name} ${JSON.stringify(failed.data)}`)
    return result
  }

  const { netuid } = await setupSubnet(chain, chain.alice, { name: 'bench', hotkeys: 0 })
  await submit(chain.alice, 'sudo(batch_all(bench hyperparameters))', tx.sudo.sudo(tx.utility.batchAll([
    tx.adminUtils.sudoSetAdminFreezeWindow(0),
    tx.adminUtils.sudoSetTempo(netuid, TEMPO),
    tx.adminUtils.sudoSetMaxRegistrationsPerBlock(netuid, MINERS + 8),
    tx.adminUtils.sudoSetTargetRegistrationsPerInterval(netuid, MINERS + 8),
    tx.adminUtils.sudoSetWeightsSetRateLimit(netuid, 0),
    tx.adminUtils.sudoSetCommitRevealWeightsEnabled(netuid, false),
  ])))
  const validatorUri = '//bench//validator'
  const validatorKey = chain.keyring.addFromUri(validatorUri)
  const minerUris = Array.from({ length: MINERS }, (_, i) => `//bench//miner//${i}`)
  const minerKeys = minerUris.map((uri) => chain.keyring.addFromUri(uri))
  // the validator first (UID 1 after the owner), then the miners, in one batch; then the validator's stake
  await submit(chain.alice, `batch_all(burned_register × ${MINERS + 1})`, tx.utility.batchAll([validatorKey, ...minerKeys].map((k) => tx.subtensorModule.burnedRegister(netuid, k.address))))
  await submit(chain.bob, 'add_stake', tx.subtensorModule.addStake(validatorKey.address, netuid, parseTao('100')))
  // an epoch grants the permit
  let metagraph = await getMetagraph(chain.client, { netuid })
  for (let i = 0; i < 4 && !metagraph.neurons.find((n) => n.hotkey === validatorKey.address)?.validatorPermit; i++) {
    await chain.newBlocks(TEMPO + 1)
    metagraph = await getMetagraph(chain.client, { netuid })
  }
  if (!metagraph.neurons.find((n) => n.hotkey === validatorKey.address)?.validatorPermit) throw new Error('the validator got no permit after 4 tempos')
  const registered = new Set(metagraph.neurons.map((n) => n.hotkey))
  const missing = minerKeys.filter((k) => !registered.has(k.address)).length
  if (missing > 0) throw new Error(`${missing} of ${MINERS} miner hotkeys hold no UID`)
  const table = validatorTable(metagraph.neurons)
  const lookup: ValidatorLookup = (_netuid, hotkey) => table.get(u8aToHex(hotkey)) ?? { permit: false, stakeWeight: 0 }

  // ── the miners: one shared onnxruntime-node session, N Node peers, N announcements ──────────────────────────────────────────────────
  const split = loadDigitsSplit()
  session = await ort.InferenceSession.create(fileURLToPath(new URL('../public/models/digits-cnn.onnx', import.meta.url)))
  const s = session
  const run: RunModel = async (input) => {
    const out = await s.run({ [s.inputNames[0]!]: new ort.Tensor('float32', input.data, [...input.dims]) })
    const t = out[s.outputNames[0]!]!
    return { data: t.data as Float32Array, dims: t.dims as number[] }
  }
  const minerPeers: NodePeer[] = []
  for (let i = 0; i < MINERS; i += 8) {
    const batch = await Promise.all(minerUris.slice(i, i + 8).map((uri) => createNodePeer({ webrtc: false, query: { hotkey: sr25519SignerFromUri(uri), lookupValidator: lookup } })))
    peers.push(...batch)
    minerPeers.push(...batch)
  }
  for (const p of minerPeers) p.services.query.serve(netuid, ({ body }) => digitsMinerTask.answer(body, run))
  for (let i = 0; i < MINERS; i += 16) {
    await Promise.all(minerPeers.slice(i, i + 16).map(async (p, k) => {
      const prepared = await announce(chain.client, { netuid, peerId: p.peerId.toString(), multiaddrs: p.getMultiaddrs().map(String) })
      await prepared.send(minerKeys[i + k]!, { waitFor: 'inBlock' })
    }))
  }
  const setupSeconds = (performance.now() - started) / 1000

  // ── the validator, seen through wrappers ────────────────────────────────────────────────────────────────────────────────────────────
  type StepTimes = {
    start: number
    firstSent?: number
    firstAnswer?: number
    lastAnswer?: number
    challengeMs: number
    scoringMs: number
    scoreEnd?: number
    submitAt?: number
    weightsAt?: number
    rpcCalls: number
    methods: Map<string, number>
    scored: Array<{ body: Uint8Array; expected: unknown; result: TaskScore }>
    challengeBody?: Uint8Array
  }
  let current: StepTimes | undefined

  // the validator's own chain client, its provider timed: submissions and the number of RPC calls per step
  const inner = createWsProvider(chain.devnet.url)
  const provider = new Proxy(inner, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target) as unknown
      if (prop === 'send') {
        return (...args: unknown[]) => {
          if (current) {
            current.rpcCalls++
            current.methods.set(String(args[0]), (current.methods.get(String(args[0])) ?? 0) + 1)
          }
          return (value as (...a: unknown[]) => unknown).apply(target, args)
        }
      }
      if (prop === 'subscribe') {
        return (...args: unknown[]) => {
          if (current) {
            current.rpcCalls++
            current.methods.set(String(args[1]), (current.methods.get(String(args[1])) ?? 0) + 1)
            if (args[1] === 'author_submitAndWatchExtrinsic') current.submitAt ??= performance.now()
          }
          return (value as (...a: unknown[]) => unknown).apply(target, args)
        }
      }
      return typeof value === 'function' ? value.bind(target) : value
    },
  }) as ProviderInterface
  validatorClient = createChainClient({ provider, url: chain.devnet.url })
  await validatorClient.api

  const validatorPeer = await createNodePeer({ webrtc: false, query: { hotkey: sr25519SignerFromUri(validatorUri) } })
  peers.push(validatorPeer)
  const timedPeer: ValidatorPeer = {
    services: {
      query: {
        async query(addrs, request, options) {
          const t = current
          if (t) t.firstSent ??= performance.now()
          try {
            return await validatorPeer.services.query.query(addrs, request, options)
          } finally {
            const now = performance.now()
            if (t) {
              t.firstAnswer ??= now
              t.lastAnswer = now
            }
          }
        },
      },
    },
  }
  const digits = digitsValidatorTask(split.heldOut)
  const task: ValidatorTask<unknown> = {
    id: digits.id,
    async challenge(seed, options) {
      const t0 = performance.now()
      const challenge = await digits.challenge(seed, options)
      if (current) {
        current.challengeMs += performance.now() - t0
        current.challengeBody = challenge.body
      }
      return challenge
    },
    // synchronous when the task's scorer is (the digits one is): an `await` here would let the next answer's scoring run inside
    // this one's measured interval
    scoreAnswer(body, expected) {
      const t0 = performance.now()
      const record = (result: TaskScore) => {
        const t1 = performance.now()
        if (current) {
          current.scoringMs += t1 - t0
          current.scoreEnd = t1
          current.scored.push({ body, expected, result })
        }
        return result
      }
      const out = digits.scoreAnswer(body, expected as never)
      return out instanceof Promise ? out.then(record) : record(out)
    },
  }
  const validator = createValidator({ client: validatorClient, peer: timedPeer, hotkey: validatorKey, netuid, task, challengeSize: CHALLENGE, deadlineMs: DEADLINE_MS })
  validator.subscribe((event) => {
    if (event.type === 'weights' && current) current.weightsAt ??= performance.now()
  })

  type Measured = { total: number; reads: number; challenge: number; miners: number; firstAnswer: number; scoring: number; weights: number; submit: number; other: number; rpcCalls: number }
  const measureStep = async (): Promise<{ report: StepReport; m: Measured; t: StepTimes }> => {
    const t: StepTimes = { start: performance.now(), challengeMs: 0, scoringMs: 0, rpcCalls: 0, methods: new Map(), scored: [] }
    current = t
    const report = await validator.step()
    const end = performance.now()
    current = undefined
    const firstSent = t.firstSent ?? end
    const lastAnswer = t.lastAnswer ?? firstSent
    const scoreEnd = t.scoreEnd ?? lastAnswer
    const weightsAt = t.weightsAt ?? end
    const total = end - t.start
    const reads = firstSent - t.start - t.challengeMs
    const miners = lastAnswer - firstSent
    const weights = weightsAt - scoreEnd
    const m: Measured = {
      total,
      reads,
      challenge: t.challengeMs,
      miners,
      firstAnswer: (t.firstAnswer ?? firstSent) - firstSent,
      scoring: t.scoringMs,
      weights,
      submit: t.submitAt === undefined ? 0 : weightsAt - t.submitAt,
      other: total - reads - t.challengeMs - miners - t.scoringMs - weights,
      rpcCalls: t.rpcCalls,
    }
    const where = `step ${report.step}`
    if (!report.permit.permit) broken.push(`${where}: the validator has no permit (${report.permit.reason})`)
    if (report.queried !== MINERS) broken.push(`${where}: ${report.queried} miners discovered and queried, not ${MINERS} (skipped: ${JSON.stringify(report.skipped.slice(0, 2))})`)
    if (report.answered !== MINERS) {
      const bad = report.rows.find((r) => r.outcome.kind !== 'answered')
      broken.push(`${where}: ${report.answered} of ${MINERS} miners answered, e.g. UID ${bad?.uid}: ${JSON.stringify(bad?.outcome)}`)
    }
    const set = report.weights.filter((w) => w.type === 'set_weights')
    if (set.length !== 1 || !set[0]!.ok) broken.push(`${where}: weights not set (${JSON.stringify(report.weights.map((w) => ({ type: w.type, ok: w.ok, error: w.error })))}; plan notes ${JSON.stringify(report.plan?.notes)})`)
    return { report, m, t }
  }

  // ── one warm-up step (it dials every miner), then the timed steps ───────────────────────────────────────────────────────────────────
  const warm = await measureStep()
  const samples: Measured[] = []
  let last = warm
  const stepsStarted = performance.now()
  const cpuBefore = process.cpuUsage()
  for (let i = 0; i < STEPS && (i < 3 || performance.now() - stepsStarted < STEP_BUDGET_MS); i++) {
    last = await measureStep()
    samples.push(last.m)
  }
  const cpu = process.cpuUsage(cpuBefore)
  const stepsWallMs = performance.now() - stepsStarted

  // ── baselines: the same answers scored with no network; one bare round trip; the model alone ─────────────────────────────────────────
  const scoredBodies = last.t.scored
  const expected = scoredBodies[0]?.expected
  const answers = scoredBodies.map((x, uid) => ({ uid, body: x.body, latencyMs: 0 }))
  const rescore = () => scoreAnswers(digits.scoreAnswer as ValidatorTask<unknown>['scoreAnswer'], expected, answers, DEADLINE_MS)
  const again = await rescore()
  again.forEach((a, i) => {
    const before = scoredBodies[i]!.result
    if (a.ok !== before.ok || (a.ok && a.taskScore !== before.score)) broken.push(`re-scoring answer ${i} gave ${JSON.stringify(a)}, the step's scorer gave ${JSON.stringify(before)}`)
  })
  const pureScoring: number[] = []
  for (let i = 0; i < 30; i++) {
    const t0 = performance.now()
    await rescore()
    pureScoring.push(performance.now() - t0)
  }
  const pureScoringMs = median(pureScoring)

  const target = last.report.rows[Math.floor(last.report.rows.length / 2)]
  const body = last.t.challengeBody
  const rtts: number[] = []
  const emptyRtts: number[] = []
  const payloadRtts: number[] = []
  const modelOnly: number[] = []
  if (target && body) {
    const targetPeer = minerPeers.find((p) => p.peerId.toString() === target.peerId)!
    const addrs = targetPeer.getMultiaddrs().map((a) => multiaddr(a.toString()))
    const minerHotkey = decodeAddress(target.hotkey)
    // the same miner also answers an empty body on a netuid of its own: the signed round trip's floor, and the request body's transport
    const floorNetuid = netuid + 100
    targetPeer.services.query.serve(floorNetuid, () => new Uint8Array())
    const loop = async (into: number[], what: string, request: { netuid: number; body: Uint8Array }) => {
      for (let i = 0; i < RTTS; i++) {
        const t0 = performance.now()
        try {
          await validatorPeer.services.query.query(addrs, { minerHotkey, ...request }, { timeout: DEADLINE_MS })
          into.push(performance.now() - t0)
        } catch (error) {
          broken.push(`${what} round trip ${i} to UID ${target.uid} failed: ${(error as Error).message}`)
          break
        }
      }
    }
    await loop(rtts, 'bare', { netuid, body })
    await loop(emptyRtts, 'empty', { netuid: floorNetuid, body: new Uint8Array() })
    await loop(payloadRtts, 'body-only', { netuid: floorNetuid, body })
    for (let i = 0; i < RTTS; i++) {
      const t0 = performance.now()
      await digitsMinerTask.answer(body, run)
      modelOnly.push(performance.now() - t0)
    }
  }
  const rtt = rtts.length > 0 ? median(rtts) : NaN
  const model = modelOnly.length > 0 ? median(modelOnly) : NaN
  const emptyRtt = emptyRtts.length > 0 ? median(emptyRtts) : NaN
  const payloadRtt = payloadRtts.length > 0 ? median(payloadRtts) : NaN
  const answerBytes = median(last.t.scored.map((x) => x.body.length))

  const onChain = await getWeightsState(chain.client, { netuid, hotkey: validatorKey.address })

  // ── report ──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────
  const col = <K extends keyof Measured>(k: K) => samples.map((x) => x[k])
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)
  const totalSum = sum(col('total'))
  const share = (k: keyof Measured) => sum(col(k)) / totalSum
  const line = (label: string, k: keyof Measured, note = '') =>
    console.log(`  ${label.padEnd(12)} p50 ${ms(median(col(k))).padStart(9)}  p90 ${ms(quantile(col(k), 0.9)).padStart(9)}  share ${pct(share(k)).padStart(7)}${note}`)
  const totalP50 = median(col('total'))
  const scoringP50 = median(col('scoring'))
  const methods = [...last.t.methods].sort((x, y) => y[1] - x[1]).map(([m, n]) => `${m} ×${n}`).join(', ')
  console.log(
    `bench/validator-step — ${samples.length} timed steps (after 1 warm-up) over ${MINERS} Node miners in this process on loopback websockets, ${CHALLENGE} digits per challenge, ` +
      `one shared onnxruntime-node session; instant-seal devnet, commit-reveal off (setup ${setupSeconds.toFixed(0)} s, total ${((performance.now() - started) / 1000).toFixed(0)} s; load average ${loadavg()[0]!.toFixed(1)})`,
  )
  console.log(`  warm-up step (dials ${MINERS} peers): ${ms(warm.m.total)}, of which miners ${ms(warm.m.miners)}`)
  console.log(`  every step, ms: ${col('total').map((x) => x.toFixed(0)).join(' ')}`)
  line('step total', 'total')
  line('chain reads', 'reads', '  metagraph + weights state, then commitments + neurons')
  line('challenge', 'challenge')
  line('miners', 'miners', `  waiting on miners: first answer p50 ${ms(median(col('firstAnswer')))}, this is the last`)
  line('scoring', 'scoring', `  ${MINERS} × task.scoreAnswer`)
  line('weights', 'weights', `  weights state + sign + set_weights in a block (submit → in block p50 ${ms(median(col('submit')))})`)
  line('other', 'other', '  moving scores, weights vector, scheduling')
  console.log(`  RPC calls per step p50 ${median(col('rpcCalls'))} (last step: ${methods})`)
  console.log(`  baseline: the same ${answers.length} answers scored with no network (scoreAnswers, median of 30): ${ms(pureScoringMs)}`)
  console.log(`  baseline: one bare query round trip to one miner with the same body (median of ${rtts.length}): ${ms(rtt)}; its parts: empty signed round trip ${ms(emptyRtt)}, ` +
    `the same body answered empty ${ms(payloadRtt)}, that miner's model call alone ${ms(model)} (request ${(body?.length ?? 0).toLocaleString('en')} B, answer ${answerBytes.toLocaleString('en')} B)`)
  console.log(`  this process during the timed steps (validator, ${MINERS} miners, devnet, one JS thread): ${((cpu.user + cpu.system) / 1000 / stepsWallMs).toFixed(2)} cores busy on average`)
  console.log(
    `  ratio step p50 ÷ (${MINERS} × one round trip) = ${(totalP50 / (MINERS * rtt)).toFixed(2)}×; miners phase p50 ÷ (${MINERS} × one round trip) = ${(median(col('miners')) / (MINERS * rtt)).toFixed(2)}×; ` +
      `step p50 ÷ one round trip = ${(totalP50 / rtt).toFixed(1)}×`,
  )
  console.log(
    `  ratio scoring share of the step = ${pct(share('scoring'))} (in-step scoring p50 ${ms(scoringP50)} = ${(scoringP50 / pureScoringMs).toFixed(1)}× the pure baseline; ` +
      `pure scoring = ${(100 * pureScoringMs / totalP50).toFixed(3)} % of the step p50); waiting on miners ÷ scoring = ${(share('miners') / share('scoring')).toFixed(0)}×`,
  )
  console.log(`  on chain after the last step: ${onChain.weights.length} weights from UID ${onChain.uid}, last update block ${onChain.lastUpdate}; step scores p50 ${median(last.report.rows.map((r) => r.score)).toFixed(3)}`)
  // let the last submissions' subscriptions see finality before the chain goes away
  await new Promise((resolve) => setTimeout(resolve, 200))
} finally {
  await Promise.all(peers.map((p) => Promise.resolve(p.stop()).catch(() => {})))
  await Promise.resolve(session?.release()).catch(() => {})
  await validatorClient?.close().catch(() => {})
  await chain.close()
}

if (broken.length > 0) {
  for (const line of broken.slice(0, 10)) console.error(`BROKEN: ${line}`)
  if (broken.length > 10) console.error(`BROKEN: … and ${broken.length - 10} more`)
  process.exit(1)
}
process.exit(0)
