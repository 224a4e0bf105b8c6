// Hotkey signing and verification for the query protocol: sr25519 through @polkadot/wasm-crypto (util-crypto 14 signs in pure JS, ~10× slower: 1.4 ms vs 0.2 ms here), falling back to util-crypto when the WASM is not loaded.
import { DEV_PHRASE } from '@polkadot/keyring'
import { isReady as wasmReady, sr25519Sign as wasmSign, sr25519Verify as wasmVerify } from '@polkadot/wasm-crypto'
import { keyExtractSuri, keyFromPath, mnemonicToMiniSecret, sr25519PairFromSeed, sr25519Sign, sr25519Verify } from '@polkadot/util-crypto'

/** An sr25519 hotkey: its 32-byte public key and a function signing a message with it. A `KeyringPair` fits (slower: pure JS). */
export type Signer = {
  readonly publicKey: Uint8Array
  sign(message: Uint8Array): Uint8Array
}

/** A signer over an sr25519 key pair (64-byte secret key, 32-byte public key). */
export function sr25519Signer(pair: { publicKey: Uint8Array; secretKey: Uint8Array }): Signer {
  if (pair.publicKey.length !== 32 || pair.secretKey.length !== 64) throw new RangeError(`an sr25519 pair has a 32-byte public key and a 64-byte secret key, got ${pair.publicKey.length} and ${pair.secretKey.length}`)
  return {
    publicKey: pair.publicKey,
    sign: (message) => (wasmReady() ? wasmSign(pair.publicKey, pair.secretKey, message) : sr25519Sign(message, pair)),
  }
}

/** A signer for a secret URI (`//Alice`, `<mnemonic>//hard/soft`), as `Keyring.addFromUri` derives it. Needs `cryptoWaitReady()`. */
export function sr25519SignerFromUri(uri: string): Signer {
  const { phrase, password, path } = keyExtractSuri(uri.startsWith('//') ? `${DEV_PHRASE}${uri}` : uri)
  const root = sr25519PairFromSeed(mnemonicToMiniSecret(phrase, password))
  return sr25519Signer(keyFromPath(root, path, 'sr25519'))
}

/** Whether `signature` is a 64-byte sr25519 signature of `message` by `publicKey`; never throws. */
export function verifySr25519(message: Uint8Array, signature: Uint8Array, publicKey: Uint8Array): boolean {
  if (signature.length !== 64 || publicKey.length !== 32) return false
  try {
    return wasmReady() ? wasmVerify(signature, message, publicKey) : sr25519Verify(message, signature, publicKey)
  } catch {
    return false
  }
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}
