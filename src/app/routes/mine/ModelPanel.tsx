// The model this tab serves, for the subnet's task: one served with the app (the digits models, or PaddleOCR's rec model for ocr) or an
// uploaded .onnx, loaded into the inference worker with a download bar and a warm-up. A file the worker refuses (not ONNX, not fitting
// the task, not runnable) is refused in place with the worker's own message.
import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { describeSubnetTask, type SubnetTask, type TaskId } from '../../../tasks/forSubnet.ts'
import { useMining } from '../../hooks/useMining.ts'
import { useMiningSession } from '../../hooks/useMiningSession.ts'
import { errorText, formatPercent } from '../../lib/format.ts'
import { isMining, type ModelState } from '../../mining/store.ts'
import { taskModelsQueryOptions, type BundledModel } from '../../queries/models.ts'

/** What a model for each task takes and gives, in words. */
const TASK_MODEL_WORDS: Record<TaskId, string> = {
  digits: 'any ONNX model that takes float32 [N, 1, 28, 28] digits and returns [N, 10] scores will do.',
  ocr: 'any ONNX model that takes float32 [N, 3, 48, W] lines of text and returns [N, T, 6625] CTC scores over PaddleOCR’s dictionary will do.',
}

const quality = (m: BundledModel) => (m.heldOutAccuracy !== undefined ? `${formatPercent(m.heldOutAccuracy, 1)} on held-out digits` : (m.quality ?? ''))

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

/** `task`: the subnet's task (src/tasks/forSubnet.ts); a subnet running none this build knows offers no model. */
export function ModelPanel({ task }: { task: SubnetTask }) {
  const taskId = task.taskId
  const models = useQuery({ ...taskModelsQueryOptions(taskId ?? 'digits'), enabled: taskId !== undefined })
  const model = useMining((s) => s.model)
  const mining = useMining(isMining)
  const { loadModel } = useMiningSession()
  const [choice, setChoice] = useState<string>()
  const [error, setError] = useState<string>()
  const load = (id: string, name: string, source: string | Blob) => {
    if (!taskId) return
    setChoice(id)
    setError(undefined)
    loadModel(taskId, name, source).catch((e: unknown) => setError(errorText(e)))
  }
  if (!taskId) {
    return (
      <section aria-label="Model" className="panel">
        <h2>Model</h2>
        <p className="muted">{describeSubnetTask(task)} No model can be chosen for it here.</p>
      </section>
    )
  }
  return (
    <section aria-label="Model" className="panel">
      <h2>Model</h2>
      <p className="muted">
        This subnet runs the <strong>{taskId}</strong> task. Validators score answers, not architectures: {TASK_MODEL_WORDS[taskId]} It runs in a
        Web Worker; nothing leaves this browser but the answers.
      </p>
      {models.isError ? <p className="field-error">{errorText(models.error)}</p> : null}
      <fieldset disabled={mining}>
        <legend>Choose a model</legend>
        {(models.data ?? []).map((m) => (
          <p key={m.id}>
            <label>
              <input type="radio" name="model" checked={choice === m.id} onChange={() => load(m.id, m.file, m.url)} /> <strong>{m.id}</strong> (bundled): {quality(m)}
              {m.bytes ? `, ${kb(m.bytes)}` : ''} <span className="muted">· {m.architecture}</span>
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
      {model.state === 'ready' && model.task !== taskId ? (
        <p className="warning">
          {model.name} answers the {model.task} task, not this subnet’s {taskId}: choose a model for {taskId} above.
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="field-error">
          {error}
        </p>
      ) : null}
    </section>
  )
}
