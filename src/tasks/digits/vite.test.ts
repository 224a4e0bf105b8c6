import { describe, expect, test } from 'vitest'
import { decodeHeldOut } from './heldOutFile.ts'
import { loadDigitsSplit } from './loadMnist.ts'
import { DIGITS_HELD_OUT_FILE, digitsHeldOutPlugin } from './vite.ts'

describe('the held-out digits Vite plugin', () => {
  test('emits tasks/digits-heldout.bin at build, which decodes to the Node validator’s held-out digits', async () => {
    const emitted: Array<{ fileName?: string; source?: unknown }> = []
    const plugin = digitsHeldOutPlugin()
    await (plugin.generateBundle as unknown as (this: unknown) => Promise<void>).call({ emitFile: (file: { fileName?: string; source?: unknown }) => (emitted.push(file), 'ref') })
    expect(emitted.map((f) => f.fileName)).toEqual([DIGITS_HELD_OUT_FILE])
    const decoded = decodeHeldOut(emitted[0]!.source as Uint8Array)
    expect(decoded.ok).toBe(true)
    const heldOut = loadDigitsSplit().heldOut
    if (decoded.ok) {
      expect(decoded.value.count).toBe(heldOut.count)
      const bytes = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength)
      expect(bytes(decoded.value.labels).equals(bytes(heldOut.labels))).toBe(true)
      expect(bytes(decoded.value.images).equals(bytes(heldOut.images))).toBe(true)
    }
  })
})
