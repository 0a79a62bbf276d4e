import type { Diagnostic } from '../../model/diagnostics'

/** A list of located diagnostics ("line 3, column 7: message (CODE)") for file and import dialogs. */
export function DiagnosticList({ items, testId }: { items: readonly Diagnostic[]; testId: string }) {
  return (
    <ul className="file-errors">
      {items.map((d, i) => (
        <li key={i} data-testid={`${testId}.${i}`}>
          {d.range ? (
            <span className="location">
              line {d.range.line}, column {d.range.column}:{' '}
            </span>
          ) : null}
          {d.message} <span className="code">({d.code})</span>
        </li>
      ))}
    </ul>
  )
}
