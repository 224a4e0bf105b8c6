/**
 * Swap pallet (index 28) pool arithmetic — pure, I/O-free, all bigint.
 *
 * Mirrors subtensor's Balancer-style weighted pool (pallets/swap/src/pallet/{balancer,swap_step,impls}.rs
 * and the reserve bookkeeping of pallets/subtensor/src/staking/stake_utils.rs) bit for bit:
 *
 *  - weights are sp_arithmetic `Perquintill` parts (1e18 = 1.0); only the quote (TAO) weight w2 is
 *    stored, w1 = 1 − w2; both must stay ≥ 0.01.
 *  - prices and intermediate ratios are substrate-fixed `U64F64` (u128 bits, 64 fractional bits):
 *    multiplication and division truncate, `saturating_*` clamp to [0, 2^128 − 1], and
 *    `safe_div` yields 0 on division by zero *or overflow* (checked_div → None → default).
 *  - the fractional power is safe-bigmath 0.4.1 `SafeInt::pow_ratio_scaled`: an exact integer
 *    n-th root when the reduced exponent p/q has p, q ≤ 1024, otherwise a fixed-point
 *    ln/exp Taylor series with 24 guard bits and digit-convergence early exit. Both paths are
 *    re-implemented below with the same iteration/termination/rounding rules.
 *
 * Notation: x = alpha reserve (SubnetAlphaIn), y = TAO reserve (SubnetTAO), w1 = base (alpha)
 * weight, w2 = quote (TAO) weight. Spot price p = (w1/w2)·(y/x) TAO per alpha.
 */

// ---------------------------------------------------------------------------------------------
// Constants

/** Perquintill accuracy: 1.0 = 1e18 parts. */
export const ACCURACY = 1_000_000_000_000_000_000n;
/** Lowest allowed weight (0.01). */
export const MIN_WEIGHT = ACCURACY / 100n;
/** Default quote weight 0.5 (`Perquintill::from_rational(1, 2)`). */
export const DEFAULT_QUOTE_WEIGHT = ACCURACY / 2n;
/** `DefaultFeeRate` = 33 / 65535 ≈ 0.05 %. */
export const DEFAULT_FEE_RATE = 33;
/** Runtime `SwapMaxFeeRate`. */
export const MAX_FEE_RATE = 10_000;
/** Runtime `SwapMinimumReserve`: the output-side reserve must be at least this before a swap. */
export const MINIMUM_RESERVE = 1_000_000n;
/** `MAX_SWAP_INPUT_RESERVE_MULTIPLIER`: net input ≤ 1000 × input-side reserve. */
export const MAX_SWAP_INPUT_RESERVE_MULTIPLIER = 1_000n;
/** `min_price_inner` (RAO per alpha) — the default limit for sells. */
export const MIN_PRICE_RAO = 1_000n;
/** `max_price_inner` (RAO per alpha) — the default limit for buys. */
export const MAX_PRICE_RAO = 1_000_000_000_000_000n;
export const RAO_PER_TAO = 1_000_000_000n;

export const U64_MAX = (1n << 64n) - 1n;
export const U128_MAX = (1n << 128n) - 1n;
const U16_MAX = 65_535n;

// ---------------------------------------------------------------------------------------------
// U64F64 (bits: bigint in [0, 2^128))

const FRAC = 64n;
/** U64F64 1.0 */
export const FX_ONE = 1n << FRAC;

/** `U64F64::saturating_from_num(u)` for an unsigned integer. */
export function fxFromInt(u: bigint): bigint {
  const bits = u << FRAC;
  return bits > U128_MAX ? U128_MAX : bits;
}
/** `saturating_mul`: floor(a·b / 2^64), clamped. */
export function fxMul(a: bigint, b: bigint): bigint {
  const r = (a * b) >> FRAC;
  return r > U128_MAX ? U128_MAX : r;
}
/** `safe_div`: floor(a·2^64 / b); 0 when b = 0 or the quotient overflows. */
export function fxDiv(a: bigint, b: bigint): bigint {
  if (b === 0n) return 0n;
  const q = (a << FRAC) / b;
  return q > U128_MAX ? 0n : q;
}
/** `saturating_sub`. */
export function fxSub(a: bigint, b: bigint): bigint {
  return a > b ? a - b : 0n;
}
/** `saturating_to_num::<u64>()`: floor, clamped to u64::MAX. */
export function fxToU64(a: bigint): bigint {
  const r = a >> FRAC;
  return r > U64_MAX ? U64_MAX : r;
}
/** U64F64 → JS number (for display only). */
export function fxToNumber(a: bigint): number {
  return Number(a >> FRAC) + Number(a & (FX_ONE - 1n)) / 2 ** 64;
}

