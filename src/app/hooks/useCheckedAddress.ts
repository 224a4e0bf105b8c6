// useCheckedAddress(text): the SS58 address typed, checked by src/chain's units (loaded lazily): the address in SS58-42 or why it is not one.
import { useQuery } from '@tanstack/react-query'
import { checkedAddressQueryOptions } from '../queries/stake.ts'

export function useCheckedAddress(text: string) {
  return useQuery(checkedAddressQueryOptions(text))
}
