// A headless miner for servers and the demo network: a Node libp2p peer that answers a subnet task with onnxruntime-node. The task
// comes from the model's signature (digits, else ocr; a model that fits neither is refused before anything is signed); its hotkey is
// registered on the subnet (register_limit, paid by a coldkey when one is given) and its peer announced in a commitment. Validators
// without a permit on the subnet are refused (read from the chain).
import type { MinerBehaviour } from './adversaries.ts'
import { Keyring } from '@polkadot/keyring'
import { cryptoWaitReady } from '@polkadot/util-crypto'
import { createChainClient, getNeuronsLite, registerLimit, type ChainClient } from '../../chain/index.ts'
import { announce } from '../../net/discovery/discover.ts'
import { chainValidatorLookup } from '../../net/discovery/permits.ts'
import { createNodePeer, type NodePeer } from '../../net/node/peer.ts'
import { sr25519SignerFromUri } from '../../net/query/signer.ts'
import { digitsMinerTask } from '../../tasks/digits/network.ts'
import { checkModelSignature as checkDigitsSignature } from '../../tasks/digits/schema.ts'
import { ocrMinerTask } from '../../tasks/ocr/network.ts'
import { loadOcrDictionary } from '../../tasks/ocr/node.ts'
import { checkModelSignature as checkOcrSignature } from '../../tasks/ocr/schema.ts'
import type { MinerTask, ModelFit, ModelSignature, RunModel } from '../../tasks/task.ts'

type Ort = typeof import('onnxruntime-node')
type Session = Awaited<ReturnType<Ort['InferenceSession']['create']>>

/** The tasks a headless miner can serve, in the order a model is tried against them. */
export const MINER_TASKS: ReadonlyArray<{ id: string; check: MinerTask['checkModelSignature']; make: () => MinerTask }> = [
  { id: 'digits', check: checkDigitsSignature, make: () => digitsMinerTask },
  { id: 'ocr', check: checkOcrSignature, make: () => ocrMinerTask(loadOcrDictionary()) },
]

/** A session's inputs and outputs as the tasks' signature checks read them. */
export function sessionSignature(session: Session): ModelSignature {
  const spec = (m: unknown) => {
    const meta = m as { name: string; isTensor: boolean; type?: string; shape?: Array<number | string> }
    return { name: meta.name, dims: meta.isTensor ? [...(meta.shape ?? [])] : [], type: meta.type ?? 'unknown', isTensor: meta.isTensor }
  }
  return { inputs: session.inputMetadata.map(spec), outputs: session.outputMetadata.map(spec) }
}

/** The first task the model fits, or an Error listing why it fits none. */
export function chooseTask(signature: ModelSignature, modelPath: string): { task: MinerTask; fit: ModelFit } {
  const reasons: string[] = []
  for (const t of MINER_TASKS) {
    const fit = t.check(signature)
    if (fit.ok) return { task: t.make(), fit }
    reasons.push(`${fit.reason}`)
  }
  throw new Error(`${modelPath} does not fit the ${MINER_TASKS.map((t) => t.id).join(' or the ')} task: ${reasons.join('; ')}`)
}

/**
 * One float32 tensor through the session. A model with a fixed batch size b runs the rows b at a time (the last chunk padded with
 * zeros, its padding dropped from the output).
 */
export function ortRunModel(ort: Ort, session: Session, fit: ModelFit): RunModel {
  const once = async (data: Float32Array, dims: number[]) => {
    const out = (await session.run({ [fit.inputName]: new ort.Tensor('float32', data, dims) }))[fit.outputName]
    if (!out || !(out.data instanceof Float32Array)) throw new Error(`the model gave no float32 output '${fit.outputName}'`)
    return { data: out.data, dims: [...out.dims] }
  }
  return async ({ data, dims }) => {
    if (fit.batch === 'dynamic' || dims[0] === fit.batch) return once(data, [...dims])
    const b = fit.batch
    const rows = dims[0]!
    const per = data.length / rows
    const parts: Float32Array[] = []
    let outDims: number[] = []
    for (let r = 0; r < rows; r += b) {
      const chunk = new Float32Array(b * per)
      chunk.set(data.subarray(r * per, Math.min(rows, r + b) * per))
      const out = await once(chunk, [b, ...dims.slice(1)])
      const keep = Math.min(b, rows - r)
      parts.push(out.data.subarray(0, (out.data.length / b) * keep))
      outDims = out.dims
    }
    const all = new Float32Array(parts.reduce((a, p) => a + p.length, 0))
    parts.reduce((at, p) => (all.set(p, at), at + p.length), 0)
    return { data: all, dims: [rows, ...outDims.slice(1)] }
  }
}

