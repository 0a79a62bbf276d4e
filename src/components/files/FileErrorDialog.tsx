/** Shows why a file could not be opened, with the line and column of each error. The design is untouched. */
import type { Diagnostic } from '../../model/diagnostics'

export function FileErrorDialog({ fileName, errors, onClose }: { fileName: string; errors: readonly Diagnostic[]; onClose: () => void }) {
  return (
    <div className="modal-backdrop" onMouseDown={onClose}>
      <div className="dialog" role="alertdialog" aria-labelledby="file-error-title" data-testid="files.error" onMouseDown={(e) => e.stopPropagation()}>
        <h2 id="file-error-title">{fileName} could not be opened</h2>
        <p>Your current design was not changed.</p>
        <ul className="file-errors">
          {errors.map((d, i) => (
            <li key={i} data-testid={`files.error.item.${i}`}>
              {d.range ? (
                <span className="location">
                  line {d.range.line}, column {d.range.column}:{' '}
                </span>
              ) : null}
              {d.message} <span className="code">({d.code})</span>
            </li>
          ))}
        </ul>
        <div className="dialog-actions">
          <button type="button" className="button primary" autoFocus data-testid="files.error.close" onClick={onClose}>
            OK
          </button>
        </div>
      </div>
    </div>
  )
}
