// The SPA's entry: query cache (bigint-safe keys), the chain provider (src/chain loads lazily after the shell), router and styles; nothing heavy is imported here.
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { RouterProvider } from 'react-router-dom'
import { createRouter } from './router.tsx'
import { ChainProvider } from './chain/ChainProvider.tsx'
import { queryKeyHashFn } from './queries/hash.ts'
import './styles.css'

const queryClient = new QueryClient({
  defaultOptions: {
    // Chain reads are refreshed by new-head subscriptions, not by focus or polling.
    queries: { refetchOnWindowFocus: false, staleTime: Infinity, retry: 1, queryKeyHashFn },
  },
})

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <ChainProvider>
        <RouterProvider router={createRouter()} />
      </ChainProvider>
    </QueryClientProvider>
  </StrictMode>,
)
