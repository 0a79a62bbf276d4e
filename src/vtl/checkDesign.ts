import { checkDocument } from '../model/checks'
import type { Diagnostic } from '../model/diagnostics'
import type { DesignDocument } from '../model/types'
import { validateDesignTemplates } from './designOptions'

/**
 * Everything wrong with a design: the model checks plus every mapping template validated the way the editor
 * validates it. The designer's Problems panel, node badges and export pane all read this one list.
 */
export function checkDesign(doc: DesignDocument): Diagnostic[] {
  return [...checkDocument(doc), ...validateDesignTemplates(doc.design)]
}
