import { NavLink, Outlet } from 'react-router'

import { paths } from '../config/paths'

const NAVIGATION = [
  { to: paths.home, label: 'Lab' },
  { to: paths.decode, label: 'Paste a token' },
  { to: paths.errors, label: 'Error explainer' },
  { to: paths.learn, label: 'JWT vs OAuth' },
] as const

/** The page frame: a header that says what this is, and the current route. */
export function AppLayout() {
  return (
    <>
      <header className="app-header">
        <h1>PKCE Lab</h1>
        <p>
          The OAuth 2.0 authorization-code flow with PKCE, against any OpenID provider, in your
          browser. Tokens stay in this tab&apos;s memory and are shown decoded.
        </p>
        <nav aria-label="Main">
          <ul className="app-nav">
            {NAVIGATION.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end>
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main className="app-main">
        <Outlet />
      </main>
      <footer className="app-footer">
        <p>
          No backend: everything runs in this page. Decoded tokens are readable by anyone who holds
          them; decoding is not verifying.
        </p>
      </footer>
    </>
  )
}
