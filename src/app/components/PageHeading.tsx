// A page's title and one-line summary; every route starts with one so its heading is stable for people and tests.
import type { ReactNode } from 'react'
import { useEffect } from 'react'

export function PageHeading({ title, children }: { title: string; children?: ReactNode }) {
  useEffect(() => {
    document.title = `${title} · webtensor`
  }, [title])
  return (
    <header className="page-heading">
      <h1>{title}</h1>
      {children ? <p className="lede">{children}</p> : null}
    </header>
  )
}