const satAddU64 = (a: bigint, b: bigint): bigint => (a + b > U64_MAX ? U64_MAX : a + b);
const satSub = (a: bigint, b: bigint): bigint => (a > b ? a - b : 0n);
const satMulU64 = (a: bigint, b: bigint): bigint => (a * b > U64_MAX ? U64_MAX : a * b);

// ---------------------------------------------------------------------------------------------
// Perquintill

/** `Perquintill::from_rational(p, q)`: floor(1e18·p/q); q = 0 or p > q → 1.0. */
export function perquintillFromRational(p: bigint, q: bigint): bigint {
  if (q === 0n || p > q) return ACCURACY;
  return (ACCURACY * p) / q;
}

/** `Balancer::check_constraints`: both weights ≥ 0.01. */
export function isValidQuoteWeight(quote: bigint): boolean {
  const base = satSub(ACCURACY, quote);
  return base >= MIN_WEIGHT && quote >= MIN_WEIGHT;
}

// ---------------------------------------------------------------------------------------------
// safe-bigmath pow_ratio_scaled

const floorDiv = (a: bigint, b: bigint): bigint => {
  const q = a / b;
  return (a % b !== 0n) && ((a < 0n) !== (b < 0n)) ? q - 1n : q;
};
const absBig = (a: bigint): bigint => (a < 0n ? -a : a);
const bitLength = (a: bigint): number => (a === 0n ? 0 : a.toString(2).length);
const gcd = (a: bigint, b: bigint): bigint => {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
};

/** Drop the guard bits, rounding half away from zero (truncating div_rem + signum fix-up). */
function roundToPrecision(value: bigint, guard: bigint): bigint {
  let t = value / guard;
  const r = value % guard;
  if (r !== 0n && absBig(r) * 2n >= guard) t += r > 0n ? 1n : -1n;
  return t;
}

/** ln(1+x) Taylor series in fixed point (x scaled by `scale`). */
function ln1pFixed(x: bigint, scale: bigint, guard: bigint, maxIters: number): bigint {
  let term = x;
  let result = term;
  let prev = roundToPrecision(result, guard);
  for (let n = 2; n <= maxIters; n++) {
    term = floorDiv(term * x, scale);
    if (term === 0n) break;
    const next = floorDiv(term, BigInt(n));
    if (next === 0n) break;
    if (n % 2 === 0) result -= next;
    else result += next;
    const rounded = roundToPrecision(result, guard);
    if (absBig(next) < guard || rounded === prev) break;
    prev = rounded;
  }
  return result;
}

/** exp(x) Taylor series in fixed point. */
function expFixed(x: bigint, scale: bigint, guard: bigint, maxIters: number): bigint {
  let term = scale;
  let result = term;
  let prev = roundToPrecision(result, guard);
  for (let n = 1; n <= maxIters; n++) {
    term = floorDiv(term * x, scale * BigInt(n));
    if (term === 0n) break;
    result += term;
    const rounded = roundToPrecision(result, guard);
    if (absBig(term) < guard || rounded === prev) break;
    prev = rounded;
  }
  return result;
}

/** ln(value) for a positive integer: mantissa normalised into [0.5, 1.5) then ln1p + shift·ln2. */
function lnInteger(
  value: bigint,
  internalPrecision: number,
  internalScale: bigint,
  guard: bigint,
  lnTwo: bigint,
  maxIters: number,
): bigint {
  if (value === 0n) return 0n;
  let shift = bitLength(value) - 1;
  let mantissa = (value << BigInt(internalPrecision)) >> BigInt(shift);
  if (mantissa >= internalScale + (internalScale >> 1n)) {
    mantissa >>= 1n;
    shift += 1;
  }
  return ln1pFixed(mantissa - internalScale, internalScale, guard, maxIters) + lnTwo * BigInt(shift);
}

