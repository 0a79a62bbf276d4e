/** Mutable state while building the IR: names, statements, resources, attribute table, diagnostics. */

import type { Diagnostic } from '../../model/diagnostics'
import { parseRefs, PSEUDO_ENTITY, PSEUDO_ATTRIBUTES, type PseudoAttribute } from '../../model/refs'
import type { Design, Json, JsonObject } from '../../model/types'
import type { Code, Stmt, Symbol as CodeSymbol } from './code'
import { normalizeExpr, type Expr, type ExprPart } from './expr'
import { makeUniqueId, sanitizeConstructId } from './logicalIds'
import { NameRegistry } from './names'
import type { CfnResourceIr, OwnedStmt } from './types'

export class IrContext {
  readonly names = new NameRegistry()
  readonly vars = new Map<string, string>()
  readonly statements: OwnedStmt[] = []
  readonly resources: CfnResourceIr[] = []
  readonly conditions: JsonObject = {}
  readonly diagnostics: Diagnostic[] = []
  /** Problems that only stop the CDK targets (a CloudFormation export can still say it). */
  readonly cdkDiagnostics: Diagnostic[] = []
  /** Problems only the CloudFormation targets have (CDK handles them at synth, e.g. packaging an asset). */
  readonly cfnDiagnostics: Diagnostic[] = []
  /** `node.addDependency` edges: every resource under `from` depends on every resource under each `to`. */
  readonly dependencies: { from: string[]; to: string[][] }[] = []
  /** What `@{entity.attribute}` resolves to, filled as constructs are declared. */
  private readonly attributes = new Map<string, Map<string, Expr>>()
  private readonly stackChildIds = new Set<string>()
  /** Verbatim resource logical id → its `CfnResource` construct id under the stack (buildVerbatim). */
  readonly verbatimConstructIds = new Map<string, string>()
  /** Template condition → variable of its `CfnCondition` (buildSections; those resource options name). */
  readonly conditionVariables = new Map<string, string>()
  /** Set by buildApi: the API construct everything else hangs off. */
  api?: { variable: string; constructId: string; logicalId: string }

  constructor(
    readonly design: Design,
    readonly stackName: string,
  ) {}

  /** Declares a variable for an entity; the name is unique in TS and Python spelling. */
  declareVar(entity: string, preferred: string, kindSuffix: string): string {
    const name = this.names.take(preferred, kindSuffix)
    this.vars.set(entity, name)
    return name
  }

  hasVar(entity: string): boolean {
    return this.vars.has(entity)
  }

  varOf(entity: string): string {
    const name = this.vars.get(entity)
    if (!name) throw new Error(`internal: no variable for ${entity}`)
    return name
  }

  /** A construct id directly under the stack, unique among its siblings (CDK would throw on a clash). */
  stackChildId(preferred: string): string {
    const base = sanitizeConstructId(preferred)
    let id = base
    // A stack child's logical id is its construct id without punctuation (no hash), so `a-b` and `ab` would
    // share one: keep both the construct ids and their logical ids apart.
    for (let n = 2; this.stackChildIds.has(id) || this.stackChildLogicalIds.has(makeUniqueId([id])); n++) id = `${base}${n}`
    this.stackChildIds.add(id)
    this.stackChildLogicalIds.add(makeUniqueId([id]))
    return id
  }

  private readonly stackChildLogicalIds = new Set<string>()
  private readonly apiChildIds = new Set<string>()

  /**
   * Claims a construct id directly under the API construct. `false` when an earlier entity has it: `addRoute`
   * names its route `<key>-Route` with `/` written as `--`, so route keys `a/b` and `a--b` would collide.
   */
  claimApiChildId(id: string): boolean {
    if (this.apiChildIds.has(id)) return false
    this.apiChildIds.add(id)
    return true
  }

  private readonly l1Variables = new Map<string, Code>()

  /**
   * `const cfnX = x.node.defaultChild as apigwv2.CfnX`, declared once per construct (`key`) at its first use,
   * so escape hatches read like hand-written CDK code.
   */
  defaultChild(owner: string, key: string, construct: Code, sym: CodeSymbol, preferred: string): Code {
    let variable = this.l1Variables.get(key)
    if (!variable) {
      const name = this.names.take(`cfn ${preferred}`, 'l1')
      this.emit(owner, { k: 'const', name, value: { k: 'cast', sym, value: { k: 'member', target: { k: 'member', target: construct, name: 'node' }, name: 'defaultChild' } } })
      variable = { k: 'var', name }
      this.l1Variables.set(key, variable)
    }
    return variable
  }

  emit(owner: string, stmt: Stmt): void {
    this.statements.push({ owner, stmt })
  }

  emitConst(owner: string, name: string, value: Code): void {
    this.emit(owner, { k: 'const', name, value })
  }

  private readonly ownerOfLogicalId = new Map<string, string>()

