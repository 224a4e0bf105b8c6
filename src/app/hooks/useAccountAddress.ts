// useAccountAddress(text): whether what was typed is a valid SS58-42 address (checksum, key length, prefix), checked by src/chain loaded lazily.
import { useQuery } from '@tanstack/react-query'
import { addressCheckQueryOptions } from '../queries/explorer.ts'

export function useAccountAddress(text: string | undefined) {
  return useQuery(addressCheckQueryOptions(text))
}
