/**
 * A part that is collapsed to a one-line summary until opened (HTML <details>, so it works with the
 * keyboard and find-in-page without script), remembering whether it is open across re-renders and
 * page loads through the view preferences.
 */
import type { ReactNode } from 'react'

import { useOpenSection } from '../../lib/view-react'

export interface DisclosureProps {
  /** Stable kebab-case id under which the open state is remembered. */
  id: string
  /** The one line shown while collapsed (and as the toggle while open). */
  summary: ReactNode
  openByDefault?: boolean
  /** Open whatever was remembered, e.g. while it holds a field that must be filled in. */
  forceOpen?: boolean
  className?: string
  children: ReactNode
}

export function Disclosure({
  id,
  summary,
  openByDefault,
  forceOpen,
  className,
  children,
}: DisclosureProps) {
  const [remembered, setOpen] = useOpenSection(id, openByDefault)
  const open = remembered || forceOpen === true
  return (
    <details
      className={className === undefined ? 'disclosure' : `disclosure ${className}`}
      open={open}
      data-section={id}
      onToggle={(event) => {
        if (event.currentTarget.open !== open) setOpen(event.currentTarget.open)
      }}
    >
      <summary className="disclosure__summary">{summary}</summary>
      <div className="disclosure__body">{children}</div>
    </details>
  )
}
