// A stock @polkadot/api client against a running devnet: reads, transfers (keyring and extension-style signer), read proofs, history, and every refusal.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import '@polkadot/api-augment'
import { ApiPromise, WsProvider } from '@polkadot/api'
import { Keyring } from '@polkadot/keyring'
import { cryptoWaitReady } from '@polkadot/util-crypto'
import { hexToU8a, u8aToHex } from '@polkadot/util'
import type { KeyringPair } from '@polkadot/keyring/types'
import type { SignerPayloadJSON } from '@polkadot/types/types'
import { startDevnet } from './devnet.ts'
import { verifyReadProof } from './db/trie.ts'

const TAO = 1_000_000_000n
let devnet: Awaited<ReturnType<typeof startDevnet>>
let api: ApiPromise
let alice: KeyringPair
let bob: KeyringPair
let eve: KeyringPair

beforeAll(async () => {
  await cryptoWaitReady()
  devnet = await startDevnet({ tmp: true, instantSeal: true, rpcPort: 0 })
  api = await ApiPromise.create({ provider: new WsProvider(devnet.url), noInitWarn: true, throwOnConnect: true })
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 })
  alice = keyring.addFromUri('//Alice')
  bob = keyring.addFromUri('//Bob')
  eve = keyring.addFromUri('//Eve')
}, 60_000)

afterAll(async () => {
  await api?.disconnect()
  await devnet?.close()
})

/** Sends and resolves once finalized, with the statuses seen and the events of the extrinsic. */
function send(tx: ReturnType<ApiPromise['tx']['balances']['transferKeepAlive']>, from: KeyringPair | string, options: object = {}) {
  return new Promise<{ statuses: string[]; events: string[]; blockHash: string }>((resolve, reject) => {
    const statuses: string[] = []
    tx.signAndSend(from as KeyringPair, options, (result) => {
      statuses.push(result.status.type)
      if (result.dispatchError) reject(new Error(`dispatch error ${result.dispatchError.toString()}`))
      if (result.status.isFinalized) resolve({ statuses, events: result.events.map((e) => `${e.event.section}.${e.event.method}`), blockHash: result.status.asFinalized.toHex() })
    }).catch(reject)
  })
}

