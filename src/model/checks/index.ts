import type { Diagnostic } from '../diagnostics'
import type { DesignDocument } from '../types'

/** Runs every model check. (Being filled in: see the rule files in this folder.) */
export function checkDocument(_doc: DesignDocument): Diagnostic[] {
  return []
}
