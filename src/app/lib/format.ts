// What the pages show for chain values: τ/α amounts from RAO, fractions, shortened addresses and error text. No @polkadot here (first screen).

const RAO = 1_000_000_000n

/** `formatRao(1_500_000_000n)` → "1.5"; at most `digits` decimals, grouped thousands. Exact: bigint arithmetic only. */
export function formatRao(rao: bigint, digits = 4): string {
  const negative = rao < 0n
  const abs = negative ? -rao : rao
  const scale = 10n ** BigInt(9 - digits)
  const rounded = (abs + scale / 2n) / scale // in units of 10^-digits
  const unit = 10n ** BigInt(digits)
  const whole = (rounded / unit).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  const frac = digits > 0 ? (rounded % unit).toString().padStart(digits, '0').replace(/0+$/, '') : ''
  return `${negative ? '-' : ''}${whole}${frac ? `.${frac}` : ''}`
}

export const formatTao = (rao: bigint, digits?: number): string => `${formatRao(rao, digits)} τ`
export const formatAlpha = (rao: bigint, symbol = 'α', digits?: number): string => `${formatRao(rao, digits)} ${symbol || 'α'}`

/** A RAO amount as a float of whole units (for sorting and charts, never for money arithmetic). */
export const raoToNumber = (rao: bigint): number => Number(rao / RAO) + Number(rao % RAO) / 1e9

/** τ per α with enough significant digits to see small prices. */
export function formatPrice(tao: number): string {
  if (tao === 0) return '0'
  if (tao >= 1) return tao.toLocaleString('en-US', { maximumFractionDigits: 4 })
  return tao.toPrecision(4)
}

/** 0.1234 → "12.34%". */
export const formatPercent = (fraction: number, digits = 2): string => `${(fraction * 100).toFixed(digits)}%`

/** A 0–1 score with four decimals, as explorers show incentive and consensus. */
export const formatScore = (fraction: number): string => fraction.toFixed(4)

/** "5GrwvaEF…GKutQY" for long SS58 addresses. */
export function shortAddress(address: string): string {
  return address.length > 14 ? `${address.slice(0, 6)}…${address.slice(-6)}` : address
}

/** The one-line message of a chain error (WebtensorError's shortMessage), or the error's message. */
export function errorText(error: unknown): string {
  if (error && typeof error === 'object') {
    const e = error as { shortMessage?: unknown; message?: unknown }
    if (typeof e.shortMessage === 'string' && e.shortMessage) return e.shortMessage
    if (typeof e.message === 'string' && e.message) return e.message
  }
  return String(error)
}

/** The error's class name (`SubnetNotFoundError`), to choose what to say without importing the chain's classes. */
export const errorName = (error: unknown): string | undefined =>
  error && typeof error === 'object' && typeof (error as { name?: unknown }).name === 'string' ? (error as { name: string }).name : undefined
