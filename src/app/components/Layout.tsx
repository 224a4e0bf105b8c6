// The frame around every page: brand, navigation, the mining indicator (while this tab mines), network selector with the connection
// state, and wallet button, then the route.
import { Suspense } from 'react'
import { NavLink, Outlet } from 'react-router-dom'
import { NetworkSelector } from './NetworkSelector.tsx'
import { ConnectionStatus } from './ConnectionStatus.tsx'
import { MiningIndicator } from './MiningIndicator.tsx'
import { WalletButton } from './WalletButton.tsx'

export const NAV = [
  { to: '/', label: 'Subnets', end: true },
  { to: '/stake', label: 'Stake' },
  { to: '/govern', label: 'Govern' },
  { to: '/mine', label: 'Mine' },
  { to: '/validate', label: 'Validate' },
  { to: '/explorer', label: 'Explorer' },
] as const

export function Layout() {
  return (
    <div className="app">
      <header className="topbar">
        <NavLink to="/" className="brand" aria-label="webtensor home">
          <span className="brand-mark">τ</span> webtensor
        </NavLink>
        <nav aria-label="Main">
          {NAV.map((item) => (
            <NavLink key={item.to} to={item.to} end={'end' in item ? item.end : false}>
              {item.label}
            </NavLink>
          ))}
        </nav>
        <div className="topbar-right">
          <MiningIndicator />
          <NetworkSelector />
          <ConnectionStatus />
          <WalletButton />
        </div>
      </header>
      <main>
        <Suspense fallback={<p className="loading" aria-busy="true">Loading…</p>}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  )
}
