/**
 * A claim or parameter name that may wrap only after "_", "." or "-" (given_/name, never
 * given_na/me): a narrow column breaks it where a reader would, and nowhere else.
 */
import { Fragment } from 'react'

export function BreakableName({ name }: { name: string }) {
  const parts = name.split(/(?<=[_.-])/)
  return (
    <code className="breakable-name">
      {parts.map((part, index) => (
        <Fragment key={index}>
          {index > 0 && <wbr />}
          {part}
        </Fragment>
      ))}
    </code>
  )
}
