// Discovery from the chain, end to end on a devnet: a Node miner announces its peer id and address with its hotkey; a Node validator
// finds it through the subnet's commitments, is refused for lack of a permit (read from the chain), gets one after an epoch, and its
// query goes through. The pure matching and permit table are checked with hand-made rows first.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { generateKeyPair } from '@libp2p/crypto/keys'
import { peerIdFromPrivateKey } from '@libp2p/peer-id'
import { u8aToHex } from '@polkadot/util'
import { decodeAddress } from '@polkadot/util-crypto'
import { setupSubnet, startTestChain, type TestChain } from '../../chain/testing/devnet.ts'
import { addStakeLimit } from '../../chain/actions/addStakeLimit.ts'
import { transfer } from '../../chain/actions/transfer.ts'
import { prepareTransaction } from '../../chain/internal/transaction.ts'
import type { Untyped } from '../../chain/internal/read.ts'
import { parseTao } from '../../chain/units.ts'
import { createNodePeer, type NodePeer } from '../node/peer.ts'
import { sr25519SignerFromUri } from '../query/signer.ts'
import { encodeAnnouncement } from './announcement.ts'
import { announce, discoverPeers, matchAnnouncements } from './discover.ts'
import { chainValidatorLookup, validatorTable } from './permits.ts'

const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY'
const BOB = '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty'
const CHARLIE = '5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y'

describe('matchAnnouncements', async () => {
  const a = peerIdFromPrivateKey(await generateKeyPair('Ed25519')).toString()
  const b = peerIdFromPrivateKey(await generateKeyPair('Ed25519')).toString()
  const addr = (p: string) => `/ip4/10.0.0.1/tcp/9945/ws/p2p/${p}`
  const raw = (bytes: Uint8Array) => ({ kind: 'raw' as const, bytes })
  test('registered hotkeys with a valid announcement are peers; the rest are skipped with a reason', () => {
    const neurons = [
      { uid: 0, hotkey: ALICE },
      { uid: 3, hotkey: BOB },
    ]
    const { peers, skipped } = matchAnnouncements(neurons, [
      { hotkey: BOB, block: 7, fields: [raw(new TextEncoder().encode('subnet data')), raw(encodeAnnouncement({ peerId: a, multiaddrs: [addr(a)] }))] },
      { hotkey: ALICE, block: 5, fields: [raw(new TextEncoder().encode('hello'))] },
      { hotkey: CHARLIE, block: 6, fields: [raw(encodeAnnouncement({ peerId: b, multiaddrs: [addr(b)] }))] },
    ])
    expect(peers).toEqual([{ uid: 3, hotkey: BOB, block: 7, announcement: { peerId: a, multiaddrs: [addr(a)], protocol: '/webtensor/query/1.0.0' } }])
    expect(skipped).toEqual([
      { hotkey: ALICE, reason: 'it does not decode as a webtensor announcement' },
      { hotkey: CHARLIE, reason: 'the hotkey holds no UID on this subnet any more' },
    ])
  })
  test('one peer id claimed by two hotkeys: neither is trusted', () => {
    const field = raw(encodeAnnouncement({ peerId: a, multiaddrs: [addr(a)] }))
    const { peers, skipped } = matchAnnouncements(
      [
        { uid: 0, hotkey: ALICE },
        { uid: 1, hotkey: BOB },
      ],
      [
        { hotkey: ALICE, block: 1, fields: [field] },
        { hotkey: BOB, block: 2, fields: [field] },
      ],
    )
    expect(peers).toEqual([])
    expect(skipped.map((s) => s.reason)).toEqual([`peer ${a} is announced by more than one hotkey`, `peer ${a} is announced by more than one hotkey`])
  })
})

describe('validatorTable', () => {
  test('permit holders share the stake; others have no permit and no weight', () => {
    const table = validatorTable([
      { hotkey: ALICE, validatorPermit: true, totalStake: 3n },
      { hotkey: BOB, validatorPermit: true, totalStake: 1n },
      { hotkey: CHARLIE, validatorPermit: false, totalStake: 100n },
    ])
    expect(table.get(u8aToHex(decodeAddress(ALICE)))).toEqual({ permit: true, stakeWeight: 0.75 })
    expect(table.get(u8aToHex(decodeAddress(BOB)))).toEqual({ permit: true, stakeWeight: 0.25 })
    expect(table.get(u8aToHex(decodeAddress(CHARLIE)))).toEqual({ permit: false, stakeWeight: 0 })
  })
})

describe('discovery on a devnet', () => {
  const TEMPO = 10
  let chain: TestChain
  let netuid: number
  let miner: NodePeer
  let validator: NodePeer

  beforeAll(async () => {
    chain = await startTestChain()
    const subnet = await setupSubnet(chain, chain.alice, { name: 'discover', hotkeys: 2 })
    netuid = subnet.netuid
    const [, validatorKey, minerKey] = subnet.hotkeys
    for (const hk of [validatorKey!, minerKey!]) await (await transfer(chain.client, { to: hk.address, amount: parseTao('1') })).send(chain.alice, { waitFor: 'inBlock' })
    miner = await createNodePeer({ webrtc: false, query: { hotkey: sr25519SignerFromUri('//discover//hot//2'), lookupValidator: chainValidatorLookup(chain.client, { maxAgeMs: 0 }) } })
    miner.services.query.serve(netuid, async ({ body }) => new Uint8Array([...body, 42]))
    validator = await createNodePeer({ webrtc: false, query: { hotkey: sr25519SignerFromUri('//discover//hot//1') } })
    const multiaddrs = miner.getMultiaddrs().map(String).filter((a) => a.includes('/ws'))
    await (await announce(chain.client, { netuid, peerId: miner.peerId.toString(), multiaddrs })).send(minerKey!, { waitFor: 'inBlock' })
    // stake behind UID 1 so the next epoch gives it a validator permit
    await (await addStakeLimit(chain.client, { hotkey: validatorKey!.address, netuid, amount: parseTao('2') })).send(chain.bob, { waitFor: 'inBlock' })
  }, 60_000)
  afterAll(async () => {
    await Promise.all([miner?.stop(), validator?.stop()])
    await chain?.close()
  })

  test('the validator finds the miner, is refused without a permit, and queries it once an epoch gives it one', async () => {
    const { peers } = await discoverPeers(chain.client, { netuid })
    expect(peers).toHaveLength(1)
    expect(peers[0]).toMatchObject({ uid: 2, announcement: { peerId: miner.peerId.toString() } })
    const target = peers[0]!
    const request = { netuid, minerHotkey: decodeAddress(target.hotkey), body: new Uint8Array([1]) }
    const { multiaddr } = await import('@multiformats/multiaddr')
    const addrs = target.announcement.multiaddrs.map((a) => multiaddr(a))
    await expect(validator.services.query.query(addrs, request, { timeout: 5000 })).rejects.toMatchObject({ reason: 'NoValidatorPermit' })

    const api = await chain.client.api
    const tx = api.tx as Untyped
    await prepareTransaction(chain.client, api, { pallet: 'Sudo', name: 'sudo', args: {} }, tx.sudo.sudo(tx.adminUtils.sudoSetTempo(netuid, TEMPO))).send(chain.alice, { waitFor: 'inBlock' })
    await chain.newBlocks(TEMPO + 2)
    const answer = await validator.services.query.query(addrs, request, { timeout: 5000 })
    expect(answer.body).toEqual(new Uint8Array([1, 42]))
  }, 60_000)
})
