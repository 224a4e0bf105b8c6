// Max-upscaling of submitted weights and the max-weight-limit check (subtensor.md §6.2), in I32F32 as subtensor computes them.
// From pallets/subtensor/src/epoch/math.rs @ 14bc6f9 (`vec_max_upscale_to_u16` :78, `vec_u16_max_upscale_to_u16` :123, `check_vec_max_limited` :132,
// `inplace_normalize` :254); the upscale itself is the epoch's (epoch/math.ts), reused here.
import { I32F32 } from '../epoch/fixed.ts'
import { vecU16MaxUpscaleToU16 } from '../epoch/math.ts'

/**
 * `vec_u16_max_upscale_to_u16`: m = max(v); m = 0 → all 0; m > 32768 → round(v·(65535/m)); else round(v·65535/m)
 * (I32F32, truncating division, rounding half away from zero). `[1, 2, 3]` → `[21845, 43690, 65535]`.
 */
export const maxUpscale = (values: readonly number[]): number[] => vecU16MaxUpscaleToU16(values)

/**
 * `check_vec_max_limited`: the vector normalized to sum 1 (I32F32 `safe_div` by the sum, unless the sum is 0) has no element above
 * `limit / 65535`. An empty vector passes.
 */
export function checkVecMaxLimited(values: readonly number[], limit: number): boolean {
  const limitFixed = I32F32.saturatingFromNum(BigInt(limit)).safeDiv(I32F32.saturatingFromNum(65535n))
  let v = values.map((x) => I32F32.saturatingFromNum(BigInt(x)))
  const total = v.reduce((a, b) => a.add(b), I32F32.saturatingFromNum(0n))
  if (!total.isZero()) v = v.map((x) => x.safeDiv(total))
  return v.every((x) => x.le(limitFixed))
}
