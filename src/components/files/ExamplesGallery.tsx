/** The examples gallery: pick one of the example designs to open (Undo brings the design on screen back). */
import { useEffect, useRef } from 'react'
import { EXAMPLES, type Example } from './examples'

export function ExamplesGallery({ onPick, onClose }: { onPick: (id: Example['id']) => void; onClose: () => void }) {
  const first = useRef<HTMLButtonElement>(null)
  useEffect(() => first.current?.focus(), [])
  return (
    <div className="modal-backdrop" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <div className="dialog examples" role="dialog" aria-modal="true" aria-labelledby="examples-title" data-testid="examples.dialog" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
        <h2 id="examples-title">Open an example</h2>
        <p className="muted">Opening one replaces the design on screen; Undo (Ctrl/Cmd+Z) brings it back.</p>
        <ul className="examples-list">
          {EXAMPLES.map((x, i) => (
            <li key={x.id}>
              <button ref={i === 0 ? first : undefined} type="button" className="example-card" data-testid={`examples.${x.id}`} onClick={() => onPick(x.id)}>
                <strong>{x.title}</strong>
                <span className="muted">{x.description}</span>
              </button>
            </li>
          ))}
        </ul>
        <div className="dialog-actions">
          <button type="button" className="button" data-testid="examples.close" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </div>
  )
}
