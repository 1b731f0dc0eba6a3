import { refusedParameterReason } from '../../settings'
import type { ExtraParam } from '../../settings'

/** Rows of extra authorization parameters (audience, resource, prompt, login_hint, …). */
export function ExtraParamsEditor(props: {
  params: readonly ExtraParam[]
  onChange: (params: ExtraParam[]) => void
}) {
  const { params, onChange } = props
  const update = (index: number, change: Partial<ExtraParam>) => {
    onChange(params.map((param, i) => (i === index ? { ...param, ...change } : param)))
  }
  return (
    <fieldset className="extra-params">
      <legend>Extra authorization parameters</legend>
      <p className="hint">
        Sent as they are in the authorization request, e.g. audience, resource, prompt, login_hint,
        access_type, acr_values, max_age. Rows with an empty value are not sent.
      </p>
      {params.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Value</th>
              <th scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {params.map((param, index) => {
              const refused = refusedParameterReason(param.name)
              const reasonId = `extra-param-${String(index)}-refused`
              return (
                <tr key={index}>
                  <td>
                    <input
                      aria-label={`Parameter ${index + 1} name`}
                      value={param.name}
                      spellCheck={false}
                      autoCapitalize="off"
                      aria-invalid={refused !== undefined}
                      aria-describedby={refused === undefined ? undefined : reasonId}
                      onChange={(event) => {
                        update(index, { name: event.target.value })
                      }}
                    />
                    {refused !== undefined && (
                      <p id={reasonId} className="hint">
                        Not sent: {refused}.
                      </p>
                    )}
                  </td>
                  <td>
                    <input
                      aria-label={`Parameter ${index + 1} value`}
                      value={param.value}
                      spellCheck={false}
                      autoCapitalize="off"
                      onChange={(event) => {
                        update(index, { value: event.target.value })
                      }}
                    />
                  </td>
                  <td>
                    <button
                      type="button"
                      aria-label={`Remove parameter ${index + 1}${param.name ? ` (${param.name})` : ''}`}
                      onClick={() => {
                        onChange(params.filter((_, i) => i !== index))
                      }}
                    >
                      Remove
                    </button>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
      <button
        type="button"
        onClick={() => {
          onChange([...params, { name: '', value: '' }])
        }}
      >
        Add parameter
      </button>
    </fieldset>
  )
}
