// The route table: every page is its own lazily loaded chunk, so heavy pages never weigh on the first screen.
import { createBrowserRouter, type RouteObject } from 'react-router-dom'
import { Layout } from './components/Layout.tsx'
import { RouteError } from './components/RouteError.tsx'

/** A route module default-exports its page component. */
const page = (load: () => Promise<{ default: React.ComponentType }>) => async () => ({ Component: (await load()).default })

export const routes: RouteObject[] = [
  {
    path: '/',
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      { index: true, lazy: page(() => import('./routes/subnets/SubnetsPage.tsx')) },
      { path: 'subnets/:netuid', lazy: page(() => import('./routes/subnet/SubnetPage.tsx')) },
      { path: 'stake', lazy: page(() => import('./routes/stake/StakePage.tsx')) },
      { path: 'govern', lazy: page(() => import('./routes/govern/GovernPage.tsx')) },
      { path: 'mine', lazy: page(() => import('./routes/mine/MinePage.tsx')) },
      { path: 'validate', lazy: page(() => import('./routes/validate/ValidatePage.tsx')) },
      { path: 'explorer', lazy: page(() => import('./routes/explorer/ExplorerPage.tsx')) },
      { path: 'wallet', lazy: page(() => import('./routes/wallet/WalletPage.tsx')) },
      { path: '*', lazy: page(() => import('./routes/NotFoundPage.tsx')) },
    ],
  },
]

export const createRouter = () => createBrowserRouter(routes)