describe('@polkadot/api against the devnet', () => {
  test('connects and reads the chain, constants and balances', async () => {
    expect((await api.rpc.system.chain()).toString()).toBe('webtensor devnet')
    expect(api.runtimeVersion.specName.toString()).toBe('node-subtensor')
    expect(api.registry.chainDecimals).toEqual([9])
    expect(api.registry.chainTokens).toEqual(['TAO'])
    expect(api.registry.chainSS58).toBe(42)
    expect(api.consts.balances.existentialDeposit.toBigInt()).toBe(500n)
    const account = await api.query.system.account(alice.address)
    expect(account.data.free.toBigInt()).toBe(1_000_000n * TAO)
  }, 30_000)

  test('a keyring transfer goes Ready → InBlock → Finalized with the Transfer event', async () => {
    const before = (await api.query.system.account(bob.address)).data.free.toBigInt()
    const { statuses, events } = await send(api.tx.balances.transferKeepAlive(bob.address, 5n * TAO), alice)
    expect(statuses).toEqual(expect.arrayContaining(['Ready', 'InBlock', 'Finalized']))
    expect(statuses.indexOf('InBlock')).toBeLessThan(statuses.indexOf('Finalized'))
    expect(events).toEqual(expect.arrayContaining(['balances.Transfer', 'transactionPayment.TransactionFeePaid', 'system.ExtrinsicSuccess']))
    expect((await api.query.system.account(bob.address)).data.free.toBigInt()).toBe(before + 5n * TAO)
  }, 30_000)

  test('an extension-style signer (signPayload) is accepted, and paymentInfo quotes the fee paid', async () => {
    const signer = {
      signPayload: async (payload: SignerPayloadJSON) => {
        const extrinsicPayload = api.registry.createType('ExtrinsicPayload', payload, { version: payload.version })
        return { id: 1, signature: extrinsicPayload.sign(eve).signature }
      },
    }
    const tx = api.tx.balances.transferAllowDeath(bob.address, 2n * TAO)
    const quote = await tx.paymentInfo(eve.address)
    const before = (await api.query.system.account(eve.address)).data.free.toBigInt()
    const { events } = await send(tx, eve.address, { signer })
    expect(events).toContain('balances.Transfer')
    const after = (await api.query.system.account(eve.address)).data.free.toBigInt()
    expect(before - after).toBe(2n * TAO + quote.partialFee.toBigInt())
  }, 30_000)

  test('a read proof verifies against the header’s state root', async () => {
    const hash = await api.rpc.chain.getFinalizedHead()
    const header = await api.rpc.chain.getHeader(hash)
    const key = api.query.system.account.key(alice.address)
    const proof = await api.rpc.state.getReadProof([key], hash)
    const values = verifyReadProof(header.stateRoot.toU8a(), proof.proof.map((p) => p.toU8a(true)), [hexToU8a(key)])
    const stored = await api.rpc.state.getStorage(key, hash)
    expect(u8aToHex(values.get(key as `0x${string}`) ?? undefined)).toBe((stored as unknown as { toHex(): string }).toHex())
  }, 30_000)

  test('state at an older block is still readable', async () => {
    const old = await api.rpc.chain.getBlockHash(1)
    const atOld = await api.at(old)
    const oldBob = (await atOld.query.system.account(bob.address)).data.free.toBigInt()
    const nowBob = (await api.query.system.account(bob.address)).data.free.toBigInt()
    expect(nowBob).toBeGreaterThan(oldBob)
  }, 30_000)

  describe('refusals come back with Substrate’s codes and a reason, and change nothing', () => {
    const submit = (hex: string) => (api.rpc.author.submitExtrinsic(hex) as Promise<unknown>).then(() => 'accepted', (e: Error) => e.message)

    test('undecodable bytes', async () => {
      // polkadot-js refuses these before sending, so send them raw.
      const raw = new WsProvider(devnet.url)
      await raw.isReady
      const error = await raw.send('author_submitExtrinsic', ['0x1234']).then(() => 'accepted', (e: Error) => e.message)
      await raw.disconnect()
      expect(error).toMatch(/^1001: Extrinsic has invalid format/)
    })

    test('a stale nonce', async () => {
      const tx = api.tx.balances.transferKeepAlive(bob.address, 1n)
      await tx.signAsync(alice, { nonce: 0 })
      expect(await submit(tx.toHex())).toBe('1010: Invalid Transaction: Transaction is outdated: nonce 0 was already used; the account\'s next nonce is 1')
    })

    test('a far-future nonce', async () => {
      const tx = api.tx.balances.transferKeepAlive(bob.address, 1n)
      await tx.signAsync(alice, { nonce: 1_000_000 })
      expect(await submit(tx.toHex())).toMatch(/^1010: Invalid Transaction: Transaction will be valid in the future: nonce 1000000 is more than 1024 ahead/)
    })

    test('a bad signature', async () => {
      const tx = api.tx.balances.transferKeepAlive(bob.address, 1n)
      await tx.signAsync(alice)
      const bytes = tx.toU8a()
      // Flip a bit of the signature (after the length prefix, version byte and 33-byte address).
      const at = tx.encodedLength - tx.method.encodedLength - 70
      bytes[at] = bytes[at]! ^ 1
      expect(await submit(u8aToHex(bytes))).toBe('1010: Invalid Transaction: Transaction has a bad signature')
    })

    test('a wrong genesis hash or spec version', async () => {
      // Sign as a client of another chain (or runtime) would: the payload names its genesis and spec version.
      const signElsewhere = async (overrides: { genesisHash?: string; specVersion?: number }) => {
        const tx = api.tx.balances.transferKeepAlive(bob.address, 1n)
        const genesisHash = overrides.genesisHash ?? api.genesisHash.toHex()
        const payload = api.registry.createType('SignerPayload', {
          address: alice.address,
          method: tx.method,
          nonce: (await api.rpc.system.accountNextIndex(alice.address)).toNumber(),
          genesisHash,
          blockHash: genesisHash,
          era: api.registry.createType('ExtrinsicEra'),
          runtimeVersion: { specVersion: overrides.specVersion ?? api.runtimeVersion.specVersion.toNumber(), transactionVersion: api.runtimeVersion.transactionVersion.toNumber() },
          signedExtensions: api.registry.signedExtensions,
          version: 4,
        }).toPayload()
        const { signature } = api.registry.createType('ExtrinsicPayload', payload, { version: 4 }).sign(alice)
        tx.addSignature(alice.address, signature, payload)
        return tx.toHex()
      }
      expect(await submit(await signElsewhere({ genesisHash: `0x${'ab'.repeat(32)}` }))).toBe('1010: Invalid Transaction: Transaction has a bad signature')
      expect(await submit(await signElsewhere({ specVersion: 999 }))).toBe('1010: Invalid Transaction: Transaction has a bad signature')
    })

    test('an unpayable fee', async () => {
      const pauper = new Keyring({ type: 'sr25519' }).addFromUri('//NoFunds')
      const tx = api.tx.balances.transferKeepAlive(bob.address, 1n)
      await tx.signAsync(pauper, { nonce: 0 })
      expect(await submit(tx.toHex())).toMatch(/^1010: Invalid Transaction: Inability to pay some fees/)
    })

    test('an expired era', async () => {
      const tx = api.tx.balances.transferKeepAlive(bob.address, 1n)
      await tx.signAsync(alice, { era: 4 })
      for (let i = 0; i < 6; i++) await devnet.newBlock()
      expect(await submit(tx.toHex())).toMatch(/^1010: Invalid Transaction: Transaction has a bad signature: the transaction's mortal era expired/)
    })

    test('the chain kept serving and nothing changed', async () => {
      const nonce = (await api.rpc.system.accountNextIndex(alice.address)).toNumber()
      expect(nonce).toBe(1)
      expect((await api.rpc.system.health()).isSyncing.isFalse).toBe(true)
    })
  })
})
