/**
 * What the claims and header parameters a learner will meet mean, in a sentence each, with the section
 * that defines them. Data only: no decoding, no checking, and nothing here decides whether a value is acceptable.
 */

/** One claim a token payload may carry. */
export interface ClaimEntry {
  name: string
  /** One plain sentence (or two) for a learner. */
  meaning: string
  /** Human-readable name of the defining section, e.g. "RFC 7519 §4.1.4". */
  spec: string
  specUrl: string
  /** Says something about a person: anyone who holds the token can read it. */
  personalData?: boolean
  /** Holds a NumericDate (seconds since the epoch) when it holds a number. */
  kind?: 'time'
}

/** One parameter a JOSE header may carry. */
export interface HeaderParameterEntry {
  name: string
  meaning: string
  spec: string
  specUrl: string
  /**
   * Names or carries a key chosen by whoever made the token. Trusting it would let anyone sign a token
   * with their own key and point at it (RFC 8725 §3.10), so it proves nothing.
   */
  keyChosenByTokenMaker?: boolean
}

/** Shown for a claim that is not in the catalogue. */
export const UNREGISTERED_CLAIM = 'Not a registered claim: private to this provider or application.'

/** Shown next to jku, x5u, jwk and x5c. */
export const KEY_CHOSEN_BY_TOKEN_MAKER =
  'Names a key chosen by whoever made the token, so it proves nothing: anyone can sign a token with their own key and point here. PKCE Lab only uses the keys at the jwks_uri of the issuer you configured.'

const RFC_7515 = 'https://www.rfc-editor.org/rfc/rfc7515'
const RFC_7516 = 'https://www.rfc-editor.org/rfc/rfc7516'
const RFC_7519 = 'https://www.rfc-editor.org/rfc/rfc7519'
const RFC_7800 = 'https://www.rfc-editor.org/rfc/rfc7800'
const RFC_8693 = 'https://www.rfc-editor.org/rfc/rfc8693'
const RFC_9068 = 'https://www.rfc-editor.org/rfc/rfc9068'
const OIDC_CORE = 'https://openid.net/specs/openid-connect-core-1_0.html'
const OIDC_FRONT_CHANNEL = 'https://openid.net/specs/openid-connect-frontchannel-1_0.html'
const ENTRA_ID_TOKEN =
  'https://learn.microsoft.com/en-us/entra/identity-platform/id-token-claims-reference#payload-claims'
const ENTRA_ACCESS_TOKEN =
  'https://learn.microsoft.com/en-us/entra/identity-platform/access-token-claims-reference#payload-claims'
const GOOGLE_ID_TOKEN =
  'https://developers.google.com/identity/openid-connect/openid-connect#an-id-tokens-payload'
const KEYCLOAK_ADMIN = 'https://www.keycloak.org/docs/latest/server_admin/index.html'
const COGNITO_ID_TOKEN =
  'https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-id-token.html'

const STANDARD_CLAIM = { spec: 'OpenID Connect Core §5.1', specUrl: `${OIDC_CORE}#StandardClaims` }
const ID_TOKEN_CLAIM = { spec: 'OpenID Connect Core §2', specUrl: `${OIDC_CORE}#IDToken` }
const OUTSIDE_DELEGATION = {
  spec: 'RFC 9068 §2.2.3.1, RFC 7643 §4.1.2',
  specUrl: `${RFC_9068}#section-2.2.3.1`,
}

