/**
 * Provider presets: the fields each provider needs and the quirks that bite there, as short notes the
 * settings form shows where they matter. Sources for every note: shared/research/providers.md.
 */
import { GOOGLE_LIKE_ISSUER, LOCAL_ISSUER } from '../config/env'

export type PresetId =
  'local' | 'local-google' | 'google' | 'entra' | 'auth0' | 'okta' | 'keycloak' | 'custom'

export interface Preset {
  id: PresetId
  label: string
  issuer: string
  /** Shown in the issuer field while it is empty, or when the preset's issuer has a placeholder. */
  issuerHint?: string
  clientId: string
  clientIdHint?: string
  scope: string
  extraParams: readonly (readonly [string, string])[]
  /** True when the provider demands a client secret at the token endpoint even with PKCE. */
  needsClientSecret: boolean
  /** A secret that is public by design (the bundled Google-shaped provider's), filled in on request. */
  publicClientSecret?: string
  notes: readonly string[]
}

export const PRESETS: readonly Preset[] = [
  {
    id: 'local',
    label: 'Local provider',
    issuer: LOCAL_ISSUER,
    clientId: 'pkce-lab',
    scope: 'openid profile email offline_access',
    extraParams: [['prompt', 'consent']],
    needsClientSecret: false,
    notes: [
      'The bundled node-oidc-provider that npm start runs on 127.0.0.1. Any username and password signs in.',
      'A refresh token needs the scope offline_access, and offline_access needs prompt=consent: OpenID Connect Core §11 (Offline Access) has the provider ask the user before granting lasting access, so the consent screen asks for it.',
      'Access tokens are opaque. Add the extra parameter resource=urn:pkce-lab:api and the scope api:read for a JWT access token.',
    ],
  },
  {
    id: 'local-google',
    label: 'Local provider, Google-shaped',
    issuer: GOOGLE_LIKE_ISSUER,
    clientId: 'pkce-lab-google',
    scope: 'openid email profile',
    extraParams: [
      ['access_type', 'offline'],
      ['prompt', 'consent'],
    ],
    needsClientSecret: true,
    publicClientSecret: 'GOCSPX-local-provider-not-a-secret',
    notes: [
      "A second local provider that behaves like Google, so Google's quirks can be tried without a Google account. Its client secret is GOCSPX-local-provider-not-a-secret.",
      'It demands the client secret at the token endpoint even with PKCE, gives opaque access tokens, issues a refresh token only with access_type=offline and prompt=consent, and has no end-session endpoint.',
    ],
  },
  {
    id: 'google',
    label: 'Google',
    issuer: 'https://accounts.google.com',
    clientId: '',
    clientIdHint: '1234567890-abc.apps.googleusercontent.com',
    scope: 'openid email profile',
    extraParams: [
      ['access_type', 'offline'],
      ['prompt', 'consent'],
    ],
    needsClientSecret: true,
    notes: [
      'Create a "Web application" OAuth client. Add this page\'s origin under Authorized JavaScript origins and the redirect URI below under Authorized redirect URIs, byte for byte, or Google answers redirect_uri_mismatch.',
      'Google demands the client secret at the token endpoint even with PKCE ("client_secret is missing."). Anything typed into a browser app is not secret: anyone who can open this page can read it. PKCE Lab keeps it in memory only and asks for it again after the redirect.',
      'A refresh token comes only with access_type=offline and prompt=consent, and Google does not rotate it.',
      'Access tokens are opaque (ya29.…): only Google can read them. The ID token is an RS256 JWT.',
      'Google has no end-session endpoint: signing out here cannot end your Google session.',
    ],
  },
  {
    id: 'entra',
    label: 'Microsoft Entra ID',
    issuer: 'https://login.microsoftonline.com/{tenant-id}/v2.0',
    issuerHint: 'Replace {tenant-id} with your directory (tenant) ID',
    clientId: '',
    clientIdHint: 'Application (client) ID',
    scope: 'openid profile email offline_access',
    extraParams: [],
    needsClientSecret: false,
    notes: [
      'Register the redirect URI under the "Single-page application" platform. Under "Web" the token request fails with AADSTS9002326.',
      'Use your tenant ID in the issuer: /common and /organizations publish a templated issuer ({tenantid}) that no strict issuer check can match.',
      'offline_access is needed for a refresh token; refresh tokens of single-page apps expire after 24 hours, whatever you do (AADSTS700084).',
      'Access tokens for Microsoft Graph must be treated as opaque even when they look like JWTs.',
    ],
  },
  {
    id: 'auth0',
    label: 'Auth0',
    issuer: 'https://{your-tenant}.auth0.com/',
    issuerHint: 'Your Auth0 domain, with the trailing slash',
    clientId: '',
    scope: 'openid profile email offline_access',
    extraParams: [['audience', '']],
    needsClientSecret: false,
    notes: [
      'Use a "Single Page Application" with Token Endpoint Authentication Method "None"; otherwise /oauth/token answers access_denied: Unauthorized.',
      "Add the redirect URI to Allowed Callback URLs and this page's origin to Allowed Web Origins.",
      'The access token is a JWT only when you send the audience of an API registered in Auth0; without one it is opaque.',
      'A refresh token needs Refresh Token Rotation on the application and offline_access.',
      'The issuer ends with a slash: it must match the metadata exactly.',
    ],
  },
  {
    id: 'okta',
    label: 'Okta',
    issuer: 'https://{your-okta-domain}/oauth2/default',
    clientId: '',
    scope: 'openid profile email offline_access',
    extraParams: [],
    needsClientSecret: false,
    notes: [
      'Create a "Single-Page Application" app (PKCE, no client secret); a "Web" app answers invalid_client.',
      "Add this page's origin under Security › API › Trusted Origins (CORS), exactly and without a trailing slash.",
      'Enable the Refresh Token grant for a refresh token; Okta rotates it for single-page apps.',
      "Okta's logout demands id_token_hint. This app never puts the ID token in a URL, so signing out here revokes the tokens but Okta keeps its own session.",
    ],
  },
  {
    id: 'keycloak',
    label: 'Keycloak',
    issuer: 'https://{host}/realms/{realm}',
    clientId: '',
    scope: 'openid profile email',
    extraParams: [],
    needsClientSecret: false,
    notes: [
      'Turn Client authentication off (a public client) and require PKCE S256.',
      'Set Web Origins to + (the origins of the valid redirect URIs) or to this origin, or the token request fails on CORS.',
      'Since Keycloak 18, logout needs post_logout_redirect_uri with client_id or id_token_hint; this app sends client_id (it never puts the ID token in a URL). Register this page as a valid post-logout redirect URI.',
    ],
  },
  {
    id: 'custom',
    label: 'Custom',
    issuer: '',
    issuerHint: 'https://your-provider.example',
    clientId: '',
    scope: 'openid profile email',
    extraParams: [],
    needsClientSecret: false,
    notes: [
      'Any OpenID provider with discovery. Register the redirect URI below, and use a public client (no secret) if the provider allows it.',
      'Allow this origin for CORS on every endpoint the browser calls: discovery (/.well-known/openid-configuration), the keys (jwks_uri), the token endpoint, userinfo and revocation. The authorization and end-session endpoints are visited, not called, and need no CORS.',
    ],
  },
]

/** A preset whose issuer is one provider's own (Google's, the local ones'), not a template to fill. */
export function hasFixedIssuer(preset: Preset): boolean {
  return preset.issuer !== '' && !preset.issuer.includes('{')
}

export function presetById(id: string): Preset | undefined {
  return PRESETS.find((preset) => preset.id === id)
}

function requirePreset(id: PresetId): Preset {
  const preset = presetById(id)
  if (!preset) throw new Error(`No preset "${id}"`)
  return preset
}

export const DEFAULT_PRESET: Preset = requirePreset('local')
export const CUSTOM_PRESET: Preset = requirePreset('custom')