export type HeadlessMinerOptions = {
  /** The node's JSON-RPC endpoint (ws://…). */
  url: string
  netuid: number
  /** An .onnx file for one of the tasks (MINER_TASKS): digits, or ocr (PaddleOCR's rec model or one with its signature). */
  modelPath: string
  /** The hotkey's secret URI (`//Dave`, a mnemonic): signs answers, the announcement and nothing else. */
  hotkeyUri: string
  /** A coldkey secret URI that pays `register_limit` when the hotkey holds no UID yet (without it, an unregistered hotkey is an error). */
  coldkeyUri?: string
  /** Relays to reserve a circuit address on (default: the node's `webtensor_relayAddrs`). */
  relays?: string[]
  listen?: string[]
  /** How long a read of the subnet's validator permits is trusted, ms (default 12 000: a mainnet block). */
  permitCacheMs?: number
  /**
   * How it answers (default: honestly, with the model). The adversaries and deliberately weaker miners of the test suite and the demo
   * network (src/node/peers/adversaries.ts, digits only) wrap the model's answer here.
   */
  behaviour?: MinerBehaviour
  log?: (line: string) => void
}

export type HeadlessMiner = { client: ChainClient; peer: NodePeer; uid: number; task: string; served: () => number; stop(): Promise<void> }

export async function startHeadlessMiner(options: HeadlessMinerOptions): Promise<HeadlessMiner> {
  const log = options.log ?? (() => {})
  await cryptoWaitReady()
  const ort = await import('onnxruntime-node')
  const session = await ort.InferenceSession.create(options.modelPath)
  let chosen: ReturnType<typeof chooseTask>
  try {
    chosen = chooseTask(sessionSignature(session), options.modelPath)
  } catch (error) {
    await session.release()
    throw error
  }
  const { task } = chosen
  if (options.behaviour && task.id !== 'digits') {
    await session.release()
    throw new Error(`behaviour "${options.behaviour.name}" answers digits queries; ${options.modelPath} serves ${task.id}`)
  }
  const run = ortRunModel(ort, session, chosen.fit)

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
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 })
  const hotkey = keyring.addFromUri(options.hotkeyUri)
  const uidOf = async () => (await getNeuronsLite(client, { netuid: options.netuid, at: 'best' })).find((n) => n.hotkey === hotkey.address)?.uid
  let uid = await uidOf()
  if (uid === undefined) {
    if (!options.coldkeyUri) throw new Error(`hotkey ${hotkey.address} holds no UID on subnet ${options.netuid}: register it, or pass a coldkey to pay register_limit`)
    const coldkey = keyring.addFromUri(options.coldkeyUri)
    const prepared = await registerLimit(client, { netuid: options.netuid, hotkey: hotkey.address, tolerance: 0.01 })
    await prepared.send(coldkey, { waitFor: 'inBlock' })
    uid = await uidOf()
    if (uid === undefined) throw new Error(`registration of ${hotkey.address} on subnet ${options.netuid} went through but no UID shows for it`)
    log(`registered ${hotkey.address} as UID ${uid} on subnet ${options.netuid} (burn ${prepared.burn} RAO)`)
  }

  const relays = options.relays ?? ((await api.rpc('webtensor_relayAddrs' as never).catch(() => [])) as unknown as string[]).map(String)
  const peer = await createNodePeer({
    webrtc: relays.length > 0,
    listen: options.listen,
    relays,
    query: { hotkey: sr25519SignerFromUri(options.hotkeyUri), lookupValidator: chainValidatorLookup(client, { maxAgeMs: options.permitCacheMs }) },
  })
  let served = 0
  const honest = (body: Uint8Array) => task.answer(body, run)
  const behaviour = options.behaviour
  peer.services.query.serve(options.netuid, async ({ body, validatorHotkey }, { signal }) => {
    const answer = behaviour ? await behaviour.answer({ body, validatorHotkey, signal }, honest) : await honest(body)
    served++
    return answer
  })
  const multiaddrs = peer
    .getMultiaddrs()
    .map(String)
    .filter((a) => a.includes('/ws') || a.includes('/p2p-circuit') || a.includes('/webrtc-direct'))
    .slice(0, 4)
  await (await announce(client, { netuid: options.netuid, peerId: peer.peerId.toString(), multiaddrs })).send(hotkey, { waitFor: 'inBlock' })
  log(`mining subnet ${options.netuid} (task ${task.id}) as UID ${uid} (${hotkey.address}), peer ${peer.peerId} at ${multiaddrs.join(', ')}`)
  return {
    client,
    peer,
    uid,
    task: task.id,
    served: () => served,
    async stop() {
      await peer.stop()
      await session.release()
      await client.close()
    },
  }
}
