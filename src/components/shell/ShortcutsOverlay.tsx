/** The `?` overlay: every command of the command table with its shortcuts, grouped. */
import { useEffect, useRef } from 'react'
import { COMMANDS } from '../../app/commands/commandTable'
import { formatShortcut } from '../../app/commands/shortcut'

const GROUPS = ['File', 'Edit', 'View', 'Help'] as const

export function ShortcutsOverlay({ onClose }: { onClose: () => void }) {
  const close = useRef<HTMLButtonElement>(null)
  useEffect(() => close.current?.focus(), [])
  return (
    <div className="modal-backdrop" onMouseDown={onClose}>
      <div
        className="dialog shortcuts"
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcuts-title"
        data-testid="shortcuts.dialog"
        onMouseDown={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'Escape' || e.key === '?') {
            e.preventDefault()
            onClose()
          }
        }}
      >
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <div className="shortcuts-grid">
          {GROUPS.map((g) => (
            <section key={g} aria-label={g}>
              <h3>{g}</h3>
              <table>
                <tbody>
                  {COMMANDS.filter((c) => c.group === g).map((c) => (
                    <tr key={c.id} data-testid={`shortcuts.${c.id}`}>
                      <th scope="row">{c.label}</th>
                      <td>{c.shortcuts?.length ? c.shortcuts.map((s) => <kbd key={s}>{formatShortcut(s)}</kbd>) : <span className="muted">—</span>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ))}
        </div>
        <div className="dialog-actions">
          <button ref={close} type="button" className="button" data-testid="shortcuts.close" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </div>
  )
}
