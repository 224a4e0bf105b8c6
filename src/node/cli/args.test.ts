import { describe, expect, test } from 'vitest'
import { parseCommand, UsageError } from './args.ts'

describe('webtensor CLI arguments', () => {
  test('devnet defaults match Bittensor and the design contract', () => {
    expect(parseCommand(['devnet'])).toEqual({
      command: 'devnet',
      tmp: false,
      basePath: '.webtensor/devnet',
      blockTime: 12_000,
      instantSeal: false,
      rpcPort: 9944,
      relayPort: 9945,
      pruning: 256,
      archive: false,
    })
  })

  test('every flag is read', () => {
    expect(
      parseCommand(['devnet', '--tmp', '--block-time', '1000', '--instant-seal', '--rpc-port', '0', '--relay-port', '0', '--archive']),
    ).toMatchObject({ tmp: true, blockTime: 1000, instantSeal: true, rpcPort: 0, relayPort: 0, archive: true })
    expect(parseCommand(['devnet', '--base-path', '/tmp/x', '--pruning', '16'])).toMatchObject({ basePath: '/tmp/x', pruning: 16 })
  })

  test('help', () => {
    expect(parseCommand([])).toMatchObject({ command: 'help' })
    expect(parseCommand(['devnet', '--help'])).toMatchObject({ command: 'help' })
  })

  test.each([
    [['mine'], 'unknown command "mine"'],
    [['devnet', '--block-time', 'fast'], '--block-time takes a whole number, not "fast"'],
    [['devnet', '--block-time', '10'], '--block-time must be between 50 and 3600000, not 10'],
    [['devnet', '--rpc-port', '70000'], '--rpc-port must be between 0 and 65535, not 70000'],
    [['devnet', '--rpc-port', '9000', '--relay-port', '9000'], '--rpc-port and --relay-port must differ (both 9000)'],
    [['devnet', '--tmp', '--base-path', 'x'], 'use either --tmp or --base-path, not both'],
    [['devnet', '--archive', '--pruning', '5'], 'use either --archive or --pruning, not both'],
    [['devnet', '--bogus'], "Unknown option '--bogus'"],
  ])('refuses %j', (argv, message) => {
    expect(() => parseCommand(argv)).toThrow(UsageError)
    expect(() => parseCommand(argv)).toThrow(message)
  })

  test('miner: required flags, defaults, and what is refused', () => {
    expect(parseCommand(['miner', '--netuid', '2', '--model', 'public/models/digits-cnn.onnx', '--hotkey-uri', '//Dave'])).toEqual({
      command: 'miner',
      url: 'ws://127.0.0.1:9944',
      netuid: 2,
      modelPath: 'public/models/digits-cnn.onnx',
      hotkeyUri: '//Dave',
      coldkeyUri: undefined,
      behaviour: undefined,
    })
    expect(parseCommand(['miner', '--netuid', '2', '--model', 'm.onnx', '--hotkey-uri', '//Dave', '--coldkey-uri', '//Bob', '--rpc', 'wss://x.example'])).toMatchObject({ coldkeyUri: '//Bob', url: 'wss://x.example' })
    expect(() => parseCommand(['miner', '--model', 'm.onnx', '--hotkey-uri', '//Dave'])).toThrow('miner needs --netuid N')
    expect(() => parseCommand(['miner', '--netuid', '0', '--model', 'm.onnx', '--hotkey-uri', '//Dave'])).toThrow('--netuid must be between 1 and 65535, not 0') // the root network has no miners
    expect(() => parseCommand(['miner', '--netuid', '2', '--hotkey-uri', '//Dave'])).toThrow('miner needs --model FILE')
    expect(() => parseCommand(['miner', '--netuid', 'x', '--model', 'm.onnx', '--hotkey-uri', '//Dave'])).toThrow('--netuid takes a whole number')
    expect(() => parseCommand(['miner', '--netuid', '2', '--model', 'm.onnx', '--hotkey-uri', '//Dave', '--rpc', 'http://x'])).toThrow('--rpc takes a ws://')
  })

  test('miner --behaviour: the demo adversaries by name, anything else refused', () => {
    const miner = (b: string) => parseCommand(['miner', '--netuid', '2', '--model', 'm.onnx', '--hotkey-uri', '//Dave', '--behaviour', b])
    expect(miner('memoriser')).toMatchObject({ behaviour: { kind: 'memoriser' } })
    expect(miner('degraded:0.25')).toMatchObject({ behaviour: { kind: 'degraded', keep: 0.25 } })
    expect(() => miner('degraded:1.5')).toThrow('--behaviour takes garbage, constant, slow, memoriser or degraded:KEEP')
    expect(() => miner('lazy')).toThrow('not "lazy"')
  })

  test('demo: the devnet endpoint', () => {
    expect(parseCommand(['demo'])).toEqual({ command: 'demo', url: 'ws://127.0.0.1:9944' })
    expect(parseCommand(['demo', '--rpc', 'ws://127.0.0.1:9393'])).toEqual({ command: 'demo', url: 'ws://127.0.0.1:9393' })
    expect(() => parseCommand(['demo', '--rpc', 'localhost'])).toThrow('--rpc takes a ws://')
  })
})
