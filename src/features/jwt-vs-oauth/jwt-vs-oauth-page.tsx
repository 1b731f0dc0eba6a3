import type { ReactNode } from 'react'
import { Link } from 'react-router'

import { SpecLink } from '../../components/ui/spec-link'
import { paths } from '../../config/paths'
import { decodeJwt } from '../../jwt/decode-jwt'
import { useSession } from '../../lib/session-react'
import type { SignedIn } from '../../session'

const RFC6749 = 'https://www.rfc-editor.org/rfc/rfc6749'
const CORE = 'https://openid.net/specs/openid-connect-core-1_0.html'
const GOOGLE_ISSUER = 'https://accounts.google.com'

type AccessTokenFormat =
  { kind: 'jwt'; alg: string; typ?: string } | { kind: 'encrypted' } | { kind: 'opaque' }

/** The facts of this tab's run that the explanation is told with. */
interface Run {
  issuer: string
  clientId: string
  authorizationEndpoint: string | undefined
  tokenEndpoint: string | undefined
  userinfoEndpoint: string | undefined
  /** Undefined when the token response did not list them (RFC 6749 §5.1: then as requested). */
  grantedScopes: readonly string[] | undefined
  accessToken: AccessTokenFormat
  idToken: { iss: string | undefined; aud: string | undefined; sub: string | undefined } | undefined
  usedClientSecret: boolean
}

/**
 * A JWT here means three dot-separated parts whose first decodes to a JSON header naming its "alg"
 * (RFC 7515 §4.1.1); anything else is, to this page, a reference only the provider can read.
 */
function accessTokenFormat(token: string): AccessTokenFormat {
  const decoded = decodeJwt(token)
  if (decoded.kind === 'jwe') return { kind: 'encrypted' }
  if (decoded.kind !== 'jwt') return { kind: 'opaque' }
  const { alg, typ } = decoded.header
  if (typeof alg !== 'string') return { kind: 'opaque' }
  return typeof typ === 'string' ? { kind: 'jwt', alg, typ } : { kind: 'jwt', alg }
}

function claimText(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
    return value.join(', ')
  }
  return undefined
}

/** The validated claims; failing those, what the ID token says, read but not verified. */
function idTokenClaims(tokens: SignedIn['tokens']): Readonly<Record<string, unknown>> | undefined {
  if (tokens.idTokenClaims !== undefined || tokens.id_token === undefined) {
    return tokens.idTokenClaims
  }
  const decoded = decodeJwt(tokens.id_token)
  return decoded.kind === 'jwt' ? decoded.payload : undefined
}

function describeRun(state: SignedIn): Run {
  const { metadata } = state.client
  const claims = idTokenClaims(state.tokens)
  return {
    issuer: state.client.metadata.issuer,
    clientId: state.client.clientId,
    authorizationEndpoint: metadata.authorization_endpoint,
    tokenEndpoint: metadata.token_endpoint,
    userinfoEndpoint: metadata.userinfo_endpoint,
    grantedScopes: state.tokens.scope?.split(' ').filter((scope) => scope !== ''),
    accessToken: accessTokenFormat(state.tokens.access_token),
    idToken:
      state.tokens.id_token === undefined
        ? undefined
        : {
            iss: claimText(claims?.iss),
            aud: claimText(claims?.aud),
            sub: claimText(claims?.sub),
          },
    usedClientSecret: state.client.clientAuthentication !== 'none',
  }
}

/** A value from the user's run, or, signed out, a named placeholder for it. */
function Value(props: { value: string | undefined; placeholder: string }) {
  return props.value === undefined ? <var>{props.placeholder}</var> : <code>{props.value}</code>
}

function YourRun(props: { children: ReactNode }) {
  return (
    <p className="notice">
      <strong>In your run: </strong>
      {props.children}
    </p>
  )
}

function Scopes(props: { run: Run | undefined }) {
  const { run } = props
  if (run === undefined) return <var>the scopes you were granted</var>
  if (run.grantedScopes === undefined) {
    return (
      <>
        the scopes you asked for: the token response listed none, which means they were granted as
        requested (RFC 6749 §5.1)
      </>
    )
  }
  return (
    <>
      {run.grantedScopes.map((scope, index) => (
        <span key={scope}>
          {index > 0 && ' '}
          <code>{scope}</code>
        </span>
      ))}
    </>
  )
}

