// worst case: a cold visit to `/` — the JavaScript (gzip) the browser must fetch before the Subnets page shows,
// against a bare React + ReactDOM page built in the same run. Goal: ≤ 250 KB gzip. Exits 1 when a heavy
// library (onnxruntime-web, libp2p, @polkadot/*) reaches the first screen.
import { build, type Rollup } from 'vite'
import react from '@vitejs/plugin-react'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

const root = new URL('..', import.meta.url).pathname
const GOAL_KB = 250
const HEAVY = [/onnxruntime/, /libp2p/, /@polkadot\//, /@chainsafe\//]

type Output = Array<Rollup.OutputChunk | Rollup.OutputAsset>
type Chunk = Extract<Output[number], { type: 'chunk' }>

async function bundle(projectRoot: string, configFile: string | false): Promise<Output> {
  const result = await build({
    root: projectRoot,
    configFile,
    plugins: configFile ? [] : [react()],
    logLevel: 'silent',
    build: { write: false, sourcemap: false, manifest: false },
  })
  const outputs = Array.isArray(result) ? result : [result]
  return outputs.flatMap((o) => ('output' in o ? o.output : []))
}

/** The entry chunk, the chunks `facade` needs, and everything they import statically. */
function firstScreen(output: Output, routeFacade?: RegExp): Chunk[] {
  const chunks = new Map(output.filter((o): o is Chunk => o.type === 'chunk').map((c) => [c.fileName, c]))
  const start = [...chunks.values()].filter((c) => c.isEntry || (routeFacade && routeFacade.test(c.facadeModuleId ?? '')))
  const seen = new Set<string>()
  const visit = (c: Chunk) => {
    if (seen.has(c.fileName)) return
    seen.add(c.fileName)
    for (const f of c.imports) {
      const next = chunks.get(f)
      if (next) visit(next)
    }
  }
  start.forEach(visit)
  return [...seen].map((f) => chunks.get(f)!)
}

const gzipKB = (chunks: Chunk[]) => chunks.reduce((n, c) => n + gzipSync(c.code, { level: 9 }).length, 0) / 1024

// Baseline: the smallest React page, built the same way in the same run.
const tmp = mkdtempSync(join(root, 'bench', '.baseline-'))
try {
  writeFileSync(join(tmp, 'index.html'), '<!doctype html><div id="root"></div><script type="module" src="./main.tsx"></script>')
  writeFileSync(
    join(tmp, 'main.tsx'),
    "import { createRoot } from 'react-dom/client'\ncreateRoot(document.getElementById('root')!).render(<h1>hello</h1>)\n",
  )
  const baseline = gzipKB(firstScreen(await bundle(tmp, false)))
  const appOutput = await bundle(root, join(root, 'vite.config.ts'))
  const app = firstScreen(appOutput, /routes\/subnets\/SubnetsPage\.tsx$/)
  const appKB = gzipKB(app)

  console.log('first-screen JavaScript of `/` (gzip, level 9):')
  for (const c of app) console.log(`  ${c.fileName.padEnd(40)} ${(gzipSync(c.code, { level: 9 }).length / 1024).toFixed(1).padStart(7)} KB`)
  console.log(`webtensor first screen: ${appKB.toFixed(1)} KB  (goal ≤ ${GOAL_KB} KB: ${appKB <= GOAL_KB ? 'met' : 'NOT met'})`)
  console.log(`baseline bare React page: ${baseline.toFixed(1)} KB`)
  console.log(`ratio webtensor / bare React: ${(appKB / baseline).toFixed(2)}×`)

  const heavy = app.flatMap((c) => c.moduleIds.filter((id) => HEAVY.some((re) => re.test(id))).map((id) => `${c.fileName}: ${id}`))
  if (heavy.length) {
    console.error(`heavy libraries in the first screen:\n  ${heavy.slice(0, 20).join('\n  ')}`)
    process.exit(1)
  }
} finally {
  rmSync(tmp, { recursive: true, force: true })
}