const claims: readonly ClaimEntry[] = [
  // RFC 7519 §4.1: the registered claim names.
  {
    name: 'iss',
    meaning: 'Issuer: who made and signed this token.',
    spec: 'RFC 7519 §4.1.1',
    specUrl: `${RFC_7519}#section-4.1.1`,
  },
  {
    name: 'sub',
    meaning:
      'Subject: the stable identifier of the user at this issuer. Use it (with iss) as the user key, not the email.',
    spec: 'RFC 7519 §4.1.2',
    specUrl: `${RFC_7519}#section-4.1.2`,
  },
  {
    name: 'aud',
    meaning:
      'Audience: who the token is meant for. In an ID token it is your client_id; in an access token, the API.',
    spec: 'RFC 7519 §4.1.3',
    specUrl: `${RFC_7519}#section-4.1.3`,
  },
  {
    name: 'exp',
    meaning: 'Expiration time: the token must not be accepted after this moment.',
    spec: 'RFC 7519 §4.1.4',
    specUrl: `${RFC_7519}#section-4.1.4`,
    kind: 'time',
  },
  {
    name: 'nbf',
    meaning: 'Not before: the token must not be accepted before this moment.',
    spec: 'RFC 7519 §4.1.5',
    specUrl: `${RFC_7519}#section-4.1.5`,
    kind: 'time',
  },
  {
    name: 'iat',
    meaning: 'Issued at: when the issuer created the token.',
    spec: 'RFC 7519 §4.1.6',
    specUrl: `${RFC_7519}#section-4.1.6`,
    kind: 'time',
  },
  {
    name: 'jti',
    meaning: 'JWT ID: a unique identifier for this token, which lets a receiver detect replays.',
    spec: 'RFC 7519 §4.1.7',
    specUrl: `${RFC_7519}#section-4.1.7`,
  },

  // OpenID Connect Core: what an ID token says about the login.
  {
    name: 'auth_time',
    meaning:
      'When the user last actually authenticated (typed a password, used a passkey), which can be long before iat.',
    ...ID_TOKEN_CLAIM,
    kind: 'time',
  },
  {
    name: 'nonce',
    meaning:
      'The random value this browser sent in the authorization request, echoed back so the ID token cannot be replayed into another login.',
    ...ID_TOKEN_CLAIM,
  },
  {
    name: 'acr',
    meaning:
      'Authentication context class: how strong the login was, in values agreed with the provider.',
    ...ID_TOKEN_CLAIM,
  },
  {
    name: 'amr',
    meaning: 'Authentication methods used, e.g. "pwd", "otp", "mfa".',
    ...ID_TOKEN_CLAIM,
  },
  {
    name: 'azp',
    meaning:
      'Authorized party: the client the token was issued to, required when aud lists more than one audience.',
    ...ID_TOKEN_CLAIM,
  },
  {
    name: 'at_hash',
    meaning:
      'Hash of the access token issued with this ID token. It binds the two, which matters in the implicit and hybrid flows.',
    spec: 'OpenID Connect Core §3.1.3.6',
    specUrl: `${OIDC_CORE}#CodeIDToken`,
  },
  {
    name: 'c_hash',
    meaning:
      'Hash of the authorization code issued with this ID token in the hybrid flow, so the code cannot be swapped for another.',
    spec: 'OpenID Connect Core §3.3.2.11',
    specUrl: `${OIDC_CORE}#HybridIDToken`,
  },
  {
    name: 'sid',
    meaning:
      "Session ID: the provider's identifier for this login session, used by logout notifications.",
    spec: 'OpenID Connect Front-Channel Logout 1.0 §3',
    specUrl: `${OIDC_FRONT_CHANNEL}#OPLogout`,
  },

  // OpenID Connect Core §5.1: the standard claims about the user.
  {
    name: 'name',
    meaning: "The user's full name, for display. The user may be able to change it.",
    ...STANDARD_CLAIM,
    personalData: true,
  },
  {
    name: 'given_name',
    meaning: "The user's given (first) name.",
    ...STANDARD_CLAIM,
    personalData: true,
  },
  {
    name: 'family_name',
    meaning: "The user's family name (surname).",
    ...STANDARD_CLAIM,
    personalData: true,
  },
  {
    name: 'middle_name',
    meaning: "The user's middle name or names.",
    ...STANDARD_CLAIM,
    personalData: true,
  },
  {
    name: 'nickname',
    meaning: 'A casual name the user goes by.',
    ...STANDARD_CLAIM,
    personalData: true,
  },
  {
    name: 'preferred_username',
    meaning:
      'The name the user likes to be called by, e.g. "jdoe". It is not unique and can change: never use it as the user key.',
    ...STANDARD_CLAIM,
    personalData: true,
  },
  {
    name: 'profile',
    meaning: "The address of the user's profile page.",
    ...STANDARD_CLAIM,
    personalData: true,
  },
  {
    name: 'picture',
    meaning: "The address of the user's profile picture.",
    ...STANDARD_CLAIM,
    personalData: true,
  },
  {
    name: 'website',
    meaning: "The address of the user's web page or blog.",
    ...STANDARD_CLAIM,
    personalData: true,
  },
  {
    name: 'email',
    meaning:
      "The user's preferred email address. It is not unique and can change, so do not use it as the user key.",
    ...STANDARD_CLAIM,
    personalData: true,
  },
  {
    name: 'email_verified',
    meaning: 'Whether the provider checked that the user controls this email address.',
    ...STANDARD_CLAIM,
  },
  {
    name: 'gender',
    meaning: "The user's gender, as the user gave it.",
    ...STANDARD_CLAIM,
    personalData: true,
  },
  {
    name: 'birthdate',
    meaning: 'The user\'s birthday as YYYY-MM-DD (or only the year, or "0000" for no year).',
    ...STANDARD_CLAIM,
    personalData: true,
  },
  {
    name: 'zoneinfo',
    meaning: 'The user\'s time zone, as a tz database name such as "Europe/Paris".',
    ...STANDARD_CLAIM,
  },
  {
    name: 'locale',
    meaning: 'The user\'s language and region, as a BCP 47 tag such as "en-NZ".',
    ...STANDARD_CLAIM,
  },
  {
    name: 'phone_number',
    meaning: "The user's preferred telephone number, ideally in E.164 form (+64 …).",
    ...STANDARD_CLAIM,
    personalData: true,
  },
  {
    name: 'phone_number_verified',
    meaning: 'Whether the provider checked that the user controls this phone number.',
    ...STANDARD_CLAIM,
  },
  {
    name: 'address',
    meaning:
      "The user's postal address, as a JSON object (street_address, locality, postal_code, country…).",
    spec: 'OpenID Connect Core §5.1.1',
    specUrl: `${OIDC_CORE}#AddressClaim`,
    personalData: true,
  },
  {
    name: 'updated_at',
    meaning: "When the user's profile information was last changed.",
    ...STANDARD_CLAIM,
    kind: 'time',
  },

  // RFC 9068 and RFC 8693: access tokens and token exchange.
  {
    name: 'client_id',
    meaning: 'The client the access token was issued to.',
    spec: 'RFC 9068 §2.2, RFC 8693 §4.3',
    specUrl: `${RFC_9068}#section-2.2`,
  },
  {
    name: 'scope',
    meaning: 'The scopes this access token grants, separated by spaces.',
    spec: 'RFC 9068 §2.2.3',
    specUrl: `${RFC_9068}#section-2.2.3`,
  },
  {
    name: 'act',
    meaning:
      'Actor: who is acting on behalf of the subject, after a token exchange (delegation). Nested act claims show the chain.',
    spec: 'RFC 8693 §4.1',
    specUrl: `${RFC_8693}#section-4.1`,
  },
  {
    name: 'may_act',
    meaning: 'Who is allowed to act on behalf of the subject in a later token exchange.',
    spec: 'RFC 8693 §4.4',
    specUrl: `${RFC_8693}#section-4.4`,
  },
  {
    name: 'cnf',
    meaning:
      'Confirmation: the key the holder must prove it has (e.g. a DPoP key thumbprint "jkt" or a certificate hash "x5t#S256"), so a stolen token is useless alone.',
    spec: 'RFC 7800 §3.1',
    specUrl: `${RFC_7800}#section-3.1`,
  },
  {
    name: 'groups',
    meaning: 'Groups the user belongs to, as the issuer names them.',
    ...OUTSIDE_DELEGATION,
  },
  {
    name: 'roles',
    meaning: "The user's roles, which an API may use to decide what the user may do.",
    ...OUTSIDE_DELEGATION,
  },
  {
    name: 'entitlements',
    meaning: 'Rights the user has been given, e.g. licences or features.',
    ...OUTSIDE_DELEGATION,
  },

  // Common provider claims.
  {
    name: 'tid',
    meaning:
      'Microsoft Entra: the tenant (directory) the user signed in from. 9188040d-6c67-4c5b-b112-36a304b66dad means a personal Microsoft account.',
    spec: 'Microsoft Entra ID token claims',
    specUrl: ENTRA_ID_TOKEN,
  },
  {
    name: 'oid',
    meaning:
      "Microsoft Entra: the user's object ID, the same for every application in the tenant (unlike sub, which differs per application).",
    spec: 'Microsoft Entra ID token claims',
    specUrl: ENTRA_ID_TOKEN,
  },
  {
    name: 'upn',
    meaning:
      "Microsoft Entra: the user principal name, usually the user's sign-in email. It can change: do not use it as the user key.",
    spec: 'Microsoft Entra ID token claims',
    specUrl: ENTRA_ID_TOKEN,
    personalData: true,
  },
  {
    name: 'ver',
    meaning: 'Microsoft Entra: the version of the token format, "1.0" or "2.0".',
    spec: 'Microsoft Entra ID token claims',
    specUrl: ENTRA_ID_TOKEN,
  },
  {
    name: 'idp',
    meaning:
      'Microsoft Entra: the identity provider that actually authenticated the user, when it is not the issuer (e.g. a guest from another tenant).',
    spec: 'Microsoft Entra ID token claims',
    specUrl: ENTRA_ID_TOKEN,
  },
  {
    name: 'scp',
    meaning:
      'Microsoft Entra: the scopes (delegated permissions) this access token grants, separated by spaces.',
    spec: 'Microsoft Entra access token claims',
    specUrl: ENTRA_ACCESS_TOKEN,
  },
  {
    name: 'wids',
    meaning:
      'Microsoft Entra: the directory-wide roles (such as Global Administrator) assigned to the user, as role template IDs.',
    spec: 'Microsoft Entra access token claims',
    specUrl: ENTRA_ACCESS_TOKEN,
  },
  {
    name: 'hd',
    meaning:
      'Google: the Google Workspace domain of the account. Check it (not the email domain) to allow only your organisation.',
    spec: "Google: an ID token's payload",
    specUrl: GOOGLE_ID_TOKEN,
  },
  {
    name: 'realm_access',
    meaning: 'Keycloak: the realm roles granted to the user, as {"roles": [...]}.',
    spec: 'Keycloak Server Administration Guide',
    specUrl: KEYCLOAK_ADMIN,
  },
  {
    name: 'resource_access',
    meaning:
      'Keycloak: the client roles granted to the user, per client, as {"client-id": {"roles": [...]}}.',
    spec: 'Keycloak Server Administration Guide',
    specUrl: KEYCLOAK_ADMIN,
  },
  {
    name: 'typ',
    meaning:
      'Keycloak: which kind of token this is ("ID", "Bearer", "Refresh"). The registered place for a type is the header, not the payload.',
    spec: 'Keycloak Server Administration Guide',
    specUrl: KEYCLOAK_ADMIN,
  },
  {
    name: 'permissions',
    meaning:
      'Auth0: the API permissions granted to the user through role-based access control, when the API enables it.',
    spec: 'Auth0: role-based access control for APIs',
    specUrl: 'https://auth0.com/docs/get-started/apis/enable-role-based-access-control-for-apis',
  },
  {
    name: 'org_id',
    meaning:
      'Auth0: the organisation the user signed in through. Check it when your application serves several organisations.',
    spec: 'Auth0: organisations in tokens',
    specUrl: 'https://auth0.com/docs/manage-users/organizations/using-tokens',
  },
  {
    name: 'token_use',
    meaning: 'Amazon Cognito: whether this is an "id" or an "access" token.',
    spec: 'Amazon Cognito ID token',
    specUrl: COGNITO_ID_TOKEN,
  },
  {
    name: 'cognito:groups',
    meaning: 'Amazon Cognito: the user pool groups the user belongs to.',
    spec: 'Amazon Cognito ID token',
    specUrl: COGNITO_ID_TOKEN,
  },
  {
    name: 'cognito:username',
    meaning: "Amazon Cognito: the user's user name in the user pool.",
    spec: 'Amazon Cognito ID token',
    specUrl: COGNITO_ID_TOKEN,
    personalData: true,
  },
]

