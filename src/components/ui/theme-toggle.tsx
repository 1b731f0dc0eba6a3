/** Light, dark, or as the system says: a preference the view store remembers, never a secret. */
import type { ReactNode } from 'react'

import { useTheme } from '../../lib/view-react'
import type { ThemeChoice } from '../../settings'
import { MoonIcon, SunIcon, SystemIcon } from './icons'

const CHOICES: readonly { theme: ThemeChoice; label: string; icon: ReactNode }[] = [
  { theme: 'system', label: 'System theme', icon: <SystemIcon /> },
  { theme: 'light', label: 'Light theme', icon: <SunIcon /> },
  { theme: 'dark', label: 'Dark theme', icon: <MoonIcon /> },
]

export function ThemeToggle() {
  const [theme, setTheme] = useTheme()
  return (
    <div className="theme-toggle" role="group" aria-label="Theme">
      {CHOICES.map((choice) => (
        <button
          key={choice.theme}
          type="button"
          className="theme-toggle__choice"
          aria-pressed={theme === choice.theme}
          title={choice.label}
          onClick={() => {
            setTheme(choice.theme)
          }}
        >
          {choice.icon}
          <span className="visually-hidden">{choice.label}</span>
        </button>
      ))}
    </div>
  )
}
