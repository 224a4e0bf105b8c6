// The explorer's search: what each kind of input is taken for, and what the page says once the reads answer (or refuse).
import { describe, expect, test } from 'vitest'
import type { Block } from '../../../chain/index.ts'
import { blockToRead, classifySearch, describeRange, extrinsicsSignedBy, findByHash, resolveSearch, type Lookup } from './search.ts'

const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY'
const BOB = '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty'
const h = (byte: string) => `0x${byte.repeat(32)}` as const

const block = (number: number, extrinsics: Array<{ hash: `0x${string}`; signer?: string }> = []): Block => ({
  number,
  hash: h(number.toString(16).padStart(2, '0')),
  parentHash: h('00'),
  stateRoot: h('00'),
  extrinsicsRoot: h('00'),
  timestamp: 1_700_000_000_000 + number * 12_000,
  extrinsics: extrinsics.map((e, index) => ({ index, hash: e.hash, section: 'balances', method: 'transferKeepAlive', args: {}, signer: e.signer, nonce: 0, tip: 0n, success: true, error: undefined })),
  events: [],
})

describe('classifySearch', () => {
  test.each([
    ['12', { kind: 'block', number: 12 }],
    ['  #1,024 ', { kind: 'block', number: 1024 }],
    ['0', { kind: 'block', number: 0 }],
    ['12-1', { kind: 'extrinsic', block: 12, index: 1 }],
    [h('AB'), { kind: 'hash', hash: h('ab') }],
    [ALICE, { kind: 'address', address: ALICE }],
    ['', { kind: 'empty' }],
    ['   ', { kind: 'empty' }],
  ])('%j', (input, expected) => expect(classifySearch(input)).toEqual(expected))

  test.each([
    ['hello', /"hello" is not something the explorer can look up\. Search takes a block number/],
    ['-3', /block numbers start at 0/],
    ['1.5', /block numbers are whole numbers/],
    ['99999999999', /too large for a block number: they go up to 4,294,967,295/],
    ['0x1234', /a hash is 0x and 64 hex digits, this has 4/],
    [`0x${'zz'.repeat(32)}`, /only the digits 0–9 and letters a–f/],
    ['5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcN0HGKutQY', /characters SS58 never uses/],
  ])('%j is refused in words', (input, message) => {
    const term = classifySearch(input)
    expect(term.kind).toBe('invalid')
    expect(term.kind === 'invalid' && term.message).toMatch(message)
  })
})

describe('finding things among the loaded blocks', () => {
  const blocks = [block(3, [{ hash: h('c1'), signer: ALICE }, { hash: h('c2'), signer: BOB }]), block(2, [{ hash: h('b1'), signer: ALICE }])]

  test('a hash is a block or one of its extrinsics, case aside', () => {
    expect(findByHash(blocks, h('03'))).toEqual({ block: blocks[0] })
    expect(findByHash(blocks, h('B1'))?.extrinsic?.hash).toBe(h('b1'))
    expect(findByHash(blocks, h('ff'))).toBeUndefined()
  })

  test('an account’s extrinsics, newest first', () => {
    expect(extrinsicsSignedBy(blocks, ALICE).map(({ block, extrinsic }) => `${block.number}-${extrinsic.index}`)).toEqual(['3-0', '2-0'])
    expect(extrinsicsSignedBy(blocks, '5Other')).toEqual([])
  })

  test('the range searched, in words', () => {
    expect(describeRange(blocks)).toBe('the last 2 blocks (#2–#3)')
    expect(describeRange([])).toBe('the recent blocks (none loaded yet)')
  })
})

