/**
 * Public API of the export module: design document → CloudFormation (YAML/JSON), CDK TypeScript, CDK Python.
 * Pure TypeScript (runs in the browser and the CLI). See README.md for the rules the module follows.
 */

export { EXPORT_TARGETS, exportDesign, MAX_STACK_RESOURCES } from './exportDesign'
export type { ExportOptions, ExportResult, ExportTarget, ExportTargetId, GeneratedFile } from './types'
