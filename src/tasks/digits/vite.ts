// A Vite plugin that gives the browser validator its held-out digits: `tasks/digits-heldout.bin` (encodeHeldOut of the mnist package's
// held-out split, made by our own code, never committed), served by the dev server and emitted into the build.
import type { Plugin } from 'vite'

export const DIGITS_HELD_OUT_FILE = 'tasks/digits-heldout.bin'

export function digitsHeldOutPlugin(): Plugin {
  let bytes: Promise<Uint8Array> | undefined
  const make = () =>
    (bytes ??= Promise.all([import('./loadMnist.ts'), import('./heldOutFile.ts')]).then(([{ loadDigitsSplit }, { encodeHeldOut }]) => encodeHeldOut(loadDigitsSplit().heldOut)))
  return {
    name: 'webtensor:digits-held-out',
    configureServer(server) {
      server.middlewares.use(`/${DIGITS_HELD_OUT_FILE}`, (_req, res, next) => {
        make().then(
          (file) => {
            res.setHeader('Content-Type', 'application/octet-stream')
            res.setHeader('Cache-Control', 'no-cache')
            res.end(Buffer.from(file.buffer, file.byteOffset, file.byteLength))
          },
          (error: unknown) => next(error),
        )
      })
    },
    async generateBundle() {
      this.emitFile({ type: 'asset', fileName: DIGITS_HELD_OUT_FILE, source: await make() })
    },
  }
}