describe('resolveSearch', () => {
  const loaded = { blocks: [block(10, [{ hash: h('e1'), signer: ALICE }])], complete: true }
  const pending: Lookup<never> = { status: 'pending' }
  const none = { best: 10, loaded, block: pending, address: pending }

  test('which block is read: numbers up to the best, hashes not already loaded', () => {
    expect(blockToRead({ kind: 'block', number: 7 }, 10, loaded)).toBe(7)
    expect(blockToRead({ kind: 'block', number: 11 }, 10, loaded)).toBeUndefined()
    expect(blockToRead({ kind: 'block', number: 7 }, undefined, loaded)).toBeUndefined()
    expect(blockToRead({ kind: 'extrinsic', block: 9, index: 0 }, 10, loaded)).toBe(9)
    expect(blockToRead({ kind: 'hash', hash: h('e1') }, 10, loaded)).toBeUndefined()
    expect(blockToRead({ kind: 'hash', hash: h('77') }, 10, loaded)).toBe(h('77'))
    expect(blockToRead({ kind: 'address', address: ALICE }, 10, loaded)).toBeUndefined()
  })

  test('a block number beyond the best says so; one being read is busy; one read is shown', () => {
    expect(resolveSearch({ kind: 'block', number: 12 }, none)).toEqual({ kind: 'error', message: 'Block #12 does not exist yet: the best block is #10.' })
    expect(resolveSearch({ kind: 'block', number: 9 }, none)).toEqual({ kind: 'busy', message: 'Reading block #9…' })
    const nine = block(9)
    expect(resolveSearch({ kind: 'block', number: 9 }, { ...none, block: { status: 'success', data: nine } })).toEqual({ kind: 'block', block: nine })
    expect(resolveSearch({ kind: 'block', number: 9 }, { ...none, best: undefined }).kind).toBe('busy')
  })

  test('an extrinsic id names an extrinsic of the block, or says how many it has', () => {
    const ten = loaded.blocks[0]!
    expect(resolveSearch({ kind: 'extrinsic', block: 10, index: 0 }, { ...none, block: { status: 'success', data: ten } })).toMatchObject({ kind: 'extrinsic', extrinsic: { hash: h('e1') } })
    expect(resolveSearch({ kind: 'extrinsic', block: 10, index: 4 }, { ...none, block: { status: 'success', data: ten } })).toEqual({
      kind: 'error',
      message: 'Block #10 has 1 extrinsic (10-0 to 10-0); there is no 10-4.',
    })
  })

  test('a hash: an extrinsic or block among those loaded, else the block read by hash, else plainly not found among the last N', () => {
    expect(resolveSearch({ kind: 'hash', hash: h('e1') }, none)).toMatchObject({ kind: 'extrinsic', block: { number: 10 } })
    expect(resolveSearch({ kind: 'hash', hash: h('0a') }, none)).toMatchObject({ kind: 'block', block: { number: 10 } })
    const notFound: Lookup<Block> = { status: 'error', errorName: 'BlockNotFoundError', errorMessage: 'No block 0x… on this chain' }
    expect(resolveSearch({ kind: 'hash', hash: h('77') }, { ...none, block: notFound })).toEqual({
      kind: 'error',
      message: 'No block has this hash, and no extrinsic in the last 1 block (#10) has it; older extrinsics are not searched (try its block number and index, e.g. 12-1).',
    })
    // until every recent block is read, "not found" would be premature
    expect(resolveSearch({ kind: 'hash', hash: h('77') }, { ...none, loaded: { ...loaded, complete: false }, block: notFound }).kind).toBe('busy')
    expect(resolveSearch({ kind: 'hash', hash: h('77') }, { ...none, block: { status: 'error', errorName: 'ChainDisconnectedError', errorMessage: 'The node went away' } })).toEqual({ kind: 'error', message: 'The node went away' })
  })

  test('an address is shown once its checksum passes, else the reason', () => {
    expect(resolveSearch({ kind: 'address', address: ALICE }, none).kind).toBe('busy')
    expect(resolveSearch({ kind: 'address', address: ALICE }, { ...none, address: { status: 'success', data: { ok: true, address: ALICE } } })).toEqual({ kind: 'account', address: ALICE })
    expect(resolveSearch({ kind: 'address', address: ALICE }, { ...none, address: { status: 'success', data: { ok: false, reason: 'its checksum does not match (a character is wrong or missing)' } } })).toEqual({
      kind: 'error',
      message: '"5GrwvaEF5zXb26Fz9rcQp…" is not a valid address: its checksum does not match (a character is wrong or missing).',
    })
  })

  test('nothing typed shows nothing; malformed text shows its message', () => {
    expect(resolveSearch({ kind: 'empty' }, none)).toEqual({ kind: 'none' })
    expect(resolveSearch(classifySearch('nope'), none).kind).toBe('error')
  })
})
