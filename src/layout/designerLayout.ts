/**
 * The designer's Auto-layout: large designs (a column of more than WRAP_AFTER nodes) get the column layout's
 * readable grid, at once and the same every time; small designs get elkjs's layered layout, loaded lazily so it
 * stays out of the app's first bundle (and never reaches the CLI, which lays out with columnLayout alone).
 */

import type { Design, Layout } from '../model/types'
import type { ElkLike } from './autoLayout'
import { columnLayout, wrapsColumns } from './columnLayout'

/** `elk` supplies the ELK instance (the designer's runs in a Web Worker); see autoLayout. */
export async function designerLayout(design: Design, existing?: Layout, elk?: () => Promise<ElkLike>): Promise<Layout> {
  if (wrapsColumns(design)) return columnLayout(design, { existing })
  const { autoLayout } = await import('./autoLayout')
  return autoLayout(design, existing, elk)
}
