/**
 * Diagram export as PNG or SVG with html-to-image (a maintained DOM-to-image library; no hand-written rasteriser):
 * the canvas' viewport element is drawn at 100 % with every node, edge and label, on the canvas background.
 * The canvas renders only what is on screen, so the view first zooms out to show the whole design (for a frame),
 * then the picture is taken at full size and the person's view comes back.
 */
import type { ReactFlowInstance } from '@xyflow/react'
import { toPng, toSvg } from 'html-to-image'
import type { Layout } from '../../model/types'
import { downloadBlob } from '../exportPane/download'
import { canvasSize } from './fitReadable'
import { layoutBounds } from './viewport'

const PADDING = 32
/** PNGs of large designs stay within what browsers draw on one canvas. */
const MAX_PNG_SIDE = 8000

type Flow = Pick<ReactFlowInstance, 'getViewport' | 'setViewport'>

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())))

export async function exportDiagram(flow: Flow, layout: Readonly<Layout>, format: 'png' | 'svg', baseName: string): Promise<string> {
  const bounds = layoutBounds(layout)
  const root = document.querySelector<HTMLElement>('[data-testid="canvas"] .react-flow')
  const viewport = root?.querySelector<HTMLElement>('.react-flow__viewport')
  const size = canvasSize()
  if (!bounds || !root || !viewport || !size) throw new Error('the canvas is empty')
  const before = flow.getViewport()
  try {
    // Everything on screen for a moment, so every node is rendered.
    const zoom = Math.max(0.05, Math.min(size.width / (bounds.width + 2 * PADDING), size.height / (bounds.height + 2 * PADDING), 1))
    await flow.setViewport({ x: -bounds.x * zoom, y: -bounds.y * zoom, zoom })
    await frame()
    const width = Math.ceil(bounds.width + 2 * PADDING)
    const height = Math.ceil(bounds.height + 2 * PADDING)
    const options = {
      width,
      height,
      backgroundColor: getComputedStyle(root).backgroundColor,
      pixelRatio: format === 'png' ? Math.min(2, MAX_PNG_SIDE / Math.max(width, height)) : 1,
      style: { width: `${width}px`, height: `${height}px`, transform: `translate(${PADDING - bounds.x}px, ${PADDING - bounds.y}px) scale(1)` },
      // Handles are for editing; the picture shows the diagram.
      filter: (node: HTMLElement) => !node.classList?.contains('react-flow__handle'),
    }
    const url = format === 'png' ? await toPng(viewport, options) : await toSvg(viewport, options)
    const name = `${baseName}.${format}`
    downloadBlob(name, dataUrlBlob(url))
    return name
  } finally {
    await flow.setViewport(before)
  }
}

/** A data: URL as a Blob (no fetch, so a strict connect-src does not stand in the way). */
function dataUrlBlob(url: string): Blob {
  const comma = url.indexOf(',')
  const head = url.slice(0, comma)
  const body = url.slice(comma + 1)
  const type = /^data:([^;,]+)/.exec(head)?.[1] ?? 'application/octet-stream'
  if (!head.includes(';base64')) return new Blob([decodeURIComponent(body)], { type })
  const binary = atob(body)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return new Blob([bytes], { type })
}
