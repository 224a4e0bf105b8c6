// The devnet node: its data directory, chain, block author and JSON-RPC server started together (`startDevnet`), and the `webtensor devnet` command around them (`runDevnet`): endpoints printed, a clean stop on SIGINT/SIGTERM.
import { readFileSync } from 'node:fs'
import type { HostedRuntime } from '../runtime/host.ts'
import { DEFAULT_BASE_PATH, DEFAULT_BLOCK_TIME_MS, DEFAULT_PRUNING, DEFAULT_RPC_PORT, type DevnetOptions } from './cli/args.ts'
import { listenForStop } from './cli/signals.ts'
import { BlockAuthor, type Sealing } from './chain/authoring.ts'
import { DevnetChain, type ChainLogger } from './chain/chain.ts'
import { acquireDataDir, type DataDir } from './chain/dataDir.ts'
import { CHAIN_NAME } from './chain/genesis.ts'
import type { Hex } from './chain/header.ts'
import type { PoolLimits } from './pool/pool.ts'
import type { Relay } from './relay/relay.ts'
import { devnetMethods } from './rpc/devnetMethods.ts'
import { createRpcServer, type RpcLogger, type RpcServer } from './rpc/server.ts'

export type DevnetLogger = ChainLogger & RpcLogger

/** The CLI's `devnet` options (all optional here), and what only an in-process devnet can be given. */
export type StartDevnetOptions = Partial<DevnetOptions> & {
  /** Data directory (default `.webtensor/devnet`); ignored with `tmp`. */
  basePath?: string
  /** Keep the chain in a fresh temp directory, removed by `close()`. */
  tmp?: boolean
  /** Milliseconds between blocks (default 12000); ignored with `instantSeal` or `manualSeal`. */
  blockTime?: number
  /** Author a block as soon as a transaction is ready. */
  instantSeal?: boolean
  /** Author blocks only when asked (`dev_newBlock`, `dev_setStorage`): deterministic chains for tests. */
  manualSeal?: boolean
  /** 0 picks a free port (default 9944). */
  rpcPort?: number
  /** Interface the RPC server binds (default loopback). */
  rpcHost?: string
  /**
   * Websocket port of the libp2p relay (0 picks a free one). Without it no relay runs: the CLI always passes one
   * (default 9945), in-process tests only when they need a relay.
   */
  relayPort?: number
  pruning?: number
  archive?: boolean
  /** The state transition (default: the webtensor runtime, `src/runtime`). */
  runtime?: HostedRuntime
  logger?: DevnetLogger
  finalityDelayMs?: number
  poolLimits?: PoolLimits
}

export type Devnet = {
  chain: DevnetChain
  rpc: RpcServer
  /** `ws://host:port`. */
  url: string
  /** `http://host:port` (the same port). */
  httpUrl: string
  dataDir: Pick<DataDir, 'path' | 'temporary'>
  /** The libp2p relay (circuit relay v2 over websockets), when `relayPort` was given. */
  relay: Pick<Relay, 'peerId' | 'multiaddrs'> | undefined
  sealing: Sealing
  /** Authors `count` blocks now (default 1), whatever the sealing mode; resolves with the last one's hash. */
  newBlock(count?: number): Promise<Hex>
  /** Stops authoring, closes every connection and the database, releases (or, with --tmp, deletes) the directory. Idempotent. */
  close(): Promise<void>
}

const silent: DevnetLogger = { info() {}, warn() {}, error() {} }

/** Starts a devnet in this process. */
export async function startDevnet(options: StartDevnetOptions = {}): Promise<Devnet> {
  const logger = options.logger ?? silent
  const sealing = sealingOf(options)
  const runtime = options.runtime ?? (await loadRuntime())
  const dataDir = acquireDataDir(options.tmp ? undefined : (options.basePath ?? DEFAULT_BASE_PATH))
  let chain: DevnetChain | undefined
  let relay: Relay | undefined
  try {
    chain = await DevnetChain.open({
      runtime,
      databasePath: dataDir.databasePath,
      pruning: options.archive ? undefined : (options.pruning ?? DEFAULT_PRUNING),
      archive: options.archive,
      finalityDelayMs: options.finalityDelayMs,
      poolLimits: options.poolLimits,
      logger,
    })
    const author = new BlockAuthor(chain, sealing, logger)
    const host = options.rpcHost ?? '127.0.0.1'
    if (options.relayPort !== undefined) {
      // Imported only when asked for: in-process devnets without a relay do not load libp2p at all.
      const { startRelay } = await import('./relay/relay.ts')
      relay = await startRelay({ dataDir: dataDir.path, port: options.relayPort, host })
    }
    const running = relay
    const rpc = await createRpcServer({
      host,
      port: options.rpcPort ?? DEFAULT_RPC_PORT,
      methods: devnetMethods(chain, { version: NODE_VERSION, listenAddresses: running?.multiaddrs, peerId: running && (() => running.peerId) }, running),
      logger,
    })
    author.start()
    const opened = chain
    let closing: Promise<void> | undefined
    return {
      chain: opened,
      rpc,
      url: rpc.url,
      httpUrl: rpc.httpUrl,
      dataDir: { path: dataDir.path, temporary: dataDir.temporary },
      relay: running && { peerId: running.peerId, multiaddrs: running.multiaddrs },
      sealing,
      newBlock: async (count = 1) => (await opened.authorBlocks(count)).hash,
      close() {
        closing ??= (async () => {
          author.stop()
          try {
            await rpc.close()
          } finally {
            try {
              await running?.close()
            } finally {
              opened.close()
              dataDir.release()
            }
          }
        })()
        return closing
      },
    }
  } catch (error) {
    await relay?.close()
    chain?.close()
    dataDir.release()
    throw error
  }
}

