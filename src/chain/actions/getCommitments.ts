// getCommitments: every commitment published on a subnet (Commitments.CommitmentOf), by hotkey, with the block it was set in and its
// raw fields' bytes (hash, timelocked and flag fields are listed by kind, without bytes).

import { hexToU8a } from '@polkadot/util'
import type { ChainClient } from '../client.ts'
import type { WebtensorErrorType } from '../errors/base.ts'
import type { BlockNotFoundErrorType, InvalidAmountErrorType } from '../errors/input.ts'
import type { ChainDisconnectedErrorType, RuntimeApiMissingErrorType } from '../errors/transport.ts'
import { RuntimeApiMissingError } from '../errors/transport.ts'
import { num, readAt, str, type At, type Untyped } from '../internal/read.ts'
import { assertNetuid } from '../units.ts'

export type GetCommitmentsParameters = { netuid: number; at?: At }

export type CommitmentField = { kind: 'raw'; bytes: Uint8Array } | { kind: 'other'; type: string }
export type Commitment = { hotkey: string; block: number; fields: CommitmentField[] }

export type GetCommitmentsReturnType = Commitment[]
export type GetCommitmentsErrorType = InvalidAmountErrorType | BlockNotFoundErrorType | ChainDisconnectedErrorType | RuntimeApiMissingErrorType | WebtensorErrorType

/** A `Data` value (as @polkadot/api decodes the metadata's enum) as bytes when it carries raw bytes. */
function field(data: Untyped): CommitmentField {
  const type = String(data.type ?? '')
  if (/^Raw\d+$/.test(type) || type === 'BigRaw') return { kind: 'raw', bytes: hexToU8a(data.value.toHex()) }
  if (type === 'None') return { kind: 'raw', bytes: new Uint8Array() }
  return { kind: 'other', type }
}

/** `getCommitments(client, { netuid: 1 })`: one entry per hotkey that has published on the subnet. */
export async function getCommitments(client: ChainClient, { netuid, at = 'best' }: GetCommitmentsParameters): Promise<GetCommitmentsReturnType> {
  assertNetuid(netuid)
  const { api, hash } = await readAt(client, at)
  const commitmentOf = (api.query as Untyped).commitments?.commitmentOf
  if (!commitmentOf) throw new RuntimeApiMissingError({ api: 'commitments', method: 'commitmentOf' })
  const entries: Array<[Untyped, Untyped]> = await commitmentOf.entriesAt(hash, netuid)
  return entries
    .filter(([, value]) => value.isSome)
    .map(([key, value]) => {
      const registration = value.unwrap()
      return { hotkey: str(key.args[1]), block: num(registration.block), fields: [...registration.info.fields].map(field) }
    })
    .sort((a, b) => a.hotkey.localeCompare(b.hotkey))
}