const headerParameters: readonly HeaderParameterEntry[] = [
  {
    name: 'alg',
    meaning:
      'The algorithm the signature was made with, e.g. RS256. A verifier must pin the algorithms it accepts instead of believing this.',
    spec: 'RFC 7515 §4.1.1',
    specUrl: `${RFC_7515}#section-4.1.1`,
  },
  {
    name: 'jku',
    meaning: 'A URL of a JWK Set holding the signing key.',
    spec: 'RFC 7515 §4.1.2',
    specUrl: `${RFC_7515}#section-4.1.2`,
    keyChosenByTokenMaker: true,
  },
  {
    name: 'jwk',
    meaning: 'The public key itself, embedded in the header.',
    spec: 'RFC 7515 §4.1.3',
    specUrl: `${RFC_7515}#section-4.1.3`,
    keyChosenByTokenMaker: true,
  },
  {
    name: 'kid',
    meaning:
      "Key ID: which of the issuer's published keys signed this token, so a verifier can pick it from the JWK Set.",
    spec: 'RFC 7515 §4.1.4',
    specUrl: `${RFC_7515}#section-4.1.4`,
  },
  {
    name: 'x5u',
    meaning: 'A URL of the X.509 certificate chain holding the signing key.',
    spec: 'RFC 7515 §4.1.5',
    specUrl: `${RFC_7515}#section-4.1.5`,
    keyChosenByTokenMaker: true,
  },
  {
    name: 'x5c',
    meaning: 'The X.509 certificate chain itself, embedded in the header.',
    spec: 'RFC 7515 §4.1.6',
    specUrl: `${RFC_7515}#section-4.1.6`,
    keyChosenByTokenMaker: true,
  },
  {
    name: 'x5t',
    meaning: 'SHA-1 thumbprint of the certificate holding the signing key, a hint like kid.',
    spec: 'RFC 7515 §4.1.7',
    specUrl: `${RFC_7515}#section-4.1.7`,
  },
  {
    name: 'x5t#S256',
    meaning: 'SHA-256 thumbprint of the certificate holding the signing key, a hint like kid.',
    spec: 'RFC 7515 §4.1.8',
    specUrl: `${RFC_7515}#section-4.1.8`,
  },
  {
    name: 'typ',
    meaning:
      'The media type of the whole token, e.g. "JWT", or "at+jwt" for an access token (RFC 9068), so one kind of token cannot pass for another.',
    spec: 'RFC 7515 §4.1.9',
    specUrl: `${RFC_7515}#section-4.1.9`,
  },
  {
    name: 'cty',
    meaning: 'Content type of the payload; "JWT" when the payload is itself a nested JWT.',
    spec: 'RFC 7515 §4.1.10',
    specUrl: `${RFC_7515}#section-4.1.10`,
  },
  {
    name: 'crit',
    meaning:
      'Header parameters the receiver must understand: a receiver that does not know one of them must reject the token.',
    spec: 'RFC 7515 §4.1.11',
    specUrl: `${RFC_7515}#section-4.1.11`,
  },
  {
    name: 'enc',
    meaning: 'In a JWE: the algorithm that encrypted the content, e.g. A256GCM.',
    spec: 'RFC 7516 §4.1.2',
    specUrl: `${RFC_7516}#section-4.1.2`,
  },
  {
    name: 'zip',
    meaning: 'In a JWE: the compression applied before encryption ("DEF" for DEFLATE).',
    spec: 'RFC 7516 §4.1.3',
    specUrl: `${RFC_7516}#section-4.1.3`,
  },
]

