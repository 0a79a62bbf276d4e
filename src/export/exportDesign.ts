/** The export pipeline: checks → IR → one printer per target. Never throws; problems come back as diagnostics. */

import { checkDesign } from '../checks/checkDesign'
import { hasErrors, type Diagnostic } from '../model/diagnostics'
import type { DesignDocument } from '../model/types'
import { pyProject, pySnippet } from './cdkPy/emitCdkPy'
import { tsProject, tsSnippet } from './cdkTs/emitCdkTs'
import { printCfnJson, printCfnYaml } from './cfn/printCfn'
import { asyncApiFile } from '../asyncapi/file'
import { buildIr } from './ir/buildIr'
import { unwritableKeyReason } from './ir/cdkKeys'
import type { ExportIr } from './ir/types'
import type { ExportOptions, ExportResult, ExportTarget, GeneratedFile } from './types'

export const EXPORT_TARGETS: readonly ExportTarget[] = [
  { id: 'cfn-yaml', label: 'CloudFormation (YAML)', language: 'yaml' },
  { id: 'cfn-json', label: 'CloudFormation (JSON)', language: 'json' },
  { id: 'cdk-ts', label: 'CDK TypeScript', language: 'typescript' },
  { id: 'cdk-py', label: 'CDK Python', language: 'python' },
  { id: 'asyncapi', label: 'AsyncAPI 3', language: 'yaml' },
]

/** CloudFormation's limit of resources per stack. */
export const MAX_STACK_RESOURCES = 500

export function exportDesign(document: DesignDocument, options: ExportOptions): ExportResult {
  try {
    return runExport(document, options)
  } catch (e) {
    // A bug in the exporter must not take the UI down: report it like any other problem.
    return {
      ok: false,
      diagnostics: [{ code: 'EXP999', severity: 'error', message: `The exporter failed: ${e instanceof Error ? e.message : String(e)}` }],
    }
  }
}

/**
 * Checks and IR per design object. Designs are immutable values (every edit makes a new object), so
 * exporting one design to several targets, or again after a layout-only change, builds the IR once.
 */
const prepared = new WeakMap<object, { checks: Diagnostic[]; ir?: ExportIr }>()

function prepare(document: DesignDocument): { checks: Diagnostic[]; ir?: ExportIr } {
  let entry = prepared.get(document.design)
  if (!entry) {
    entry = { checks: checkDesign(document) }
    prepared.set(document.design, entry)
  }
  return entry
}

function runExport(document: DesignDocument, options: ExportOptions): ExportResult {
  const entry = prepare(document)
  const checks = entry.checks
  // The message contract needs no CloudFormation IR, nor the stack's resource limit (src/asyncapi; docs/asyncapi.md).
  if (options.target === 'asyncapi') {
    if (hasErrors(checks) && !options.force) return { ok: false, diagnostics: checks }
    const file = asyncApiFile(document.design, options.format ?? 'yaml')
    return { ok: true, files: [file], mainFile: file.path, diagnostics: checks }
  }
  // The resource limit (MDL031, from estimateResourceCount) is not a matter of taste: `force` does not override it.
  if (checks.some((d) => d.code === 'MDL031' && d.severity === 'error')) return { ok: false, diagnostics: checks }
  if (hasErrors(checks) && !options.force) return { ok: false, diagnostics: checks }

  entry.ir ??= buildIr(document.design)
  const ir = entry.ir
  const isCdk = options.target === 'cdk-ts' || options.target === 'cdk-py'
  const targetDiagnostics = isCdk ? [...ir.cdkDiagnostics, ...(options.shape === 'project' ? [] : snippetKeyProblems(ir))] : ir.cfnDiagnostics
  const diagnostics: Diagnostic[] = [...checks, ...ir.diagnostics, ...targetDiagnostics]
  const resourceCount = ir.resources.length + Object.keys(ir.verbatimResources).length
  if (resourceCount > MAX_STACK_RESOURCES) {
    diagnostics.push({
      code: 'EXP012',
      severity: 'error',
      message: `The export would have ${resourceCount} resources; CloudFormation allows ${MAX_STACK_RESOURCES} per stack. Split the design or remove routes.`,
      entity: 'api',
    })
    return { ok: false, diagnostics }
  }
  if (hasErrors([...ir.diagnostics, ...targetDiagnostics])) return { ok: false, diagnostics }
  if (options.routeId !== undefined && !Object.hasOwn(document.design.routes, options.routeId)) {
    return { ok: false, diagnostics: [...diagnostics, { code: 'EXP013', severity: 'error', message: `No route "${options.routeId}" in this design.` }] }
  }
  const files = printTarget(ir, options)
  return { ok: true, files, mainFile: files[0].path, diagnostics }
}

function printTarget(ir: ExportIr, options: ExportOptions): GeneratedFile[] {
  const shape = options.shape ?? 'snippet'
  switch (options.target) {
    case 'cfn-json':
      return printCfnJson(ir)
    case 'cfn-yaml':
      return printCfnYaml(ir)
    case 'cdk-ts':
      if (shape === 'project') return tsProject(ir)
      return [{ path: `${ir.projectName}-snippet.ts`, contents: snippetOf(ir, options.routeId, tsSnippet) }]
    case 'cdk-py':
      if (shape === 'project') return pyProject(ir)
      return [{ path: `${ir.projectName.replace(/-/g, '_')}_snippet.py`, contents: snippetOf(ir, options.routeId, pySnippet) }]
    case 'asyncapi':
      throw new Error('the AsyncAPI target is printed before the IR is built')
  }
}

/** A snippet goes into the user's own stack, which has no synthesizer to restore stand-in keys (`ir/cdkKeys.ts`). */
function snippetKeyProblems(ir: ExportIr): Diagnostic[] {
  return ir.restoredKeys.map(({ original, owner }) => ({
    code: 'EXP019',
    severity: 'error',
    message: `The map key "${original}" cannot be written into a CDK snippet (${unwritableKeyReason(original, true)}); export the CDK project, whose stack restores it, or CloudFormation.`,
    entity: owner,
  }))
}

function snippetOf(ir: ExportIr, routeId: string | undefined, print: (ir: ExportIr, s: ExportIr['statements'], forRoute: boolean) => string): string {
  if (routeId === undefined) return print(ir, ir.statements, false)
  const closure = new Set(ir.routeClosure(routeId))
  return print(ir, ir.statements.filter((s) => closure.has(s.owner)), true)
}
