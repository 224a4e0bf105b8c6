// The page's one mining session, made on first use with the browser's edges; it outlives the Mine page (mining goes on while the user
// browses other pages, and the header says so) and stops when the page is closed.
import type { TabChain } from './browser.ts'
import type { MiningSession } from './session.ts'
import { miningStore } from './store.ts'

let session: Promise<MiningSession<TabChain>> | undefined

export function tabMiningSession(): Promise<MiningSession<TabChain>> {
  session ??= Promise.all([import('./session.ts'), import('./browser.ts')]).then(([{ MiningSession }, { browserMiningDeps }]) => {
    const made = new MiningSession(miningStore, browserMiningDeps())
    addEventListener('pagehide', () => void made.stop())
    return made
  })
  return session
}
