// Why a hotkey has no validator permit, in words: not registered, no stake, below the stake threshold, outranked by stake, or waiting
// for the epoch that grants it.
import { describe, expect, test } from 'vitest'
import { permitStatus, type PermitNeuron } from './permit.ts'

const TAO = 1_000_000_000n
const n = (uid: number, stake: bigint, permit = false): PermitNeuron => ({ uid, hotkey: `hk${uid}`, totalStake: stake, validatorPermit: permit })
const neurons = [n(0, 0n, true), n(1, 100n * TAO, true), n(2, 50n * TAO, true), n(3, 10n * TAO), n(4, 0n), n(5, 50n * TAO)]
const ctx = { netuid: 2, maxValidators: 2, stakeThreshold: 20n * TAO, ownerHotkey: 'hk0' }

describe('permit status', () => {
  test('each reason, in words', () => {
    expect(permitStatus(neurons, 'hk1', ctx)).toEqual({ permit: true, uid: 1, reason: 'UID 1 holds a validator permit on subnet 2' })
    expect(permitStatus(neurons, 'nobody', ctx)).toMatchObject({ permit: false, code: 'NotRegistered', reason: 'hotkey nobody holds no UID on subnet 2: register it first' })
    expect(permitStatus(neurons, 'hk4', ctx)).toMatchObject({ code: 'NoStake', reason: expect.stringContaining('UID 4 has no stake') })
    expect(permitStatus(neurons, 'hk3', ctx)).toMatchObject({ code: 'BelowStakeThreshold', reason: "UID 3's stake 10 α is below the stake threshold 20 α: stake more to this hotkey" })
    // UID 5 ties UID 2 at 50 τ: the lower UID loses the tie (is_topk_nonzero), so UID 5 is 2nd and within the top 2
    expect(permitStatus(neurons, 'hk5', ctx)).toMatchObject({ code: 'AwaitingEpoch', reason: 'UID 5 ranks 2nd by stake, within the top 2: the permit comes with the next epoch' })
    const crowded = [...neurons.slice(0, 3), n(3, 60n * TAO), n(5, 50n * TAO)]
    expect(permitStatus(crowded, 'hk5', ctx)).toMatchObject({ code: 'OutrankedByStake', reason: expect.stringMatching(/^UID 5 ranks 3rd by stake \(50 α\); only the top 2 \(MaxAllowedValidators\) get a permit, the last of them UID 3 with 60 α/) })
  })
})
