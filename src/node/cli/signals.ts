// Stopping a long-running command on SIGINT/SIGTERM. The listeners go in before the command starts, so a signal that arrives just
// after the command printed that it is ready always gets the clean stop (without a listener, Node's default action would kill the
// process on the spot). A signal while it is still starting exits at once, as the default would, with 128 + the signal's number.

export type StopSignal = 'SIGINT' | 'SIGTERM'
const EXIT_CODE: Record<StopSignal, number> = { SIGINT: 130, SIGTERM: 143 }

export interface StopListener {
  /** The first SIGINT or SIGTERM after `started()`. */
  signal: Promise<StopSignal>
  /** The command is up: from now on a signal stops it cleanly instead of exiting. */
  started(): void
  /** Removes the listeners (the command failed to start and is returning its exit code). */
  dispose(): void
}

/** Listens for SIGINT and SIGTERM from now on; `command` names the process in the line printed when a signal ends its startup. */
export function listenForStop(command: string): StopListener {
  let up = false
  let handlers: [StopSignal, () => void][] = []
  const dispose = () => {
    for (const [name, handler] of handlers) process.off(name, handler)
    handlers = []
  }
  const signal = new Promise<StopSignal>((resolve) => {
    handlers = (['SIGINT', 'SIGTERM'] as const).map((name) => [
      name,
      () => {
        dispose()
        if (up) return resolve(name)
        console.error(`webtensor ${command}: ${name} while starting, exiting`)
        process.exit(EXIT_CODE[name])
      },
    ])
    for (const [name, handler] of handlers) process.once(name, handler)
  })
  return { signal, started: () => void (up = true), dispose }
}