/** Largest r with r^q · den ≤ num. */
function nthRootRatioFloor(num: bigint, den: bigint, q: bigint): bigint {
  if (q === 0n) return 0n;
  let low = 0n;
  let high = 1n;
  while (high ** q * den <= num) high <<= 1n;
  while (low < high) {
    const mid = (low + high + 1n) >> 1n;
    if (mid ** q * den <= num) low = mid;
    else high = mid - 1n;
  }
  return low;
}

const MAX_EXACT_EXPONENT = 1024n;
const DEFAULT_MAX_ITERS = 4096;
const GUARD_BITS = 24;

/**
 * safe-bigmath `SafeInt::pow_ratio_scaled(bn, bd, en, ed, precision, scale)`:
 * floor-ish of (bn/bd)^(en/ed) · scale; `null` where the Rust returns `None`.
 */
export function powRatioScaled(
  bn: bigint,
  bd: bigint,
  en: bigint,
  ed: bigint,
  precision: number,
  scale: bigint,
): bigint | null {
  if (bd === 0n || ed === 0n) return null;
  if (bn === 0n) return 0n;
  if (scale < 0n) return null;
  if (bn < 0n || bd < 0n || en < 0n || ed < 0n) return null;
  if (en === 0n) return scale;
  const g = gcd(en, ed);
  if (g > 1n) {
    en /= g;
    ed /= g;
  }
  const scaleBits = bitLength(scale);
  if (bitLength(en) <= 32 && bitLength(ed) <= 32 && en <= MAX_EXACT_EXPONENT && ed <= MAX_EXACT_EXPONENT) {
    return nthRootRatioFloor(bn ** en * scale ** ed, bd ** en, ed);
  }
  const requested = Math.max(precision, 32, scaleBits + 8);
  const internalPrecision = requested + GUARD_BITS;
  const maxIters = Math.max(1, Math.min(DEFAULT_MAX_ITERS, internalPrecision + 128));
  const targetScale = 1n << BigInt(requested);
  const guard = 1n << BigInt(GUARD_BITS);
  const internalScale = targetScale << BigInt(GUARD_BITS);
  const lnTwo = -ln1pFixed(-(internalScale >> 1n), internalScale, guard, maxIters);
  const lnNum = lnInteger(bn, internalPrecision, internalScale, guard, lnTwo, maxIters);
  const lnDen = lnInteger(bd, internalPrecision, internalScale, guard, lnTwo, maxIters);
  const lnScaled = floorDiv((lnNum - lnDen) * en, ed);
  const expFp = expFixed(lnScaled, internalScale, guard, maxIters);
  return floorDiv(roundToPrecision(expFp, guard) * scale, targetScale);
}

// ---------------------------------------------------------------------------------------------
// Balancer math (balancer.rs)

/** (r/(r+Δ))^(w_a/w_b) as U64F64, `Balancer::exp_scaled`. `baseQuote` → exponent w1/w2. */
export function expScaled(quoteWeight: bigint, reserve: bigint, delta: bigint, baseQuote: boolean): bigint {
  const rPlusD = delta >= 0n ? satAddU64(reserve, delta) : satSub(reserve, -delta);
  if (rPlusD === 0n) return 0n;
  const w1 = satSub(ACCURACY, quoteWeight);
  const w2 = quoteWeight;
  const r = baseQuote
    ? powRatioScaled(reserve, rPlusD, w1, w2, 256, ACCURACY)
    : powRatioScaled(reserve, rPlusD, w2, w1, 256, ACCURACY);
  if (r === null || r > U64_MAX) return 0n;
  const result = fxDiv(fxFromInt(r), fxFromInt(ACCURACY));
  return delta >= 0n && result > FX_ONE ? FX_ONE : result;
}

/** p = (w1/w2)·(y/x) as U64F64 (`Balancer::calculate_price`). */
export function calculatePrice(quoteWeight: bigint, alphaReserve: bigint, taoReserve: bigint): bigint {
  const w2 = fxFromInt(quoteWeight);
  const w1 = fxFromInt(satSub(ACCURACY, quoteWeight));
  return fxMul(fxDiv(w1, w2), fxDiv(fxFromInt(taoReserve), fxFromInt(alphaReserve)));
}

