/**
 * Resource options (`design.*.resourceOptions`: DeletionPolicy, UpdateReplacePolicy, Condition, Metadata, DependsOn)
 * on each entity's own resource, the same way for every entity kind. The template gets the attributes as written;
 * CDK gets them on the construct's L1 (`CfnResource`): `applyRemovalPolicy` when both policies say the same,
 * `cfnOptions.deletionPolicy` / `updateReplacePolicy` / `condition` otherwise, `addMetadata` per key and
 * `node.addDependency` on the L1 of what it depends on (CDK writes that as `DependsOn` with the exported id).
 * Runs after the verbatim resources and sections exist (dependencies and conditions may name them).
 */

import { dependencyTarget, entitiesWithOptions, entityCfnType } from '../../model/resourceOptions'
import type { ResourceOptions } from '../../model/types'
import { call, lit, member, sym, THIS, v, type Code } from './code'
import type { IrContext } from './context'
import type { CfnResourceIr } from './types'

/** `RemovalPolicy` members that set both policies to one value (aws-cdk-lib core `CfnResource.applyRemovalPolicy`). */
const REMOVAL_POLICY: Record<string, string> = { Delete: 'DESTROY', Retain: 'RETAIN', Snapshot: 'SNAPSHOT' }
const CFN_DELETION_POLICY: Record<string, string> = { Delete: 'DELETE', Retain: 'RETAIN', RetainExceptOnCreate: 'RETAIN_EXCEPT_ON_CREATE', Snapshot: 'SNAPSHOT' }

export function buildResourceOptions(ctx: IrContext): void {
  const l1s = new Map<string, Code>()
  for (const [entity, options] of entitiesWithOptions(ctx.design)) {
    const resource = mainResource(ctx, entity)
    if (!resource) {
      ctx.warn('EXP020', 'Resource options are not exported: this entity creates no CloudFormation resource here.', entity, 'resourceOptions')
      continue
    }
    const l1 = l1Of(ctx, resource, l1s)
    applyPolicies(ctx, entity, resource, options, l1)
    if (options.condition !== undefined) applyCondition(ctx, entity, resource, options.condition, l1)
    for (const [key, value] of Object.entries(options.metadata ?? {})) {
      resource.metadata = { ...resource.metadata, [key]: value }
      ctx.emit(entity, { k: 'expr', value: call(l1, 'addMetadata', [lit(key), { k: 'json', value }]) })
    }
    for (const name of options.dependsOn ?? []) applyDependency(ctx, entity, resource, name, l1, l1s)
  }
}

/** The resource an entity is: the one of its own CloudFormation type it owns. */
function mainResource(ctx: IrContext, entity: string): CfnResourceIr | undefined {
  const type = entityCfnType(ctx.design, entity)
  return type === undefined ? undefined : ctx.resources.find((r) => r.owner === entity && r.type === type)
}

/**
 * The L1 of a resource as CDK code, declared once: `x.node.defaultChild` of the L2 whose variable we hold,
 * otherwise found by its construct path (`this.node.findChild('Api').node.findChild('ping-Route')…`).
 */
function l1Of(ctx: IrContext, resource: CfnResourceIr, cache: Map<string, Code>): Code {
  const key = resource.path.join('/')
  const known = cache.get(key)
  if (known) return known
  const cfnResource = { module: 'core', name: 'CfnResource' } as const
  const [head, ...rest] = resource.path
  const variable = ctx.hasVar(resource.owner) ? ctx.varOf(resource.owner) : undefined
  const isOwnL2 = variable !== undefined && rest.length === 1 && rest[0] === 'Resource' && ownsTopConstruct(ctx, resource)
  let code: Code
  if (isOwnL2) code = ctx.defaultChild(resource.owner, variable, v(variable), cfnResource, variable)
  else {
    let construct = call(member(THIS, 'node'), 'findChild', [lit(head)])
    const last = rest[rest.length - 1]
    for (const c of last === 'Resource' ? rest.slice(0, -1) : rest) construct = call(member(construct, 'node'), 'findChild', [lit(c)])
    const value: Code = last === 'Resource' ? member(member(construct, 'node'), 'defaultChild') : construct
    const name = ctx.names.take(`cfn ${resource.owner} resource`, 'l1')
    ctx.emit(resource.owner, { k: 'const', name, value: { k: 'cast', sym: cfnResource, value } })
    code = v(name)
  }
  cache.set(key, code)
  return code
}

