/**
 * Shown over an empty canvas (after New): how to begin. It lets every pointer event through to the canvas
 * except on its own buttons, so dropping a palette item where it sits still works.
 */
import { memo } from 'react'
import { runCommand } from '../../app/commands/commandTable'
import { useCommandContext } from '../../app/commands/CommandsProvider'
import { useDesigner } from '../../store/StoreProvider'

export const EmptyCanvasHint = memo(function EmptyCanvasHint() {
  const empty = useDesigner((s) => Object.keys(s.doc.design.routes).length === 0 && Object.keys(s.doc.design.integrations).length === 0 && Object.keys(s.doc.design.resources).length === 0)
  const ctx = useCommandContext()
  if (!empty) return null
  return (
    <div className="empty-hint" data-testid="canvas.empty-hint">
      <h2>An empty design</h2>
      <p>Drag a route such as <strong>$connect</strong> from the palette onto the canvas, or press Ctrl/Cmd+K to add anything by name. Then drag from its right handle to an integration.</p>
      <div className="empty-hint-actions">
        <button type="button" className="button primary" data-testid="canvas.empty-hint.examples" onClick={() => runCommand('file.examples', ctx)}>
          Open an example
        </button>
        <button type="button" className="button" data-testid="canvas.empty-hint.import" onClick={() => runCommand('file.import', ctx)}>
          Import a template
        </button>
      </div>
    </div>
  )
})
