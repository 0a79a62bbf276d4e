/**
 * What the CDK generated from L2 constructs, recognised so the export does not write it twice: Lambda invoke
 * permissions of routes and authorizers, function and state-machine service roles, the ManageConnections grant,
 * grant policies on credentials roles, CDK metadata.
 */

import { authorizerPermission, integrationPermission } from '../model/permissions'
import type { EntityId, Json, Resource } from '../model/types'
import type { ImportContext, ResourceEntry } from './context'
import { isObject, referencedIds, toPieces } from './intrinsics'

export function isGeneratedServiceRole(ctx: ImportContext, roleId: string, service: string, owner: string): boolean {
  const role = ctx.resources.get(roleId)
  if (!role || role.type !== 'AWS::IAM::Role' || ctx.consumed.has(roleId)) return false
  const keys = Object.keys(role.props).sort()
  const trust = role.props.AssumeRolePolicyDocument
  if (service === 'lambda.amazonaws.com') {
    if (keys.join() !== 'AssumeRolePolicyDocument,ManagedPolicyArns') return false
    if (JSON.stringify(trust) !== JSON.stringify(assumeRolePolicy(service))) return false
    const managed = JSON.stringify(role.props.ManagedPolicyArns)
    if (managed !== JSON.stringify([{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/service-role/AWSLambdaBasicExecutionRole']] }])) return false
  } else {
    if (keys.join() !== 'AssumeRolePolicyDocument') return false
    if (!JSON.stringify(trust).includes(`"Service":"${service}"`)) return false
  }
  // Nothing else may use the role (other than its own default policy).
  for (const r of ctx.resources.values()) {
    if (r.logicalId === owner || r.logicalId === roleId) continue
    if (referencedIds(r.body).some((x) => x.id === roleId) && !isRolePolicyOf(ctx, r, roleId)) return false
  }
  return true
}

export function isRolePolicyOf(ctx: ImportContext, r: ResourceEntry, roleId: string): boolean {
  return r.type === 'AWS::IAM::Policy' && JSON.stringify(r.props.Roles) === JSON.stringify([{ Ref: roleId }])
}

export function takeManageConnectionsPolicy(ctx: ImportContext, roleId: string): boolean {
  for (const r of ctx.resources.values()) {
    if (!isRolePolicyOf(ctx, r, roleId)) continue
    const statements = isObject(r.props.PolicyDocument) ? r.props.PolicyDocument.Statement : undefined
    if (!Array.isArray(statements) || !statements.length) return false
    const all = statements.every((s) => isObject(s) && s.Action === 'execute-api:ManageConnections' && s.Effect === 'Allow' &&
      referencedIds(s.Resource ?? null).some((x) => x.id === ctx.apiLogicalId))
    if (!all) return false
    ctx.generated(r.logicalId, `grantManageConnections of the function role ${roleId}`)
    return true
  }
  return false
}

export function recogniseGenerated(ctx: ImportContext): void {
  const routeKeys = new Set(Object.values(ctx.design.routes).map((r) => r.key))
  for (const r of ctx.resources.values()) {
    if (ctx.consumed.has(r.logicalId)) continue
    if (r.type === 'AWS::CDK::Metadata') {
      ctx.generated(r.logicalId, 'CDK metadata')
      continue
    }
    if (r.type === 'AWS::Lambda::Permission') {
      const fn = ctx.getAttTarget(r.props.FunctionName, 'Arn') ?? ctx.refTarget(r.props.FunctionName)
      const fnEntity = fn ? ctx.entityOf.get(fn) : undefined
      if (!fnEntity || r.props.Principal !== 'apigateway.amazonaws.com' || r.props.Action !== 'lambda:InvokeFunction') continue
      if (Object.keys(r.props).some((k) => !['Action', 'FunctionName', 'Principal', 'SourceArn'].includes(k))) continue
      const pieces = toPieces(r.props.SourceArn ?? null)
      if (!pieces) continue
      const last = pieces[pieces.length - 1]
      // Authorizer ids are not design references: match `…/authorizers/<Ref authorizer>` by logical id.
      const authLogical = last !== undefined && typeof last !== 'string' && 'ref' in last ? last.ref : undefined
      const authEntity = authLogical ? ctx.entityOf.get(authLogical) : undefined
      const isAuth = authEntity !== undefined && ctx.design.authorizers[authEntity]?.function === fnEntity
      const text = ctx.piecesText(isAuth ? pieces.slice(0, -1) : pieces)
      const prefix = 'arn:@{aws.partition}:execute-api:@{aws.region}:@{aws.accountId}:@{api.id}/'
      if (!text?.startsWith(prefix)) continue
      const suffix = text.slice(prefix.length)
      if (isAuth) {
        if (suffix === 'authorizers/') ctx.generated(r.logicalId, 'invoke permission for the authorizer (WebSocketLambdaAuthorizer)')
        continue
      }
      const routeKey = suffix.startsWith('*') ? suffix.slice(1) : undefined
      const usedByRoute = routeKey !== undefined && routeKeys.has(routeKey) &&
        Object.values(ctx.design.routes).some((rt) => rt.key === routeKey && rt.integration && ctx.design.integrations[rt.integration]?.type === 'lambda-proxy' && ctx.design.integrations[rt.integration].target === fnEntity)
      if (usedByRoute) ctx.generated(r.logicalId, `invoke permission for route ${routeKey} (WebSocketLambdaIntegration)`)
    }
  }
  for (const role of Object.entries(ctx.design.resources).filter(([, x]) => x.type === 'iam-role')) absorbRolePolicies(ctx, role[0])
}

export function absorbRolePolicies(ctx: ImportContext, roleEntity: EntityId): void {
  const roleLogical = [...ctx.entityOf].find(([, e]) => e === roleEntity)?.[0]
  if (!roleLogical) return
  const role = ctx.design.resources[roleEntity] as Extract<Resource, { type: 'iam-role' }>
  const expected = new Set<string>()
  const users = [
    ...Object.keys(ctx.design.integrations).filter((i) => {
      const c = ctx.design.integrations[i].credentials
      return c && 'role' in c && c.role === roleEntity
    }).map((i) => integrationPermission(ctx.design, i)),
    ...Object.keys(ctx.design.authorizers).filter((a) => {
      const c = ctx.design.authorizers[a].credentials
      return c && 'role' in c && c.role === roleEntity
    }).map((a) => authorizerPermission(ctx.design, a)),
  ]
  for (const u of users) {
    if (!u.ok || !u.permission) continue
    expected.add(JSON.stringify([u.permission.actions, `@{${u.permission.resource}.arn}`]))
  }
  const grantKey = (st: Json): string | undefined => {
    if (!isObject(st) || st.Effect !== 'Allow' || Object.keys(st).some((k) => !['Action', 'Effect', 'Resource'].includes(k))) return undefined
    const actions = typeof st.Action === 'string' ? [st.Action] : st.Action
    const resource = Array.isArray(st.Resource) && st.Resource.length === 1 ? st.Resource[0] : st.Resource
    const text = ctx.text(resource)
    return Array.isArray(actions) && text !== undefined ? JSON.stringify([actions, text]) : undefined
  }
  for (const r of ctx.resources.values()) {
    if (ctx.consumed.has(r.logicalId) || !isRolePolicyOf(ctx, r, roleLogical)) continue
    const doc = r.props.PolicyDocument
    if (!isObject(doc) || !Array.isArray(doc.Statement) || Object.keys(doc).some((k) => k !== 'Statement' && k !== 'Version')) continue
    if (Object.keys(r.props).some((k) => !['PolicyDocument', 'PolicyName', 'Roles'].includes(k))) continue
    if (r.props.PolicyName !== r.logicalId) continue
    const extra = doc.Statement.filter((st) => !expected.has(grantKey(st) ?? ''))
    if (extra.length) role.extraStatements = [...(role.extraStatements ?? []), ...extra]
    ctx.generated(r.logicalId, `policy of role ${roleLogical}${extra.length ? ` (${extra.length} statement(s) kept as extraStatements)` : ''}`)
  }
}

export function assumeRolePolicy(service: string): Json {
  return { Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: service } }], Version: '2012-10-17' }
}