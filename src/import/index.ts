/**
 * CloudFormation import: template text (JSON or YAML, hand-written or `cdk synth` output) → design document.
 * Pure (no React, no Node APIs); used by the import dialog and the CLI. See README.md in this folder.
 */

import { columnLayout } from '../layout/columnLayout'
import { importTemplateSync, type ImportOptions, type ImportResult } from './importTemplate'

export { importTemplateSync, listWebSocketApis } from './importTemplate'
export type { ApiChoice, ImportOptions, ImportResult, ImportSummary, SummaryItem } from './importTemplate'
export { looksLikeTemplate, parseTemplateText } from './parseTemplate'

/**
 * Imports a template and lays the design out in columns (the fast deterministic layout of src/layout: no elk,
 * so the same template always gives the same file, in milliseconds). Never throws. Async for callers that
 * await it (the import worker, the CLI).
 */
export async function importTemplate(text: string, options: ImportOptions = {}): Promise<ImportResult> {
  const result = importTemplateSync(text, options)
  if (!result.ok) return result
  try {
    const layout = columnLayout(result.document.design)
    return { ...result, document: { ...result.document, layout } }
  } catch (e) {
    return {
      ...result,
      diagnostics: [
        ...result.diagnostics,
        { code: 'IMP030', severity: 'warning', message: `Auto-layout failed (${e instanceof Error ? e.message : String(e)}); arrange the canvas by hand.` },
      ],
    }
  }
}
