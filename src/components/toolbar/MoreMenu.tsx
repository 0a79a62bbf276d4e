/**
 * The toolbar's More menu: the toolbar commands that did not fit on its one row (useToolbarOverflow), with the
 * same labels, tooltips, enabled state and test ids (`toolbar.<id>`) as their buttons, all from the command table.
 * Arrow keys move between items; Escape, Tab or a click elsewhere closes it.
 */
import { useEffect, useId, useRef, useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { isEnabled, labelOf, shortId, type Command } from '../../app/commands/commandTable'
import { useCommandContext } from '../../app/commands/CommandsProvider'
import { useDesigner } from '../../store/StoreProvider'
import { moveMenuFocus } from '../menuKeys'

export interface MoreMenuProps {
  commands: readonly Command[]
  titleOf(command: Command): string
}

function placeUnder(button: HTMLElement): { top: number; right: number } {
  const r = button.getBoundingClientRect()
  return { top: r.bottom + 4, right: Math.max(4, window.innerWidth - r.right) }
}

export function MoreMenu({ commands, titleOf }: MoreMenuProps) {
  const ctx = useCommandContext()
  // Where the menu opens: under the button, its right edge on the button's (the button sits at the row's end).
  // The menu is `position: fixed` because the one-row toolbar clips whatever overflows it.
  const [open, setOpen] = useState<{ top: number; right: number } | false>(false)
  const menuId = useId()
  const host = useRef<HTMLDivElement>(null)
  const button = useRef<HTMLButtonElement>(null)
  const states = useDesigner(useShallow((s) => commands.flatMap((c) => [labelOf(c, s), isEnabled(c, s)])))

  useEffect(() => {
    if (!open) return
    host.current?.querySelector<HTMLButtonElement>('[role="menuitem"]:not(:disabled)')?.focus()
    const outside = (e: MouseEvent) => {
      if (!host.current?.contains(e.target as Node)) setOpen(false)
    }
    document.addEventListener('mousedown', outside)
    return () => document.removeEventListener('mousedown', outside)
  }, [open])

  const close = (refocus: boolean) => {
    setOpen(false)
    if (refocus) button.current?.focus()
  }

  return (
    <div className="toolbar-more" ref={host}>
      <button
        ref={button}
        type="button"
        className="tool"
        data-testid="toolbar.more"
        aria-haspopup="menu"
        aria-expanded={open !== false}
        aria-controls={open ? menuId : undefined}
        title="More commands"
        onClick={(e) => setOpen(open ? false : placeUnder(e.currentTarget))}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && !open) {
            e.preventDefault()
            setOpen(placeUnder(e.currentTarget))
          }
        }}
      >
        More ▾
      </button>
      {open && (
        <div
          id={menuId}
          className="toolbar-more-menu"
          role="menu"
          aria-label="More commands"
          data-testid="toolbar.more.menu"
          style={open}
          onKeyDown={(e) => {
            if (e.key === 'Escape') close(true)
            else if (e.key === 'Tab') setOpen(false)
            else moveMenuFocus(e, '[role="menuitem"]:not(:disabled)')
          }}
        >
          {commands.map((c, i) => (
            <button
              key={c.id}
              type="button"
              role="menuitem"
              data-testid={`toolbar.${shortId(c)}`}
              title={titleOf(c)}
              disabled={!states[i * 2 + 1]}
              onClick={() => {
                close(true)
                c.run({ ...ctx, at: undefined })
              }}
            >
              {states[i * 2]}
            </button>
          ))}
        </div>
      )}
    </div>
  )
}
