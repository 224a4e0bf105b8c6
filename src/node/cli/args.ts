// Parses `webtensor <command> [flags]` into checked options; every mistake is refused with a message saying what was wrong.
import { parseArgs } from 'node:util'
import type { BehaviourSpec } from '../peers/adversaries.ts'

export type DevnetOptions = {
  command: 'devnet'
  /** Directory of the on-disk state database; `undefined` with `tmp` (a throwaway directory). */
  basePath: string
  tmp: boolean
  /** Milliseconds between blocks; ignored with instantSeal. */
  blockTime: number
  instantSeal: boolean
  rpcPort: number
  relayPort: number
  /** Past states kept for queries at older blocks; `archive` keeps every one. */
  pruning: number
  archive: boolean
}

export type MinerOptions = {
  command: 'miner'
  /** The node's JSON-RPC endpoint. */
  url: string
  netuid: number
  modelPath: string
  hotkeyUri: string
  coldkeyUri: string | undefined
  /** An adversarial or weakened behaviour for demos (src/node/peers/adversaries.ts), digits only. */
  behaviour: BehaviourSpec | undefined
}

export type ValidatorOptions = {
  command: 'validator'
  /** The node's JSON-RPC endpoint. */
  url: string
  netuid: number
  hotkeyUri: string
  /** A task id from src/validator/tasks.ts; undefined: the subnet's task, from its identity. */
  task: string | undefined
  /** Milliseconds between steps. */
  intervalMs: number
  /** How long a miner has to answer, ms. */
  deadlineMs: number
}

export type DemoOptions = {
  command: 'demo'
  /** The node's JSON-RPC endpoint. */
  url: string
}

export type Command = DevnetOptions | MinerOptions | ValidatorOptions | DemoOptions | { command: 'help'; text: string }

export const DEFAULT_BASE_PATH = '.webtensor/devnet'
export const DEFAULT_BLOCK_TIME_MS = 12_000
export const DEFAULT_RPC_PORT = 9944
export const DEFAULT_RELAY_PORT = 9945
export const DEFAULT_PRUNING = 256
export const DEFAULT_VALIDATOR_INTERVAL_MS = 12_000
export const DEFAULT_VALIDATOR_DEADLINE_MS = 10_000

export const USAGE = `Usage: webtensor <command> [options]

Commands:
  devnet    run a subtensor-compatible development chain on this machine
  miner     serve a subnet task headless: answer validators over libp2p with an ONNX model
  validator validate a subnet headless: query its miners, score them, commit and reveal weights
  demo      run the demo network on a devnet: digits and ocr subnets, miners of different quality, validators

devnet options:
  --tmp                 keep state in a throwaway directory, removed on exit
  --base-path DIR       state database directory (default ${DEFAULT_BASE_PATH})
  --block-time MS       milliseconds between blocks (default ${DEFAULT_BLOCK_TIME_MS}, like Bittensor)
  --instant-seal        author a block as soon as a transaction arrives, instead of on a timer
  --rpc-port PORT       JSON-RPC over WebSocket and HTTP (default ${DEFAULT_RPC_PORT})
  --relay-port PORT     libp2p relay for WebRTC signalling (default ${DEFAULT_RELAY_PORT})
  --pruning N           past block states kept for queries (default ${DEFAULT_PRUNING})
  --archive             keep every past state

miner options:
  --netuid N            the subnet to mine (required)
  --model FILE          an .onnx model for the subnet's task, e.g. public/models/digits-cnn.onnx (required)
  --hotkey-uri URI      the hotkey's secret URI or mnemonic, e.g. //Dave (required; prefer the WEBTENSOR_HOTKEY_URI variable)
  --coldkey-uri URI     a coldkey that pays register_limit if the hotkey holds no UID yet
  --behaviour B         for demos, a dishonest or weakened digits miner: garbage, constant, slow, memoriser or degraded:0.5
  --rpc URL             the node's endpoint (default ws://127.0.0.1:${DEFAULT_RPC_PORT})

validator options:
  --netuid N            the subnet to validate (required)
  --hotkey-uri URI      the hotkey's secret URI or mnemonic, e.g. //Eve (required; prefer the WEBTENSOR_HOTKEY_URI variable);
                        it must hold a UID on the subnet and enough stake for a validator permit
  --task ID             digits or ocr (default: the task the subnet's identity names; digits without one)
  --interval-ms MS      milliseconds between steps (default ${DEFAULT_VALIDATOR_INTERVAL_MS})
  --deadline-ms MS      how long a miner has to answer (default ${DEFAULT_VALIDATOR_DEADLINE_MS})
  --rpc URL             the node's endpoint (default ws://127.0.0.1:${DEFAULT_RPC_PORT})

demo options:
  --rpc URL             the devnet's endpoint (default ws://127.0.0.1:${DEFAULT_RPC_PORT}); it must take Sudo from //Alice
`

