/** Applies the readable fit (viewport.ts) to the mounted canvas: first start, open, import, Fit view, Auto-layout. */
import type { ReactFlowInstance } from '@xyflow/react'
import type { Layout } from '../../model/types'
import { layoutBounds, readableViewport } from './viewport'

type ViewportSetter = Pick<ReactFlowInstance, 'setViewport'>

/** The canvas element's size; the canvas is the only element with this test id. */
export function canvasSize(): { width: number; height: number } | undefined {
  const el = document.querySelector<HTMLElement>('[data-testid="canvas"]')
  return el && el.clientWidth > 0 && el.clientHeight > 0 ? { width: el.clientWidth, height: el.clientHeight } : undefined
}

export function fitReadable(flow: ViewportSetter, layout: Readonly<Layout>, opts: { duration?: number } = {}): void {
  const bounds = layoutBounds(layout)
  const size = canvasSize()
  if (!bounds || !size) return
  void flow.setViewport(readableViewport(bounds, size.width, size.height), opts.duration ? { duration: opts.duration } : undefined)
}
