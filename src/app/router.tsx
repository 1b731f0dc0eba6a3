/**
 * The routes. There is none for the callback: the composition root takes the callback URL out of the
 * address bar and hands it to the session before the router starts, so the router only ever sees the
 * home page.
 */
import { createBrowserRouter } from 'react-router'

import { paths } from '../config/paths'
import { AppLayout } from './app-layout'
import { Home } from './routes/home'
import type { HomeProps } from './routes/home'

export interface AppRouterDeps {
  home: HomeProps
  basename: string
}

export function createAppRouter(deps: AppRouterDeps) {
  return createBrowserRouter(
    [
      {
        path: paths.home,
        element: <AppLayout />,
        children: [
          { index: true, element: <Home {...deps.home} /> },
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
          {
            path: '*',
            lazy: async () => ({ Component: (await import('./routes/not-found')).NotFound }),
          },
        ],
      },
    ],
    { basename: deps.basename },
  )
}
