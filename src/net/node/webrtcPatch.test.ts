// patches/@libp2p+webrtc+6.0.33.patch is applied (npm's postinstall runs patch-package): the dialer must not wait for an init channel that already closed (notes, trap 3).
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { describe, expect, test } from 'vitest'

describe('@libp2p/webrtc dial race patch', () => {
  test('the installed initiator waits for open-or-close and skips the close wait when already closed', () => {
    const entry = createRequire(import.meta.url).resolve('@libp2p/webrtc')
    const source = readFileSync(join(dirname(entry), 'private-to-private', 'initiate-connection.js'), 'utf8')
    expect(source, 'run `npx patch-package` (npm install runs it as postinstall)').toContain("await pEvent(channel, ['open', 'close'], {")
    expect(source).toContain("if (channel.readyState !== 'closed') {")
    expect(JSON.parse(readFileSync(join(dirname(entry), '..', '..', 'package.json'), 'utf8')).version).toBe('6.0.33')
  })
})
