/**
 * What the CDK generated from L2 constructs, recognised so the export does not write it twice: Lambda invoke
 * permissions of routes and authorizers, function and state-machine service roles, the ManageConnections grant,
 * grant policies on credentials roles, CDK metadata.
 */

import { isIndexedTable } from '../model/tableAttributes'
import { assumeRolePolicy, authorizerPermission, FUNCTION_XRAY_STATEMENT, integrationPermission, permissionResourceTexts } from '../model/permissions'
import { GRANT_METHODS, grantableKind, grantStatementJson, grantStatements, grantsCover } from '../model/grants'
import type { EntityId, Json, JsonObject, Resource } from '../model/types'
import type { ImportContext, ResourceEntry } from './context'
import { isObject, toPieces } from './intrinsics'
import { deadLetterStatement, literalTags } from './mapServiceOptions'

export function isGeneratedServiceRole(ctx: ImportContext, roleId: string, service: string, owner: string): boolean {
  const role = ctx.resources.get(roleId)
  if (!role || role.type !== 'AWS::IAM::Role' || ctx.consumed.has(roleId)) return false
  // `Tags.of(fn)` tags the L2's role too: the same literal tags as its owner's are part of the generated shape.
  const ownerTags = ctx.resources.get(owner)?.props.Tags
  const sameTags = role.props.Tags !== undefined && literalTags(ownerTags) !== undefined && JSON.stringify(role.props.Tags) === JSON.stringify(ownerTags)
  const keys = Object.keys(role.props).filter((k) => !(k === 'Tags' && sameTags)).sort()
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
  for (const r of ctx.referrersOf(roleId)) {
    if (r.logicalId === owner || r.logicalId === roleId) continue
    if (!isRolePolicyOf(ctx, r, roleId)) return false
  }
  return true
}

export function isRolePolicyOf(ctx: ImportContext, r: ResourceEntry, roleId: string): boolean {
  return r.type === 'AWS::IAM::Policy' && JSON.stringify(r.props.Roles) === JSON.stringify([{ Ref: roleId }])
}

/**
 * The default policy of a function's service role, when every statement in it is a CDK grant on a design
 * entity: `api.grantManageConnections(fn)` becomes `manageConnections`, the others `grants`. Otherwise the
 * policy stays verbatim (nothing is half-taken).
 */
export function absorbFunctionPolicy(ctx: ImportContext, fnEntity: EntityId, roleId: string): void {
  const fn = ctx.design.resources[fnEntity]
  if (fn?.type !== 'lambda-function') return
  for (const r of ctx.resources.values()) {
    if (ctx.consumed.has(r.logicalId) || !isRolePolicyOf(ctx, r, roleId) || !isDefaultPolicyShape(r)) continue
    const all = (r.props.PolicyDocument as JsonObject).Statement as Json[]
    // The L2 writes a dead-letter queue's statement first, then a traced function's X-Ray statement, then grants.
    const queueLogical = fn.deadLetterQueue !== undefined ? [...ctx.entityOf].find(([, entity]) => entity === fn.deadLetterQueue)?.[0] : undefined
    const deadLetter = queueLogical !== undefined && all.length > 0 && JSON.stringify(all[0]) === JSON.stringify(deadLetterStatement(queueLogical))
    const afterDeadLetter = deadLetter ? all.slice(1) : all
    const traced = fn.tracing !== undefined && afterDeadLetter.length > 0 && JSON.stringify(afterDeadLetter[0]) === JSON.stringify(FUNCTION_XRAY_STATEMENT)
    const statements = traced ? afterDeadLetter.slice(1) : afterDeadLetter
    const matched = matchGrants(ctx, statements)
    if ((!statements.length && !traced && !deadLetter) || matched.rest.length) return
    const grants = { ...matched.grants }
    if (grants.api?.length === 1 && grants.api[0] === 'grantManageConnections') {
      fn.manageConnections = true
      delete grants.api
    }
    if (Object.keys(grants).length) fn.grants = grants
    ctx.generated(r.logicalId, `default policy of the function role ${roleId} (${[...(deadLetter ? ['dead-letter queue'] : []), ...(traced ? ['X-Ray tracing'] : []), describeGrants(matched.grants)].join(', ')})`)
    return
  }
}

/** A policy as the CDK writes a default policy: named after its logical id, only a statement list. */
function isDefaultPolicyShape(r: ResourceEntry): boolean {
  const doc = r.props.PolicyDocument
  if (!isObject(doc) || !Array.isArray(doc.Statement) || Object.keys(doc).some((k) => k !== 'Statement' && k !== 'Version')) return false
  if (Object.keys(r.props).some((k) => !['PolicyDocument', 'PolicyName', 'Roles'].includes(k))) return false
  return r.props.PolicyName === r.logicalId
}

function describeGrants(grants: Record<EntityId, string[]>): string {
  return Object.entries(grants).map(([e, ms]) => ms.map((m) => `${e}.${m}`).join(', ')).join(', ') || 'no grants'
}

/** A statement in design text (`Resource` as `@{x.arn}`), in the shape it was written, or undefined. */
function statementText(ctx: ImportContext, st: Json): string | undefined {
  if (!isObject(st) || Object.keys(st).some((k) => !['Action', 'Effect', 'Resource'].includes(k))) return undefined
  const one = (v: Json) => ctx.text(v)
  const resource = Array.isArray(st.Resource) ? st.Resource.map(one) : one(st.Resource ?? null)
  if (resource === undefined || (Array.isArray(resource) && resource.some((x) => x === undefined))) return undefined
  return JSON.stringify({ Action: st.Action ?? null, Effect: st.Effect ?? null, Resource: resource as Json })
}