  /**
   * Adds a resource. Two resources with one logical id would overwrite each other in the template (and CDK
   * refuses to synthesize them), so a clash is an EXP018 error on the later entity, never a silent loss.
   */
  /**
   * The statement list of the default policy CDK keeps at `policyPath` for a role (`<construct>/DefaultPolicy` or
   * `<construct>/ServiceRole/DefaultPolicy`), created on first use in the order CDK adds statements; `dependent`
   * (the function or state machine using the role) then waits for it, as CDK's DependsOn does.
   */
  defaultPolicyStatements(owner: string, policyPath: string[], roleLogicalId: string, dependent?: CfnResourceIr): Json[] {
    const policyId = this.resourceLogicalId(policyPath)
    let policy = this.resources.find((x) => x.logicalId === policyId)
    if (!policy) {
      policy = this.addResource(owner, policyPath, 'AWS::IAM::Policy', {
        PolicyDocument: { Statement: [], Version: '2012-10-17' },
        PolicyName: policyId,
        Roles: [{ Ref: roleLogicalId }],
      })
    }
    if (dependent && !dependent.dependsOn?.includes(policyId)) dependent.dependsOn = [...(dependent.dependsOn ?? []), policyId]
    return ((policy.properties as JsonObject).PolicyDocument as JsonObject).Statement as Json[]
  }

  addResource(owner: string, path: string[], type: string, properties: JsonObject | undefined, extra: Partial<CfnResourceIr> = {}): CfnResourceIr {
    const resource: CfnResourceIr = { logicalId: this.resourceLogicalId(path), type, path, owner, ...extra }
    const earlier = this.ownerOfLogicalId.get(resource.logicalId)
    if (earlier !== undefined) {
      this.error('EXP018', `Logical id ${resource.logicalId} (${type}) is already used by a resource of "${earlier}"; exporting both would lose one.`, owner)
    } else this.ownerOfLogicalId.set(resource.logicalId, owner)
    if (properties && Object.keys(properties).length) resource.properties = properties
    this.resources.push(resource)
    return resource
  }

  apiConstructId(): string {
    if (!this.api) throw new Error('internal: API not built yet')
    return this.api.constructId
  }

  apiRef(): { Ref: string } {
    if (!this.api) throw new Error('internal: API not built yet')
    return { Ref: this.api.logicalId }
  }

  private readonly logicalIds = new Map<string, string>()

  /** Memoised: the same paths are asked for repeatedly (references, targets, dependencies). */
  resourceLogicalId(path: readonly string[]): string {
    const key = path.join('/')
    let id = this.logicalIds.get(key)
    if (id === undefined) this.logicalIds.set(key, (id = makeUniqueId(path)))
    return id
  }

  /** Logical ids of every resource at or below a construct path (what `node.addDependency` covers). */
  resourcesUnder(path: readonly string[]): string[] {
    return this.resources
      .filter((r) => path.every((c, i) => r.path[i] === c))
      .map((r) => r.logicalId)
  }

  defineAttribute(entity: string, attribute: string, expr: Expr): void {
    let map = this.attributes.get(entity)
    if (!map) this.attributes.set(entity, (map = new Map()))
    map.set(attribute, expr)
  }

  hasAttribute(entity: string, attribute: string): boolean {
    return this.attributes.get(entity)?.has(attribute) ?? false
  }

  /**
   * Resolves `@{…}` references in a design string. An unknown reference becomes an EXP001 error (the
   * export is then refused) and is kept as literal text so building can continue and report all of them.
   */
  text(value: string, owner: string, field: string): Expr {
    const parts: ExprPart[] = []
    for (const p of parseRefs(value)) {
      if (typeof p === 'string') {
        parts.push(p)
        continue
      }
      if (p.entity === PSEUDO_ENTITY && (PSEUDO_ATTRIBUTES as readonly string[]).includes(p.attribute)) {
        parts.push({ kind: 'pseudo', name: p.attribute as PseudoAttribute })
        continue
      }
      const resolved = this.attributes.get(p.entity)?.get(p.attribute)
      if (resolved) {
        parts.push(...resolved)
        continue
      }
      this.diagnostics.push({
        code: 'EXP001',
        severity: 'error',
        message: `Reference @{${p.entity}.${p.attribute}} cannot be exported: ${
          this.attributes.has(p.entity)
            ? `"${p.entity}" has no attribute "${p.attribute}" here`
            : `"${p.entity}" is not a resource, API or stage declared before this point`
        }.`,
        entity: owner,
        field,
      })
      parts.push(value.slice(p.start, p.end))
    }
    return normalizeExpr(parts)
  }

  warn(code: string, message: string, entity?: string, field?: string): void {
    this.diagnostics.push({ code, severity: 'warning', message, entity, field })
  }

  error(code: string, message: string, entity?: string, field?: string): void {
    this.diagnostics.push({ code, severity: 'error', message, entity, field })
  }
}

/** Deep merge with CDK's `addPropertyOverride` semantics: objects merge key by key, anything else replaces. */
export function deepMerge(target: JsonObject, overrides: JsonObject): JsonObject {
  const out: JsonObject = { ...target }
  for (const [key, value] of Object.entries(overrides)) {
    const current = out[key]
    out[key] = isPlainObject(current) && isPlainObject(value) ? deepMerge(current, value) : value
  }
  return out
}

function isPlainObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
