import type { Account, AccountClaims, KoaContext } from 'oidc-provider'

// Scope-to-claims map (OIDC Core §5.4). The provider releases a claim only when its scope was
// granted, so these lists decide what the ID token and UserInfo response can contain.
export const claimsByScope: Record<string, string[]> = {
  openid: ['sub'],
  profile: ['name', 'given_name', 'family_name', 'preferred_username'],
  email: ['email', 'email_verified'],
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1)
}

// devInteractions accept any login, and that login becomes the account id, so every account
// "exists": its claims are derived from the login the user typed.
export function claimsFor(login: string): AccountClaims {
  const givenName = capitalise(login)
  return {
    sub: login,
    name: `${givenName} Example`,
    given_name: givenName,
    family_name: 'Example',
    preferred_username: login,
    // A login that already is an address stays one; otherwise the reserved .test TLD (RFC 2606)
    // guarantees the address never reaches a real mailbox.
    email: login.includes('@') ? login : `${login}@example.test`,
    email_verified: true,
  }
}

export function findAccount(_ctx: KoaContext, sub: string): Promise<Account> {
  return Promise.resolve({ accountId: sub, claims: () => claimsFor(sub) })
}
