// Brings a devnet to the demo plan's state: the task subnets (found again by their identity name, else registered with identity and
// started), their demo hyperparameters (through Sudo), the miners' hotkeys registered and the validators registered and staked.
// Idempotent: a second run on the same chain only fills in what is missing.
import type { KeyringPair } from '@polkadot/keyring/types'
import type { SubmittableExtrinsic } from '@polkadot/api/types'
import { Keyring } from '@polkadot/keyring'
import type { ChainClient } from '../../chain/client.ts'
import { getNeuronsLite } from '../../chain/actions/getNeuronsLite.ts'
import { prepareTransaction } from '../../chain/internal/transaction.ts'
import type { Untyped } from '../../chain/internal/read.ts'
import { TAO } from '../chain/genesis.ts'
import { demoHotkeyUri, type DemoPlan, type DemoSubnetPlan } from './plan.ts'

export type DemoSubnet = { plan: DemoSubnetPlan; netuid: number }

/** Where each of the plan's subnets lives on this chain. */
export type DemoChain = { subnets: DemoSubnet[] }

type Api = Awaited<ChainClient['api']>

async function submit(client: ChainClient, api: Api, signer: KeyringPair, what: string, extrinsic: SubmittableExtrinsic<'promise'>) {
  const result = await prepareTransaction(client, api, { pallet: 'Utility', name: what, args: {} }, extrinsic).send(signer, { waitFor: 'inBlock' })
  // a batch_all that failed, or a sudo'd call that failed, shows as an event, not as a failed extrinsic
  const failed = result.events.find((e) => (e.pallet === 'Utility' && e.name === 'BatchInterrupted') || (e.pallet === 'Sudo' && e.name === 'Sudid' && String(JSON.stringify(e.data)).includes('err')))
  if (failed) throw new Error(`${what}: ${failed.pallet}.${failed.name} ${JSON.stringify(failed.data)}`)
  return result
}

/** netuid by identity name, for the subnets that have one. */
async function subnetsByName(api: Api): Promise<Map<string, number>> {
  const entries = await (api.query as Untyped).subtensorModule.subnetIdentitiesV3.entries()
  const out = new Map<string, number>()
  for (const [key, value] of entries as Array<[{ args: [{ toNumber(): number }] }, { isSome: boolean; unwrap(): { subnetName: { toUtf8(): string } } }]>) {
    if (value.isSome) out.set(value.unwrap().subnetName.toUtf8(), key.args[0].toNumber())
  }
  return out
}

export async function setupDemoChain(client: ChainClient, plan: DemoPlan, log: (line: string) => void = () => {}): Promise<DemoChain> {
  const api = await client.api
  const tx = api.tx as Untyped
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 })
  const owner = keyring.addFromUri(plan.ownerUri)
  const minerColdkey = keyring.addFromUri(plan.minerColdkeyUri)
  const validatorColdkey = keyring.addFromUri(plan.validatorColdkeyUri)
  const sudo = (calls: unknown[]) => tx.sudo.sudo(tx.utility.batchAll(calls))

  const found = await subnetsByName(api)
  const subnets: DemoSubnet[] = []
  for (const subnet of plan.subnets) {
    let netuid = found.get(subnet.task)
    if (netuid === undefined) {
      await submit(client, api, owner, 'sudo(set_network_rate_limit(0))', sudo([tx.adminUtils.sudoSetNetworkRateLimit(0)]))
      const identity = {
        subnetName: subnet.task, githubRepo: subnet.identity.githubRepo, subnetContact: '', subnetUrl: '', discord: '',
        description: subnet.identity.description, logoUrl: '', additional: `webtensor task: ${subnet.task}`,
      }
      const ownerHotkey = keyring.addFromUri(demoHotkeyUri(subnet.task, 'owner'))
      const registered = await submit(client, api, owner, 'register_network_with_identity', tx.subtensorModule.registerNetworkWithIdentity(ownerHotkey.address, identity))
      const added = registered.events.find((e) => e.pallet === 'SubtensorModule' && e.name === 'NetworkAdded')
      if (!added) throw new Error(`registering the ${subnet.task} subnet added no network`)
      netuid = Number(added.data[0])
      await submit(client, api, owner, 'start_call', tx.subtensorModule.startCall(netuid))
      log(`registered subnet ${netuid} "${subnet.task}" and started it`)
    }
    // Demo pace: a short tempo, room for everyone to register at once, weights as often as each epoch allows.
    // No admin freeze window first: subtensor refuses hyperparameter changes in the last 10 blocks of a tempo, which at demo pace
    // would make a restart's setup fail a third of the time.
    await submit(client, api, owner, 'sudo(demo hyperparameters)', sudo([
      tx.adminUtils.sudoSetAdminFreezeWindow(0),
      tx.adminUtils.sudoSetTempo(netuid, plan.tempo),
      tx.adminUtils.sudoSetMaxRegistrationsPerBlock(netuid, 64),
      tx.adminUtils.sudoSetTargetRegistrationsPerInterval(netuid, 64),
      tx.adminUtils.sudoSetWeightsSetRateLimit(netuid, 0),
    ]))

    const registered = new Set((await getNeuronsLite(client, { netuid, at: 'best' })).map((n) => n.hotkey))
    const miners = subnet.miners.map((m) => keyring.addFromUri(demoHotkeyUri(subnet.task, 'miner', m.name))).filter((k) => !registered.has(k.address))
    if (miners.length) {
      await submit(client, api, minerColdkey, 'batch_all(burned_register × miners)', tx.utility.batchAll(miners.map((k) => tx.subtensorModule.burnedRegister(netuid, k.address))))
      log(`registered ${miners.length} demo miner hotkey(s) on subnet ${netuid}`)
    }
    const calls: unknown[] = []
    for (const v of subnet.validators) {
      const hotkey = keyring.addFromUri(demoHotkeyUri(subnet.task, 'validator', v.name))
      if (!registered.has(hotkey.address)) calls.push(tx.subtensorModule.burnedRegister(netuid, hotkey.address))
      const staked = BigInt((await (api.query as Untyped).subtensorModule.totalHotkeyAlpha(hotkey.address, netuid)).toString())
      if (staked === 0n) calls.push(tx.subtensorModule.addStake(hotkey.address, netuid, BigInt(v.stakeTao) * TAO))
    }
    if (calls.length) {
      await submit(client, api, validatorColdkey, 'batch_all(register + stake validators)', tx.utility.batchAll(calls))
      log(`registered and staked ${subnet.validators.length} demo validator(s) on subnet ${netuid}`)
    }
    subnets.push({ plan: subnet, netuid })
  }
  return { subnets }
}