function powToFixed(r: bigint | null): bigint | null {
  if (r === null) return null;
  return fxFromInt(r > U64_MAX ? U64_MAX : r);
}

/** Δy = y·((p'/p)^w1 − 1): TAO (ex-fee) that moves the price up to `targetPrice` (U64F64). */
export function calculateQuoteDeltaIn(quoteWeight: bigint, currentPrice: bigint, targetPrice: bigint, taoReserve: bigint): bigint {
  const w1 = satSub(ACCURACY, quoteWeight);
  const e = powToFixed(powRatioScaled(targetPrice, currentPrice, w1, ACCURACY, 1024, ACCURACY));
  if (e === null) return 0n;
  return fxToU64(fxMul(fxFromInt(taoReserve), fxSub(fxDiv(e, fxFromInt(ACCURACY)), FX_ONE)));
}

/** Δx = x·((p/p')^w2 − 1): alpha (ex-fee) that moves the price down to `targetPrice` (U64F64). */
export function calculateBaseDeltaIn(quoteWeight: bigint, currentPrice: bigint, targetPrice: bigint, alphaReserve: bigint): bigint {
  const e = powToFixed(powRatioScaled(currentPrice, targetPrice, quoteWeight, ACCURACY, 1024, ACCURACY));
  if (e === null) return 0n;
  return fxToU64(fxMul(fxFromInt(alphaReserve), fxSub(fxDiv(e, fxFromInt(ACCURACY)), FX_ONE)));
}

/** Alpha that must be sold to receive `deltaTao` (`Balancer::get_base_needed_for_quote`). */
export function getBaseNeededForQuote(quoteWeight: bigint, taoReserve: bigint, alphaReserve: bigint, deltaTao: bigint): bigint {
  const e = expScaled(quoteWeight, taoReserve, -deltaTao, false);
  return fxToU64(fxMul(fxFromInt(alphaReserve), fxSub(e, FX_ONE)));
}

/** Buy: alpha out for `dy` TAO in (ex-fee): floor(x·(1 − (y/(y+dy))^(w2/w1))). */
export function alphaOutForTaoIn(quoteWeight: bigint, taoReserve: bigint, alphaReserve: bigint, dy: bigint): bigint {
  const e = expScaled(quoteWeight, taoReserve, dy, false);
  return fxToU64(fxMul(fxFromInt(alphaReserve), fxSub(FX_ONE, e)));
}

/** Sell: TAO out for `dx` alpha in (ex-fee): floor(y·(1 − (x/(x+dx))^(w1/w2))). */
export function taoOutForAlphaIn(quoteWeight: bigint, taoReserve: bigint, alphaReserve: bigint, dx: bigint): bigint {
  const e = expScaled(quoteWeight, alphaReserve, dx, true);
  return fxToU64(fxMul(fxFromInt(taoReserve), fxSub(FX_ONE, e)));
}

/** `mul_perquintill_round`: round-half-up(value·parts/1e18), clamped to u128. */
function mulPerquintillRound(parts: bigint, value: bigint): bigint {
  const r = (value * parts + ACCURACY / 2n) / ACCURACY;
  return r > U128_MAX ? U128_MAX : r;
}

/**
 * `Balancer::update_weights_for_added_liquidity`: new quote weight so that the price is unchanged
 * after adding (Δy, Δx); `null` when the new weight would leave [0.01, 0.99].
 */
export function weightsForAddedLiquidity(
  quoteWeight: bigint,
  taoReserve: bigint,
  alphaReserve: bigint,
  taoDelta: bigint,
  alphaDelta: bigint,
): bigint | null {
  const newTao = taoReserve + taoDelta;
  const newAlpha = alphaReserve + alphaDelta;
  const sat128 = (v: bigint): bigint => (v > U128_MAX ? U128_MAX : v);
  const q1 = mulPerquintillRound(satSub(ACCURACY, quoteWeight), sat128(taoReserve * newAlpha));
  const q2 = mulPerquintillRound(quoteWeight, sat128(alphaReserve * newTao));
  const qSum = sat128(q1 + q2);
  const w = qSum !== 0n ? perquintillFromRational(q2, qSum) : DEFAULT_QUOTE_WEIGHT;
  return isValidQuoteWeight(w) ? w : null;
}

