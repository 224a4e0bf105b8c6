// What a page shows when its code failed to load or threw: the reason, and a way back.
import { Link, isRouteErrorResponse, useRouteError } from 'react-router-dom'

export function RouteError() {
  const error = useRouteError()
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : String(error)
  return (
    <main className="route-error">
      <h1>Something went wrong</h1>
      <p role="alert">{message}</p>
      <p>
        <Link to="/">Back to subnets</Link> · reload the page if the app was just updated.
      </p>
    </main>
  )
}
