/**
 * Whether a node's one-line text fits its column, so that only text that would overflow gets clipped.
 *
 * Why not clip every line: an ellipsis needs `overflow: hidden`, and each clipping element is a clip node in
 * Chromium's paint property trees. With the 601 nodes of a 300-route design on screen, re-layerizing those
 * 2,400 clips on every frame of a drag made a third of the frames miss their vsync (bench/ui.bench.ts, in-page
 * drag row). Measuring with a canvas 2D context costs no DOM layout; widths are cached per font and text.
 */
import { NODE_WIDTH } from '../../layout/columns'

/**
 * The text column of `.entity-node` (canvas.css): the node's width less its borders (5 px left, 1 px right),
 * padding (8 px, 10 px), the 34 px icon and the 9 px gap.
 */
export const TEXT_COLUMN = NODE_WIDTH - 6 - 18 - 34 - 9

export type NodeTextRole = 'title' | 'detail' | 'caption'

/** The fonts of `.entity-node-title`, `-detail` and `-caption-text` in canvas.css; the family is the page's. */
function fontFor(role: NodeTextRole, family: string): string {
  if (role === 'title') return `600 16px ${family}`
  if (role === 'detail') return '13px ui-monospace, monospace'
  return `12px ${family}`
}

/** Sub-pixel rounding and hinting differ a little between canvas and layout: keep a margin. */
const SLACK = 3

/** Pure rule: text fits when its measured width leaves the slack free; unmeasurable text is clipped. */
export function fitsColumn(width: number | undefined, available: number): boolean {
  return width !== undefined && width + SLACK <= available
}

type Measure = (font: string, text: string) => number | undefined

let measureText: Measure | undefined
let pageFamily: string | undefined
const cache = new Map<string, number | undefined>()

function defaultMeasure(): Measure {
  const context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d')
  return (font, text) => {
    if (!context) return undefined
    context.font = font
    return context.measureText(text).width
  }
}

/** Whether `text` in the given role fits `available` px (the text column unless a badge shares the line). */
export function nodeTextFits(role: NodeTextRole, text: string, available = TEXT_COLUMN): boolean {
  measureText ??= defaultMeasure()
  pageFamily ??= typeof document === 'undefined' ? 'sans-serif' : getComputedStyle(document.body).fontFamily || 'sans-serif'
  const font = fontFor(role, pageFamily)
  const key = `${font}\0${text}`
  let width = cache.get(key)
  if (width === undefined && !cache.has(key)) {
    width = measureText(font, text)
    // Names are user text of any size: keep the cache bounded.
    if (cache.size > 5000) cache.clear()
    cache.set(key, width)
  }
  return fitsColumn(width, available)
}

/** Tests: measure with a stand-in (or the real canvas again with `undefined`). */
export function setTextMeasure(measure: Measure | undefined): void {
  measureText = measure
  pageFamily = undefined
  cache.clear()
}
