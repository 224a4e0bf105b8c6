// The node's only look inside an extrinsic: the `OpaqueExtrinsic` framing (SCALE `Vec<u8>`: a compact length, then exactly that many bytes).

/** Why `bytes` is not one opaque extrinsic, or undefined when it is. */
export function opaqueExtrinsicProblem(bytes: Uint8Array): string | undefined {
  if (bytes.length === 0) return 'the extrinsic is empty; expected a compact length prefix and that many bytes'
  const first = bytes[0]!
  let prefix: number
  let length: number
  switch (first & 0b11) {
    case 0b00:
      prefix = 1
      length = first >> 2
      break
    case 0b01:
      prefix = 2
      if (bytes.length < prefix) return 'the extrinsic\'s compact length prefix is cut short'
      length = (first | (bytes[1]! << 8)) >> 2
      break
    case 0b10:
      prefix = 4
      if (bytes.length < prefix) return 'the extrinsic\'s compact length prefix is cut short'
      length = (first | (bytes[1]! << 8) | (bytes[2]! << 16) | (bytes[3]! << 24)) >>> 2
      break
    default: {
      // Big-integer mode: (first >> 2) + 4 little-endian bytes follow; anything past 32 bits cannot be a real length.
      const size = (first >> 2) + 4
      prefix = 1 + size
      if (bytes.length < prefix) return 'the extrinsic\'s compact length prefix is cut short'
      if (size > 4 && bytes.subarray(5, prefix).some((b) => b !== 0)) return 'the extrinsic\'s length prefix is beyond any extrinsic size'
      length = bytes[1]! + bytes[2]! * 2 ** 8 + bytes[3]! * 2 ** 16 + bytes[4]! * 2 ** 24
    }
  }
  const rest = bytes.length - prefix
  if (rest !== length) return `the extrinsic's length prefix says ${length} bytes, but ${rest} follow it`
  return undefined
}
