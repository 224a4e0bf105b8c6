// An account: free balance and stake positions (kept current by NewHeads), and the extrinsics it signed among the blocks the page has loaded.
import { Link } from 'react-router-dom'
import { useBalance } from '../../hooks/useBalance.ts'
import { useStakeInfo } from '../../hooks/useStakeInfo.ts'
import { errorText, formatAlpha, formatTao } from '../../lib/format.ts'
import type { RecentBlocks } from '../../queries/explorer.ts'
import { Outcome } from './Extrinsic.tsx'
import { AccountLink, HashText } from './Value.tsx'
import { describeRange, extrinsicsSignedBy } from './search.ts'
import { extrinsicId, searchHref, timeOfDay } from './values.ts'

export function AccountView({ address, recent }: { address: string; recent: RecentBlocks }) {
  const balance = useBalance(address)
  const stake = useStakeInfo(address)
  const signed = extrinsicsSignedBy(recent.blocks, address)
  return (
    <section className="explorer-result account" aria-label="Account">
      <h2>Account</h2>
      <p>
        <HashText value={address} full />
      </p>
      <dl className="facts">
        <div>
          <dt>Free balance</dt>
          <dd data-testid="account-free">{balance.data ? formatTao(balance.data.free) : balance.isError ? errorText(balance.error) : '…'}</dd>
        </div>
        <div>
          <dt>Transferable</dt>
          <dd>{balance.data ? formatTao(balance.data.transferable) : '…'}</dd>
        </div>
        <div>
          <dt>Reserved</dt>
          <dd>{balance.data ? formatTao(balance.data.reserved) : '…'}</dd>
        </div>
      </dl>

      <h3>Stake positions</h3>
      {stake.isError ? (
        <p role="alert" className="field-error">{errorText(stake.error)}</p>
      ) : !stake.data ? (
        <p className="loading" aria-busy="true">Reading stake…</p>
      ) : stake.data.length === 0 ? (
        <p className="muted">No stake.</p>
      ) : (
        <div className="table-wrap">
          <table className="data" aria-label="Stake positions">
            <thead>
              <tr>
                <th scope="col" className="num">Subnet</th>
                <th scope="col">Hotkey</th>
                <th scope="col" className="num">Stake</th>
                <th scope="col">Registered</th>
              </tr>
            </thead>
            <tbody>
              {stake.data.map((p) => (
                <tr key={`${p.netuid}:${p.hotkey}`} data-netuid={p.netuid} data-hotkey={p.hotkey}>
                  <td className="num"><Link to={`/subnets/${p.netuid}`}>{p.netuid}</Link></td>
                  <td><AccountLink address={p.hotkey} /></td>
                  <td className="num">{p.netuid === 0 ? formatTao(p.stake) : formatAlpha(p.stake)}</td>
                  <td>{p.isRegistered ? 'yes' : 'no'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h3>Signed extrinsics</h3>
      <p className="muted">
        Among {describeRange(recent.blocks)}{recent.complete ? '' : ', still reading'}; older ones are not searched.
      </p>
      {signed.length === 0 ? (
        <p className="muted">None in these blocks.</p>
      ) : (
        <div className="table-wrap">
          <table className="data" aria-label="Signed extrinsics">
            <thead>
              <tr>
                <th scope="col">Extrinsic</th>
                <th scope="col">Call</th>
                <th scope="col">Result</th>
                <th scope="col" className="num">Nonce</th>
                <th scope="col">Time (UTC)</th>
              </tr>
            </thead>
            <tbody>
              {signed.map(({ block, extrinsic }) => (
                <tr key={extrinsic.hash} data-extrinsic-hash={extrinsic.hash}>
                  <td><Link to={searchHref(extrinsicId(block.number, extrinsic.index))}>{extrinsicId(block.number, extrinsic.index)}</Link></td>
                  <td><code>{extrinsic.section}.{extrinsic.method}</code></td>
                  <td><Outcome extrinsic={extrinsic} /></td>
                  <td className="num">{extrinsic.nonce}</td>
                  <td>{timeOfDay(block.timestamp) ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
