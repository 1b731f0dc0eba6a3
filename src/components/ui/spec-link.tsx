import type { ReactNode } from 'react'

export interface SpecLinkProps {
  href: string
  children: ReactNode
}

/**
 * A link to a specification section. It opens in a new tab because leaving this page would throw
 * away the tokens, which live only in this tab's memory.
 */
export function SpecLink({ href, children }: SpecLinkProps) {
  return (
    <a href={href} target="_blank" rel="noreferrer">
      {children}
      <span className="visually-hidden"> (opens in a new tab)</span>
    </a>
  )
}
