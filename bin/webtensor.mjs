#!/usr/bin/env node
// The `webtensor` command (npx webtensor devnet|miner|validator): loads the TypeScript sources through tsx.
import { register } from 'tsx/esm/api'

register()
await import('../src/node/cli/main.ts')
