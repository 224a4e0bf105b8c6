// The demo plan on a fresh devnet: both task subnets registered with identities and started, demo hyperparameters set, every miner and
// validator registered, validators staked; a second run finds it all and changes nothing.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { Keyring } from '@polkadot/keyring'
import { startTestChain, type TestChain } from '../../chain/testing/devnet.ts'
import { getNeuronsLite } from '../../chain/actions/getNeuronsLite.ts'
import type { Untyped } from '../../chain/internal/read.ts'
import { DEMO_PLAN, demoHotkeyUri } from './plan.ts'
import { setupDemoChain } from './setup.ts'

let chain: TestChain
beforeAll(async () => {
  chain = await startTestChain()
}, 60_000)
afterAll(async () => chain?.close())

describe('setupDemoChain', () => {
  test('builds the plan, then is a no-op on a second run', async () => {
    const lines: string[] = []
    const first = await setupDemoChain(chain.client, DEMO_PLAN, (l) => lines.push(l))
    expect(first.subnets.map((s) => s.plan.task)).toEqual(['digits', 'ocr'])
    const api = await chain.client.api
    const q = api.query as Untyped
    const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 })
    for (const { plan, netuid } of first.subnets) {
      expect((await q.subtensorModule.subnetIdentitiesV3(netuid)).unwrap().subnetName.toUtf8()).toBe(plan.task)
      expect(Number(await q.subtensorModule.tempo(netuid))).toBe(DEMO_PLAN.tempo)
      const hotkeys = new Set((await getNeuronsLite(chain.client, { netuid, at: 'best' })).map((n) => n.hotkey))
      for (const m of plan.miners) expect(hotkeys.has(keyring.addFromUri(demoHotkeyUri(plan.task, 'miner', m.name)).address)).toBe(true)
      for (const v of plan.validators) {
        const hotkey = keyring.addFromUri(demoHotkeyUri(plan.task, 'validator', v.name)).address
        expect(hotkeys.has(hotkey)).toBe(true)
        expect(BigInt((await q.subtensorModule.totalHotkeyAlpha(hotkey, netuid)).toString())).toBeGreaterThan(0n)
      }
    }
    const again: string[] = []
    const second = await setupDemoChain(chain.client, DEMO_PLAN, (l) => again.push(l))
    expect(second.subnets.map((s) => s.netuid)).toEqual(first.subnets.map((s) => s.netuid))
    expect(again).toEqual([])
    expect(lines.some((l) => l.includes('"digits"'))).toBe(true)
  }, 120_000)
})