// ---------------------------------------------------------------------------------------------
// Pool state and swaps (swap_step.rs, impls.rs, stake_utils.rs)

export interface PoolState {
  /** `SubnetMechanism`: 0 = stable (root, 1:1, no fee), 1 = dynamic (balancer). */
  mechanism: number;
  /** `SubnetTAO` (y), RAO. */
  taoReserve: bigint;
  /** `SubnetAlphaIn` (x), alpha RAO. */
  alphaReserve: bigint;
  /** `Swap.SwapBalancer.quote` (w2) in Perquintill parts. */
  quoteWeight: bigint;
  /** `Swap.FeeRate` (u16, parts of 65535). */
  feeRate: number;
}

export function newPool(taoReserve: bigint, alphaReserve: bigint, opts: Partial<Omit<PoolState, 'taoReserve' | 'alphaReserve'>> = {}): PoolState {
  return {
    mechanism: opts.mechanism ?? 1,
    taoReserve,
    alphaReserve,
    quoteWeight: opts.quoteWeight ?? DEFAULT_QUOTE_WEIGHT,
    feeRate: opts.feeRate ?? DEFAULT_FEE_RATE,
  };
}

export type SwapError = 'ReservesTooLow' | 'PriceLimitExceeded' | 'SwapInputTooLarge' | 'InsufficientLiquidity';

export interface SwapResult {
  /** Input that entered the pool (ex-fee) — `amount_paid_in`. */
  amountPaidIn: bigint;
  /** Output leaving the pool — `amount_paid_out`. */
  amountPaidOut: bigint;
  /** Fee (in the input token) — `fee_paid`. */
  feePaid: bigint;
  /** Part of the fee owed to the block author (= feePaid unless nothing was swapped). */
  feeToBlockAuthor: bigint;
  /** Unused input returned to the caller: amount − amountPaidIn − feePaid (saturating). */
  refund: bigint;
}

export type SwapOutcome = { ok: true; pool: PoolState; result: SwapResult } | { ok: false; error: SwapError };

export interface SwapOptions {
  /** Limit price in RAO per alpha (max for buys, min for sells). Defaults to MAX/MIN_PRICE_RAO. */
  limitPriceRao?: bigint;
  /** `drop_fees` (e.g. protocol swaps). */
  dropFees?: boolean;
  /** Simulation (`should_rollback`): skips the "output exceeds reserve" liquidity check. */
  simulate?: boolean;
}

/** Spot price as U64F64 bits (`Pallet::current_price`): mechanism ≠ 1 → 1; x = 0 → 0. */
export function currentPrice(pool: PoolState): bigint {
  if (pool.mechanism !== 1) return FX_ONE;
  if (pool.alphaReserve === 0n) return 0n;
  return calculatePrice(pool.quoteWeight, pool.alphaReserve, pool.taoReserve);
}

/** `SwapRuntimeApi_current_alpha_price`: floor(p · 1e9) (RAO per alpha). */
export function currentAlphaPriceRao(pool: PoolState): bigint {
  return fxToU64(fxMul(currentPrice(pool), fxFromInt(RAO_PER_TAO)));
}

/** `calculate_fee_amount`: floor(amount · (FeeRate/65535 as U64F64)); 0 for stable pools / dropped fees. */
export function calculateFee(pool: PoolState, amount: bigint, dropFees = false): bigint {
  if (dropFees || pool.mechanism !== 1) return 0n;
  const rate = fxDiv(fxFromInt(BigInt(pool.feeRate)), fxFromInt(U16_MAX));
  return fxToU64(fxMul(fxFromInt(amount), rate));
}

/** Fee re-derived for a partial fill: Δ · rate/(65535 − rate). */
function grossUpFee(pool: PoolState, delta: bigint, dropFees: boolean): bigint {
  const rate = dropFees ? 0n : fxFromInt(BigInt(pool.feeRate));
  return fxToU64(fxMul(fxFromInt(delta), fxDiv(rate, fxSub(fxFromInt(U16_MAX), rate))));
}

