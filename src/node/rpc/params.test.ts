// Checks the param accessors handlers use: what each accepts, and the -32602 each refusal carries.
import { describe, expect, it } from 'vitest'
import { RpcError } from './errors.ts'
import { RpcMethods } from './methods.ts'
import { Params } from './params.ts'

function refusal(read: () => unknown): unknown {
  try {
    read()
  } catch (error) {
    expect(error).toBeInstanceOf(RpcError)
    return (error as RpcError).toJSON()
  }
  throw new Error('expected a refusal')
}

const invalid = (data: string) => ({ code: -32602, message: 'Invalid params', data })

describe('Params', () => {
  const hash = `0x${'AB'.repeat(32)}`

  it('reads hex, lower-cased, with an exact byte count when asked', () => {
    const p = new Params([hash, '0x', null])
    expect(p.hex(0, { bytes: 32 })).toBe(hash.toLowerCase())
    expect(p.hex(1)).toBe('0x')
    expect(p.hex(2, { optional: true })).toBeUndefined()
    expect(p.hex(3, { bytes: 32, optional: true })).toBeUndefined()
    expect(refusal(() => p.hex(1, { bytes: 32 }))).toEqual(invalid('param 1: expected a 0x-prefixed hex string of 32 bytes, got "0x"'))
    expect(refusal(() => new Params(['0x123']).hex(0))).toEqual(invalid('param 0: expected a 0x-prefixed hex string, got "0x123"'))
    expect(refusal(() => new Params(['abcd']).hex(0))).toEqual(invalid('param 0: expected a 0x-prefixed hex string, got "abcd"'))
    expect(refusal(() => p.hex(2))).toEqual(invalid('param 2: expected a 0x-prefixed hex string, got null'))
    expect(refusal(() => p.hex(3))).toEqual(invalid('param 3: expected a 0x-prefixed hex string, got nothing'))
  })

  it('reads arrays of hex and names the whole param when an item is wrong', () => {
    expect(new Params([['0x01', '0xFF']]).hexArray(0)).toEqual(['0x01', '0xff'])
    expect(new Params([]).hexArray(0, { optional: true })).toBeUndefined()
    expect(refusal(() => new Params([['0x01', 7]]).hexArray(0, { bytes: 1 }))).toEqual(
      invalid('param 0: expected an array of 0x-prefixed hex strings of 1 bytes each, got ["0x01",7]'),
    )
  })

  it('reads u32, bool and string, and shortens long values in messages', () => {
    const p = new Params([0, 0xffff_ffff, false, 'ss58'])
    expect([p.u32(0), p.u32(1), p.bool(2), p.string(3)]).toEqual([0, 0xffff_ffff, false, 'ss58'])
    expect(refusal(() => new Params([2 ** 32]).u32(0))).toEqual(invalid('param 0: expected an unsigned 32-bit integer, got 4294967296'))
    expect(refusal(() => new Params([1.5]).u32(0))).toEqual(invalid('param 0: expected an unsigned 32-bit integer, got 1.5'))
    expect(refusal(() => new Params(['1']).u32(0))).toEqual(invalid('param 0: expected an unsigned 32-bit integer, got "1"'))
    expect(refusal(() => new Params([1]).bool(0))).toEqual(invalid('param 0: expected a boolean, got 1'))
    expect(refusal(() => new Params(['x'.repeat(100)]).string(1))).toEqual(invalid('param 1: expected a string, got nothing'))
    expect(refusal(() => new Params(['x'.repeat(100)]).bool(0))).toEqual(invalid(`param 0: expected a boolean, got "${'x'.repeat(38)}…`))
  })
})

describe('RpcMethods', () => {
  it('refuses a name registered twice, across methods and subscriptions', () => {
    const methods = new RpcMethods().add('a_b', () => 1)
    expect(() => methods.add('a_b', () => 2)).toThrow('RPC method a_b is already registered')
    expect(() => methods.add('rpc_methods', () => 2)).toThrow('RPC method rpc_methods is already registered')
    const sub = { subscribe: 's_sub', unsubscribe: ['s_unsub', 'a_b'], notification: 's_n', start: () => () => {} }
    expect(() => methods.addSubscription(sub)).toThrow('RPC method a_b is already registered')
    expect(methods.get('s_sub')).toBeUndefined()
    expect(() => methods.addSubscription({ ...sub, unsubscribe: [] })).toThrow('subscription s_sub needs an unsubscribe method')
  })
})
