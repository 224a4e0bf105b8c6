// worst case: signed transfer_keep_alive from many senders, each validated by the pool, applied in full blocks and committed to
// the on-disk database; against bare sr25519 verification (wasm schnorrkel) measured in the same run.
// Goals: ≥ 2,000 tx/s, ≥ 0.5× of verification; resident memory with 100k funded accounts ≤ 400 MB.
// Run: npx tsx bench/devnet-throughput.bench.ts [transfers=4000]
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { hexToU8a, u8aToHex } from '@polkadot/util'
import { cryptoWaitReady, sr25519PairFromSeed, blake2AsU8a } from '@polkadot/util-crypto'
import { sr25519Sign, sr25519Verify } from '@polkadot/wasm-crypto'
import { createRuntime, runtime } from '../src/runtime/index.ts'
import { DevnetChain } from '../src/node/chain/chain.ts'
import { Account } from '../src/runtime/pallets/system/storage.ts'
import { TotalIssuance } from '../src/runtime/pallets/balances/index.ts'
import { encodeUncheckedExtrinsic } from '../src/runtime/extrinsic/uncheckedExtrinsic.ts'
import { additionalSignedCodec, extraCodec, type Extra } from '../src/runtime/extrinsic/signedExtensions.ts'
import { signingPayload } from '../src/runtime/extrinsic/verify.ts'
import { IMMORTAL } from '../src/runtime/extrinsic/era.ts'
import { SPEC_VERSION, TRANSACTION_VERSION } from '../src/runtime/config.ts'
import type { Hex } from '../src/runtime/primitives/types.ts'

const TRANSFERS = Number(process.argv[2] ?? 4000)
const SENDERS = 200
const FUNDED = 100_000

await cryptoWaitReady()
const dir = mkdtempSync(join(tmpdir(), 'webtensor-bench-'))
const hosted = createRuntime()
const chain = await DevnetChain.open({ runtime: hosted, databasePath: join(dir, 'state.sqlite'), finalityDelayMs: 0 })

try {
  // Accounts: SENDERS that send, the rest only funded (the memory case), all written in dev_setStorage blocks.
  const pairs = Array.from({ length: SENDERS }, (_, i) => sr25519PairFromSeed(blake2AsU8a(`sender ${i}`, 256)))
  const accountValue = (free: bigint) => u8aToHex(Account.value.enc({ nonce: 0, consumers: 0, providers: 1, sufficients: 0, data: { free, reserved: 0n, frozen: 0n, flags: 1n << 127n } })) as Hex
  const FUND = 1_000_000_000_000n
  let issuance = TotalIssuance.get(chain.stateAt().state as never)
  const fund = (who: Uint8Array) => {
    issuance += FUND
    return [u8aToHex(Account.key(u8aToHex(who) as Hex)) as Hex, accountValue(FUND)] as const
  }
  const rssBefore = process.memoryUsage().rss
  for (let start = 0; start < FUNDED; start += 20_000) {
    const batch: Array<readonly [Hex, Hex]> = []
    for (let i = start; i < Math.min(FUNDED, start + 20_000); i++) batch.push(fund(i < SENDERS ? pairs[i]!.publicKey : blake2AsU8a(`holder ${i}`, 256)))
    batch.push([u8aToHex(TotalIssuance.key()) as Hex, u8aToHex(TotalIssuance.value.enc(issuance)) as Hex])
    chain.setStorage(batch)
  }
  global.gc?.()
  const rssFunded = process.memoryUsage().rss

  // Pre-sign the transfers (not timed): transfer_keep_alive(dest, 1000 RAO), immortal, nonce per sender.
  const genesis = hexToU8a(chain.blockHash(0)!)
  const dest = u8aToHex(blake2AsU8a('destination', 256)) as Hex
  const call = runtime.RuntimeCall.enc({ type: 'Balances', value: { type: 'transfer_keep_alive', value: { dest: { type: 'Id', value: dest }, value: 1000n } } } as never)
  const additional = additionalSignedCodec.enc({ specVersion: SPEC_VERSION, transactionVersion: TRANSACTION_VERSION, genesisHash: genesis, birthHash: genesis, metadataHash: undefined })
  const xts: Uint8Array[] = []
  for (let n = 0; xts.length < TRANSFERS; n++) {
    for (const pair of pairs) {
      if (xts.length >= TRANSFERS) break
      const extra: Extra = { era: IMMORTAL, nonce: n, tip: 0n, metadataHashMode: 'Disabled' }
      const signature = sr25519Sign(pair.publicKey, pair.secretKey, signingPayload(call, extraCodec.enc(extra), additional))
      xts.push(encodeUncheckedExtrinsic({ signature: { address: { type: 'Id', value: pair.publicKey }, signature: { type: 'Sr25519', value: signature }, extra }, call }))
    }
  }

  // Timed: pool validation of every transfer, then blocks until the pool is empty (each committed to SQLite).
  const startHeight = chain.head().number
  const t0 = performance.now()
  for (const xt of xts) chain.submitExtrinsic(xt)
  const tPooled = performance.now()
  let applied = 0
  while (chain.pendingExtrinsics().length > 0) applied += chain.authorBlock().body.length - 1
  const t1 = performance.now()
  const blocks = chain.head().number - startHeight
  const txPerSec = (applied / (t1 - t0)) * 1000

  // Baseline: bare sr25519 verification of the same payload size, same library.
  const pair = pairs[0]!
  const payload = signingPayload(call, extraCodec.enc({ era: IMMORTAL, nonce: 0, tip: 0n, metadataHashMode: 'Disabled' }), additional)
  const sig = sr25519Sign(pair.publicKey, pair.secretKey, payload)
  const N = 3000
  const v0 = performance.now()
  for (let i = 0; i < N; i++) if (!sr25519Verify(sig, payload, pair.publicKey)) throw new Error('verification failed')
  const verifyPerSec = (N / (performance.now() - v0)) * 1000
  global.gc?.()
  const rssEnd = process.memoryUsage().rss

  const mb = (b: number) => (b / 1024 / 1024).toFixed(0)
  console.log(`signed transfers applied: ${applied} in ${blocks} blocks (pool validation ${(tPooled - t0).toFixed(0)} ms, authoring+commit ${(t1 - tPooled).toFixed(0)} ms)`)
  console.log(`throughput: ${txPerSec.toFixed(0)} tx/s (goal ≥ 2000: ${txPerSec >= 2000 ? 'met' : 'NOT met'})`)
  console.log(`baseline sr25519 verifications: ${verifyPerSec.toFixed(0)} /s`)
  console.log(`ratio tx/s ÷ verify/s: ${(txPerSec / verifyPerSec).toFixed(2)}× (goal ≥ 0.5: ${txPerSec / verifyPerSec >= 0.5 ? 'met' : 'NOT met'})`)
  console.log(`resident memory: ${mb(rssBefore)} MB at genesis, ${mb(rssFunded)} MB with ${FUNDED} funded accounts, ${mb(rssEnd)} MB at the end (goal ≤ 400 MB: ${rssEnd <= 400 * 1024 * 1024 ? 'met' : 'NOT met'})`)
  console.log('state-root cost per block at 10k and 100k keys: npx tsx bench/state-root.bench.ts')
} finally {
  chain.close()
  rmSync(dir, { recursive: true, force: true })
}
