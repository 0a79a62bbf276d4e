/** The export IR: every decision made once; printers only spell it. */

import type { Diagnostic } from '../../model/diagnostics'
import type { Json, JsonObject, VerbatimCfn } from '../../model/types'
import type { Stmt } from './code'
import type { RestoredKeys } from './cdkKeys'

/** One CloudFormation resource as CDK would synthesize it from the generated code. */
export interface CfnResourceIr {
  logicalId: string
  type: string
  properties?: JsonObject
  dependsOn?: string[]
  deletionPolicy?: string
  updateReplacePolicy?: string
  /** A template condition (resource options, `buildResourceOptions.ts`). */
  condition?: string
  metadata?: JsonObject
  /** Construct path below the stack; `addDependency` on a construct covers every resource under it. */
  path: string[]
  /** The design entity the resource belongs to. */
  owner: string
}

/** A CDK statement and the design entity it belongs to (route snippets select statements by owner). */
export interface OwnedStmt {
  owner: string
  stmt: Stmt
}

export interface ExportIr {
  /** CDK stack id and CloudFormation stack name used for ids that embed it. */
  stackName: string
  /** Stack class name, e.g. `MywsapiStack`. */
  stackClass: string
  /** File-name stem for CDK projects, e.g. `mywsapi` (kebab-case). */
  projectName: string
  resources: CfnResourceIr[]
  /** Template `Conditions` the L2 constructs add (Kinesis encryption). */
  conditions: JsonObject
  statements: OwnedStmt[]
  /** Entity ids a route needs (itself, its integration, authorizer, targets, roles); computed on demand. */
  routeClosure: (routeId: string) => string[]
  /** Verbatim sections, references to renamed modelled resources already rewritten. */
  verbatim?: VerbatimCfn
  /** Verbatim resources by logical id (kept out of `resources`, which are the modelled ones). */
  verbatimResources: Record<string, Json>
  diagnostics: Diagnostic[]
  /** Problems that only stop the CDK targets (verbatim shapes the L1 constructs would render differently). */
  cdkDiagnostics: Diagnostic[]
  /** Problems only the CloudFormation targets have (code assets CDK would upload at synth). */
  cfnDiagnostics: Diagnostic[]
  /**
   * Keys the CDK code writes under stand-in names, which the generated stack's synthesizer renames back in
   * the synthesized template (`cdkKeys.ts`). Empty for nearly every design.
   */
  restoredKeys: RestoredKeys
  /** Variable of the WebSocketApi in the generated code (route snippets assume it is in scope). */
  apiVariable: string
}
