/* global document, location */
/**
 * A benchmark peer: the job of PKCE Lab's happy path (sign in with code + PKCE, show the ID token's
 * claims, refresh on demand) as a developer would build it with React and bare oauth4webapi. The
 * protocol steps are the framework-free reference's (../oauth4webapi-flow.js), the page is the
 * other React peer's (../react-peer-views.js): only the framework differs from the one, only the
 * library from the other. Dev-only: built by `npm run bench`.
 */
import { jwtDecode } from 'jwt-decode'
import { createElement as h, StrictMode, useEffect, useRef, useState } from 'react'
import { createRoot } from 'react-dom/client'

import { oauth4webapiFlow } from '../oauth4webapi-flow.js'
import { message, SignedInPage, SignedOutPage } from '../react-peer-views.js'

const TITLE = 'oauth4webapi + React'
const flow = oauth4webapiFlow('react-peer:transaction')

/** @typedef {Awaited<ReturnType<typeof flow.completeSignIn>>} Session */

/** @param {{ session: Session }} props */
function SignedIn({ session }) {
  const [tokens, setTokens] = useState(session.tokens)
  return h(SignedInPage, {
    title: TITLE,
    claims: jwtDecode(/** @type {string} */ (tokens.id_token)),
    onRefresh: async () => {
      setTokens(await flow.refresh(session.as, tokens))
    },
  })
}

function App() {
  const onCallback = location.pathname === '/callback'
  const [session, setSession] = useState(/** @type {Session | undefined} */ (undefined))
  const [error, setError] = useState(/** @type {string | undefined} */ (undefined))
  const [busy, setBusy] = useState(false)
  // Once only, though StrictMode runs effects twice: a code can be exchanged once.
  const started = useRef(false)
  useEffect(() => {
    if (!onCallback || started.current) return
    started.current = true
    flow.completeSignIn().then(setSession, (/** @type {unknown} */ failure) => {
      setError(message(failure))
    })
  }, [onCallback])

  if (error !== undefined) return h('p', { role: 'alert' }, error)
  if (session) return h(SignedIn, { session })
  if (onCallback) return h('p', null, 'Signing in…')
  return h(SignedOutPage, {
    title: TITLE,
    busy,
    onSignIn: () => {
      setBusy(true)
      flow.signIn().catch((/** @type {unknown} */ failure) => {
        setError(message(failure))
      })
    },
  })
}

createRoot(/** @type {HTMLElement} */ (document.getElementById('root'))).render(
  h(StrictMode, null, h(App)),
)
