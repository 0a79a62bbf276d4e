/**
 * Fit view that keeps the design readable. React Flow's fit view zooms out until everything fits, which made
 * the seed open at 0.39 at 1280×720 (6 px names). Here the zoom never goes below READABLE_ZOOM, where the
 * 16 px node names (canvas.css) are at least 12 px on screen; a design that does not fit at that zoom shows
 * its beginning (top left: the stage, the API and the first routes) instead of a random middle. The search
 * box and the minimap reach the rest.
 */
import type { Layout } from '../../model/types'
import { NODE_HEIGHT, NODE_WIDTH } from '../../layout/columns'

/** Node names are 16 px (canvas.css): 0.8 × 16 = 12.8 px on screen (12 px with room for rounding). */
export const NAME_PX = 16
export const READABLE_ZOOM = 0.8
/** Fit view never zooms a small design in past this. */
export const MAX_FIT_ZOOM = 1.25
/** Space kept around the design, in screen pixels. */
export const FIT_PADDING = 40

export interface Viewport {
  x: number
  y: number
  zoom: number
}

export interface Bounds {
  x: number
  y: number
  width: number
  height: number
}

/** Bounds of every placed node (positions from the layout, size from the node size the canvas renders). */
export function layoutBounds(layout: Readonly<Layout>, measured?: ReadonlyMap<string, { width: number; height: number }>): Bounds | undefined {
  let minX = Infinity
  let minY = Infinity
  let maxX = -Infinity
  let maxY = -Infinity
  for (const [id, p] of Object.entries(layout)) {
    if (!p || !Number.isFinite(p.x) || !Number.isFinite(p.y)) continue
    const size = measured?.get(id)
    minX = Math.min(minX, p.x)
    minY = Math.min(minY, p.y)
    maxX = Math.max(maxX, p.x + (size?.width ?? NODE_WIDTH))
    maxY = Math.max(maxY, p.y + (size?.height ?? NODE_HEIGHT))
  }
  return minX === Infinity ? undefined : { x: minX, y: minY, width: maxX - minX, height: maxY - minY }
}

/** The viewport that shows `bounds` in a `width`×`height` screen area at a readable zoom (see the file comment). */
export function readableViewport(bounds: Bounds, width: number, height: number, opts: { minZoom?: number; maxZoom?: number; padding?: number } = {}): Viewport {
  const padding = opts.padding ?? FIT_PADDING
  const minZoom = opts.minZoom ?? READABLE_ZOOM
  const maxZoom = opts.maxZoom ?? MAX_FIT_ZOOM
  const innerW = Math.max(1, width - 2 * padding)
  const innerH = Math.max(1, height - 2 * padding)
  const fit = Math.min(innerW / Math.max(1, bounds.width), innerH / Math.max(1, bounds.height))
  const zoom = Math.min(maxZoom, Math.max(minZoom, fit))
  // Per axis: centre what fits, else start at the top / left edge.
  const axis = (start: number, size: number, screen: number) => (size * zoom <= screen - 2 * padding ? (screen - size * zoom) / 2 - start * zoom : padding - start * zoom)
  return { x: axis(bounds.x, bounds.width, width), y: axis(bounds.y, bounds.height, height), zoom }
}
