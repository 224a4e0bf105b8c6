// Installs npm dependencies when node_modules is missing or older than package-lock.json.
import { spawnSync } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { dirname, join } from 'node:path'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const lock = join(root, 'package-lock.json')
// npm writes node_modules/.package-lock.json at the end of every successful install.
const installed = join(root, 'node_modules', '.package-lock.json')

function needsInstall() {
  if (!existsSync(installed)) return 'node_modules is missing'
  if (existsSync(lock) && statSync(lock).mtimeMs > statSync(installed).mtimeMs)
    return 'package-lock.json is newer than node_modules'
  return null
}

const reason = needsInstall()
if (reason) {
  const args = existsSync(lock) ? ['ci', '--no-audit', '--no-fund'] : ['install', '--no-audit', '--no-fund']
  console.log(`[webtensor] ${reason}: running npm ${args[0]} …`)
  const r = spawnSync('npm', args, { cwd: root, stdio: 'inherit' })
  if (r.status !== 0) {
    console.error(`[webtensor] npm ${args[0]} failed (exit ${r.status}). Check the npm registry is reachable and re-run.`)
    process.exit(r.status ?? 1)
  }
}
