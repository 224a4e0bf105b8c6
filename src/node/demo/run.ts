// The living demo network (`npx webtensor demo`, run by `npm start`): waits for the node, brings the chain to the demo plan
// (setup.ts), then runs the plan's headless miners and validators in this process until stopped. Leaderboards move from the first
// epochs on: validators get permits, commit, reveal, and miners of different quality earn accordingly.
import { fileURLToPath } from 'node:url'
import { createChainClient, type ChainClient } from '../../chain/client.ts'
import { ocrRecModelPath } from '../../tasks/ocr/node.ts'
import { behaviourFrom } from '../peers/adversaries.ts'
import { startHeadlessMiner, type HeadlessMiner } from '../peers/miner.ts'
import { startHeadlessValidator, type HeadlessValidator } from '../peers/validator.ts'
import { DEMO_PLAN, demoHotkeyUri, type DemoMinerPlan, type DemoPlan } from './plan.ts'
import { setupDemoChain } from './setup.ts'

export type DemoNetworkOptions = {
  /** The node's JSON-RPC endpoint. */
  url: string
  plan?: DemoPlan
  /** How long to wait for the node to answer, ms (default 60 000: `npm start` starts both at once). */
  waitForNodeMs?: number
  /** Milliseconds between a validator's steps (default 4 000). */
  validatorIntervalMs?: number
  log?: (line: string) => void
}

export type DemoNetwork = { miners: HeadlessMiner[]; validators: HeadlessValidator[]; stop(): Promise<void> }

const modelPath = (model: DemoMinerPlan['model']): string =>
  model === 'ocr-rec' ? ocrRecModelPath() : fileURLToPath(new URL(`../../../public/models/${model}.onnx`, import.meta.url))

async function connect(url: string, waitMs: number, log: (line: string) => void): Promise<ChainClient> {
  const until = Date.now() + waitMs
  for (let attempt = 0; ; attempt++) {
    const client = createChainClient({ url })
    let timer: ReturnType<typeof setTimeout> | undefined
    try {
      await Promise.race([client.api, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('no answer')), 5_000)))])
      return client
    } catch {
      await client.close().catch(() => undefined)
      if (Date.now() > until) throw new Error(`no node answers at ${url} (waited ${Math.round(waitMs / 1000)} s)`)
      if (attempt === 0) log(`waiting for the node at ${url} …`)
      await new Promise((resolve) => setTimeout(resolve, 1_000))
    } finally {
      clearTimeout(timer)
    }
  }
}

export async function startDemoNetwork(options: DemoNetworkOptions): Promise<DemoNetwork> {
  const log = options.log ?? (() => {})
  const plan = options.plan ?? DEMO_PLAN
  const client = await connect(options.url, options.waitForNodeMs ?? 60_000, log)
  const miners: HeadlessMiner[] = []
  const validators: HeadlessValidator[] = []
  const stop = async () => {
    await Promise.allSettled([...validators.map((v) => v.stop()), ...miners.map((m) => m.stop())])
    await client.close().catch(() => undefined)
  }
  try {
    const chain = await setupDemoChain(client, plan, log)
    for (const { plan: subnet, netuid } of chain.subnets) {
      // each peer signs with its own hotkey, so they start side by side
      await Promise.all(subnet.miners.map(async (m) => {
        const behaviour = await behaviourFrom(m.behaviour, `demo/${m.name}`)
        const miner = await startHeadlessMiner({
          url: options.url,
          netuid,
          modelPath: modelPath(m.model),
          hotkeyUri: demoHotkeyUri(subnet.task, 'miner', m.name),
          behaviour,
          log: (line) => log(`[${subnet.task} miner ${m.name}] ${line}`),
        })
        miners.push(miner)
        log(`${subnet.task} (subnet ${netuid}): miner "${m.name}" is UID ${miner.uid} (${m.model}, ${behaviour?.name ?? 'honest'})`)
      }))
      await Promise.all(subnet.validators.map(async (v) => {
        const validator = await startHeadlessValidator({
          url: options.url,
          netuid,
          hotkeyUri: demoHotkeyUri(subnet.task, 'validator', v.name),
          taskId: subnet.task,
          intervalMs: options.validatorIntervalMs ?? 4_000,
          deadlineMs: 5_000,
          log: (line) => log(`[${subnet.task} validator ${v.name}] ${line}`),
        })
        validators.push(validator)
        log(`${subnet.task} (subnet ${netuid}): validator "${v.name}" is UID ${validator.uid} with ${v.stakeTao} τ staked`)
      }))
    }
  } catch (error) {
    await stop()
    throw error
  }
  return { miners, validators, stop }
}
