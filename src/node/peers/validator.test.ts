// The headless validator against a devnet with two headless miners (the digits CNN and the weaker MLP), commit-reveal on as on every new
// subnet: it queries both over libp2p, scores them, commits its weights, reveals them in the next epoch, the weights show on chain, and
// after the epoch that reads them the CNN miner earns more incentive than the MLP miner. Plus the `validator` command line.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { fileURLToPath } from 'node:url'
import { setupSubnet, startTestChain, type TestChain } from '../../chain/testing/devnet.ts'
import { addStakeLimit } from '../../chain/actions/addStakeLimit.ts'
import { getMetagraph } from '../../chain/actions/getMetagraph.ts'
import { getWeightsState } from '../../chain/actions/getWeightsState.ts'
import { transfer } from '../../chain/actions/transfer.ts'
import { prepareTransaction } from '../../chain/internal/transaction.ts'
import type { Untyped } from '../../chain/internal/read.ts'
import { parseTao } from '../../chain/units.ts'
import { parseCommand, UsageError } from '../cli/args.ts'
import { startHeadlessMiner, type HeadlessMiner } from './miner.ts'
import { loadValidatorTask } from '../../validator/tasks.ts'
import { chooseValidatorTask, startHeadlessValidator, type HeadlessValidator } from './validator.ts'

const model = (name: string) => fileURLToPath(new URL(`../../../public/models/${name}`, import.meta.url))
const TEMPO = 10
const WARMUP = 12
let chain: TestChain
let netuid: number
let cnn: HeadlessMiner
let mlp: HeadlessMiner
let validator: HeadlessValidator
const lines: string[] = []

beforeAll(async () => {
  chain = await startTestChain()
  const subnet = await setupSubnet(chain, chain.alice, { name: 'validate', hotkeys: 1 })
  netuid = subnet.netuid
  const api = await chain.client.api
  const tx = api.tx as Untyped
  const sudo = (call: Untyped) => prepareTransaction(chain.client, api, { pallet: 'Sudo', name: 'sudo', args: {} }, tx.sudo.sudo(call)).send(chain.alice, { waitFor: 'inBlock' })
  await sudo(tx.adminUtils.sudoSetTempo(netuid, TEMPO))
  await sudo(tx.adminUtils.sudoSetWeightsSetRateLimit(netuid, 0))
  await sudo(tx.adminUtils.sudoSetSubnetEmissionEnabled(netuid, true))
  const validatorHotkey = subnet.hotkeys[1]!
  for (const to of ['//validate//cnn', '//validate//mlp'].map((u) => chain.keyring.addFromUri(u).address).concat(validatorHotkey.address))
    await (await transfer(chain.client, { to, amount: parseTao('1') })).send(chain.alice, { waitFor: 'inBlock' })
  // miners registered by //Bob (incentive to hotkeys of the subnet owner's coldkey would be burned)
  cnn = await startHeadlessMiner({ url: chain.devnet.url, netuid, modelPath: model('digits-cnn.onnx'), hotkeyUri: '//validate//cnn', coldkeyUri: '//Bob', permitCacheMs: 0 })
  mlp = await startHeadlessMiner({ url: chain.devnet.url, netuid, modelPath: model('digits-mlp.onnx'), hotkeyUri: '//validate//mlp', coldkeyUri: '//Bob', permitCacheMs: 0 })
  // stake behind the validator, then an epoch grants it a permit
  await (await addStakeLimit(chain.client, { hotkey: validatorHotkey.address, netuid, amount: parseTao('100'), tolerance: 0.9 })).send(chain.bob, { waitFor: 'inBlock' })
  await chain.newBlocks(TEMPO + 2)
  validator = await startHeadlessValidator({ url: chain.devnet.url, netuid, hotkeyUri: '//validate//hot//1', autoRun: false, challengeSize: 256, warmupSteps: WARMUP, log: (l) => lines.push(l) })
}, 180_000)

afterAll(async () => {
  await Promise.all([validator?.stop(), cnn?.stop(), mlp?.stop()])
  await chain?.close()
})

const sealTo = async (block: number) => (await chain.client.api).rpc('dev_newBlock' as never, { to: block } as never)

