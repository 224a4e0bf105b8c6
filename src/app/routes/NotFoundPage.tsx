// Any unknown path: say so and lead back.
import { Link, useLocation } from 'react-router-dom'
import { PageHeading } from '../components/PageHeading.tsx'

export default function NotFoundPage() {
  const { pathname } = useLocation()
  return (
    <>
      <PageHeading title="Page not found">
        There is no page at <code>{pathname}</code>. <Link to="/">See all subnets</Link>.
      </PageHeading>
    </>
  )
}
