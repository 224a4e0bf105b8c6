// useBundledModels(): the digits models shipped with the app (public/models), best first.
import { useQuery } from '@tanstack/react-query'
import { bundledModelsQueryOptions } from '../queries/models.ts'

export function useBundledModels() {
  return useQuery(bundledModelsQueryOptions())
}
