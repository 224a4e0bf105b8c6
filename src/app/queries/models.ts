// Query options for the models served with the app, per subnet task: which ones a miner can load without an upload — the digits models
// (public/models/digits.json) and PaddleOCR's v4 recognition model for ocr (copied from node_modules at build, src/tasks/ocr/assets.ts).
import { queryOptions } from '@tanstack/react-query'
import type { TaskId } from '../../tasks/forSubnet.ts'
import { OCR_ASSET_URLS } from '../../tasks/ocr/assets.ts'

export type BundledModel = {
  id: string
  file: string
  url: string
  /** 0 when not known before the download. */
  bytes: number
  architecture: string
  task: string
  /** Digits models: the share of the 2,000 held-out digits they classify right. */
  heldOutAccuracy?: number
  /** How well it does, in words, where there is no held-out accuracy. */
  quality?: string
}

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

/** The ocr subnets' model: PaddleOCR's v4 recognition model as the build serves it under `base` (the app's base URL). */
export function ocrRecModel(base: string, bytes = 0): BundledModel {
  return {
    id: 'ppocr-v4-rec',
    file: OCR_ASSET_URLS.model.split('/').pop()!,
    url: `${base.endsWith('/') ? base : `${base}/`}${OCR_ASSET_URLS.model}`,
    bytes,
    architecture: 'PaddleOCR v4 text recognition (SVTR-LCNet, CTC), Apache-2.0',
    task: 'ocr',
    quality: 'reads about 98 % of the characters on the validators’ rendered lines',
  }
}

export const bundledModelsQueryKey = ['bundledModels'] as const

const byAccuracy = (models: BundledModel[]) => models.sort((a, b) => (b.heldOutAccuracy ?? 0) - (a.heldOutAccuracy ?? 0))

async function digitsModels(base: string): Promise<BundledModel[]> {
  const response = await fetch(`${base}models/digits.json`)
  if (!response.ok) throw new Error(`the bundled models list could not be read (HTTP ${response.status})`)
  return byAccuracy(parseModelsManifest(await response.json(), `${base}models/`))
}

/** `useQuery(bundledModelsQueryOptions())`: the bundled digits models, best held-out accuracy first. */
export function bundledModelsQueryOptions() {
  return queryOptions({
    queryKey: bundledModelsQueryKey,
    queryFn: (): Promise<BundledModel[]> => digitsModels('/'),
    staleTime: Infinity,
  })
}

/** `useQuery(taskModelsQueryOptions(taskId))`: the models served with the app for a subnet task (its size from a HEAD request for ocr). */
export function taskModelsQueryOptions(taskId: TaskId, base: string = import.meta.env.BASE_URL ?? '/') {
  return queryOptions({
    queryKey: ['taskModels', taskId, base] as const,
    queryFn: async (): Promise<BundledModel[]> => {
      if (taskId === 'digits') return digitsModels(base)
      const model = ocrRecModel(base)
      const head = await fetch(model.url, { method: 'HEAD' }).catch(() => undefined)
      if (head && !head.ok) throw new Error(`the ocr model ${model.url} is not served by this build (HTTP ${head.status})`)
      return [{ ...model, bytes: Number(head?.headers.get('content-length')) || 0 }]
    },
    staleTime: Infinity,
  })
}
