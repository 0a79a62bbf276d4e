/**
 * Credentials roles: one `iam.Role` assumed by API Gateway per `iam-role` resource, with exactly the
 * permissions of the integrations and authorizers that use it (see src/model/permissions.ts), each as an
 * explicit `addToPolicy` statement so the CDK and CloudFormation exports list the same actions. A role
 * with `existingArn` is imported instead and gets nothing added.
 */

import { grantsCover } from '../../model/grants'
import { isIndexedTable } from '../../model/tableAttributes'
import { authorizerPermission, integrationPermission, permissionResourceTexts } from '../../model/permissions'
import type { IamRole, Json, JsonObject } from '../../model/types'
import { call, construct, lit, num, props, str, sym, THIS, v, type Code } from './code'
import { valueCode } from './intrinsicCode'
import { cfnValue } from './cfnValue'
import type { IrContext } from './context'
import { applyCfnExtra } from './cfnExtra'
import { assumeRolePolicy } from '../../model/permissions'
import { pascalCase } from './names'
import { applyTags } from './tags'
import type { Expr } from './expr'

interface Grant {
  actions: string[]
  /** The target's ARN, then the ARNs of the DynamoDB indexes the action reads. */
  resources: Expr[]
}

export function buildRole(ctx: IrContext, id: string, role: IamRole & { constructId?: string; cfnExtra?: JsonObject }): void {
  const constructId = ctx.stackChildId(role.constructId ?? pascalCase(id))
  const variable = ctx.declareVar(id, id, 'role')
  if (role.existingArn !== undefined) {
    const arn = ctx.text(role.existingArn, id, 'existingArn')
    ctx.emitConst(id, variable, call(sym('iam', 'Role'), 'fromRoleArn', [THIS, lit(constructId), str(arn)], [['mutable', { k: 'bool', value: false }]]))
    ctx.defineAttribute(id, 'arn', arn)
    return
  }
  const path = [constructId, 'Resource']
  const logicalId = ctx.resourceLogicalId(path)
  const managed = (role.managedPolicyArns ?? []).map((arn, i) => ctx.text(arn, id, `managedPolicyArns.${i}`))
  const boundary = role.permissionsBoundaryArn !== undefined ? ctx.text(role.permissionsBoundaryArn, id, 'permissionsBoundaryArn') : undefined
  const inline = Object.entries(role.inlinePolicies ?? {})
  for (const [name, statements] of inline) {
    if (!statements.length || statements.some((st) => typeof st !== 'object' || st === null || Array.isArray(st))) ctx.error('EXP005', `Inline policy ${name} must hold one or more statement objects.`, id, `inlinePolicies.${name}`)
  }
  ctx.emitConst(
    id,
    variable,
    construct('iam', 'Role', [THIS, lit(constructId)], props([
      ['assumedBy', construct('iam', 'ServicePrincipal', [lit('apigateway.amazonaws.com')])],
      ['roleName', role.roleName !== undefined ? str(ctx.text(role.roleName, id, 'roleName')) : undefined],
      ['description', role.description !== undefined ? str(ctx.text(role.description, id, 'description')) : undefined],
      ['path', role.path !== undefined ? lit(role.path) : undefined],
      ['maxSessionDuration', role.maxSessionDurationSeconds !== undefined ? call(sym('core', 'Duration'), 'seconds', [num(role.maxSessionDurationSeconds)]) : undefined],
      ['managedPolicies', managed.length
        ? { k: 'list', items: managed.map((arn, i) => call(sym('iam', 'ManagedPolicy'), 'fromManagedPolicyArn', [THIS, lit(ctx.stackChildId(`${constructId}ManagedPolicy${i + 1}`)), str(arn)])) }
        : undefined],
      ['permissionsBoundary', boundary ? call(sym('iam', 'ManagedPolicy'), 'fromManagedPolicyArn', [THIS, lit(ctx.stackChildId(`${constructId}Boundary`)), str(boundary)]) : undefined],
      ['inlinePolicies', inline.length
        ? { k: 'map', entries: inline.map(([name, statements]): [string, Code] => [name, construct('iam', 'PolicyDocument', [], [['statements', { k: 'list', items: statements.map((st) => call(sym('iam', 'PolicyStatement'), 'fromJson', [statementCode(st)])) }]])]) }
        : undefined],
    ])),
  )
  let properties: JsonObject = { AssumeRolePolicyDocument: assumeRolePolicy('apigateway.amazonaws.com') }
  if (boundary) properties.PermissionsBoundary = cfnValue(boundary)
  if (inline.length) properties.Policies = inline.map(([name, statements]) => ({ PolicyDocument: { Statement: statements, Version: '2012-10-17' }, PolicyName: name }))
  if (role.roleName !== undefined) properties.RoleName = cfnValue(ctx.text(role.roleName, id, 'roleName'))
  if (role.description !== undefined) properties.Description = cfnValue(ctx.text(role.description, id, 'description'))
  if (role.path !== undefined) properties.Path = role.path
  if (role.maxSessionDurationSeconds !== undefined) properties.MaxSessionDuration = role.maxSessionDurationSeconds
  if (managed.length) properties.ManagedPolicyArns = managed.map((e) => cfnValue(e))
  properties = applyTags(ctx, id, v(variable), properties, role.tags, 'list')
  // What the import kept (inline policies in another shape, a Path…): never dropped.
  properties = applyCfnExtra(ctx, id, properties, role.cfnExtra, v(variable), { module: 'iam', name: 'CfnRole' })
  ctx.addResource(id, path, 'AWS::IAM::Role', properties)
  ctx.defineAttribute(id, 'arn', [{ kind: 'attr', variable, property: 'roleArn', logicalId, attribute: 'Arn' }])
  ctx.defineAttribute(id, 'name', [{ kind: 'attr', variable, property: 'roleName', logicalId }])

  const grants = collectGrants(ctx, id)
  const statements: Json[] = []
  for (const grant of grants) {
    ctx.emit(grant.owner, {
      k: 'expr',
      value: call({ k: 'var', name: variable }, 'addToPolicy', [
        construct('iam', 'PolicyStatement', [], [
          ['actions', { k: 'list', items: grant.actions.map(lit) }],
          ['resources', { k: 'list', items: grant.resources.map(str) }],
        ]),
      ]),
    })
    // CDK writes one resource as a string and several as a list.
    const resources = grant.resources.map(cfnValue)
    statements.push({ Action: single(grant.actions), Effect: 'Allow', Resource: resources.length === 1 ? resources[0] : resources })
  }
  for (const [i, extra] of (role.extraStatements ?? []).entries()) {
    ctx.emit(id, {
      k: 'expr',
      value: call({ k: 'var', name: variable }, 'addToPolicy', [call(sym('iam', 'PolicyStatement'), 'fromJson', [statementCode(extra)])]),
    })
    statements.push(extra)
    if (typeof extra !== 'object' || extra === null || Array.isArray(extra)) ctx.error('EXP005', 'An extra policy statement must be an object.', id, `extraStatements.${i}`)
  }
  if (statements.length) {
    const policyPath = [constructId, 'DefaultPolicy', 'Resource']
    const policyId = ctx.resourceLogicalId(policyPath)
    ctx.addResource(id, policyPath, 'AWS::IAM::Policy', {
      PolicyDocument: { Statement: statements, Version: '2012-10-17' },
      PolicyName: policyId,
      Roles: [{ Ref: logicalId }],
    })
  }
}

