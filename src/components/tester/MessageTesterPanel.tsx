/** Try a message against the design: route selection, template selection and the rendered integration request. */
import type { Design } from '../../model/types'
import '../editor/panels.css'

export interface MessageTesterPanelProps {
  design: Design
  routeId?: string
}

export function MessageTesterPanel({ design, routeId }: MessageTesterPanelProps) {
  return (
    <div className="ss-panel" data-testid="tester.panel">
      <div className="ss-panel-header">
        <span className="ss-panel-title">Message tester</span>
        <span className="ss-muted">
          {design.api.name} · route selection {design.api.routeSelectionExpression}
          {routeId ? ` · selected route ${design.routes[routeId]?.key ?? routeId}` : ''}
        </span>
      </div>
      <div className="ss-warning-box" role="status">The message tester is being connected to the VTL engine.</div>
    </div>
  )
}

export default MessageTesterPanel
