/**
 * CloudFormation import: template text (JSON or YAML, hand-written or `cdk synth` output) → design document.
 * Pure (no React, no Node APIs); used by the import dialog and the CLI. See README.md in this folder.
 */

import { autoLayout } from '../layout/autoLayout'
import { importTemplateSync, type ImportOptions, type ImportResult } from './importTemplate'

export { importTemplateSync, listWebSocketApis } from './importTemplate'
export type { ApiChoice, ImportOptions, ImportResult, ImportSummary, SummaryItem } from './importTemplate'
export { looksLikeTemplate, parseTemplateText } from './parseTemplate'

/** Imports a template and lays the design out with the auto-layout. Never throws. */
export async function importTemplate(text: string, options: ImportOptions = {}): Promise<ImportResult> {
  const result = importTemplateSync(text, options)
  if (!result.ok) return result
  try {
    const layout = await autoLayout(result.document.design)
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
