/**
 * The canvas' right-click menu: the commands the one command table (src/app/commands) offers for nodes, edges or
 * the empty canvas, with their shortcuts and enabled state. A right-click on something unselected selects it
 * first, so the menu acts on what was clicked.
 */
import { useEffect, useRef } from 'react'
import { commandsFor, isEnabled, labelOf, shortId, type CommandContext, type CommandPlace } from '../../app/commands/commandTable'
import { useDesigner } from '../../store/StoreProvider'
import { moveMenuFocus } from '../menuKeys'

export interface ContextMenuState {
  place: CommandPlace
  /** Screen position of the click (the menu's corner), relative to the canvas element. */
  left: number
  top: number
  /** Flow position of the click ("Add here", "Paste here"). */
  at: { x: number; y: number }
}

export function ContextMenu({ menu, context, onClose }: { menu: ContextMenuState; context: CommandContext; onClose: () => void }) {
  const state = useDesigner((s) => s)
  const first = useRef<HTMLButtonElement>(null)
  useEffect(() => first.current?.focus(), [])
  const commands = commandsFor(menu.place)
  return (
    <div className="canvas-context-backdrop" onMouseDown={onClose} onContextMenu={(e) => (e.preventDefault(), onClose())}>
      <div
        className="canvas-context-menu"
        role="menu"
        aria-label="Canvas actions"
        data-testid={`canvas.context-menu.${menu.place}`}
        style={{ left: menu.left, top: menu.top }}
        onMouseDown={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onClose()
          else moveMenuFocus(e)
        }}
      >
        {commands.map((c, i) => (
          <button
            key={c.id}
            ref={i === 0 ? first : undefined}
            type="button"
            role="menuitem"
            disabled={!isEnabled(c, state)}
            data-testid={`canvas.context-menu.item.${shortId(c)}`}
            onClick={() => {
              onClose()
              c.run({ ...context, at: menu.at })
            }}
          >
            <span>{labelOf(c, state)}</span>
            {c.shortcuts?.[0] && <kbd>{c.shortcuts[0]}</kbd>}
          </button>
        ))}
      </div>
    </div>
  )
}
