// The chain service on the fake runtime: genesis, sealed blocks, finality, the pool and its watchers, dev controls, restarts and the data directory.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { hexToU8a, stringToU8a, u8aToHex } from '@polkadot/util'
import { blake2AsHex, cryptoWaitReady, sr25519Verify } from '@polkadot/util-crypto'
import { afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { Trie } from '../db/trie.ts'
import { createFakeRuntime, fakeAccount, fakeTransaction, FAKE_MODE, nonceKey, TIMESTAMP_NOW_KEY, type FakeTransaction } from '../testing/fakeRuntime.ts'
import { DevnetChain, type DevnetChainOptions, type TransactionStatus } from './chain.ts'
import { acquireDataDir, DataDirError } from './dataDir.ts'
import { TransactionRefused, UnknownBlockError } from './errors.ts'
import { AUTHORITY_BALANCE, DEV_ACCOUNT_BALANCE, SLOT_DURATION_MS } from './genesis.ts'
import { auraSlotOf, blockHashOf, encodeHeader, headerToJson, withoutSeal, type Hex } from './header.ts'

const T = 20_000
let dir: string
const opened: DevnetChain[] = []

beforeAll(() => cryptoWaitReady())
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'webtensor-chain-test-'))
})
afterEach(() => {
  for (const chain of opened.splice(0)) chain.close()
  rmSync(dir, { recursive: true, force: true })
})

async function open(options: Partial<DevnetChainOptions> = {}) {
  const runtime = options.runtime ?? createFakeRuntime()
  const chain = await DevnetChain.open({ runtime, databasePath: join(dir, 'chain.sqlite'), finalityDelayMs: 20, ...options })
  opened.push(chain)
  return chain
}

function closeAndForget(chain: DevnetChain) {
  chain.close()
  opened.splice(opened.indexOf(chain), 1)
}

const alice = fakeAccount(1)
const bob = fakeAccount(2)
const tx = (t: Partial<FakeTransaction> & { nonce: number }) => fakeTransaction({ sender: alice, key: 'greeting', value: 'hello', ...t })

function refusalOf(run: () => unknown): TransactionRefused['refusal'] {
  try {
    run()
  } catch (error) {
    if (error instanceof TransactionRefused) return error.refusal
    throw error
  }
  throw new Error('the transaction was accepted')
}

/** Collects a watched transaction's statuses; `until` resolves at the first one matching. */
function watcher() {
  const statuses: TransactionStatus[] = []
  const waiting: Array<{ match: (s: TransactionStatus) => boolean; resolve: () => void }> = []
  return {
    statuses,
    listener: (status: TransactionStatus) => {
      statuses.push(status)
      for (const w of waiting.splice(0)) if (w.match(status)) w.resolve()
        else waiting.push(w)
    },
    until(match: (s: TransactionStatus) => boolean) {
      if (statuses.some(match)) return Promise.resolve()
      return new Promise<void>((resolve) => waiting.push({ match, resolve }))
    },
  }
}

const finalizedOf = (chain: DevnetChain, number: number) =>
  new Promise<void>((resolve) => {
    if (chain.finalized().number >= number) return resolve()
    const stop = chain.onFinalized((block) => {
      if (block.number >= number) {
        stop()
        resolve()
      }
    })
  })