describe('headless validator', () => {
  test('scores both miners, commits, reveals in the next epoch, the weights show on chain, and the CNN miner then out-earns the MLP miner', async () => {
    const v = validator.validator
    expect(validator.uid).toBe(1)
    // no --task, and the test subnet has no identity: digits, and the log says why
    expect(lines[0]).toBe(`subnet ${netuid} has no identity saying which task it runs: validating digits`)
    expect(lines[1]).toMatch(new RegExp(`^validating subnet ${netuid} \\(task digits\\) as UID 1 `))
    const uids = { cnn: cnn.uid, mlp: mlp.uid }

    // warm-up steps: both miners answer, nothing goes on chain yet
    for (let i = 0; i < WARMUP; i++) {
      const r = await v.step()
      expect(r.permit.permit).toBe(true)
      expect(r.queried).toBe(2)
      expect(r.answered).toBe(2)
      expect(r.weights).toEqual([])
    }
    const scores = v.scores()
    expect(scores.get(uids.cnn)!.score).toBeGreaterThan(scores.get(uids.mlp)!.score)
    expect(lines.at(-1)).toMatch(/^step 12 · block \d+ · 2 miners queried, 2 answered · mean score 0\.9\d\d$/)

    // commit-reveal is on (the default for a new subnet): the next step commits
    const before = await getWeightsState(chain.client, { netuid, hotkey: v.hotkey })
    expect(before.commitRevealEnabled).toBe(true)
    const committed = await v.step()
    expect(committed.weights).toMatchObject([{ type: 'commit', ok: true, uids: [uids.cnn, uids.mlp] }])
    expect(committed.weights[0]!.values[0]).toBe(65535)
    expect(committed.weights[0]!.values[1]).toBeLessThan(65535)
    const commitHash = committed.weights[0]!.hash!
    const onChain = await getWeightsState(chain.client, { netuid, hotkey: v.hotkey })
    expect(onChain.commits.map((c) => c.hash)).toEqual([commitHash])
    expect(onChain.weights).toEqual([])

    // still in the commit's epoch: nothing to send, and the reveal block is known
    const waiting = await v.step()
    expect(waiting.weights).toEqual([])
    const revealAt = waiting.plan!.nextRevealBlock!
    expect(revealAt).toBeGreaterThan(waiting.block)
    expect(lines.at(-1)).toContain(`reveal at block ${revealAt}`)

    // the reveal epoch: the step reveals (and commits for this epoch), and the weights are on chain
    await sealTo(revealAt)
    const revealed = await v.step()
    expect(revealed.weights.map((w) => [w.type, w.ok, w.error])).toEqual([
      ['reveal', true, undefined],
      ['commit', true, undefined],
    ])
    expect(revealed.weights[0]!.hash).toBe(commitHash)
    const after = await getWeightsState(chain.client, { netuid, hotkey: v.hotkey })
    expect(after.weights).toEqual(committed.weights[0]!.uids.map((uid, i) => [uid, committed.weights[0]!.values[i]]))
    expect(after.commits.map((c) => c.hash)).toEqual([revealed.weights[1]!.hash])

    // the epoch that reads the revealed weights: incentive follows them
    await chain.newBlocks(TEMPO + 1)
    const { neurons } = await getMetagraph(chain.client, { netuid })
    const incentive = (uid: number) => neurons.find((n) => n.uid === uid)!.incentive
    expect(incentive(uids.mlp)).toBeGreaterThan(0)
    expect(incentive(uids.cnn)).toBeGreaterThan(incentive(uids.mlp))
    expect(v.history().filter((w) => w.ok).map((w) => w.type)).toEqual(['commit', 'reveal', 'commit'])
  }, 240_000)

  test('a hotkey without a UID is refused before anything starts', async () => {
    await expect(startHeadlessValidator({ url: chain.devnet.url, netuid, hotkeyUri: '//validate//stranger', autoRun: false })).rejects.toThrow(/holds no UID on subnet \d+: register it \(and stake to it\) before validating/)
  }, 60_000)
})

describe('the task a headless validator runs', () => {
  test('--task wins; else the subnet’s identity; else digits, with a line saying why', () => {
    const ocr = { name: 'ocr', additional: 'webtensor task: ocr' }
    expect(chooseValidatorTask('digits', 4, ocr)).toEqual({ taskId: 'digits', note: 'task digits, as asked' })
    expect(chooseValidatorTask(undefined, 4, ocr)).toEqual({ taskId: 'ocr', note: 'subnet 4 runs ocr (declared in its identity)' })
    expect(chooseValidatorTask(undefined, 4, { name: 'ocr', additional: '' })).toEqual({ taskId: 'ocr', note: 'subnet 4 runs ocr (its identity’s name)' })
    expect(chooseValidatorTask(undefined, 4, undefined)).toEqual({ taskId: 'digits', note: 'subnet 4 has no identity saying which task it runs: validating digits' })
    expect(chooseValidatorTask(undefined, 4, { name: 'Apex', additional: '' })).toEqual({ taskId: 'digits', note: 'subnet 4 runs no task webtensor knows (its identity ("Apex") names no task): falling back to digits' })
  })

  test('the ocr task is registered: it draws seeded lines in Node', async () => {
    const task = await loadValidatorTask('ocr')
    expect(task.id).toBe('ocr')
    const drawn = await task.challenge('headless-ocr', { size: 2 })
    expect(drawn.size).toBe(2)
    expect(drawn.body.length).toBe(6 + 2 * 48 * 320)
    await expect(loadValidatorTask('poetry')).rejects.toThrow('no validator task "poetry"; the tasks are: digits, ocr')
  })
})

describe('webtensor validator (command line)', () => {
  test('flags with their defaults; mistakes refused in words', () => {
    expect(parseCommand(['validator', '--netuid', '2', '--hotkey-uri', '//Eve'])).toEqual({
      command: 'validator',
      url: 'ws://127.0.0.1:9944',
      netuid: 2,
      hotkeyUri: '//Eve',
      task: undefined,
      intervalMs: 12_000,
      deadlineMs: 10_000,
    })
    expect(parseCommand(['validator', '--netuid', '3', '--hotkey-uri', '//Eve', '--task', 'ocr', '--interval-ms', '500', '--rpc', 'ws://127.0.0.1:9000'])).toMatchObject({ netuid: 3, task: 'ocr', intervalMs: 500, url: 'ws://127.0.0.1:9000' })
    expect(() => parseCommand(['validator', '--hotkey-uri', '//Eve'])).toThrow(new UsageError('validator needs --netuid N'))
    expect(() => parseCommand(['validator', '--netuid', '0', '--hotkey-uri', '//Eve'])).toThrow('--netuid must be between 1 and 65535, not 0')
    expect(() => parseCommand(['validator', '--netuid', '2', '--hotkey-uri', '//Eve', '--interval-ms', 'soon'])).toThrow('--interval-ms takes a whole number, not "soon"')
  })
})
