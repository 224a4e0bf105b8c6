// useParsedTao(text): the τ amount typed, parsed by src/chain's units (loaded lazily) into RAO or a message in words.
import { useQuery } from '@tanstack/react-query'
import { parsedTaoQueryOptions } from '../queries/stake.ts'

export function useParsedTao(text: string) {
  return useQuery(parsedTaoQueryOptions(text))
}
