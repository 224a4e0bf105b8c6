// The assembled runtime, reachable from pallets whose types or calls refer to it (System.Events, Sudo, Utility) without an import cycle.
import type { AnyRuntime } from './framework/runtime.ts'

let current: AnyRuntime | undefined

/** Called once by `runtime.ts` after assembling the pallets. */
export function setRuntime(runtime: AnyRuntime): void {
  current = runtime
}

export function runtimeRef(): AnyRuntime {
  if (!current) throw new Error('the runtime is not assembled yet: import src/runtime/runtime.ts first')
  return current
}
