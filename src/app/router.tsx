/**
 * The routes. The callback runs in a route loader, outside React's render cycle, so StrictMode's double
 * effects can never exchange a code twice; the redirect that follows replaces the callback URL, taking
 * code and state out of the address bar and the history (RFC 9700 §4.2.4).
 */
import { createBrowserRouter, redirect } from 'react-router'

import { paths } from '../config/paths'
import type { Session } from '../session'
import { AppLayout } from './app-layout'
import { preloadSignedInViews } from './lazy-views'
import { Home } from './routes/home'
import type { HomeProps } from './routes/home'
import { NotFound } from './routes/not-found'

export interface AppRouterDeps {
  session: Session
  home: HomeProps
  basename: string
  /** The full address, fragment included: a request URL has no fragment, and tokens hide there too. */
  currentUrl: () => URL
}

function CompletingSignIn() {
  return (
    <p className="notice" role="status">
      Completing sign-in…
    </p>
  )
}

export function createAppRouter(deps: AppRouterDeps) {
  return createBrowserRouter(
    [
      {
        path: paths.home,
        element: <AppLayout />,
        hydrateFallbackElement: <CompletingSignIn />,
        children: [
          { index: true, element: <Home {...deps.home} /> },
          {
            path: paths.callback.slice(1),
            loader: async () => {
              // The views of the tokens are fetched while the code is exchanged, so the claims are
              // on screen as soon as the tokens are here, with no loading state in between.
              await Promise.all([
                deps.session.completeSignIn(deps.currentUrl()),
                preloadSignedInViews(),
              ])
              return redirect(paths.home)
            },
          },
          // Pages a first visit does not need: loaded when opened.
          {
            path: paths.decode.slice(1),
            lazy: async () => ({
              Component: (await import('../features/paste-token/paste-token-page')).default,
            }),
          },
          {
            path: paths.errors.slice(1),
            lazy: async () => ({
              Component: (await import('../features/error-explainer/error-explainer-page')).default,
            }),
          },
          {
            path: paths.learn.slice(1),
            lazy: async () => ({
              Component: (await import('../features/jwt-vs-oauth/jwt-vs-oauth-page')).default,
            }),
          },
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
    { basename: deps.basename },
  )
}