const limitToFixed = (rao: bigint): bigint => fxDiv(fxFromInt(rao), fxFromInt(RAO_PER_TAO));

type Side = 'buy' | 'sell';

function balancerSwap(pool: PoolState, side: Side, amount: bigint, opts: SwapOptions): SwapOutcome {
  const dropFees = opts.dropFees ?? false;
  const limitRao = opts.limitPriceRao ?? (side === 'buy' ? MAX_PRICE_RAO : MIN_PRICE_RAO);
  const limit = limitToFixed(limitRao);
  const reserveIn = side === 'buy' ? pool.taoReserve : pool.alphaReserve;
  const reserveOut = side === 'buy' ? pool.alphaReserve : pool.taoReserve;
  const w = pool.quoteWeight;
  const convert = (d: bigint): bigint =>
    side === 'buy'
      ? alphaOutForTaoIn(w, pool.taoReserve, pool.alphaReserve, d)
      : taoOutForAlphaIn(w, pool.taoReserve, pool.alphaReserve, d);

  // ensure_swap_input_within_reserve_limit
  const fee0 = calculateFee(pool, amount, dropFees);
  if (satSub(amount, fee0) > satMulU64(reserveIn, MAX_SWAP_INPUT_RESERVE_MULTIPLIER)) {
    return { ok: false, error: 'SwapInputTooLarge' };
  }
  // swap_inner
  if (reserveOut < MINIMUM_RESERVE) return { ok: false, error: 'ReservesTooLow' };
  const price = currentPrice(pool);
  const beyond = side === 'buy' ? price < limit : price > limit;
  if (!beyond) return { ok: false, error: 'PriceLimitExceeded' };

  // BasicSwapStep::new
  let fee = fee0;
  const requested = satSub(amount, fee);
  const dOut0 = convert(requested);
  const target =
    side === 'buy'
      ? calculatePrice(w, satSub(pool.alphaReserve, dOut0), satAddU64(pool.taoReserve, requested))
      : calculatePrice(w, satAddU64(pool.alphaReserve, requested), satSub(pool.taoReserve, dOut0));

  // determine_action
  let deltaIn: bigint;
  const closer = side === 'buy' ? target <= limit : target >= limit;
  if (closer) {
    deltaIn = requested;
  } else {
    deltaIn =
      side === 'buy'
        ? calculateQuoteDeltaIn(w, price, limit, pool.taoReserve)
        : calculateBaseDeltaIn(w, price, limit, pool.alphaReserve);
    fee = grossUpFee(pool, deltaIn, dropFees);
  }

  // process_swap
  const deltaOut = convert(deltaIn);
  let feeToBlockAuthor = 0n;
  if (deltaIn !== 0n) {
    if (deltaOut === 0n) return { ok: false, error: 'ReservesTooLow' };
    feeToBlockAuthor = fee;
  }
  // do_swap: committed swaps may not pay out more than the reserve
  if (!opts.simulate && reserveOut < deltaOut) return { ok: false, error: 'InsufficientLiquidity' };

  const next: PoolState =
    side === 'buy'
      ? { ...pool, taoReserve: satAddU64(pool.taoReserve, deltaIn), alphaReserve: satSub(pool.alphaReserve, deltaOut) }
      : { ...pool, alphaReserve: satAddU64(pool.alphaReserve, deltaIn), taoReserve: satSub(pool.taoReserve, deltaOut) };
  return {
    ok: true,
    pool: next,
    result: { amountPaidIn: deltaIn, amountPaidOut: deltaOut, feePaid: fee, feeToBlockAuthor, refund: satSub(amount, deltaIn + fee) },
  };
}

function stableSwap(pool: PoolState, side: Side, amount: bigint): SwapOutcome {
  const next: PoolState =
    side === 'buy'
      ? { ...pool, taoReserve: satAddU64(pool.taoReserve, amount), alphaReserve: satSub(pool.alphaReserve, amount) }
      : { ...pool, alphaReserve: satAddU64(pool.alphaReserve, amount), taoReserve: satSub(pool.taoReserve, amount) };
  return { ok: true, pool: next, result: { amountPaidIn: amount, amountPaidOut: amount, feePaid: 0n, feeToBlockAuthor: 0n, refund: 0n } };
}

