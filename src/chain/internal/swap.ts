// A simulated pool swap as plain bigints, with the price impact against the spot price.

import { RAO_PER_TAO } from '../units.ts'
import { big, type Untyped } from './read.ts'

export type SwapQuote = {
  /** RAO: τ paid or received, α received or paid, the fee (in the input token), and the slippage. */
  taoAmount: bigint
  alphaAmount: bigint
  taoFee: bigint
  alphaFee: bigint
  taoSlippage: bigint
  alphaSlippage: bigint
  /** The spot price before the swap, RAO of τ per α. */
  spotPrice: bigint
  /** How much worse than the spot price the swap fills, as a fraction (0.01 = 1 %); 0 on an empty swap. */
  priceImpact: number
}

export function decodeSwap(sim: Untyped, price: Untyped, side: 'buy' | 'sell'): SwapQuote {
  const quote = {
    taoAmount: big(sim.taoAmount),
    alphaAmount: big(sim.alphaAmount),
    taoFee: big(sim.taoFee),
    alphaFee: big(sim.alphaFee),
    taoSlippage: big(sim.taoSlippage),
    alphaSlippage: big(sim.alphaSlippage),
    spotPrice: big(price),
  }
  // what the spot price would have given, against what the swap gives
  const ideal = side === 'buy' ? (quote.spotPrice === 0n ? 0n : (quote.taoAmount * RAO_PER_TAO) / quote.spotPrice) : (quote.alphaAmount * quote.spotPrice) / RAO_PER_TAO
  const got = side === 'buy' ? quote.alphaAmount : quote.taoAmount
  const priceImpact = ideal > 0n && got < ideal ? Number(ideal - got) / Number(ideal) : 0
  return { ...quote, priceImpact }
}