const single = (actions: string[]): Json => (actions.length === 1 ? actions[0] : actions)

/** Distinct (actions, resource) pairs of everything that uses the role, in design order. */
function collectGrants(ctx: IrContext, roleId: string): (Grant & { owner: string })[] {
  const { design } = ctx
  const seen = new Set<string>()
  const out: (Grant & { owner: string })[] = []
  const users: [string, ReturnType<typeof integrationPermission>][] = [
    ...Object.entries(design.integrations)
      .filter(([, i]) => i.credentials && 'role' in i.credentials && i.credentials.role === roleId)
      .map(([iid]) => [iid, integrationPermission(design, iid)] as [string, ReturnType<typeof integrationPermission>]),
    ...Object.entries(design.authorizers)
      .filter(([, a]) => a.credentials && 'role' in a.credentials && a.credentials.role === roleId)
      .map(([aid]) => [aid, authorizerPermission(design, aid)] as [string, ReturnType<typeof integrationPermission>]),
  ]
  for (const [owner, result] of users) {
    if (!result.ok) {
      ctx.error('EXP004', `No least-privilege policy can be generated for role "${roleId}": ${result.reason}.`, owner, 'credentials')
      continue
    }
    if (!result.permission) continue
    // A CDK grant on the role already allows it (the import recognised `table.grantWriteData(role)`). A table
    // grant covers the table's indexes when the table declares one (it then names `<table ARN>/index/*`).
    const p = result.permission
    const role = design.resources[roleId] as IamRole
    if ((!p.indexes || isIndexedTable(design, p.resource)) && grantsCover(design, role.grants, p.resource, p.actions)) continue
    const resources = permissionResourceTexts(p).map((text) => ctx.text(text, owner, 'target'))
    // Nor when a statement the role keeps verbatim already allows exactly this (a grant the import could not name).
    if (statementsCover(role.extraStatements, p.actions, resources.map((r) => cfnValue(r)))) continue
    const key = JSON.stringify([p.actions, resources])
    if (seen.has(key)) continue
    seen.add(key)
    out.push({ actions: p.actions, resources, owner })
  }
  return out
}