/**
 * Stake TAO into the pool (`swap_tao_for_alpha`). The fee is taken from the input first; the
 * pool's TAO reserve grows by `amountPaidIn` (ex-fee), its alpha reserve shrinks by `amountPaidOut`.
 * With a binding `limitPriceRao` only the part that moves the price exactly to the limit executes
 * (`refund` is the rest). Stable/root pools swap 1:1 with no fee and ignore the limit.
 */
export function swapTaoForAlpha(pool: PoolState, tao: bigint, opts: SwapOptions = {}): SwapOutcome {
  return pool.mechanism === 1 ? balancerSwap(pool, 'buy', tao, opts) : stableSwap(pool, 'buy', tao);
}

/** Unstake: sell alpha for TAO (`swap_alpha_for_tao`); see {@link swapTaoForAlpha}. */
export function swapAlphaForTao(pool: PoolState, alpha: bigint, opts: SwapOptions = {}): SwapOutcome {
  return pool.mechanism === 1 ? balancerSwap(pool, 'sell', alpha, opts) : stableSwap(pool, 'sell', alpha);
}

/**
 * `get_max_amount_add`: gross TAO (input incl. fee) that can be staked before the price reaches
 * `limitPriceRao`. Stable pools: u64::MAX when limit ≥ 1e9, else 0.
 */
export function maxAmountAdd(pool: PoolState, limitPriceRao: bigint): { ok: true; amount: bigint } | { ok: false; error: SwapError } {
  if (pool.mechanism !== 1) return { ok: true, amount: limitPriceRao >= RAO_PER_TAO ? U64_MAX : 0n };
  const r = balancerSwap(pool, 'buy', satMulU64(pool.taoReserve, MAX_SWAP_INPUT_RESERVE_MULTIPLIER), { limitPriceRao, simulate: true });
  return r.ok ? { ok: true, amount: satAddU64(r.result.amountPaidIn, r.result.feePaid) } : r;
}

/**
 * `get_max_amount_remove`: gross alpha that can be unstaked before the price falls to
 * `limitPriceRao`. Stable pools: u64::MAX when limit ≤ 1e9, else 0.
 */
export function maxAmountRemove(pool: PoolState, limitPriceRao: bigint): { ok: true; amount: bigint } | { ok: false; error: SwapError } {
  if (pool.mechanism !== 1) return { ok: true, amount: limitPriceRao <= RAO_PER_TAO ? U64_MAX : 0n };
  const r = balancerSwap(pool, 'sell', satMulU64(pool.alphaReserve, MAX_SWAP_INPUT_RESERVE_MULTIPLIER), { limitPriceRao, simulate: true });
  return r.ok ? { ok: true, amount: satAddU64(r.result.amountPaidIn, r.result.feePaid) } : r;
}

/** `pallet_subtensor_swap_runtime_api::SimSwapResult`. */
export interface SimSwapResult {
  tao_amount: bigint;
  alpha_amount: bigint;
  tao_fee: bigint;
  alpha_fee: bigint;
  tao_slippage: bigint;
  alpha_slippage: bigint;
}

const ZERO_SIM: SimSwapResult = { tao_amount: 0n, alpha_amount: 0n, tao_fee: 0n, alpha_fee: 0n, tao_slippage: 0n, alpha_slippage: 0n };

/**
 * `SwapRuntimeApi_sim_swap_tao_for_alpha`: default (max) limit, fees on, no state change.
 * tao_amount is the ex-fee TAO entering the pool; alpha_slippage = floor(tao/p) − alpha out.
 * Any swap error → all zeros. Stable pools: 1:1, no fee, no slippage.
 */
export function simSwapTaoForAlpha(pool: PoolState, tao: bigint): SimSwapResult {
  const noSlippageAlpha = fxToU64(fxDiv(fxFromInt(tao), currentPrice(pool)));
  const r = pool.mechanism === 1 ? balancerSwap(pool, 'buy', tao, { limitPriceRao: MAX_PRICE_RAO, simulate: true }) : stableSwap(pool, 'buy', tao);
  if (!r.ok) return { ...ZERO_SIM };
  return {
    tao_amount: r.result.amountPaidIn,
    alpha_amount: r.result.amountPaidOut,
    tao_fee: r.result.feePaid,
    alpha_fee: 0n,
    tao_slippage: 0n,
    alpha_slippage: satSub(noSlippageAlpha, r.result.amountPaidOut),
  };
}

