// setCommitment and getCommitments against a devnet: a registered hotkey publishes a short (Raw) and a long (BigRaw) field and reads
// them back byte for byte; a hotkey without a UID is refused by the chain; bad field counts and sizes are refused before signing.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { KeyringPair } from '@polkadot/keyring/types'
import { setupSubnet, startTestChain, type TestChain } from '../testing/devnet.ts'
import { ExtrinsicFailedError } from '../errors/extrinsic.ts'
import { InvalidAmountError } from '../errors/input.ts'
import { transfer } from './transfer.ts'
import { getCommitments } from './getCommitments.ts'
import { setCommitment } from './setCommitment.ts'

let chain: TestChain
let netuid: number
let hotkey: KeyringPair

beforeAll(async () => {
  chain = await startTestChain()
  const subnet = await setupSubnet(chain, chain.alice, { name: 'commit', hotkeys: 1 })
  netuid = subnet.netuid
  hotkey = subnet.hotkeys[1]!
  for (const to of [hotkey.address, chain.keyring.addFromUri('//nobody').address])
    await (await transfer(chain.client, { to, amount: 10n ** 9n })).send(chain.alice, { waitFor: 'inBlock' })
}, 60_000)
afterAll(() => chain?.close())

describe('commitments', () => {
  test('a registered hotkey publishes a Raw and a BigRaw field; they read back byte for byte, with the block', async () => {
    const short = new TextEncoder().encode('hello subnet')
    const long = Uint8Array.from({ length: 300 }, (_, i) => i % 251)
    const result = await (await setCommitment(chain.client, { netuid, fields: [short, long] })).send(hotkey, { waitFor: 'inBlock' })
    expect(result.events.some((e) => e.pallet === 'Commitments' && e.name === 'Commitment')).toBe(true)
    const commitments = await getCommitments(chain.client, { netuid })
    const mine = commitments.find((c) => c.hotkey === hotkey.address)!
    expect(mine.block).toBeGreaterThan(0)
    expect(mine.fields).toEqual([
      { kind: 'raw', bytes: short },
      { kind: 'raw', bytes: long },
    ])
  })

  test('a hotkey with no UID on the subnet is refused by the chain; bad fields are refused before signing', async () => {
    const nobody = chain.keyring.addFromUri('//nobody')
    const error = await (await setCommitment(chain.client, { netuid, fields: [new Uint8Array([1])] })).send(nobody, { waitFor: 'inBlock' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ExtrinsicFailedError)
    expect((error as ExtrinsicFailedError).shortMessage).toMatch(/AccountNotAllowedCommit/)
    await expect(setCommitment(chain.client, { netuid, fields: [] })).rejects.toThrowError(InvalidAmountError)
    await expect(setCommitment(chain.client, { netuid, fields: [new Uint8Array(1), new Uint8Array(1), new Uint8Array(1), new Uint8Array(1)] })).rejects.toThrowError(/1 to 3 fields/)
    await expect(setCommitment(chain.client, { netuid, fields: [new Uint8Array(513)] })).rejects.toThrowError(/at most 512 bytes/)
  })
})
