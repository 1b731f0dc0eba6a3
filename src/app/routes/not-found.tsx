import { Link } from 'react-router'

import { paths } from '../../config/paths'

export function NotFound() {
  return (
    <section>
      <h2>Page not found</h2>
      <p>
        There is nothing at this address. <Link to={paths.home}>Go to the start page</Link>.
      </p>
    </section>
  )
}