function OAuthSection(props: { run: Run | undefined }) {
  const { run } = props
  return (
    <section aria-labelledby="learn-oauth">
      <h3 id="learn-oauth">What is OAuth here</h3>
      <p>
        OAuth 2.0 is a framework for delegated access: you let an application use an API on your
        behalf without giving it your password. It is a sequence of requests between your browser,
        the application and the provider, not a token format. See{' '}
        <SpecLink href={`${RFC6749}#section-1`}>RFC 6749 §1</SpecLink> and, for the code flow step
        by step, <SpecLink href={`${RFC6749}#section-4.1`}>§4.1</SpecLink>.
      </p>
      <ol>
        <li>
          <strong>Redirect.</strong> This page sent your browser to the authorization endpoint{' '}
          <Value
            value={run?.authorizationEndpoint}
            placeholder="the provider's authorization endpoint"
          />{' '}
          with <code>response_type=code</code>, its client_id{' '}
          <Value value={run?.clientId} placeholder="your client_id" />, the redirect URI, the
          scopes, a <code>state</code> and a PKCE <code>code_challenge</code>.
        </li>
        <li>
          <strong>Consent.</strong> At <Value value={run?.issuer} placeholder="your issuer" /> you
          signed in and agreed. The provider saw your password; this page never did.
        </li>
        <li>
          <strong>Scopes.</strong> The scopes name what the application may do. Granted:{' '}
          <Scopes run={run} />.
        </li>
        <li>
          <strong>The code.</strong> The provider sent your browser back to the redirect URI with a
          one-time authorization code. On its own it is worth little: redeeming it needs the{' '}
          <code>code_verifier</code> that only this tab held.
        </li>
        <li>
          <strong>The token endpoint.</strong> This page posted the code and the verifier to{' '}
          <Value value={run?.tokenEndpoint} placeholder="the provider's token endpoint" /> and
          received the tokens.
        </li>
        <li>
          <strong>Delegated access to an API.</strong> The access token is what an API accepts. Sent
          as <code>Authorization: Bearer …</code>, it lets this application act for you within the
          granted scopes, and the API never learns your password.{' '}
          {run?.userinfoEndpoint === undefined ? (
            <>The UserInfo endpoint is one such API.</>
          ) : (
            <>
              The UserInfo endpoint <code>{run.userinfoEndpoint}</code> is one such API: the start
              page can call it with your access token.
            </>
          )}{' '}
          See{' '}
          <SpecLink href="https://www.rfc-editor.org/rfc/rfc6750#section-2.1">
            RFC 6750 §2.1
          </SpecLink>
          .
        </li>
      </ol>
      <p>None of these steps needs a JWT: the flow is the same when every token is opaque.</p>
    </section>
  )
}

function AccessTokenInYourRun(props: { format: AccessTokenFormat }) {
  const { format } = props
  switch (format.kind) {
    case 'jwt':
      return (
        <YourRun>
          your access token <strong>is a JWT</strong>: its three parts decode and its header names
          the algorithm <code>{format.alg}</code>
          {format.typ === undefined ? (
            '. '
          ) : (
            <>
              {' '}
              and the type <code>{format.typ}</code>
              {format.typ.toLowerCase() === 'at+jwt' ? ', the RFC 9068 profile. ' : '. '}
            </>
          )}
          It is still written for the API named in its audience, not for this page: the provider may
          change its format at any time, and some (Microsoft Graph) must be treated as opaque even
          though they look like JWTs.
        </YourRun>
      )
    case 'encrypted':
      return (
        <YourRun>
          your access token is an <strong>encrypted JWT</strong> (five parts, a JWE): a JWT in
          format, but only the API it is meant for holds the key to read it.
        </YourRun>
      )
    case 'opaque':
      return (
        <YourRun>
          your access token is <strong>opaque</strong>, not a JWT: it does not decode into a header
          and claims. It is a reference only the provider can look up, like Google&apos;s{' '}
          <code>ya29.…</code> tokens, and it works with APIs all the same.
        </YourRun>
      )
  }
}

