// The page's one validating session, made on first use with the browser's edges; it outlives the Validate page (validating goes on
// while the user browses other pages) and stops when the page is closed.
import type { TabChain } from './browser.ts'
import type { ValidatingSession } from './session.ts'
import { validatingStore } from './store.ts'

let session: Promise<ValidatingSession<TabChain>> | undefined

export function tabValidatingSession(): Promise<ValidatingSession<TabChain>> {
  session ??= Promise.all([import('./session.ts'), import('./browser.ts')]).then(([{ ValidatingSession }, { browserValidatingDeps }]) => {
    const made = new ValidatingSession(validatingStore, browserValidatingDeps())
    addEventListener('pagehide', () => void made.stop())
    return made
  })
  return session
}
