// pallet_aura (pallet 3): the block authors (sr25519) and the current slot, read from each block's PreRuntime digest.
import type { Hex } from '../../primitives/types.ts'
import { storageValue } from '../../primitives/storage.ts'
import { BoundedVec } from '../../primitives/substrate.ts'
import { byteArray, newtype, u64 } from '../../primitives/types.ts'
import { definePallet } from '../../framework/pallet.ts'
import { getMinimumPeriod } from '../timestamp/index.ts'

export const AuthorityId = newtype('sp_consensus_aura::sr25519::app_sr25519::Public', newtype('sp_core::sr25519::Public', byteArray(32)))
export const Authorities = storageValue('Aura', 'Authorities', { value: BoundedVec(AuthorityId), docs: ' The current authority set.' })
export const CurrentSlot = storageValue('Aura', 'CurrentSlot', {
  value: newtype('sp_consensus_slots::Slot', u64),
  docs: ' The current slot of this block.\n\n This will be set in `on_initialize`.',
})

/** The author of a block at `slot`: `Authorities[slot % len]`. */
export function authorAt(authorities: readonly Hex[], slot: bigint): Hex | undefined {
  if (authorities.length === 0) return undefined
  return authorities[Number(slot % BigInt(authorities.length))]
}

export type AuraGenesis = { authorities: Hex[] }

export const Aura = definePallet({
  name: 'Aura',
  index: 3,
  storage: { Authorities, CurrentSlot },
  constants: {
    SlotDuration: {
      type: u64,
      get value() {
        return getMinimumPeriod() * 2n
      },
      docs: [' The slot duration Aura should run with, expressed in milliseconds.\n The effective value of this type should not change while the chain is running.\n\n For backwards compatibility either use [`MinimumPeriodTimesTwo`] or a const.'],
    },
  },
  genesis: {
    default: { authorities: [] } as AuraGenesis,
    build: (storage, { authorities }) => Authorities.set(storage, authorities),
  },
})