/** `SwapRuntimeApi_sim_swap_alpha_for_tao`: tao_slippage = floor(alpha·p) − TAO out. */
export function simSwapAlphaForTao(pool: PoolState, alpha: bigint): SimSwapResult {
  const noSlippageTao = fxToU64(fxMul(fxFromInt(alpha), currentPrice(pool)));
  const r = pool.mechanism === 1 ? balancerSwap(pool, 'sell', alpha, { limitPriceRao: MIN_PRICE_RAO, simulate: true }) : stableSwap(pool, 'sell', alpha);
  if (!r.ok) return { ...ZERO_SIM };
  return {
    tao_amount: r.result.amountPaidOut,
    alpha_amount: r.result.amountPaidIn,
    tao_fee: 0n,
    alpha_fee: r.result.feePaid,
    tao_slippage: satSub(noSlippageTao, r.result.amountPaidOut),
    alpha_slippage: 0n,
  };
}

export interface ProtocolLiquidityAdjustment {
  /** Pool with the re-weighted `quoteWeight` (reserves untouched, as in the Rust). */
  pool: PoolState;
  /** TAO the caller may add to `SubnetTAO` (0 when the injection was refused). */
  taoInjected: bigint;
  /** Alpha the caller may add to `SubnetAlphaIn` (0 when refused). */
  alphaInjected: bigint;
}

/**
 * `adjust_protocol_liquidity`: re-weight the pool so the price survives adding (Δy, Δx) to the
 * reserves: w2' = q2/(q1+q2), q1 = round(w1·y·(x+Δx)), q2 = round(w2·x·(y+Δy)). If w2' (or
 * 1 − w2') would fall below 0.01 the weights stay and (0, 0) is returned. Like subtensor, this
 * only updates the weight; adding the returned amounts to the reserves is the caller's job
 * ({@link injectProtocolLiquidity} does both).
 */
export function adjustProtocolLiquidity(pool: PoolState, taoDelta: bigint, alphaDelta: bigint): ProtocolLiquidityAdjustment {
  const w = weightsForAddedLiquidity(pool.quoteWeight, pool.taoReserve, pool.alphaReserve, taoDelta, alphaDelta);
  if (w === null) return { pool, taoInjected: 0n, alphaInjected: 0n };
  return { pool: { ...pool, quoteWeight: w }, taoInjected: taoDelta, alphaInjected: alphaDelta };
}

/** {@link adjustProtocolLiquidity} followed by adding the accepted amounts to the reserves. */
export function injectProtocolLiquidity(pool: PoolState, taoDelta: bigint, alphaDelta: bigint): ProtocolLiquidityAdjustment {
  const adj = adjustProtocolLiquidity(pool, taoDelta, alphaDelta);
  return {
    ...adj,
    pool: {
      ...adj.pool,
      taoReserve: satAddU64(adj.pool.taoReserve, adj.taoInjected),
      alphaReserve: satAddU64(adj.pool.alphaReserve, adj.alphaInjected),
    },
  };
}

/**
 * `maybe_initialize_palswap` with a price (U64F64): w2 = y/(p·x + y), where p·x is computed as
 * int(p)·x + floor(x·frac(p)). Returns null when the weight is out of range or p·x + y = 0
 * (`ReservesOutOfBalance`). Without a price the weight is 0.5.
 */
export function initialQuoteWeight(taoReserve: bigint, alphaReserve: bigint, price?: bigint): bigint | null {
  if (price === undefined) return DEFAULT_QUOTE_WEIGHT;
  const pxHigh = fxToU64(price) * alphaReserve;
  const frac = price & (FX_ONE - 1n);
  const pxLow = fxMul(fxFromInt(alphaReserve), frac) >> FRAC;
  const total = pxHigh + pxLow + taoReserve;
  if (total === 0n) return null;
  const w = perquintillFromRational(taoReserve, total);
  return isValidQuoteWeight(w) ? w : null;
}
