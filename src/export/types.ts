/** Public types of the export module (see README.md). */

import type { Diagnostic } from '../model/diagnostics'

export type ExportTargetId = 'cfn-yaml' | 'cfn-json' | 'cdk-ts' | 'cdk-py' | 'asyncapi'

export interface ExportTarget {
  id: ExportTargetId
  label: string
  /** Monaco language id of the main file. */
  language: 'yaml' | 'json' | 'typescript' | 'python'
}

export interface GeneratedFile {
  path: string
  contents: string
}

export interface ExportOptions {
  target: ExportTargetId
  /** CDK targets: `snippet` (default; construct code to paste into a stack) or `project` (a `cdk init` layout). */
  shape?: 'snippet' | 'project'
  /** With `snippet`: only what this route needs. */
  routeId?: string
  /** AsyncAPI target: YAML (default) or JSON. */
  format?: 'yaml' | 'json'
  /** Export even when the model checks report errors. */
  force?: boolean
}

export type ExportResult =
  | { ok: true; files: GeneratedFile[]; mainFile: string; diagnostics: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] }
