// The model this tab serves: a bundled one or an uploaded .onnx, loaded into the inference worker with a download bar and a warm-up.
// A file the worker refuses (not ONNX, not fitting the task, not runnable) is refused in place with the worker's own message.
import { useState } from 'react'
import { useBundledModels } from '../../hooks/useBundledModels.ts'
import { useMining } from '../../hooks/useMining.ts'
import { useMiningSession } from '../../hooks/useMiningSession.ts'
import { errorText, formatPercent } from '../../lib/format.ts'
import { isMining, type ModelState } from '../../mining/store.ts'

const kb = (bytes: number) => (bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1000))} KB`)

function ModelStatus({ model }: { model: ModelState }) {
  switch (model.state) {
    case 'none':
      return <p className="muted">No model loaded yet.</p>
    case 'loading':
      return (
        <p aria-live="polite">
          {model.phase === 'download' ? (
            <>
              <progress aria-label="Model download" value={model.loaded} max={model.total ?? undefined} /> Downloading {model.name}: {kb(model.loaded)}
              {model.total ? ` of ${kb(model.total)}` : ''}…
            </>
          ) : (
            <>Warming up {model.name} in the worker…</>
          )}
        </p>
      )
    case 'ready':
      return (
        <p role="status" aria-label="Model status">
          <strong>{model.name}</strong> ready ({kb(model.bytes)}) on <strong>{model.backend}</strong>
          {model.backend === 'wasm' ? ` with ${model.threads} thread${model.threads === 1 ? '' : 's'}` : ''} — {model.reason}. Warm-up: {model.warmupMs.map((ms) => ms.toFixed(1)).join(', ')} ms.
        </p>
      )
    case 'refused':
      return (
        <p role="alert" className="field-error">
          {model.name} was refused: {model.message}
        </p>
      )
  }
}

export function ModelPanel({ netuid }: { netuid: number }) {
  const models = useBundledModels()
  const model = useMining((s) => s.model)
  const mining = useMining(isMining)
  const { loadModel } = useMiningSession()
  const [choice, setChoice] = useState<string>()
  const [error, setError] = useState<string>()
  const load = (id: string, name: string, source: string | Blob) => {
    setChoice(id)
    setError(undefined)
    loadModel(netuid, name, source).catch((e: unknown) => setError(errorText(e)))
  }
  return (
    <section aria-label="Model" className="panel">
      <h2>Model</h2>
      <p className="muted">
        Validators score answers, not architectures: any ONNX model that takes float32 [N, 1, 28, 28] digits and returns [N, 10] scores will do.
        It runs in a Web Worker; nothing leaves this browser but the answers.
      </p>
      {models.isError ? <p className="field-error">{errorText(models.error)}</p> : null}
      <fieldset disabled={mining}>
        <legend>Choose a model</legend>
        {(models.data ?? []).map((m) => (
          <p key={m.id}>
            <label>
              <input type="radio" name="model" checked={choice === m.id} onChange={() => load(m.id, m.file, m.url)} /> <strong>{m.id}</strong> (bundled):{' '}
              {formatPercent(m.heldOutAccuracy, 1)} on held-out digits, {kb(m.bytes)} <span className="muted">· {m.architecture}</span>
            </label>
          </p>
        ))}
        <p>
          <label>
            Your own model (.onnx){' '}
            <input
              type="file"
              accept=".onnx,application/octet-stream"
              onChange={(e) => {
                const file = e.target.files?.[0]
                if (file) load('upload', file.name, file)
              }}
            />
          </label>
        </p>
      </fieldset>
      {mining ? <p className="muted">Stop mining to change the model.</p> : null}
      <ModelStatus model={model} />
      {error ? (
        <p role="alert" className="field-error">
          {error}
        </p>
      ) : null}
    </section>
  )
}
