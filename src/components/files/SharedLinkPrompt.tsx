/** A share link pasted into the address bar of an open tab: ask before it replaces the design on screen. */
import { useEffect, useRef } from 'react'

export function SharedLinkPrompt({ onOpen, onKeep }: { onOpen: () => void; onKeep: () => void }) {
  const open = useRef<HTMLButtonElement>(null)
  useEffect(() => open.current?.focus(), [])
  return (
    <div className="modal-backdrop">
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="shared-title" data-testid="shared-link.dialog" onKeyDown={(e) => e.key === 'Escape' && onKeep()}>
        <h2 id="shared-title">Open the shared design?</h2>
        <p>The link holds a design. Opening it replaces the one on screen; Undo (Ctrl/Cmd+Z) brings yours back.</p>
        <div className="dialog-actions">
          <button ref={open} type="button" className="button primary" data-testid="shared-link.open" onClick={onOpen}>
            Open the shared design
          </button>
          <button type="button" className="button" data-testid="shared-link.keep" onClick={onKeep}>
            Keep my design
          </button>
        </div>
      </div>
    </div>
  )
}