export class UsageError extends Error {
  override name = 'UsageError'
}

function integer(flag: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback
  if (!/^\d+$/.test(raw)) throw new UsageError(`--${flag} takes a whole number, not "${raw}"`)
  const n = Number(raw)
  if (n < min || n > max) throw new UsageError(`--${flag} must be between ${min} and ${max}, not ${n}`)
  return n
}

type FlagSpec = Record<string, { type: 'string' } | { type: 'boolean'; default: boolean }>

/** A command's flags, strictly (an unknown flag or a stray word is a UsageError with the usage text); `help` is always there. */
function flags<T extends FlagSpec>(rest: string[], options: T) {
  try {
    return parseArgs({ args: rest, strict: true, allowPositionals: false, options: { ...options, help: { type: 'boolean', default: false } } }).values
  } catch (e) {
    throw new UsageError(`${(e as Error).message}\n\n${USAGE}`)
  }
}

/** `--rpc`: the node's WebSocket endpoint, checked. */
function rpcUrl(raw: string | undefined): string {
  const url = raw ?? `ws://127.0.0.1:${DEFAULT_RPC_PORT}`
  if (!/^wss?:\/\/./.test(url)) throw new UsageError(`--rpc takes a ws:// or wss:// URL, not "${url}"`)
  return url
}

/** `--hotkey-uri`, else WEBTENSOR_HOTKEY_URI (so the secret need not be on the command line). */
function hotkeyUriOf(command: string, raw: string | undefined): string {
  const uri = raw ?? process.env.WEBTENSOR_HOTKEY_URI
  if (!uri) throw new UsageError(`${command} needs a hotkey: --hotkey-uri URI or the WEBTENSOR_HOTKEY_URI variable`)
  return uri
}

/** `--netuid`: required, a subnet (1–65535; the root network has no miners or validators of a task). */
function netuidOf(command: string, raw: string | undefined): number {
  if (raw === undefined) throw new UsageError(`${command} needs --netuid N`)
  return integer('netuid', raw, 0, 1, 65535)
}

export function parseCommand(argv: string[]): Command {
  const [command, ...rest] = argv
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') return { command: 'help', text: USAGE }
  if (command === 'miner') return parseMiner(rest)
  if (command === 'validator') return parseValidator(rest)
  if (command === 'demo') return parseDemo(rest)
  if (command !== 'devnet') throw new UsageError(`unknown command "${command}"\n\n${USAGE}`)
  const values = flags(rest, {
    tmp: { type: 'boolean', default: false },
    'base-path': { type: 'string' },
    'block-time': { type: 'string' },
    'instant-seal': { type: 'boolean', default: false },
    'rpc-port': { type: 'string' },
    'relay-port': { type: 'string' },
    pruning: { type: 'string' },
    archive: { type: 'boolean', default: false },
  })
  if (values.help) return { command: 'help', text: USAGE }
  if (values.tmp && values['base-path'] !== undefined) throw new UsageError('use either --tmp or --base-path, not both')
  if (values.archive && values.pruning !== undefined) throw new UsageError('use either --archive or --pruning, not both')
  const rpcPort = integer('rpc-port', values['rpc-port'], DEFAULT_RPC_PORT, 0, 65535)
  const relayPort = integer('relay-port', values['relay-port'], DEFAULT_RELAY_PORT, 0, 65535)
  if (rpcPort !== 0 && rpcPort === relayPort) throw new UsageError(`--rpc-port and --relay-port must differ (both ${rpcPort})`)
  return {
    command: 'devnet',
    tmp: values.tmp,
    basePath: values['base-path'] ?? DEFAULT_BASE_PATH,
    blockTime: integer('block-time', values['block-time'], DEFAULT_BLOCK_TIME_MS, 50, 3_600_000),
    instantSeal: values['instant-seal'],
    rpcPort,
    relayPort,
    pruning: integer('pruning', values.pruning, DEFAULT_PRUNING, 1, 1_000_000),
    archive: values.archive,
  }
}

