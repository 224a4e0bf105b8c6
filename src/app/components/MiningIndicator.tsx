// The header's mining light: shown on every page while this tab mines (starting, serving, paused), so mining is never invisible.
import { Link } from 'react-router-dom'
import { useMining } from '../hooks/useMining.ts'
import { isMining, type MiningState } from '../mining/store.ts'

function label(s: MiningState): string {
  const subnet = s.netuid === undefined ? '' : ` subnet ${s.netuid}`
  switch (s.status) {
    case 'starting':
      return `Starting to mine${subnet}…`
    case 'stopping':
      return 'Stopping mining…'
    case 'paused':
      return `Mining paused${s.paused.includes('hidden') ? ' (tab hidden)' : ''} ·${subnet}`
    default:
      return `Mining${subnet} · ${s.served} served · ${Math.round(s.share * 100)} % compute`
  }
}

export function MiningIndicator() {
  const state = useMining((s) => s)
  if (!isMining(state)) return null
  return (
    <span role="status" aria-label="Mining" data-status={state.status}>
      <Link to="/mine" className="badge" title="This tab is mining: open the Mine page to pause or stop it">
        <span aria-hidden="true">{state.status === 'paused' ? '⏸' : '●'}</span> {label(state)}
      </Link>
    </span>
  )
}
