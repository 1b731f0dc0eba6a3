/**
 * One choice among a few, as radio buttons in a fieldset whose legend names the question: the
 * options are words, never markup.
 */
export interface ChoiceGroupProps<T extends string> {
  legend: string
  /** The radio group's name, unique on the page (useId). */
  name: string
  options: readonly { value: T; label: string }[]
  value: T
  onChange: (value: T) => void
  className?: string
}

export function ChoiceGroup<T extends string>(props: ChoiceGroupProps<T>) {
  const { legend, name, options, value, onChange, className } = props
  return (
    <fieldset className={className}>
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option.value}>
          <input
            type="radio"
            name={name}
            value={option.value}
            checked={value === option.value}
            onChange={() => {
              onChange(option.value)
            }}
          />{' '}
          {option.label}
        </label>
      ))}
    </fieldset>
  )
}