/** The statement fields `PolicyStatement.fromJson` takes only as a string or a list of strings. */
const STRING_FIELDS = new Set(['Sid', 'Effect', 'Action', 'NotAction', 'Resource', 'NotResource'])

/**
 * A verbatim statement for `PolicyStatement.fromJson`: intrinsics in its string fields become string tokens
 * (`Fn.getAtt(…).toString()`), since fromJson refuses a resolvable there ("Fields must be either a string or an
 * array of strings"); Principal and Condition stay data, which fromJson resolves as it is.
 */
function statementCode(statement: Json): Code {
  if (!statement || typeof statement !== 'object' || Array.isArray(statement)) return { k: 'json', value: statement }
  return {
    k: 'map',
    entries: Object.entries(statement).map(([k, value]): [string, Code] => [
      k,
      STRING_FIELDS.has(k) ? valueCode(value, Array.isArray(value) ? 'list' : 'string') : valueCode(value, 'any'),
    ]),
  }
}

/**
 * Whether one of the verbatim statements allows every action on every resource: `Effect: Allow`, nothing that
 * narrows it (`Condition`, `NotAction`, `NotResource`), each action by name, `<service>:*` or `*`, and each
 * resource as the same CloudFormation value or `*`.
 */
function statementsCover(statements: Json[] | undefined, actions: readonly string[], resources: Json[]): boolean {
  const listOf = (v: Json | undefined): Json[] => (Array.isArray(v) ? v : v === undefined ? [] : [v])
  return (statements ?? []).some((s) => {
    if (!s || typeof s !== 'object' || Array.isArray(s) || s.Effect !== 'Allow') return false
    if (['Condition', 'NotAction', 'NotResource', 'Principal', 'NotPrincipal'].some((k) => Object.hasOwn(s, k))) return false
    const allowed = listOf(s.Action)
    const named = listOf(s.Resource).map((r) => JSON.stringify(r))
    return (
      actions.every((a) => allowed.some((x) => x === a || x === '*' || x === `${a.split(':')[0]}:*`)) &&
      resources.every((r) => named.includes('"*"') || named.includes(JSON.stringify(r)))
    )
  })
}
