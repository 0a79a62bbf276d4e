/**
 * The palette: drag an item onto the canvas, or click it (or press Enter on it) to add it next to the selection or
 * in the centre of the view.
 */
import { memo, useCallback, useState, type DragEvent } from 'react'
import { PALETTE_GROUPS, PALETTE_ITEMS, PALETTE_MIME, searchPalette, type PaletteItem } from './paletteItems'

export interface PaletteProps {
  /** Adds the item next to the selection, else at the centre of the visible canvas (click and keyboard). */
  onAdd: (item: PaletteItem) => void
}

export const Palette = memo(function Palette({ onAdd }: PaletteProps) {
  const [query, setQuery] = useState('')
  const items = query ? searchPalette(query) : PALETTE_ITEMS
  const onDragStart = useCallback((e: DragEvent<HTMLElement>, item: PaletteItem) => {
    e.dataTransfer.setData(PALETTE_MIME, item.id)
    e.dataTransfer.effectAllowed = 'copy'
  }, [])
  return (
    <aside className="palette" aria-label="Palette" data-testid="palette">
      <input
        className="palette-search"
        type="search"
        placeholder="Filter…"
        aria-label="Filter the palette"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        data-testid="palette.search"
      />
      {PALETTE_GROUPS.map((group) => {
        const inGroup = items.filter((i) => i.group === group)
        if (!inGroup.length) return null
        return (
          <section key={group} className="palette-group">
            <h3>{group}</h3>
            <ul>
              {inGroup.map((item) => (
                // The list item holds a real button: a <ul> may hold only <li>s, and a button is named, focusable
                // and announced as one without extra roles.
                <li key={item.id}>
                  <button
                    type="button"
                    className={`palette-item kind-${item.spec.kind}`}
                    draggable
                    title={`${item.description} Click to add, or drag onto the canvas.`}
                    data-testid={`palette.${item.id}`}
                    onDragStart={(e) => onDragStart(e, item)}
                    // A drag fires no click. The second click of a double-click (an old habit) adds nothing more;
                    // Enter and Space click the button with detail 0, so the keyboard adds through here too.
                    onClick={(e) => e.detail <= 1 && onAdd(item)}
                  >
                    {item.label}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )
      })}
    </aside>
  )
})
