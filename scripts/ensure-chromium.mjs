// Makes sure Debian's Chromium is at /usr/bin/chromium for the browser tests; never downloads a browser build.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

export const CHROMIUM = process.env.WEBTENSOR_CHROMIUM ?? '/usr/bin/chromium'

function run(cmd, args) {
  console.log(`[webtensor] ${cmd} ${args.join(' ')}`)
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
  return r.status === 0
}

if (!existsSync(CHROMIUM)) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
  if (!isRoot) {
    console.error(
      `[webtensor] The browser tests need Debian's Chromium at ${CHROMIUM}, and it is not installed.\n` +
        '  Install it with:  sudo apt-get update && sudo apt-get install -y chromium\n' +
        '  (or set WEBTENSOR_CHROMIUM to another Chromium binary). Playwright never downloads a browser here.',
    )
    process.exit(1)
  }
  console.log(`[webtensor] ${CHROMIUM} is missing: installing Debian's chromium package …`)
  if (!run('apt-get', ['update']) || !run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium', 'fonts-dejavu-core'])) {
    console.error('[webtensor] apt-get could not install chromium; see the output above.')
    process.exit(1)
  }
  if (!existsSync(CHROMIUM)) {
    console.error(`[webtensor] apt-get finished but ${CHROMIUM} is still missing.`)
    process.exit(1)
  }
}
