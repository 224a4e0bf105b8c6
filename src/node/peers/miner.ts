// A headless miner for servers and the demo network: a Node libp2p peer that answers the digits task with onnxruntime-node, after
// checking the model against the task's signature, with its hotkey registered on the subnet (register_limit, paid by a coldkey when one
// is given) and its peer announced in a commitment. Validators without a permit on the subnet are refused (read from the chain).
import { Keyring } from '@polkadot/keyring'
import { cryptoWaitReady } from '@polkadot/util-crypto'
import { createChainClient, getNeuronsLite, registerLimit, type ChainClient } from '../../chain/index.ts'
import { announce } from '../../net/discovery/discover.ts'
import { chainValidatorLookup } from '../../net/discovery/permits.ts'
import { createNodePeer, type NodePeer } from '../../net/node/peer.ts'
import { sr25519SignerFromUri } from '../../net/query/signer.ts'
import { digitsTask } from '../../tasks/digits/index.ts'
import { CLASSES } from '../../tasks/digits/schema.ts'
import { decodeDigitsQuery, encodeDigitsAnswer } from '../../tasks/digits/wire.ts'

export type HeadlessMinerOptions = {
  /** The node's JSON-RPC endpoint (ws://…). */
  url: string
  netuid: number
  /** An .onnx file for the digits task. */
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
  log?: (line: string) => void
}

export type HeadlessMiner = { client: ChainClient; peer: NodePeer; uid: number; served: () => number; stop(): Promise<void> }

export async function startHeadlessMiner(options: HeadlessMinerOptions): Promise<HeadlessMiner> {
  const log = options.log ?? (() => {})
  await cryptoWaitReady()
  const ort = await import('onnxruntime-node')
  const session = await ort.InferenceSession.create(options.modelPath)
  const inputName = session.inputNames[0]!
  const outputName = session.outputNames[0]!
  const shapeOf = (meta: unknown, fallback: Array<number | string>) => [...((meta as { shape?: Array<number | string> } | undefined)?.shape ?? fallback)]
  const fit = digitsTask.checkModelSignature({
    inputs: [{ name: inputName, dims: shapeOf(session.inputMetadata?.[0], ['N', 1, 28, 28]), type: 'float32' }],
    outputs: [{ name: outputName, dims: shapeOf(session.outputMetadata?.[0], ['N', CLASSES]), type: 'float32' }],
  })
  if (!fit.ok) throw new Error(`${options.modelPath} does not fit the digits task: ${fit.reason}`)

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
  peer.services.query.serve(options.netuid, async ({ body }) => {
    const query = decodeDigitsQuery(body)
    if (!query.ok) throw new Error(query.reason)
    const result = await session.run({ [inputName]: new ort.Tensor('float32', query.value.data, [...query.value.dims]) })
    const out = result[outputName]!
    served++
    return encodeDigitsAnswer({ data: out.data as Float32Array, dims: [query.value.dims[0], CLASSES] })
  })
  const multiaddrs = peer
    .getMultiaddrs()
    .map(String)
    .filter((a) => a.includes('/ws') || a.includes('/p2p-circuit') || a.includes('/webrtc-direct'))
    .slice(0, 4)
  await (await announce(client, { netuid: options.netuid, peerId: peer.peerId.toString(), multiaddrs })).send(hotkey, { waitFor: 'inBlock' })
  log(`mining subnet ${options.netuid} as UID ${uid} (${hotkey.address}), peer ${peer.peerId} at ${multiaddrs.join(', ')}`)
  return {
    client,
    peer,
    uid,
    served: () => served,
    async stop() {
      await peer.stop()
      await session.release()
      await client.close()
    },
  }
}