/** The entity's variable is the construct at the top of this resource's path (API and design resources). */
function ownsTopConstruct(ctx: IrContext, resource: CfnResourceIr): boolean {
  if (resource.owner === 'api') return ctx.api?.constructId === resource.path[0]
  return Object.prototype.hasOwnProperty.call(ctx.design.resources, resource.owner)
}

function applyPolicies(ctx: IrContext, entity: string, resource: CfnResourceIr, options: ResourceOptions, l1: Code): void {
  const { deletionPolicy: deletion, updateReplacePolicy: replace } = options
  if (deletion === undefined && replace === undefined) return
  if (deletion !== undefined) resource.deletionPolicy = deletion
  if (replace !== undefined) resource.updateReplacePolicy = replace
  if (deletion !== undefined && deletion === replace && REMOVAL_POLICY[deletion]) {
    ctx.emit(entity, { k: 'expr', value: call(l1, 'applyRemovalPolicy', [sym('core', `RemovalPolicy.${REMOVAL_POLICY[deletion]}`)]) })
    return
  }
  const options_ = member(l1, 'cfnOptions')
  if (deletion !== undefined) ctx.emit(entity, { k: 'assign', target: options_, prop: 'deletionPolicy', value: sym('core', `CfnDeletionPolicy.${CFN_DELETION_POLICY[deletion]}`) })
  if (replace !== undefined) ctx.emit(entity, { k: 'assign', target: options_, prop: 'updateReplacePolicy', value: sym('core', `CfnDeletionPolicy.${CFN_DELETION_POLICY[replace]}`) })
}

function applyCondition(ctx: IrContext, entity: string, resource: CfnResourceIr, condition: string, l1: Code): void {
  const conditions = ctx.design.cloudformation?.Conditions
  if (!conditions || !Object.prototype.hasOwnProperty.call(conditions, condition)) {
    ctx.error('EXP001', `Condition "${condition}" is not a condition of this template (design.cloudformation.Conditions).`, entity, 'resourceOptions.condition')
    return
  }
  resource.condition = condition
  const variable = ctx.conditionVariables.get(condition)
  // Declared by buildSections for every condition a resource option names; a refused section has none.
  if (variable) ctx.emit(entity, { k: 'assign', target: member(l1, 'cfnOptions'), prop: 'condition', value: v(variable) })
}

function applyDependency(ctx: IrContext, entity: string, resource: CfnResourceIr, name: string, l1: Code, l1s: Map<string, Code>): void {
  const target = dependencyTarget(ctx.design, name)
  let logicalId: string | undefined
  let targetCode: Code | undefined
  if (target && 'entity' in target) {
    const other = mainResource(ctx, target.entity)
    if (other) {
      logicalId = other.logicalId
      targetCode = l1Of(ctx, other, l1s)
    }
  } else if (target) {
    const constructId = ctx.verbatimConstructIds.get(target.logicalId)
    if (constructId !== undefined) {
      logicalId = target.logicalId
      targetCode = call(member(THIS, 'node'), 'findChild', [lit(constructId)])
    }
  }
  if (logicalId === undefined || targetCode === undefined) {
    ctx.error('EXP001', `DependsOn "${name}" names no resource this export creates.`, entity, 'resourceOptions.dependsOn')
    return
  }
  if (logicalId === resource.logicalId) return
  resource.dependsOn = [...new Set([...(resource.dependsOn ?? []), logicalId])].sort()
  ctx.emit(entity, { k: 'expr', value: call(member(l1, 'node'), 'addDependency', [targetCode]) })
}
