// Query options for the models bundled with the app (public/models/digits.json): which ones a miner can load without an upload.
import { queryOptions } from '@tanstack/react-query'

export type BundledModel = { id: string; file: string; url: string; bytes: number; architecture: string; heldOutAccuracy: number; task: string }

/** Reads the models manifest; entries that do not look like one are left out (the file is ours, but checked at the edge all the same). */
export function parseModelsManifest(json: unknown, base = '/models/'): BundledModel[] {
  const manifest = json as { task?: unknown; models?: unknown }
  if (!manifest || typeof manifest !== 'object' || !Array.isArray(manifest.models)) throw new Error('the bundled models list (models/digits.json) is not readable')
  const task = typeof manifest.task === 'string' ? manifest.task : 'digits'
  return manifest.models.flatMap((m: Record<string, unknown>) =>
    typeof m?.id === 'string' && typeof m.file === 'string' && /^[\w.-]+\.onnx$/.test(m.file)
      ? [{ id: m.id, file: m.file, url: `${base}${m.file}`, bytes: Number(m.bytes) || 0, architecture: String(m.architecture ?? ''), heldOutAccuracy: Number(m.heldOutAccuracy) || 0, task }]
      : [],
  )
}

export const bundledModelsQueryKey = ['bundledModels'] as const

/** `useQuery(bundledModelsQueryOptions())`: the bundled digits models, best held-out accuracy first. */
export function bundledModelsQueryOptions() {
  return queryOptions({
    queryKey: bundledModelsQueryKey,
    queryFn: async (): Promise<BundledModel[]> => {
      const response = await fetch('/models/digits.json')
      if (!response.ok) throw new Error(`the bundled models list could not be read (HTTP ${response.status})`)
      return parseModelsManifest(await response.json()).sort((a, b) => b.heldOutAccuracy - a.heldOutAccuracy)
    },
    staleTime: Infinity,
  })
}
