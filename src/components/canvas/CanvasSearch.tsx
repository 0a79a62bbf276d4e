/**
 * The canvas search box: type a route key, an integration or a resource, Enter (or a click) selects the node and
 * zooms to it. Large designs are bigger than a readable screen; this is how people get to the part they want.
 */
import { useReactFlow } from '@xyflow/react'
import { useMemo, useRef, useState } from 'react'
import { NODE_HEIGHT, NODE_WIDTH } from '../../layout/columns'
import { positionOf } from '../../layout/positions'
import { useDesigner, useDesignerStoreApi } from '../../store/StoreProvider'
import { findNodes, type FoundNode } from './findNodes'

/** Zoom after a jump: at least 100 %, more if the person had zoomed in further. */
const JUMP_ZOOM = 1

export function CanvasSearch() {
  const store = useDesignerStoreApi()
  const design = useDesigner((s) => s.doc.design)
  const flow = useReactFlow()
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const [open, setOpen] = useState(false)
  const input = useRef<HTMLInputElement>(null)
  const results = useMemo(() => (open ? findNodes(design, query) : []), [design, query, open])
  const current = Math.min(active, Math.max(0, results.length - 1))

  const jump = (found: FoundNode) => {
    const state = store.getState()
    const p = positionOf(state.doc.layout, found.id)
    state.select([found.id])
    if (p) void flow.setCenter(p.x + NODE_WIDTH / 2, p.y + NODE_HEIGHT / 2, { zoom: Math.max(flow.getZoom(), JUMP_ZOOM), duration: 250 })
    setOpen(false)
  }

  return (
    <div className="canvas-search" role="search" onKeyDown={(e) => e.stopPropagation()}>
      <input
        ref={input}
        type="search"
        className="canvas-search-input nodrag"
        placeholder="Find on canvas…"
        aria-label="Find a route, integration or resource on the canvas"
        aria-expanded={open && results.length > 0}
        aria-controls="canvas-search-results"
        role="combobox"
        value={query}
        data-testid="canvas.search"
        onChange={(e) => {
          setQuery(e.target.value)
          setActive(0)
          setOpen(true)
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault()
            setActive((a) => Math.min(a + 1, results.length - 1))
          } else if (e.key === 'ArrowUp') {
            e.preventDefault()
            setActive((a) => Math.max(a - 1, 0))
          } else if (e.key === 'Enter') {
            e.preventDefault()
            if (results[current]) jump(results[current])
          } else if (e.key === 'Escape') {
            e.preventDefault()
            setQuery('')
            setOpen(false)
            input.current?.blur()
          }
        }}
      />
      {open && query.trim() && (
        <ul id="canvas-search-results" role="listbox" className="canvas-search-results" data-testid="canvas.search.results">
          {results.map((r, i) => (
            <li
              key={r.id}
              role="option"
              aria-selected={i === current}
              data-testid={`canvas.search.result.${r.id}`}
              // mousedown, not click: the input's blur would close the list first.
              onMouseDown={(e) => {
                e.preventDefault()
                jump(r)
              }}
              onMouseEnter={() => setActive(i)}
            >
              <bdi className="canvas-search-title">{r.title}</bdi>
              <span className="canvas-search-caption">{r.caption}</span>
            </li>
          ))}
          {!results.length && <li className="canvas-search-empty">Nothing on the canvas matches.</li>}
        </ul>
      )}
    </div>
  )
}
