/** Shows why a file could not be opened, with the line and column of each error. The design is untouched. */
import { DiagnosticList } from '../shell/DiagnosticList'
import type { Diagnostic } from '../../model/diagnostics'

export function FileErrorDialog({ fileName, errors, onClose }: { fileName: string; errors: readonly Diagnostic[]; onClose: () => void }) {
  return (
    <div className="modal-backdrop" onMouseDown={onClose}>
      <div className="dialog" role="alertdialog" aria-labelledby="file-error-title" data-testid="files.error" onMouseDown={(e) => e.stopPropagation()}>
        <h2 id="file-error-title">{fileName} could not be opened</h2>
        <p>Your current design was not changed.</p>
        <DiagnosticList items={errors} testId="files.error.item" />
        <div className="dialog-actions">
          <button type="button" className="button primary" autoFocus data-testid="files.error.close" onClick={onClose}>
            OK
          </button>
        </div>
      </div>
    </div>
  )
}
