/**
 * Prototype-free position lookup. A layout is a plain object keyed by entity ids, and ids are user text:
 * `constructor`, `toString` or `hasOwnProperty` are valid ids, so `layout[id]` would answer with a member of
 * Object.prototype (a function, whose `x` is undefined) and the canvas would draw `NaN`. Every read of a
 * position by id goes through here: own properties only, finite numbers only.
 */
import type { Layout, Position } from '../model/types'

export function positionOf(layout: Readonly<Layout> | undefined, id: string): Position | undefined {
  if (!layout || !Object.hasOwn(layout, id)) return undefined
  const p = layout[id]
  return p && Number.isFinite(p.x) && Number.isFinite(p.y) ? p : undefined
}
