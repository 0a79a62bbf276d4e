/** Export pane: CloudFormation YAML/JSON, CDK TypeScript, CDK Python; snippet or whole project; copy and download. */
import type { Diagnostic } from '../../model/diagnostics'
import type { DesignDocument } from '../../model/types'
import '../editor/panels.css'

export interface ExportPanelProps {
  document: DesignDocument
  diagnostics: Diagnostic[]
  routeId?: string
}

export function ExportPanel({ document, diagnostics }: ExportPanelProps) {
  const errors = diagnostics.filter((d) => d.severity === 'error')
  return (
    <div className="ss-panel" data-testid="export.panel">
      <div className="ss-panel-header">
        <span className="ss-panel-title">Export</span>
        <span className="ss-muted">
          {document.design.api.name} · {errors.length} error{errors.length === 1 ? '' : 's'}
        </span>
      </div>
      <div className="ss-warning-box" role="status">The export pane is being connected to the exporters.</div>
    </div>
  )
}

export default ExportPanel
