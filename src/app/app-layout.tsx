import { NavLink, Outlet } from 'react-router'

import { ThemeToggle } from '../components/ui/theme-toggle'
import { paths } from '../config/paths'

const NAVIGATION = [
  { to: paths.home, label: 'Lab' },
  { to: paths.decode, label: 'Paste a token' },
  { to: paths.errors, label: 'Error explainer' },
  { to: paths.learn, label: 'JWT vs OAuth' },
] as const

/**
 * The page below the header (index.html holds it, so it shows before any script runs): the
 * navigation, the current route and the footer.
 */
export function AppLayout() {
  return (
    <>
      <nav className="app-nav-bar" aria-label="Main">
        <ul className="app-nav">
          {NAVIGATION.map((item) => (
            <li key={item.to}>
              <NavLink to={item.to} end>
                {item.label}
              </NavLink>
            </li>
          ))}
        </ul>
        <ThemeToggle />
      </nav>
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
