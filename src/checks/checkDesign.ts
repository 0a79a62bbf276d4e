import { checkDocument } from '../model/checks'
import type { Diagnostic } from '../model/diagnostics'
import type { DesignDocument } from '../model/types'
import { checkTemplates } from './templateChecks'

/**
 * Everything wrong with a design, in one list: the model checks plus every request and response mapping template.
 * This is the one check pipeline: `validate`, the `export` gate, the designer's Problems panel, node badges, the
 * emulator's `serve` gate and the benchmark all call it, so they can never disagree about what is an error.
 */
export function checkDesign(doc: DesignDocument): Diagnostic[] {
  return [...checkDocument(doc), ...checkTemplates(doc.design)]
}
