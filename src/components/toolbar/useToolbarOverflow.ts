/**
 * Which toolbar commands move into the More menu so the toolbar stays on one row: as few as possible, in the
 * command table's `overflowRank` order. The toolbar does not wrap, so a row that is too long shows as
 * `scrollWidth > clientWidth`; the layout effect moves one more command out and measures again, before the browser
 * paints. A new width or a changed label (Theme: dark, Laying out…) starts again from all in place.
 */
import { useLayoutEffect, useMemo, useState, type RefObject } from 'react'
import type { Command } from '../../app/commands/commandTable'

export function useToolbarOverflow(ref: RefObject<HTMLElement | null>, commands: readonly Command[], labelsKey: string): ReadonlySet<string> {
  const order = useMemo(() => commands.filter((c) => c.overflowRank !== undefined).sort((a, b) => a.overflowRank! - b.overflowRank!), [commands])
  const [width, setWidth] = useState(0)
  const key = `${width}|${labelsKey}`
  const [fit, setFit] = useState({ key: '', moved: 0 })
  const moved = fit.key === key ? fit.moved : 0

  useLayoutEffect(() => {
    const el = ref.current
    if (!el || typeof ResizeObserver !== 'function') return
    const observer = new ResizeObserver(() => setWidth(el.clientWidth))
    observer.observe(el)
    return () => observer.disconnect()
  }, [ref])

  // Runs after every render: a row still too long moves the next command out.
  useLayoutEffect(() => {
    const el = ref.current
    if (el && el.scrollWidth > el.clientWidth && moved < order.length) setFit({ key, moved: moved + 1 })
  })

  return useMemo(() => new Set(order.slice(0, moved).map((c) => c.id)), [order, moved])
}
