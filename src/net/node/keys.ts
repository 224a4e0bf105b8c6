// A libp2p identity kept in a file (protobuf-encoded Ed25519 private key, mode 0600), so a node's peer id is the same on every start.
import { generateKeyPair, privateKeyFromProtobuf, privateKeyToProtobuf } from '@libp2p/crypto/keys'
import type { PrivateKey } from '@libp2p/interface'
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'

export class NodeKeyError extends Error {
  override name = 'NodeKeyError'
}

/** Reads the key at `path`, or creates one there if the file does not exist. */
export async function loadOrCreateNodeKey(path: string): Promise<PrivateKey> {
  if (existsSync(path)) {
    try {
      return privateKeyFromProtobuf(readFileSync(path))
    } catch (error) {
      throw new NodeKeyError(`the node key file ${path} is not a libp2p private key (${(error as Error).message}); delete it to get a new peer id`)
    }
  }
  const key = await generateKeyPair('Ed25519')
  // Written aside then renamed: a crash never leaves a half-written key that would then be refused.
  const partial = `${path}.partial`
  try {
    writeFileSync(partial, privateKeyToProtobuf(key), { mode: 0o600 })
    renameSync(partial, path)
  } catch (error) {
    throw new NodeKeyError(`cannot write the node key file ${path}: ${(error as Error).message}`)
  }
  return key
}
