// payment_* over a real WebSocket against the devnet on the fake runtime: the runtime API's SCALE answers as pallet-transaction-payment-rpc's JSON.
import { u8aToHex } from '@polkadot/util'
import { describe, expect, test } from 'vitest'
import { closeDevnetsAfterEach, startTestDevnet } from '../../testing/devnetFixture.ts'
import { fakeAccount, fakeTransaction } from '../../testing/fakeRuntime.ts'

const T = 20_000
closeDevnetsAfterEach()

describe('payment_*', () => {
  test('queryInfo and queryFeeDetails quote the fee in Substrate’s JSON shapes; bad input is refused with its codes', async () => {
    const { devnet, client } = await startTestDevnet()
    const xt = fakeTransaction({ sender: fakeAccount(1), nonce: 0, key: 'k', value: 'v' })
    // The fake quotes weight len·1000 and fee len·10 + 100 for an extrinsic of `len` encoded bytes.
    const len = xt.length
    expect(await client.call('payment_queryInfo', [u8aToHex(xt)])).toEqual({
      weight: { ref_time: len * 1000, proof_size: 0 },
      class: 'normal',
      partialFee: String(len * 10 + 100),
    })
    expect(await client.call('payment_queryFeeDetails', [u8aToHex(xt), devnet.chain.genesisHash])).toEqual({
      inclusionFee: { baseFee: 100, lenFee: len * 10, adjustedWeightFee: 0 },
    })
    expect(await client.error('payment_queryInfo', ['0x1034'])).toEqual({
      code: 2,
      message: 'Unable to query dispatch info.',
      data: "the extrinsic's length prefix says 4 bytes, but 1 follow it",
    })
    expect(await client.error('payment_queryFeeDetails', ['0x0c010203'])).toEqual({
      code: 1,
      message: 'Unable to query fee details.',
      data: 'Bad input data provided to query_info: could not decode the extrinsic',
    })
    const unknown = `0x${'55'.repeat(32)}`
    expect(await client.error('payment_queryInfo', [u8aToHex(xt), unknown])).toEqual({
      code: 1,
      message: 'Unable to query dispatch info.',
      data: `Api called for an unknown Block: Header was not found in the database: ${unknown}`,
    })
  }, T)
})