function JwtSection(props: { run: Run | undefined }) {
  const { run } = props
  const idToken = run?.idToken
  return (
    <section aria-labelledby="learn-jwt">
      <h3 id="learn-jwt">What is JWT here</h3>
      <p>
        A JWT is a format, not a protocol: a JSON object of claims, base64url-encoded and signed, in
        three parts separated by dots. It says who issued it, whom it is for, whom it is about and
        until when; anyone who holds it can read it, and only its signature, checked with the
        issuer&apos;s key, makes it trustworthy. See{' '}
        <SpecLink href="https://www.rfc-editor.org/rfc/rfc7519">RFC 7519</SpecLink>.
      </p>
      <h4>The ID token is always a JWT</h4>
      <p>
        The ID token is what OpenID Connect adds to OAuth: a signed statement, to this client, about
        who signed in. It is always a JWT (
        <SpecLink href={`${CORE}#IDToken`}>OpenID Connect Core §2</SpecLink>), and it is for the
        client, not for calling APIs.
      </p>
      {run !== undefined && idToken === undefined ? (
        <YourRun>
          there is no ID token: without the <code>openid</code> scope the provider ran OAuth alone,
          and nothing in the run was a statement about you.
        </YourRun>
      ) : (
        <dl>
          <dt>
            <code>iss</code>, who issued it
          </dt>
          <dd>
            <Value value={idToken?.iss} placeholder="your issuer" />
          </dd>
          <dt>
            <code>aud</code>, whom it is for (this client)
          </dt>
          <dd>
            <Value value={idToken?.aud} placeholder="your client_id" />
          </dd>
          <dt>
            <code>sub</code>, whom it is about (you, at this issuer)
          </dt>
          <dd>
            <Value value={idToken?.sub} placeholder="your subject identifier" />
          </dd>
        </dl>
      )}
      <h4>The access token only sometimes</h4>
      <p>
        An access token is a JWT only when the provider chooses so (
        <SpecLink href="https://www.rfc-editor.org/rfc/rfc9068">RFC 9068</SpecLink> defines a
        profile for it). Many issue opaque strings instead. Opaque tokens are still OAuth: the
        client is not meant to read an access token at all (
        <SpecLink href={`${RFC6749}#section-1.4`}>RFC 6749 §1.4</SpecLink>), only to send it.
      </p>
      {run === undefined ? (
        <p>
          Signed in, this page says whether <var>your access token</var> is a JWT or opaque.
        </p>
      ) : (
        <AccessTokenInYourRun format={run.accessToken} />
      )}
    </section>
  )
}

function ClientCredentialsSection(props: { run: Run | undefined }) {
  const { run } = props
  return (
    <section aria-labelledby="learn-client-credentials">
      <h3 id="learn-client-credentials">
        Why client credentials with a secret does not belong in a browser
      </h3>
      <p>
        OAuth sorts clients into two kinds (
        <SpecLink href={`${RFC6749}#section-2.1`}>RFC 6749 §2.1</SpecLink>). A confidential client
        runs on a server you control and can keep a secret. A public client cannot: a web
        page&apos;s code, memory and network traffic are open to whoever runs it, through the
        developer tools, the page source or an extension.
      </p>
      <p>
        The client credentials grant (
        <SpecLink href={`${RFC6749}#section-4.4`}>RFC 6749 §4.4</SpecLink>) has the client prove it
        is itself, with its ID and secret, and get a token for itself: no user, no consent, no
        redirect. It is made for one server calling another.
      </p>
      <p>
        Say an image-hosting API gives you a key and a secret for uploads. Put them in the
        page&apos;s JavaScript and anyone who opens the page can copy them, then upload, delete or
        use up your quota in your name. Minifying the code or reading them from build-time variables
        changes nothing: whatever the page uses, the visitor has.
      </p>
      <p>
        Keep the secret on a backend you run instead. The page talks to your backend with its own
        session; the backend calls the API, or hands the page a short-lived permission for just one
        upload. If the API offers sign-in for users with OAuth and public clients, use the
        authorization code flow with PKCE, as this page does: no secret is needed.
      </p>
      {run === undefined ? (
        <p>Signed in, this page says whether your sign-in needed a client secret.</p>
      ) : run.usedClientSecret ? (
        <YourRun>
          your sign-in used a client secret, because <code>{run.issuer}</code> demanded one. It sits
          in this tab&apos;s memory, where anyone with access to this page could read it: acceptable
          for a lab, not for an application.
        </YourRun>
      ) : (
        <YourRun>
          your sign-in used no client secret: <code>{run.clientId}</code> is a public client, which
          is how a browser application should be registered.
        </YourRun>
      )}
    </section>
  )
}