function parseMiner(rest: string[]): Command {
  const values = flags(rest, {
    netuid: { type: 'string' },
    model: { type: 'string' },
    'hotkey-uri': { type: 'string' },
    'coldkey-uri': { type: 'string' },
    behaviour: { type: 'string' },
    rpc: { type: 'string' },
  })
  if (values.help) return { command: 'help', text: USAGE }
  const netuid = netuidOf('miner', values.netuid)
  if (values.model === undefined) throw new UsageError('miner needs --model FILE (an .onnx model for the subnet\'s task)')
  const hotkeyUri = hotkeyUriOf('miner', values['hotkey-uri'])
  return { command: 'miner', url: rpcUrl(values.rpc), netuid, modelPath: values.model, hotkeyUri, coldkeyUri: values['coldkey-uri'], behaviour: parseBehaviour(values.behaviour) }
}

/** `--behaviour`: garbage, constant, slow, memoriser, or degraded:KEEP with KEEP from 0 to 1. */
function parseBehaviour(raw: string | undefined): BehaviourSpec | undefined {
  if (raw === undefined) return undefined
  if (raw === 'garbage' || raw === 'constant' || raw === 'slow' || raw === 'memoriser') return { kind: raw }
  const degraded = /^degraded:(0(\.\d+)?|1(\.0+)?)$/.exec(raw)
  if (degraded) return { kind: 'degraded', keep: Number(degraded[1]) }
  throw new UsageError(`--behaviour takes garbage, constant, slow, memoriser or degraded:KEEP (KEEP from 0 to 1), not "${raw}"`)
}

function parseValidator(rest: string[]): Command {
  const values = flags(rest, {
    netuid: { type: 'string' },
    'hotkey-uri': { type: 'string' },
    task: { type: 'string' },
    'interval-ms': { type: 'string' },
    'deadline-ms': { type: 'string' },
    rpc: { type: 'string' },
  })
  if (values.help) return { command: 'help', text: USAGE }
  const netuid = netuidOf('validator', values.netuid)
  const hotkeyUri = hotkeyUriOf('validator', values['hotkey-uri'])
  const url = rpcUrl(values.rpc)
  const task = values.task
  if (task !== undefined && !/^[a-z][a-z0-9-]*$/.test(task)) throw new UsageError(`--task takes a task id such as digits, not "${task}"`)
  return {
    command: 'validator',
    url,
    netuid,
    hotkeyUri,
    task,
    intervalMs: integer('interval-ms', values['interval-ms'], DEFAULT_VALIDATOR_INTERVAL_MS, 0, 86_400_000),
    deadlineMs: integer('deadline-ms', values['deadline-ms'], DEFAULT_VALIDATOR_DEADLINE_MS, 100, 300_000),
  }
}

function parseDemo(rest: string[]): Command {
  const values = flags(rest, { rpc: { type: 'string' } })
  if (values.help) return { command: 'help', text: USAGE }
  return { command: 'demo', url: rpcUrl(values.rpc) }
}
