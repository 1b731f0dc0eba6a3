/**
 * What the most common registered claims mean, in one sentence each, with the section that defines them.
 * Data only: no decoding, no checking, and nothing here decides whether a claim is acceptable.
 */

export interface ClaimMeaning {
  /** One plain sentence for a learner. */
  text: string
  /** Human-readable name of the defining section, e.g. "RFC 7519 §4.1.4". */
  spec: string
  specUrl: string
}

const RFC_7519 = 'https://www.rfc-editor.org/rfc/rfc7519'
const RFC_9068 = 'https://www.rfc-editor.org/rfc/rfc9068'
const OIDC_CORE = 'https://openid.net/specs/openid-connect-core-1_0.html'

const entries: readonly (readonly [string, ClaimMeaning])[] = [
  [
    'iss',
    {
      text: 'Issuer: who made and signed this token.',
      spec: 'RFC 7519 §4.1.1',
      specUrl: `${RFC_7519}#section-4.1.1`,
    },
  ],
  [
    'sub',
    {
      text: 'Subject: the stable identifier of the user at this issuer. Use it (with iss) as the user key, not the email.',
      spec: 'RFC 7519 §4.1.2',
      specUrl: `${RFC_7519}#section-4.1.2`,
    },
  ],
  [
    'aud',
    {
      text: 'Audience: who the token is meant for. In an ID token it is your client_id; in an access token, the API.',
      spec: 'RFC 7519 §4.1.3',
      specUrl: `${RFC_7519}#section-4.1.3`,
    },
  ],
  [
    'exp',
    {
      text: 'Expiration time: the token must not be accepted after this moment.',
      spec: 'RFC 7519 §4.1.4',
      specUrl: `${RFC_7519}#section-4.1.4`,
    },
  ],
  [
    'nbf',
    {
      text: 'Not before: the token must not be accepted before this moment.',
      spec: 'RFC 7519 §4.1.5',
      specUrl: `${RFC_7519}#section-4.1.5`,
    },
  ],
  [
    'iat',
    {
      text: 'Issued at: when the issuer created the token.',
      spec: 'RFC 7519 §4.1.6',
      specUrl: `${RFC_7519}#section-4.1.6`,
    },
  ],
  [
    'jti',
    {
      text: 'JWT ID: a unique identifier for this token, which lets a receiver detect replays.',
      spec: 'RFC 7519 §4.1.7',
      specUrl: `${RFC_7519}#section-4.1.7`,
    },
  ],
  [
    'auth_time',
    {
      text: 'When the user last actually authenticated (typed a password, used a passkey), which can be long before iat.',
      spec: 'OpenID Connect Core §2',
      specUrl: `${OIDC_CORE}#IDToken`,
    },
  ],
  [
    'nonce',
    {
      text: 'The random value this browser sent in the authorization request, echoed back so the ID token cannot be replayed into another login.',
      spec: 'OpenID Connect Core §2',
      specUrl: `${OIDC_CORE}#IDToken`,
    },
  ],
  [
    'acr',
    {
      text: 'Authentication context class: how strong the login was, in values agreed with the provider.',
      spec: 'OpenID Connect Core §2',
      specUrl: `${OIDC_CORE}#IDToken`,
    },
  ],
  [
    'amr',
    {
      text: 'Authentication methods used, e.g. "pwd", "otp", "mfa".',
      spec: 'OpenID Connect Core §2',
      specUrl: `${OIDC_CORE}#IDToken`,
    },
  ],
  [
    'azp',
    {
      text: 'Authorized party: the client the token was issued to, required when aud lists more than one audience.',
      spec: 'OpenID Connect Core §2',
      specUrl: `${OIDC_CORE}#IDToken`,
    },
  ],
  [
    'at_hash',
    {
      text: 'Hash of the access token issued with this ID token. It binds the two, which matters in the implicit and hybrid flows.',
      spec: 'OpenID Connect Core §3.1.3.6',
      specUrl: `${OIDC_CORE}#CodeIDToken`,
    },
  ],
  [
    'sid',
    {
      text: "Session ID: the provider's identifier for this login session, used by logout notifications.",
      spec: 'OpenID Connect Front-Channel Logout 1.0 §3',
      specUrl: 'https://openid.net/specs/openid-connect-frontchannel-1_0.html',
    },
  ],
  [
    'name',
    {
      text: "The user's full name, for display. The user may be able to change it.",
      spec: 'OpenID Connect Core §5.1',
      specUrl: `${OIDC_CORE}#StandardClaims`,
    },
  ],
  [
    'email',
    {
      text: "The user's preferred email address. It is not unique and can change, so do not use it as the user key.",
      spec: 'OpenID Connect Core §5.1',
      specUrl: `${OIDC_CORE}#StandardClaims`,
    },
  ],
  [
    'email_verified',
    {
      text: 'Whether the provider checked that the user controls this email address.',
      spec: 'OpenID Connect Core §5.1',
      specUrl: `${OIDC_CORE}#StandardClaims`,
    },
  ],
  [
    'scope',
    {
      text: 'The scopes this access token grants, separated by spaces.',
      spec: 'RFC 9068 §2.2.3',
      specUrl: `${RFC_9068}#section-2.2.3`,
    },
  ],
  [
    'client_id',
    {
      text: 'The client the access token was issued to.',
      spec: 'RFC 9068 §2.2',
      specUrl: `${RFC_9068}#section-2.2`,
    },
  ],
]

/**
 * Registered claim name → meaning. A Map rather than an object, so a claim named "constructor" or
 * "__proto__" in a token finds nothing instead of a property inherited from Object.prototype.
 */
export const claimMeanings: ReadonlyMap<string, ClaimMeaning> = new Map(entries)
