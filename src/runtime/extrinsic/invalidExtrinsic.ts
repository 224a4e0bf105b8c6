// Why an extrinsic was refused, classed as Substrate's author RPC reports it.

/**
 * - `BadFormat`: the bytes are not an extrinsic (RPC 1001 `Extrinsic has invalid format: <reason>`).
 * - `InvalidTransaction`: well-formed but invalid, e.g. a bad signature (RPC 1010 `Invalid Transaction`, data = reason).
 * - `UnknownTransaction`: validity could not be decided, e.g. an address that cannot be looked up
 *   (RPC 1011 `Unknown Transaction Validity`, data = reason).
 */
export type InvalidExtrinsicKind = 'BadFormat' | 'InvalidTransaction' | 'UnknownTransaction'

export class InvalidExtrinsic extends Error {
  override readonly name = 'InvalidExtrinsic'
  constructor(
    readonly kind: InvalidExtrinsicKind,
    readonly reason: string,
  ) {
    super(`${kind}: ${reason}`)
  }
}