/**
 * `webtensor devnet`: starts the node, prints where to reach it, logs each block, and on SIGINT/SIGTERM stops cleanly
 * (the block being written is finished: authoring is synchronous) and resolves with the exit code.
 */
export async function runDevnet(options: DevnetOptions, overrides: { runtime?: HostedRuntime } = {}): Promise<number> {
  const logger: DevnetLogger = {
    info: (message) => console.log(message),
    warn: (message) => console.warn(message),
    error: (message, error) => console.error(message, ...(error === undefined ? [] : [error])),
  }
  const stop = listenForStop('devnet') // before anything is printed: a caller may signal as soon as it reads the endpoints
  let devnet: Devnet
  try {
    devnet = await startDevnet({
      basePath: options.basePath,
      tmp: options.tmp,
      blockTime: options.blockTime,
      instantSeal: options.instantSeal,
      rpcPort: options.rpcPort,
      relayPort: options.relayPort,
      pruning: options.pruning,
      archive: options.archive,
      runtime: overrides.runtime,
      logger,
    })
  } catch (error) {
    console.error(`webtensor devnet: ${error instanceof Error ? error.message : String(error)}`)
    stop.dispose()
    return 1
  }

  stop.started()
  const { chain } = devnet
  const best = chain.head()
  const sealing = devnet.sealing.mode === 'interval' ? `a block every ${devnet.sealing.blockTimeMs} ms` : 'a block as soon as a transaction is ready (instant seal)'
  console.log(
    [
      `webtensor devnet ${NODE_VERSION}`,
      `  chain        ${CHAIN_NAME}`,
      `  genesis      ${chain.genesisHash}`,
      `  best block   #${best.number} ${best.hash}`,
      `  RPC          ${devnet.url}  (HTTP ${devnet.httpUrl})`,
      `  authoring    ${sealing}`,
      `  base path    ${devnet.dataDir.path}${devnet.dataDir.temporary ? '  (temporary: removed on exit)' : ''}`,
      ...(devnet.relay?.multiaddrs() ?? []).map((address) => `  relay        ${address}`),
      '  stop with Ctrl-C',
    ].join('\n'),
  )
  chain.onBlock((block) => console.log(`#${block.number} ${block.hash} · ${block.extrinsics.length} extrinsic${block.extrinsics.length === 1 ? '' : 's'}`))

  const signal = await stop.signal
  const force = (second: NodeJS.Signals) => {
    console.error(`webtensor devnet: ${second} again, exiting without finishing the shutdown`)
    process.exit(1)
  }
  process.once('SIGINT', force)
  process.once('SIGTERM', force)
  console.log(`webtensor devnet: ${signal}, stopping`)
  try {
    await devnet.close()
  } finally {
    process.off('SIGINT', force)
    process.off('SIGTERM', force)
  }
  console.log(`webtensor devnet: stopped at #${chain.head().number}`)
  return 0
}

function sealingOf(options: StartDevnetOptions): Sealing {
  if (options.manualSeal) return { mode: 'manual' }
  if (options.instantSeal) return { mode: 'instant' }
  const blockTimeMs = options.blockTime ?? DEFAULT_BLOCK_TIME_MS
  if (!(Number.isSafeInteger(blockTimeMs) && blockTimeMs >= 1)) throw new RangeError(`the block time must be a whole number of milliseconds ≥ 1, got ${blockTimeMs}`)
  return { mode: 'interval', blockTimeMs }
}

async function loadRuntime(): Promise<HostedRuntime> {
  const { createRuntime } = await import('../runtime/index.ts')
  return createRuntime()
}

/** `system_version`: the package version. */
const NODE_VERSION: string = (() => {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown }
    return typeof pkg.version === 'string' ? pkg.version : 'unknown'
  } catch {
    return 'unknown'
  }
})()