/** Every claim in the catalogue, in reading order (RFC 7519, OpenID Connect, RFC 9068/8693, providers). */
export const claimCatalog: readonly ClaimEntry[] = claims

/** Every header parameter in the catalogue. */
export const headerParameterCatalog: readonly HeaderParameterEntry[] = headerParameters

// Maps rather than objects, so a claim named "constructor" or "__proto__" in a token finds nothing
// instead of a property inherited from Object.prototype.
const claimsByName: ReadonlyMap<string, ClaimEntry> = new Map(
  claims.map((entry) => [entry.name, entry]),
)
const headerParametersByName: ReadonlyMap<string, HeaderParameterEntry> = new Map(
  headerParameters.map((entry) => [entry.name, entry]),
)

/**
 * The catalogue entry for a payload claim, or undefined for a name that is not registered.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7519#section-4.1
 * @see https://openid.net/specs/openid-connect-core-1_0.html#StandardClaims
 */
export function lookUpClaim(name: string): ClaimEntry | undefined {
  return claimsByName.get(name)
}

/**
 * The catalogue entry for a JOSE header parameter, or undefined for one that is not registered.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7515#section-4.1
 */
export function lookUpHeaderParameter(name: string): HeaderParameterEntry | undefined {
  return headerParametersByName.get(name)
}
