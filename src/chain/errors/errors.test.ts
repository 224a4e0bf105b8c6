// The messages users read: each error's text pinned.
import { describe, expect, test } from 'vitest'
import { WebtensorError } from './base.ts'
import { ExtrinsicFailedError, SignatureRejectedError, TransactionDroppedError, TransactionInvalidError, errorNameToWords } from './extrinsic.ts'
import { BlockNotFoundError, InsufficientBalanceError, InvalidAddressError, InvalidAmountError, InvalidToleranceError, SubnetNotFoundError } from './input.ts'
import { ChainDisconnectedError, ClientClosedError, NotASubtensorChainError, RuntimeApiMissingError } from './transport.ts'

describe('WebtensorError', () => {
  test('joins the short message, what to do and the details; keeps the cause', () => {
    const cause = new Error('socket hang up')
    const error = new WebtensorError('Could not read the subnet', { cause, metaMessages: ['Try again.'], details: 'state_call failed' })
    expect(error.message).toMatchInlineSnapshot(`
      "Could not read the subnet

      Try again.

      Details: state_call failed"
    `)
    expect(error.cause).toBe(cause)
    expect(error.walk((e) => e === cause)).toBe(cause)
    expect(new WebtensorError('Just this').message).toBe('Just this')
  })
})

describe('extrinsic errors', () => {
  test.each([
    ['NotEnoughStakeToWithdraw', 'Not enough stake to withdraw'],
    ['HotKeyAccountNotExists', 'Hot key account not exists'],
    ['SlippageTooHigh', 'Slippage too high'],
    ['BadOrigin', 'Bad origin'],
    ['UIDsTooMany', 'UIDs too many'],
  ])('%s reads "%s"', (name, words) => expect(errorNameToWords(name)).toBe(words))

  test('ExtrinsicFailedError says the error in words, then Pallet.Error, then how to fix it', () => {
    const error = new ExtrinsicFailedError({ pallet: 'SubtensorModule', error: 'NotEnoughStakeToWithdraw', docs: ['Not enough stake to withdraw the requested amount.'], blockHash: '0xabc' })
    expect(error.shortMessage).toBe('Not enough stake to withdraw (SubtensorModule.NotEnoughStakeToWithdraw)')
    expect(error.message).toMatchInlineSnapshot(`
      "Not enough stake to withdraw (SubtensorModule.NotEnoughStakeToWithdraw)

      Unstake at most the position shown for this hotkey and subnet.

      Details: Not enough stake to withdraw the requested amount; in block 0xabc"
    `)
    expect(new ExtrinsicFailedError({ error: 'BadOrigin' }).message).toMatchInlineSnapshot(`
      "Bad origin (BadOrigin)

      Sign with the account this call needs (e.g. the subnet owner, or root)."
    `)
    expect(new ExtrinsicFailedError({ error: 'Token.FundsUnavailable' }).shortMessage).toMatchInlineSnapshot(`"Funds unavailable (Token.FundsUnavailable)"`)
    expect(new ExtrinsicFailedError({ pallet: 'Commitments', error: 'AccountNotAllowedCommit' }).message).toMatchInlineSnapshot(`"Account not allowed commit (Commitments.AccountNotAllowedCommit)"`)
  })

  test('pool, signer and drop errors', () => {
    expect(new TransactionInvalidError({ reason: '1010: Invalid Transaction: Inability to pay some fees , e.g. account balance too low' }).message).toMatchInlineSnapshot(`
      "The node refused the transaction: Invalid Transaction: Inability to pay some fees , e.g. account balance too low

      The account cannot pay the transaction fee; add TAO to it first."
    `)
    expect(new SignatureRejectedError().message).toMatchInlineSnapshot(`
      "The signature was rejected in the wallet; nothing was sent

      Sign again to send, or change the transaction first."
    `)
    expect(new TransactionDroppedError({ status: 'Usurped' }).shortMessage).toMatchInlineSnapshot(`"The transaction was replaced by another with the same nonce before it was finalized"`)
  })
})

describe('input errors', () => {
  test('say what was wrong with the value', () => {
    expect(new InvalidAddressError({ address: '5Grw', field: 'hotkey', reason: 'it is too short' }).message).toMatchInlineSnapshot(`
      "The hotkey "5Grw" is not a valid address: it is too short

      A Bittensor address is an SS58 string with prefix 42 that starts with 5, e.g. 5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY."
    `)
    expect(new InvalidAmountError({ amount: '1.2.3', reason: 'it is not a number', hint: 'For example 1.25' }).message).toMatchInlineSnapshot(`
      "The amount "1.2.3" is not valid: it is not a number

      For example 1.25"
    `)
    expect(new InvalidToleranceError({ tolerance: 2 }).shortMessage).toMatchInlineSnapshot(`"The slippage tolerance 2 is not valid: it must be a fraction from 0 up to (not including) 1"`)
    expect(
      new InsufficientBalanceError({ address: '5Grw', needed: 10n, available: 1n, formatted: { needed: '10 τ', available: '1 τ' } }).message,
    ).toMatchInlineSnapshot(`
      "Not enough free balance: 10 τ needed, 1 τ available

      Enter a smaller amount, or add TAO to this account first.

      Details: account 5Grw"
    `)
    expect(new SubnetNotFoundError({ netuid: 42 }).shortMessage).toMatchInlineSnapshot(`"Subnet 42 does not exist"`)
    expect(new BlockNotFoundError({ at: 12 }).shortMessage).toMatchInlineSnapshot(`"No block 12 on this chain"`)
  })
})

describe('transport errors', () => {
  test('name the node and what to do', () => {
    expect(new ChainDisconnectedError({ url: 'ws://127.0.0.1:9944' }).message).toMatchInlineSnapshot(`
      "Not connected to the node at ws://127.0.0.1:9944

      Reconnecting on its own; nothing was sent. Check that the node is running, or pick another network."
    `)
    expect(new NotASubtensorChainError({ url: 'wss://rpc.polkadot.io', chain: 'Polkadot', pallets: ['System', 'Balances', 'Staking'] }).message).toMatchInlineSnapshot(`
      ""Polkadot" at wss://rpc.polkadot.io is not a Bittensor (subtensor) chain: its runtime has no SubtensorModule pallet

      Pick the local devnet, Bittensor testnet or mainnet, or a custom endpoint of a subtensor node.

      Details: pallets: System, Balances, Staking"
    `)
    expect(new ClientClosedError({ url: 'ws://127.0.0.1:9944' }).shortMessage).toMatchInlineSnapshot(`"The connection to ws://127.0.0.1:9944 was closed"`)
    expect(new RuntimeApiMissingError({ api: 'swapRuntimeApi', method: 'simSwapTaoForAlpha' }).shortMessage).toMatchInlineSnapshot(`"The node does not serve swapRuntimeApi.simSwapTaoForAlpha"`)
  })
})