/**
 * Finds the CDK grant calls a run of statements came from: at each position the longest grant (entity, method)
 * whose statements match exactly (actions in the CDK's order, resources as the CDK writes them).
 */
export function matchGrants(ctx: ImportContext, statements: Json[]): { grants: Record<EntityId, string[]>; rest: Json[] } {
  const design = ctx.design
  const texts = statements.map((s) => statementText(ctx, s))
  const candidates: { entity: EntityId; method: string; expected: string[] }[] = []
  const entities = ['api', ...Object.keys(design.stages), ...Object.keys(design.resources)]
  for (const entity of entities) {
    const kind = grantableKind(design, entity)
    for (const method of Object.keys((kind && GRANT_METHODS[kind]) ?? {})) {
      const expected = (grantStatements(design, entity, method) ?? []).map((s) => JSON.stringify(grantStatementJson(design, entity, s)))
      candidates.push({ entity, method, expected })
    }
  }
  candidates.sort((a, b) => b.expected.length - a.expected.length)
  const grants: Record<EntityId, string[]> = Object.create(null) as Record<EntityId, string[]>
  const rest: Json[] = []
  for (let i = 0; i < statements.length; ) {
    const hit = texts[i] === undefined ? undefined : candidates.find((c) => c.expected.every((e, k) => texts[i + k] === e))
    if (!hit) {
      rest.push(statements[i])
      i++
      continue
    }
    const list = (grants[hit.entity] ??= [])
    if (!list.includes(hit.method)) list.push(hit.method)
    i += hit.expected.length
  }
  return { grants: { ...grants }, rest }
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
        if (suffix === 'authorizers/') ctx.generated(r.logicalId, 'invoke permission for the authorizer (WebSocketLambdaAuthorizer)', authEntity)
        continue
      }
      const routeKey = suffix.startsWith('*') ? suffix.slice(1) : undefined
      const usedByRoute = routeKey !== undefined && routeKeys.has(routeKey) &&
        Object.values(ctx.design.routes).some((rt) => rt.key === routeKey && rt.integration && ctx.design.integrations[rt.integration]?.type === 'lambda-proxy' && ctx.design.integrations[rt.integration].target === fnEntity)
      if (usedByRoute) ctx.generated(r.logicalId, `invoke permission for route ${routeKey} (WebSocketLambdaIntegration)`)
    }
  }
  for (const role of Object.entries(ctx.design.resources).filter(([, x]) => x.type === 'iam-role')) absorbRolePolicies(ctx, role[0])
  for (const [fn, role] of ctx.functionRoles) absorbFunctionPolicy(ctx, fn, role)
}

export function absorbRolePolicies(ctx: ImportContext, roleEntity: EntityId): void {
  const roleLogical = [...ctx.entityOf].find(([, e]) => e === roleEntity)?.[0]
  if (!roleLogical) return
  const role = ctx.design.resources[roleEntity] as Extract<Resource, { type: 'iam-role' }>
  const expected = new Map<string, { entity: EntityId; actions: string[]; indexes: boolean }>()
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
    expected.set(JSON.stringify([u.permission.actions, permissionResourceTexts(u.permission)]), { entity: u.permission.resource, actions: u.permission.actions, indexes: !!u.permission.indexes })
  }
  const grantKey = (st: Json): string | undefined => {
    if (!isObject(st) || st.Effect !== 'Allow' || Object.keys(st).some((k) => !['Action', 'Effect', 'Resource'].includes(k))) return undefined
    const actions = typeof st.Action === 'string' ? [st.Action] : st.Action
    const texts = (Array.isArray(st.Resource) ? st.Resource : [st.Resource ?? null]).map((r) => ctx.text(r))
    return Array.isArray(actions) && texts.every((t) => t !== undefined) ? JSON.stringify([actions, texts]) : undefined
  }
  for (const r of ctx.resources.values()) {
    if (ctx.consumed.has(r.logicalId) || !isRolePolicyOf(ctx, r, roleLogical) || !isDefaultPolicyShape(r)) continue
    const statements = (r.props.PolicyDocument as JsonObject).Statement as Json[]
    // A statement exactly like the least-privilege one the export generates stays that; the others may be grants.
    const regenerated = statements.filter((st) => expected.has(grantKey(st) ?? ''))
    const matched = matchGrants(ctx, statements.filter((st) => !expected.has(grantKey(st) ?? '')))
    const grants: Record<EntityId, string[]> = { ...(role.grants ?? {}) }
    for (const [entity, methods] of Object.entries(matched.grants)) grants[entity] = [...new Set([...(grants[entity] ?? []), ...methods])]
    if (Object.keys(grants).length) role.grants = grants
    // A statement the export regenerates is dropped, unless a grant already allows it (then the export would
    // not write it again, so it is kept).
    const extra = [...regenerated.filter((st) => {
      const need = expected.get(grantKey(st) ?? '')!
      return (!need.indexes || isIndexedTable(ctx.design, need.entity)) && grantsCover(ctx.design, role.grants, need.entity, need.actions)
    }), ...matched.rest]
    if (extra.length) role.extraStatements = [...(role.extraStatements ?? []), ...extra]
    ctx.generated(r.logicalId, `policy of role ${roleLogical}${Object.keys(matched.grants).length ? ` (${describeGrants(matched.grants)})` : ''}${extra.length ? ` (${extra.length} statement(s) kept as extraStatements)` : ''}`)
  }
}
