// A headless validator for servers and the demo network: a Node libp2p peer that runs the validator loop (src/validator) on a subnet with
// a registered, staked hotkey — queries the serving miners with the subnet task's challenges, scores them, and commits/reveals (or sets)
// weights at the chain's pace — printing a line per step.
import { Keyring } from '@polkadot/keyring'
import { cryptoWaitReady } from '@polkadot/util-crypto'
import { createChainClient, getDynamicInfo, getNeuronsLite, type ChainClient } from '../../chain/index.ts'
import { createNodePeer, type NodePeer } from '../../net/node/peer.ts'
import { sr25519SignerFromUri } from '../../net/query/signer.ts'
import { subnetTask, type TaskIdentity } from '../../tasks/forSubnet.ts'
import type { ValidatorTask } from '../../tasks/task.ts'
import { loadValidatorTask, DEFAULT_VALIDATOR_TASK } from '../../validator/tasks.ts'
import { createValidator, type StepReport, type Validator } from '../../validator/validator.ts'

export type HeadlessValidatorOptions = {
  /** The node's JSON-RPC endpoint (ws://…). */
  url: string
  netuid: number
  /** The hotkey's secret URI (`//Eve`, a mnemonic): signs queries and weights. It must hold a UID on the subnet. */
  hotkeyUri: string
  /** A task id registered in src/validator/tasks.ts (default: the subnet's task from its identity, else 'digits'). */
  taskId?: string
  /** Milliseconds between the end of one step and the start of the next (default 12 000: a mainnet block). */
  intervalMs?: number
  /** How long a miner has to answer, ms (default 10 000). */
  deadlineMs?: number
  challengeSize?: number
  /** Steps to score before the first weights go on chain (default 0). */
  warmupSteps?: number
  /** Relays to dial (default: the node's `webtensor_relayAddrs`), so miners behind WebRTC can be reached. */
  relays?: string[]
  /** Start stepping at once (default true); false leaves `validator.step()` to the caller (tests). */
  autoRun?: boolean
  log?: (line: string) => void
}

export type HeadlessValidator = { client: ChainClient; peer: NodePeer; validator: Validator; uid: number; stop(): Promise<void> }

/** One line per step: what a person watching the terminal wants to know. */
export function describeStep(r: StepReport): string {
  const head = `step ${r.step} · block ${r.block}`
  if (!r.permit.permit) return `${head} · not validating: ${r.permit.reason}`
  const refused = r.rows.filter((row) => row.outcome.kind !== 'answered').map((row) => `UID ${row.uid} ${row.outcome.kind === 'refused' || row.outcome.kind === 'rejected' ? `${row.outcome.kind} (${row.outcome.reason})` : row.outcome.kind}`)
  const parts = [`${r.queried} miners queried, ${r.answered} answered${refused.length ? ` (${refused.join(', ')})` : ''}`, `mean score ${r.meanScore.toFixed(3)}`]
  for (const w of r.weights) {
    const what = w.type === 'commit' ? 'committed' : w.type === 'reveal' ? 'revealed' : 'set'
    parts.push(w.ok ? `${what} weights on ${w.uids.length} UIDs [${w.uids.map((u, i) => `${u}:${w.values[i]}`).join(' ')}]` : `${w.type} failed: ${w.error}`)
  }
  if (r.weights.length === 0 && r.plan) {
    const next = [r.plan.nextRevealBlock !== undefined ? `reveal at block ${r.plan.nextRevealBlock}` : '', r.plan.nextWeightsBlock !== undefined ? `next weights at block ${r.plan.nextWeightsBlock}` : ''].filter(Boolean)
    parts.push(next.length ? next.join(', ') : (r.plan.notes[0] ?? 'no weights to send'))
  }
  return `${head} · ${parts.join(' · ')}`
}

/**
 * Which task to validate: `taskId` when given; else the subnet's, from its identity (src/tasks/forSubnet.ts); else digits. `note` says
 * where the choice came from, for the log (pure).
 */
