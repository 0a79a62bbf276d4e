/**
 * The keyboard alternative to dragging: a searchable list of everything the palette holds (Ctrl/Cmd+K). A
 * connection dropped on empty canvas opens it with only what may connect there (`among`), under a caption. It is the
 * ARIA combobox pattern: focus stays in the search box, the arrow keys move the active option
 * (aria-activedescendant), and the active option is scrolled into view.
 */
import { useEffect, useId, useRef, useState } from 'react'
import { PALETTE_ITEMS, searchPalette, type PaletteItem } from './paletteItems'

export interface AddMenuProps {
  onPick: (item: PaletteItem) => void
  onClose: () => void
  /** The items to offer; the whole palette by default. */
  among?: readonly PaletteItem[]
  /** Says why the list is narrowed ("Connect from $connect"). */
  caption?: string
  /** Opens at this window point (where a connection was dropped) instead of the top centre. */
  anchor?: { x: number; y: number }
}

const ANCHORED_WIDTH = 380
const ANCHORED_HEIGHT = 360

export function AddMenu({ onPick, onClose, among = PALETTE_ITEMS, caption, anchor }: AddMenuProps) {
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const input = useRef<HTMLInputElement>(null)
  const list = useRef<HTMLUListElement>(null)
  const listId = useId()
  const items = searchPalette(query, among)
  useEffect(() => input.current?.focus(), [])
  const current = Math.min(active, Math.max(0, items.length - 1))
  const optionId = (i: number) => `${listId}-option-${i}`
  // Only a keyboard move scrolls: an option under the mouse is already in view.
  const byKeyboard = useRef(false)
  useEffect(() => {
    if (!byKeyboard.current) return
    byKeyboard.current = false
    list.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' })
  }, [current])
  // Kept inside the window: a drop near the right or bottom edge opens the menu up or to the left of it.
  const place = anchor && {
    left: Math.max(8, Math.min(anchor.x, innerWidth - ANCHORED_WIDTH - 8)),
    top: Math.max(8, Math.min(anchor.y, innerHeight - ANCHORED_HEIGHT - 8)),
    width: ANCHORED_WIDTH,
  }
  return (
    <div className={anchor ? 'modal-backdrop anchored' : 'modal-backdrop'} onMouseDown={onClose}>
      <div className="add-menu" style={place} role="dialog" aria-label="Add to the design" data-testid="add-menu" onMouseDown={(e) => e.stopPropagation()}>
        {caption && (
          <p className="add-menu-caption" data-testid="add-menu.caption">
            {caption}
          </p>
        )}
        <input
          ref={input}
          className="add-menu-input"
          placeholder="Add… (type to search, ↑↓ to choose, Enter to add)"
          aria-label="Search what to add"
          role="combobox"
          aria-expanded="true"
          aria-autocomplete="list"
          aria-controls={listId}
          aria-activedescendant={items[current] ? optionId(current) : undefined}
          value={query}
          data-testid="add-menu.search"
          onChange={(e) => {
            setQuery(e.target.value)
            setActive(0)
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault()
              byKeyboard.current = true
              setActive((a) => Math.min(a + 1, items.length - 1))
            } else if (e.key === 'ArrowUp') {
              e.preventDefault()
              byKeyboard.current = true
              setActive((a) => Math.max(a - 1, 0))
            } else if (e.key === 'Enter') {
              e.preventDefault()
              if (items[current]) onPick(items[current])
            } else if (e.key === 'Escape') {
              e.preventDefault()
              onClose()
            }
          }}
        />
        <ul ref={list} id={listId} role="listbox" aria-label="What to add" className="add-menu-list">
          {items.map((item, i) => (
            <li
              key={item.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === current}
              data-testid={`add-menu.${item.id}`}
              onMouseEnter={() => setActive(i)}
              onClick={() => onPick(item)}
            >
              <span className="add-menu-label">{item.label}</span>
              <span className="add-menu-group">{item.group}</span>
              <span className="add-menu-desc">{item.description}</span>
            </li>
          ))}
          {!items.length && <li className="add-menu-empty" role="option" aria-selected="false" aria-disabled="true">Nothing matches “{query}”.</li>}
        </ul>
      </div>
    </div>
  )
}