function OwnJwtSection(props: { run: Run | undefined }) {
  const { run } = props
  return (
    <section aria-labelledby="learn-own-jwt">
      <h3 id="learn-own-jwt">Why a JWT from your own backend cannot call Google</h3>
      <p>
        Google&apos;s APIs accept only access tokens that Google issued. They check every token
        against Google&apos;s own records and keys: the issuer must be Google and the token must
        have been granted for that API.
      </p>
      <p>
        A JWT your backend signs carries your issuer and your signature. Google has no reason to
        trust your key, so the signature proves nothing to it, and the audience names your API, not
        Google&apos;s. Its readable claims prove even less: anyone can write any claims into a JWT.
      </p>
      <p>
        To call Google for a user, get a Google access token through OAuth, with the user&apos;s
        consent (the code flow with PKCE, as this page does with the Google preset), and send that.
        Your own JWT can still be how your page talks to your backend.
      </p>
      <p>
        There is one case where you sign a JWT for Google: service accounts. A server signs a JWT
        with the service account&apos;s private key, which Google issued and knows, and exchanges it
        at Google&apos;s token endpoint for a Google access token (the JWT bearer grant,{' '}
        <SpecLink href="https://www.rfc-editor.org/rfc/rfc7523#section-2.1">RFC 7523 §2.1</SpecLink>
        ). It is for a server acting as itself, the private key must never reach a browser, and even
        then the API receives Google&apos;s access token, not your JWT.
      </p>
      {run === undefined ? (
        <p>Signed in, this page says who issued your access token.</p>
      ) : run.issuer.replace(/\/$/, '') === GOOGLE_ISSUER ? (
        <YourRun>
          your access token was issued by Google (<code>{run.issuer}</code>): that is the kind of
          token Google&apos;s APIs accept, within the scopes you granted.
        </YourRun>
      ) : (
        <YourRun>
          your access token was issued by <code>{run.issuer}</code>. Google&apos;s APIs would refuse
          it, however valid it is here: Google did not issue it.
        </YourRun>
      )}
    </section>
  )
}

/**
 * OAuth and JWT told apart with this tab's own run: which steps were the OAuth framework, which tokens
 * were JWTs, and two mistakes that come from mixing them up. Signed out, the same with placeholders.
 */
export default function JwtVsOauthPage() {
  const state = useSession()
  const run = state.status === 'signed-in' ? describeRun(state) : undefined
  return (
    <section aria-labelledby="learn-title">
      <h2 id="learn-title">JWT vs OAuth</h2>
      <p>
        OAuth is how an application gets permission to call an API for you; JWT is one way of
        writing a token down. They meet often and are easy to confuse.
      </p>
      {run === undefined ? (
        <p className="notice">
          You are not signed in, so the values from your own run are shown as placeholders.{' '}
          <Link to={paths.home}>Sign in on the start page</Link> and come back to see them.
        </p>
      ) : (
        <p className="notice">
          Told with your run: signed in at <code>{run.issuer}</code> as client{' '}
          <code>{run.clientId}</code>. Nothing here leaves this tab.
        </p>
      )}
      <OAuthSection run={run} />
      <JwtSection run={run} />
      <ClientCredentialsSection run={run} />
      <OwnJwtSection run={run} />
    </section>
  )
}
