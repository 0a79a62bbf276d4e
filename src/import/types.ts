/** The import API's result types. */

import type { Diagnostic } from '../model/diagnostics'
import type { DesignDocument } from '../model/types'

// ------------------------------------------------------------------------------------------ results

export interface ApiChoice {
  logicalId: string
  name?: string
  routes: number
}

export interface SummaryItem {
  logicalId: string
  type?: string
  /** Entity the resource became (imported), or why (generated / verbatim / skipped). */
  detail: string
}

export interface ImportSummary {
  /** Resources that became design entities. */
  imported: SummaryItem[]
  /** Resources the CDK generated from L2 constructs; the export recreates them. */
  generated: SummaryItem[]
  /** Resources and template sections kept verbatim and exported again unchanged. */
  verbatim: SummaryItem[]
  /** Broken resources that were reported and left out. */
  skipped: SummaryItem[]
}

export type ImportResult =
  | {
      ok: true
      document: DesignDocument
      /** Warnings (skipped resources, unresolved references) and notes (kept verbatim). */
      diagnostics: Diagnostic[]
      summary: ImportSummary
      apiLogicalId: string
      format: 'json' | 'yaml'
    }
  | { ok: false; errors: Diagnostic[]; apiChoices?: ApiChoice[] }

export interface ImportOptions {
  /** Logical id of the WebSocket API to import when the template has several. */
  api?: string
}