describe('genesis', () => {
  test('block 0 holds the runtime genesis state for the dev chain spec, and is final', async () => {
    const runtime = createFakeRuntime()
    const chain = await open({ runtime })
    const [config] = runtime.log.genesis
    const alicePub = u8aToHex(chain.keys.accounts[0]!.pair.publicKey)
    // subtensor's --dev authority is //One: sr25519 for Aura, ed25519 for Grandpa.
    expect(config!.auraAuthorities).toEqual(['0xac859f8a216eeb1b320b4c76d118da3d7407fa523484d0a980126d3b4d0d220a'])
    expect(config!.grandpaAuthorities).toEqual(['0x16f97016bbea8f7b45ae6757b49efc1080accc175d8f018f9ba719b60b0815e4'])
    expect(config!.sudoKey).toBe(alicePub)
    expect(config!.sudoKey).toBe('0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d')
    expect(config!.balances).toHaveLength(7)
    expect(config!.balances.slice(0, 6).every(([, free]) => free === DEV_ACCOUNT_BALANCE)).toBe(true)
    expect(DEV_ACCOUNT_BALANCE).toBe(1_000_000_000_000_000n)
    expect(config!.balances[6]).toEqual([config!.auraAuthorities[0], AUTHORITY_BALANCE])
    expect(config!.slotDurationMs).toBe(SLOT_DURATION_MS)

    const genesis = chain.head()
    expect(genesis.number).toBe(0)
    expect(chain.finalized().hash).toBe(genesis.hash)
    expect(chain.genesisHash).toBe(genesis.hash)
    expect(genesis.hash).toBe(blockHashOf(genesis.encodedHeader))
    const storage = runtime.genesisStorage(config!)
    const root = u8aToHex(Trie.fromEntries([...storage].map(([k, v]) => [hexToU8a(k), hexToU8a(v)] as const)).root())
    expect(headerToJson(genesis.header)).toEqual({
      parentHash: `0x${'00'.repeat(32)}`,
      number: '0x0',
      stateRoot: root,
      // The ordered trie root of no extrinsics: the empty trie's root.
      extrinsicsRoot: '0x03170a2e7597b7b7e3d84c05391d139a62b157e78786d8c082f29dcf4c111314',
      digest: { logs: [] },
    })
  })

  test('a database made by another runtime is refused, and left as it was', async () => {
    const chain = await open()
    chain.authorBlock()
    const head = chain.head().hash
    closeAndForget(chain)
    await expect(open({ runtime: createFakeRuntime({ salt: 'another runtime' }) })).rejects.toThrow(/holds a chain whose genesis is 0x[0-9a-f]{64}, but this runtime's genesis is 0x[0-9a-f]{64}/)
    expect((await open()).head().hash).toBe(head)
  })
})

describe('authoring', () => {
  test('each block extends the best one, is sealed by the Aura authority, and has a later slot and time', async () => {
    const chain = await open()
    const auraKey = chain.keys.aura.publicKey
    let parent = chain.head()
    let parentSlot = -1n
    let parentTime = 0n
    for (let i = 0; i < 6; i++) {
      const block = chain.authorBlock()
      expect(block.number).toBe(parent.number + 1)
      expect(block.header.parentHash).toBe(parent.hash)
      expect(block.hash).toBe(blockHashOf(block.encodedHeader))
      const seal = block.header.digest.logs.at(-1)!
      expect(seal.type).toBe('Seal')
      const [engine, signature] = seal.value as [Hex, Uint8Array]
      expect(engine).toBe('0x61757261')
      const preSealHash = blake2AsHex(encodeHeader(withoutSeal(block.header)), 256)
      expect(sr25519Verify(hexToU8a(preSealHash), signature, auraKey)).toBe(true)
      expect(auraSlotOf(block.header)).toBe(block.slot)
      expect(block.slot > parentSlot).toBe(true)
      expect(block.timestamp >= parentTime + SLOT_DURATION_MS / 2n).toBe(true)
      expect(block.timestamp / SLOT_DURATION_MS).toBe(block.slot)
      parent = block
      parentSlot = block.slot
      parentTime = block.timestamp
    }
    expect(chain.head().hash).toBe(parent.hash)
  })

  test('blocks become final shortly after import, in order, and restart resumes the same chain', async () => {
    const chain = await open({ finalityDelayMs: 30 })
    const finalized: number[] = []
    chain.onFinalized((block) => finalized.push(block.number))
    chain.submitExtrinsic(tx({ nonce: 0 }))
    for (let i = 0; i < 4; i++) chain.authorBlock()
    expect(chain.finalized().number).toBe(0)
    await finalizedOf(chain, 4)
    expect(finalized).toEqual([1, 2, 3, 4])

    const head = chain.head()
    const roots = [0, 1, 2, 3, 4].map((n) => chain.blockRecord(chain.blockHash(n)!)!.header.stateRoot)
    const body = chain.block(chain.blockHash(1)!)!.body
    closeAndForget(chain)
    const again = await open({ finalityDelayMs: 30 })
    expect(again.head().hash).toBe(head.hash)
    expect(again.finalized().hash).toBe(head.hash)
    expect(u8aToHex(again.stateAt().state.root())).toBe(head.header.stateRoot)
    for (let n = 0; n <= 4; n++) expect(u8aToHex(again.stateAt(again.blockHash(n)).state.root())).toBe(roots[n])
    expect(again.block(again.blockHash(1)!)!.body).toEqual(body)
    expect(u8aToHex(again.stateAt().state.get(stringToU8a('greeting')))).toBe(u8aToHex(stringToU8a('hello')))
    expect(again.authorBlock().header.parentHash).toBe(head.hash)
  }, T)

  test('blocks not yet final when the node stopped become final after a restart', async () => {
    // A long delay: nothing is finalized before the (simulated) crash; reopening without close() keeps it that way.
    const chain = await open({ finalityDelayMs: 60_000 })
    chain.authorBlock()
    chain.authorBlock()
    expect(chain.finalized().number).toBe(0)
    const head = chain.head().hash
    // close() would finalize: stop the timer but leave the pointer as a kill -9 would, by reopening a second handle.
    const reopened = await DevnetChain.open({ runtime: createFakeRuntime(), databasePath: join(dir, 'chain.sqlite'), finalityDelayMs: 10 })
    opened.push(reopened)
    expect(reopened.head().hash).toBe(head)
    expect(reopened.finalized().number).toBe(0)
    await finalizedOf(reopened, 2)
    expect(reopened.finalized().hash).toBe(head)
  }, T)

  test('past states are readable within the pruning window; older ones and unknown blocks are refused with the reason', async () => {
    const chain = await open({ pruning: 2, finalityDelayMs: 0 })
    for (let i = 0; i < 5; i++) chain.authorBlock()
    await finalizedOf(chain, 5)
    chain.authorBlock()
    const recent = chain.blockHash(chain.head().number - 1)!
    expect(u8aToHex(chain.stateAt(recent).state.root())).toBe(chain.blockRecord(recent)!.header.stateRoot)
    const old = chain.blockHash(1)!
    expect(() => chain.stateAt(old)).toThrow(new UnknownBlockError(old, 'discarded'))
    expect(() => chain.stateAt(old)).toThrow(`State already discarded for ${old}`)
    const unknown = `0x${'12'.repeat(32)}` as Hex
    expect(() => chain.stateAt(unknown)).toThrow(`Header was not found in the database: ${unknown}`)
    // Headers and bodies stay.
    expect(chain.block(old)!.number).toBe(1)
  }, T)
})

describe('transactions', () => {
  test('a watched transaction goes ready → inBlock → finalized, and its write lands', async () => {
    const chain = await open()
    const w = watcher()
    const { hash, status } = chain.submitExtrinsic(tx({ nonce: 0 }), w.listener)
    expect(status).toBe('ready')
    expect(chain.pendingExtrinsics().map((b) => blake2AsHex(b, 256))).toEqual([hash])
    const block = chain.authorBlock()
    expect(block.extrinsics).toContain(hash)
    expect(block.body.map((b) => u8aToHex(b))).toContain(u8aToHex(tx({ nonce: 0 })))
    await w.until((s) => typeof s === 'object' && 'finalized' in s)
    expect(w.statuses).toEqual(['ready', { inBlock: block.hash }, { finalized: block.hash }])
    expect(chain.pool.size).toBe(0)
    expect(u8aToHex(chain.stateAt().state.get(stringToU8a('greeting')))).toBe(u8aToHex(stringToU8a('hello')))
  }, T)

  test('a nonce gap waits in future until filled; accountNextIndex counts the ready ones', async () => {
    const chain = await open()
    const later = watcher()
    expect(chain.submitExtrinsic(tx({ nonce: 1, value: 'second' }), later.listener).status).toBe('future')
    expect(chain.accountNextIndex(alice)).toBe(0)
    expect(chain.submitExtrinsic(tx({ nonce: 0 })).status).toBe('ready')
    expect(later.statuses).toEqual(['future', 'ready'])
    expect(chain.accountNextIndex(alice)).toBe(2)
    expect(chain.accountNextIndex(bob)).toBe(0)
    const block = chain.authorBlock()
    expect(block.extrinsics).toHaveLength(3)
    expect(u8aToHex(chain.stateAt().state.get(nonceKey(alice)))).toBe('0x02000000')
    expect(chain.accountNextIndex(alice)).toBe(2)
  })

  test('refusals: stale, unpayable (then banned), unknown (not banned), undecodable, runtime failure, duplicate, included (banned)', async () => {
    const chain = await open()
    chain.submitExtrinsic(tx({ nonce: 0 }))
    expect(refusalOf(() => chain.submitExtrinsic(tx({ nonce: 0 })))).toEqual({ kind: 'pool', code: 'AlreadyImported', message: 'Transaction Already Imported' })
    chain.authorBlock()
    // Resubmitting the included bytes is refused before validation.
    expect(refusalOf(() => chain.submitExtrinsic(tx({ nonce: 0 })))).toMatchObject({ kind: 'pool', code: 'TemporarilyBanned' })
    expect(refusalOf(() => chain.submitExtrinsic(tx({ nonce: 0, value: 'other' })))).toEqual({
      kind: 'validity',
      invalid: { kind: 'Invalid', variant: 'Stale', message: 'Transaction is outdated' },
    })
    const unpayable = tx({ nonce: 1, mode: FAKE_MODE.unpayable })
    expect(refusalOf(() => chain.submitExtrinsic(unpayable))).toMatchObject({ kind: 'validity', invalid: { variant: 'Payment' } })
    expect(refusalOf(() => chain.submitExtrinsic(unpayable))).toMatchObject({ kind: 'pool', code: 'TemporarilyBanned' })
    const unknown = tx({ nonce: 1, mode: FAKE_MODE.unknown })
    expect(refusalOf(() => chain.submitExtrinsic(unknown))).toMatchObject({ kind: 'validity', invalid: { kind: 'Unknown', variant: 'CannotLookup' } })
    expect(refusalOf(() => chain.submitExtrinsic(unknown))).toMatchObject({ kind: 'validity', invalid: { kind: 'Unknown' } })
    expect(refusalOf(() => chain.submitExtrinsic(hexToU8a('0x1034')))).toEqual({
      kind: 'validity',
      invalid: { kind: 'BadFormat', variant: 'Decode', message: "the extrinsic's length prefix says 4 bytes, but 1 follow it" },
    })
    expect(refusalOf(() => chain.submitExtrinsic(hexToU8a('0x1234')))).toMatchObject({ invalid: { message: "the extrinsic's compact length prefix is cut short" } })
    expect(refusalOf(() => chain.submitExtrinsic(new Uint8Array()))).toMatchObject({ kind: 'validity', invalid: { kind: 'BadFormat' } })
    expect(refusalOf(() => chain.submitExtrinsic(hexToU8a('0x0c010203')))).toMatchObject({ kind: 'validity', invalid: { kind: 'BadFormat', variant: 'Call' } })
    expect(refusalOf(() => chain.submitExtrinsic(tx({ nonce: 1, mode: FAKE_MODE.validationThrows })))).toEqual({
      kind: 'verification',
      message: 'the fake runtime was told to fail',
    })
    // Nothing refused reached the pool or the chain.
    expect(chain.pool.size).toBe(0)
    expect(chain.head().number).toBe(1)
  })

  test('the same nonce at a higher priority usurps a pooled transaction; at an equal one it is refused', async () => {
    const chain = await open()
    const first = watcher()
    chain.submitExtrinsic(tx({ nonce: 0, priority: 5 }), first.listener)
    expect(refusalOf(() => chain.submitExtrinsic(tx({ nonce: 0, priority: 5, value: 'rival' })))).toEqual({
      kind: 'pool',
      code: 'TooLowPriority',
      message: 'Priority is too low: (5 vs 5)',
    })
    const { hash } = chain.submitExtrinsic(tx({ nonce: 0, priority: 9, value: 'winner' }))
    expect(first.statuses).toEqual(['ready', { usurped: hash }])
    expect(chain.authorBlock().extrinsics).toContain(hash)
  })

  test('a transaction the block has no room for stays ready; removing one bans it and tells its watcher', async () => {
    const chain = await open()
    const big = chain.submitExtrinsic(tx({ nonce: 0, mode: FAKE_MODE.exhaustsResources }))
    const block = chain.authorBlock()
    expect(block.extrinsics).not.toContain(big.hash)
    expect(chain.pendingExtrinsics()).toHaveLength(1)
    const w = watcher()
    const other = chain.submitExtrinsic(fakeTransaction({ sender: bob, nonce: 0, key: 'k', value: 'v' }), w.listener)
    expect(chain.removeExtrinsics([other.hash, `0x${'00'.repeat(32)}`])).toEqual([other.hash])
    expect(w.statuses).toEqual(['ready', 'invalid'])
    expect(refusalOf(() => chain.submitExtrinsic(fakeTransaction({ sender: bob, nonce: 0, key: 'k', value: 'v' })))).toMatchObject({ code: 'TemporarilyBanned' })
  })

  test('a pooled transaction the new state makes invalid is dropped as invalid', async () => {
    const chain = await open()
    const w = watcher()
    chain.submitExtrinsic(tx({ nonce: 0, mode: FAKE_MODE.exhaustsResources }), w.listener)
    // dev_setStorage moves alice's nonce past it.
    chain.setStorage([[u8aToHex(nonceKey(alice)) as Hex, '0x05000000']])
    expect(w.statuses).toEqual(['ready', 'invalid'])
    expect(chain.pool.size).toBe(0)
  })
})

describe('dev controls', () => {
  test('setStorage writes in a new block whose state root covers it', async () => {
    const chain = await open()
    const key = u8aToHex(stringToU8a('dev:key')) as Hex
    const block = chain.setStorage([[key, '0xbeef']])
    expect(block.changes.get(key)).toBe('0xbeef')
    const { state } = chain.stateAt(block.hash)
    expect(u8aToHex(state.get(hexToU8a(key)))).toBe('0xbeef')
    expect(u8aToHex(state.root())).toBe(block.header.stateRoot)
    const removed = chain.setStorage([[key, null]])
    expect(removed.changes.get(key)).toBeNull()
    expect(chain.stateAt().state.get(hexToU8a(key))).toBeUndefined()
    expect(() => chain.setStorage([[key, '0x01'], [key.toUpperCase().replace('0X', '0x') as Hex, '0x02']])).toThrow('is given twice')
  })

  test('timeTravel moves the next block time forward, and refuses to go back', async () => {
    const chain = await open()
    const target = Date.UTC(2031, 0, 1)
    expect(chain.timeTravel(target)).toBe(target)
    const block = chain.authorBlock()
    expect(block.timestamp >= BigInt(target)).toBe(true)
    expect(u8aToHex(chain.stateAt().state.get(hexToU8a(TIMESTAMP_NOW_KEY)))).toBe(u8aToHex(new Uint8Array(new BigUint64Array([block.timestamp]).buffer)))
    expect(() => chain.timeTravel(Date.UTC(2020, 0, 1))).toThrow(/cannot travel back to 2020-01-01T00:00:00.000Z: the best block is at 2031-01-01/)
  })

  test('authorBlocks builds the asked number of blocks and refuses silly counts', async () => {
    const chain = await open()
    expect((await chain.authorBlocks(3)).number).toBe(3)
    await expect(chain.authorBlocks(0)).rejects.toThrow('between 1 and 10000')
  })
})

describe('data directory', () => {
  test('one process at a time; a lock left by a dead process is taken over; --tmp is removed on release', () => {
    const path = join(dir, 'devnet')
    const first = acquireDataDir(path)
    expect(first.databasePath).toBe(join(path, 'chain.sqlite'))
    expect(() => acquireDataDir(path)).toThrow(DataDirError)
    expect(() => acquireDataDir(path)).toThrow(`is in use by another devnet (pid ${process.pid})`)
    first.release()
    // A dead process's pid (pid 2^22 + 1 is above Linux's pid_max default; any unused pid works).
    writeFileSync(join(path, 'LOCK'), '4194305\n')
    const second = acquireDataDir(path)
    second.release()
    expect(existsSync(join(path, 'LOCK'))).toBe(false)

    const temp = acquireDataDir(undefined)
    expect(temp.temporary).toBe(true)
    expect(existsSync(temp.path)).toBe(true)
    temp.release()
    expect(existsSync(temp.path)).toBe(false)
  })
})
