// getSubnets: every subnet for the subnets page — name, symbol, price, pool, emission share, tempo and next epoch, registration cost, neurons, owner — read at one block.

import type { ChainClient } from '../client.ts'
import type { WebtensorErrorType } from '../errors/base.ts'
import type { BlockNotFoundErrorType } from '../errors/input.ts'
import type { ChainDisconnectedErrorType, RuntimeApiMissingErrorType } from '../errors/transport.ts'
import { decodeDynamicInfo, type DynamicInfo } from '../internal/decode.ts'
import { big, hasRuntimeCall, num, option, readAt, runtimeCall, storageAt, type At, type Hex } from '../internal/read.ts'
import { RAO_PER_TAO, priceToNumber } from '../units.ts'

export type GetSubnetsParameters = { at?: At }

export type Subnet = DynamicInfo & {
  /** Spot price: RAO of τ per α (exact) and τ per α as a number. */
  price: { rao: bigint; tao: number }
  /** The subnet's share of block emission: its moving price over the sum of every non-root subnet's (0 for root). */
  emissionShare: number
  /** The block at which the next epoch runs, and how many blocks until then (undefined when tempo is 0). */
  nextEpochBlock: number | undefined
  blocksToNextEpoch: number | undefined
  /** The current burn to register a UID (RAO of τ). */
  registrationCost: bigint
  neurons: number
  maxNeurons: number
}

export type GetSubnetsReturnType = { block: { number: number; hash: Hex }; subnets: Subnet[] }
export type GetSubnetsErrorType = BlockNotFoundErrorType | ChainDisconnectedErrorType | RuntimeApiMissingErrorType | WebtensorErrorType

/** `getSubnets(client, { at: 'best' })`: subnets in netuid order, with the block they were read at. */
export async function getSubnets(client: ChainClient, { at = 'best' }: GetSubnetsParameters = {}): Promise<GetSubnetsReturnType> {
  const { api, hash } = await readAt(client, at)
  const [header, dynamic, infos, prices] = await Promise.all([
    api.rpc.chain.getHeader(hash),
    runtimeCall(api, 'subnetInfoRuntimeApi', 'getAllDynamicInfo', [], hash),
    runtimeCall(api, 'subnetInfoRuntimeApi', 'getSubnetsInfoV2', [], hash),
    hasRuntimeCall(api, 'swapRuntimeApi', 'currentAlphaPriceAll') ? runtimeCall(api, 'swapRuntimeApi', 'currentAlphaPriceAll', [], hash) : undefined,
  ])
  const block = { number: header.number.toNumber(), hash }
  const subnets: DynamicInfo[] = [...dynamic].flatMap((d) => (d.isSome ? [decodeDynamicInfo(d.unwrap())] : []))
  const infoByNetuid = new Map<number, { neurons: number; maxNeurons: number; burn: bigint }>()
  for (const i of infos) {
    const info = option(i, (x) => ({ netuid: num(x.netuid), neurons: num(x.subnetworkN), maxNeurons: num(x.maxAllowedUids), burn: big(x.burn) }))
    if (info) infoByNetuid.set(info.netuid, info)
  }
  const priceByNetuid = new Map<number, bigint>(prices ? [...prices].map((p) => [num(p.netuid), big(p.price)]) : [])
  const epochs = await Promise.all(subnets.map((s) => nextEpochBlock(api, hash, s, block.number)))
  const burns = await Promise.all(subnets.map((s) => (infoByNetuid.has(s.netuid) ? infoByNetuid.get(s.netuid)!.burn : storageAt(api, hash, 'subtensorModule', 'burn', s.netuid).then(big))))
  const totalMovingPrice = subnets.reduce((sum, s) => (s.netuid === 0 ? sum : sum + s.movingPrice), 0)
  return {
    block,
    subnets: subnets.map((s, i) => {
      const rao = priceByNetuid.get(s.netuid) ?? (s.netuid === 0 || s.alphaIn === 0n ? RAO_PER_TAO : (s.taoIn * RAO_PER_TAO) / s.alphaIn)
      const next = epochs[i]
      const info = infoByNetuid.get(s.netuid)
      return {
        ...s,
        price: { rao, tao: priceToNumber(rao) },
        emissionShare: s.netuid === 0 || totalMovingPrice === 0 ? 0 : s.movingPrice / totalMovingPrice,
        nextEpochBlock: next,
        blocksToNextEpoch: next === undefined ? undefined : Math.max(0, next - block.number),
        registrationCost: burns[i]!,
        neurons: info?.neurons ?? 0,
        maxNeurons: info?.maxNeurons ?? 0,
      }
    }),
  }
}

/** `get_next_epoch_start_block` where the runtime has it; else subtensor's schedule from tempo and blocks since the last step. */
async function nextEpochBlock(api: Parameters<typeof runtimeCall>[0], hash: Hex, s: DynamicInfo, block: number): Promise<number | undefined> {
  if (s.tempo === 0) return undefined
  if (hasRuntimeCall(api, 'subnetInfoRuntimeApi', 'getNextEpochStartBlock')) return option(await runtimeCall(api, 'subnetInfoRuntimeApi', 'getNextEpochStartBlock', [s.netuid], hash), num)
  return block + Math.max(0, s.tempo - s.blocksSinceLastStep)
}
