// The one error base class of src/chain: a short message a user can read, then what to do about it, then the details.

export type WebtensorErrorParameters = {
  /** The error underneath (a transport failure, a decoding error, the extension's refusal). */
  cause?: unknown
  /** Technical detail, shown last ("Details: …"). */
  details?: string
  /** Lines that say how to fix the problem, shown under the short message. */
  metaMessages?: string[]
}

export type WebtensorErrorType = WebtensorError & { name: 'WebtensorError' }

/**
 * `new WebtensorError('Not connected to the node', { metaMessages: ['…'], details: '…' })`. `message` joins the three parts with
 * blank lines; a form shows `shortMessage` in place and `metaMessages` under it.
 */
export class WebtensorError extends Error {
  override name = 'WebtensorError'
  readonly shortMessage: string
  readonly details: string | undefined
  readonly metaMessages: string[] | undefined

  constructor(shortMessage: string, parameters: WebtensorErrorParameters = {}) {
    const { cause, details, metaMessages } = parameters
    const message = [shortMessage, ...(metaMessages?.length ? ['', ...metaMessages] : []), ...(details ? ['', `Details: ${details}`] : [])].join('\n')
    super(message, cause === undefined ? undefined : { cause })
    this.shortMessage = shortMessage
    this.details = details
    this.metaMessages = metaMessages
  }

  /** The first error in the `cause` chain for which `predicate` holds (this one included). */
  walk(predicate: (error: unknown) => boolean): unknown {
    let current: unknown = this
    for (let depth = 0; current !== undefined && depth < 16; depth++) {
      if (predicate(current)) return current
      current = current instanceof Error ? current.cause : undefined
    }
    return undefined
  }
}

/** The text of anything thrown, for `details`. */
export function describeCause(cause: unknown): string {
  if (cause instanceof Error) return cause.message
  if (typeof cause === 'string') return cause
  try {
    return JSON.stringify(cause)
  } catch {
    return String(cause)
  }
}