export function chooseValidatorTask(taskId: string | undefined, netuid: number, identity: TaskIdentity | undefined): { taskId: string; note: string } {
  if (taskId !== undefined) return { taskId, note: `task ${taskId}, as asked` }
  const found = subnetTask(identity)
  if (found.taskId !== undefined) {
    if (found.source === 'assumed') return { taskId: found.taskId, note: `subnet ${netuid} has no identity saying which task it runs: validating ${found.taskId}` }
    return { taskId: found.taskId, note: `subnet ${netuid} runs ${found.taskId} (${found.source === 'declared' ? 'declared in its identity' : 'its identity’s name'})` }
  }
  const why = found.declared !== undefined ? `its identity declares the task "${found.declared}"` : `its identity${found.name ? ` ("${found.name}")` : ''} names no task`
  return { taskId: DEFAULT_VALIDATOR_TASK, note: `subnet ${netuid} runs no task webtensor knows (${why}): falling back to ${DEFAULT_VALIDATOR_TASK}` }
}

export async function startHeadlessValidator(options: HeadlessValidatorOptions): Promise<HeadlessValidator> {
  const log = options.log ?? (() => {})
  const intervalMs = options.intervalMs ?? 12_000
  if (!(Number.isInteger(intervalMs) && intervalMs >= 0)) throw new Error(`the step interval must be a whole number of milliseconds, not ${intervalMs}`)
  await cryptoWaitReady()
  // An asked-for task loads first, so a wrong --task fails before any connection; the subnet's own task needs the chain.
  let task: ValidatorTask<unknown> | undefined = options.taskId !== undefined ? await loadValidatorTask(options.taskId) : undefined
  const client = createChainClient({ url: options.url })
  let timer: ReturnType<typeof setTimeout> | undefined
  const api = await Promise.race([
    client.api,
    new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no node answers at ${options.url} (waited 15 s): start one, or pass --rpc`)), 15_000))),
  ]).catch(async (error: unknown) => {
    await client.close()
    throw error
  })
  clearTimeout(timer)
  const hotkey = new Keyring({ type: 'sr25519', ss58Format: 42 }).addFromUri(options.hotkeyUri)
  let peer: NodePeer | undefined
  try {
    const uid = (await getNeuronsLite(client, { netuid: options.netuid, at: 'best' })).find((n) => n.hotkey === hotkey.address)?.uid
    if (uid === undefined) throw new Error(`hotkey ${hotkey.address} holds no UID on subnet ${options.netuid}: register it (and stake to it) before validating`)
    if (!task) {
      const choice = chooseValidatorTask(undefined, options.netuid, (await getDynamicInfo(client, { netuid: options.netuid, at: 'best' })).identity)
      log(choice.note)
      task = await loadValidatorTask(choice.taskId)
    }
    const relays = options.relays ?? ((await api.rpc('webtensor_relayAddrs' as never).catch(() => [])) as unknown as string[]).map(String)
    peer = await createNodePeer({ webrtc: relays.length > 0, relays, query: { hotkey: sr25519SignerFromUri(options.hotkeyUri) } })
    const validator = createValidator({ client, peer, hotkey, netuid: options.netuid, task, deadlineMs: options.deadlineMs, challengeSize: options.challengeSize, warmupSteps: options.warmupSteps })
    validator.subscribe((event) => {
      if (event.type === 'step') log(describeStep(event.report))
      if (event.type === 'error') log(`step ${event.step} failed: ${event.message}`)
    })
    log(`validating subnet ${options.netuid} (task ${task.id}) as UID ${uid} (${hotkey.address}), peer ${peer.peerId}`)
    if (options.autoRun ?? true) validator.start(intervalMs)
    const started = peer
    return {
      client,
      peer: started,
      validator,
      uid,
      async stop() {
        await validator.stop()
        await started.stop()
        await client.close()
      },
    }
  } catch (error) {
    await peer?.stop()
    await client.close()
    throw error
  }
}
