/**
 * Design → ExportIr. The order here is the order of the generated CDK code (and of the template's
 * resources): resources the integrations act on, credentials roles, the API, authorizers, integrations,
 * models, routes, integration responses, domains, stages and deployments.
 */

import { ownEntry } from '../../model/queries'
import type { Design, Resource } from '../../model/types'
import { refsIn } from '../../model/refs'
import { fieldsOf, walkFields } from '../../model/walk'
import { call, lit, member, v, type Code } from './code'
import { cfnValue } from './cfnValue'
import { IrContext } from './context'
import { API_OWNER, buildApi } from './buildApi'
import { buildAuthorizer, type AuthorizerInfo } from './buildAuthorizers'
import { buildIntegration, type IntegrationInfo } from './buildIntegrations'
import { buildResource } from './resources/buildResource'
import { buildResponses, type ResponseInfo } from './buildResponses'
import { buildGrants } from './buildGrants'
import { buildRole } from './buildRoles'
import { buildRoute, routeVariable, type RouteInfo } from './buildRoutes'
import { buildDomain, buildStage, defineStageAttributes, type DomainInfo } from './buildStages'
import { buildModel } from './buildModels'
import { escapeCdkKeys } from './cdkKeys'
import { checkReferences } from './checkReferences'
import { buildVerbatim } from './buildVerbatim'
import { buildResourceOptions } from './buildResourceOptions'
import { pascalCase } from './names'
import type { ExportIr } from './types'

export interface IrOptions {
  /** Stack id; default `<Api>Stack`. It is part of a few CDK logical ids (authorizer permissions, API mappings). */
  stackName?: string
}

export function defaultStackName(design: Design): string {
  return `${pascalCase(design.api.constructId ?? design.api.name)}Stack`
}

export function projectNameOf(design: Design): string {
  const words = (design.api.constructId ?? design.api.name)
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
  const name = words.join('-')
  return /^[a-z]/.test(name) ? name : `app-${name}`
}

export function buildIr(design: Design, options: IrOptions = {}): ExportIr {
  const stackName = options.stackName ?? defaultStackName(design)
  const ctx = new IrContext(design, stackName)

  // Resources usually come first (the API's integrations need them). A resource that references the API
  // or a stage (say, a function's environment holding the endpoint) needs the API declared before it.
  const apiFirst = Object.values(design.resources).some((r) =>
    referencedEntities(r).some((e) => e === API_OWNER || Object.prototype.hasOwnProperty.call(design.stages, e)),
  )
  let api = apiFirst ? buildApiAndStageAttributes(ctx) : undefined
  for (const id of resourceOrder(design)) buildResource(ctx, id, design.resources[id])
  for (const [id, r] of Object.entries(design.resources)) if (r.type === 'iam-role') buildRole(ctx, id, r)
  api ??= buildApiAndStageAttributes(ctx)
  for (const [id, r] of Object.entries(design.resources)) {
    if (r.type === 'lambda-function' && r.manageConnections) grantManageConnections(ctx, id)
  }

  const authorizers = new Map<string, AuthorizerInfo>()
  // An authorizer whose route will be an L1 route (HTTP integration, or none) is built as L1 too.
  const l1Routes = Object.values(design.routes).filter((r) => {
    const type = ownEntry(design.integrations, r.integration)?.type
    return !type || type === 'http' || type === 'http-proxy'
  })
  for (const [id, a] of Object.entries(design.authorizers)) {
    authorizers.set(id, buildAuthorizer(ctx, id, a, l1Routes.some((r) => r.authorizer === id)))
  }
  const integrations = new Map<string, IntegrationInfo>()
  for (const [id, i] of Object.entries(design.integrations)) {
    const info = buildIntegration(ctx, id, i)
    if (info) integrations.set(id, info)
  }
  const models = new Map<string, { variable: string; path: string[] }>()
  for (const [id, m] of Object.entries(design.models)) models.set(m.name, buildModel(ctx, id, m))

  const routes: RouteInfo[] = []
  const firstRoute = new Map<string, RouteInfo>()
  for (const [id, route] of Object.entries(design.routes)) {
    const integration = route.integration ? integrations.get(route.integration) : undefined
    if (route.integration && !integration) ctx.error('EXP001', `Route integration "${route.integration}" is not an integration of this design.`, id, 'integration')
    const authorizer = route.authorizer ? authorizers.get(route.authorizer) : undefined
    if (route.authorizer && !authorizer) ctx.error('EXP001', `Route authorizer "${route.authorizer}" is not an authorizer of this design.`, id, 'authorizer')
    const info = buildRoute(ctx, id, route, integration, authorizer)
    routes.push(info)
    if (route.integration && !firstRoute.has(route.integration)) firstRoute.set(route.integration, info)
    // The route response's models too: its RouteResponse is created with (or after) the route.
    for (const modelName of new Set([...Object.values(route.requestModels ?? {}), ...Object.values(route.responseModels ?? {})])) {
      const model = models.get(modelName)
      if (!model) continue
      ctx.emit(id, { k: 'expr', value: call(member(routeVariable(info), 'node'), 'addDependency', [v(model.variable)]) })
      ctx.dependencies.push({ from: info.constructPath, to: [model.path] })
    }
  }

  const responses: ResponseInfo[] = []
  const anyDeployment = Object.values(design.stages).some((s) => s.autoDeploy !== true && s.deployment !== false)
  for (const [id, integration] of integrations) {
    const integrationResponses = design.integrations[id].responses
    if (!integration.logicalId) {
      ctx.warn('EXP003', 'No route uses this integration, so it is not exported (CDK creates integrations only when a route binds them).', id)
      continue
    }
    if (integrationResponses && Object.keys(integrationResponses).length) {
      responses.push(...buildResponses(ctx, integration, firstRoute.get(id), integrationResponses, anyDeployment))
    }
  }

  const domains = new Map<string, DomainInfo>()
  for (const [id, d] of Object.entries(design.domains)) domains.set(id, buildDomain(ctx, id, d))
  const stageVariables = new Map<string, string>()
  for (const [id, s] of Object.entries(design.stages)) {
    const stage = buildStage(ctx, id, s, domains)
    stageVariables.set(id, stage.variable)
    if (stage.needsDeployment) buildDeployment(ctx, id, s.name, stage, routes, responses)
  }
  buildGrants(ctx, stageVariables)

  const verbatim = buildVerbatim(ctx, design)
  buildResourceOptions(ctx)
  resolveDependencies(ctx)
  checkReferences(ctx, ctx.resources, verbatim)
  const restoredKeys = escapeCdkKeys(ctx)
  return {
    stackName,
    stackClass: /Stack$/.test(stackName) ? stackName : `${stackName}Stack`,
    projectName: projectNameOf(design),
    resources: ctx.resources,
    conditions: ctx.conditions,
    statements: ctx.statements,
    routeClosure: (routeId: string) => routeClosure(design, routeId),
    verbatim: verbatim.verbatim,
    verbatimResources: verbatim.resources,
    diagnostics: ctx.diagnostics,
    cdkDiagnostics: ctx.cdkDiagnostics,
    cfnDiagnostics: ctx.cfnDiagnostics,
    restoredKeys,
    apiVariable: api.variable,
  }
}

/** The API, and what stage references resolve to (a stage's name and URL need only the API). */
function buildApiAndStageAttributes(ctx: IrContext): ReturnType<typeof buildApi> {
  const api = buildApi(ctx)
  for (const [id, s] of Object.entries(ctx.design.stages)) defineStageAttributes(ctx, id, s.name)
  return api
}

/** Resources in an order where every resource comes after the ones its strings reference. */
function resourceOrder(design: Design): string[] {
  const order: string[] = []
  const state = new Map<string, 'visiting' | 'done'>()
  const visit = (id: string) => {
    if (state.get(id)) return
    state.set(id, 'visiting')
    for (const dep of resourceDependencies(design.resources[id])) if (Object.hasOwn(design.resources, dep) && dep !== id) visit(dep)
    state.set(id, 'done')
    order.push(id)
  }
  for (const id of Object.keys(design.resources)) visit(id)
  return order
}

/**
 * The entities a resource's construct needs declared before it: what its reference fields name (a queue's
 * dead-letter queue, a table's Kinesis stream, a function's log group) and what its strings reference.
 */
function resourceDependencies(resource: Resource): string[] {
  const named: string[] = []
  walkFields(fieldsOf('resources', resource), resource as unknown as Record<string, unknown>, [], (spec, value) => {
    if (spec.kind === 'ref' && typeof value === 'string') named.push(value)
  })
  return [...named, ...referencedEntities(resource)]
}

function referencedEntities(value: unknown): string[] {
  if (typeof value === 'string') return refsIn(value).map((r) => r.entity)
  if (Array.isArray(value)) return value.flatMap(referencedEntities)
  if (value && typeof value === 'object') return Object.values(value).flatMap(referencedEntities)
  return []
}

function grantManageConnections(ctx: IrContext, functionId: string): void {
  const fn = ctx.resources.find((r) => r.owner === functionId && r.type === 'AWS::Lambda::Function')
  if (!fn) return
  const given = ctx.design.resources[functionId]
  if (given.cfnExtra?.Role !== undefined) {
    // The grant would go to a policy on a role the design does not own (kept in cfnExtra): say so rather than guess.
    ctx.error('EXP016', 'A function with its own role (cfnExtra Role) cannot get the generated ManageConnections grant; add the statement to that role instead.', functionId, 'manageConnections')
    return
  }
  const functionConstructId = fn.path[0]
  ctx.emit(functionId, { k: 'expr', value: call(v(ctx.api!.variable), 'grantManageConnections', [v(ctx.varOf(functionId))]) })
  const resource = cfnValue([
    'arn:', { kind: 'pseudo', name: 'partition' }, ':execute-api:', { kind: 'pseudo', name: 'region' }, ':',
    { kind: 'pseudo', name: 'accountId' }, ':', ...ctx.text('@{api.id}', functionId, 'manageConnections'), '/*/*/@connections/*',
  ])
  const rolePath = [functionConstructId, 'ServiceRole', 'Resource']
  ctx.defaultPolicyStatements(functionId, [functionConstructId, 'ServiceRole', 'DefaultPolicy', 'Resource'], ctx.resourceLogicalId(rolePath), fn)
    .push({ Action: 'execute-api:ManageConnections', Effect: 'Allow', Resource: resource })
}

function buildDeployment(ctx: IrContext, stageId: string, stageName: string, stage: { variable: string; constructPath: string[] }, routes: RouteInfo[], responses: ResponseInfo[]): void {
  const api = ctx.api!
  const constructId = ctx.stackChildId(`${stage.constructPath[0]}Deployment`)
  const variable = ctx.names.take(`${stageId} deployment`, 'deployment')
  ctx.emit(stageId, { k: 'comment', text: 'No auto-deploy: deploy once after every route (CDK has no WebSocket Deployment L2).' })
  ctx.emit(stageId, {
    k: 'const',
    name: variable,
    value: { k: 'new', sym: { module: 'apigwv2', name: 'CfnDeployment' }, args: [{ k: 'this' }, lit(constructId)], props: [['apiId', member(v(api.variable), 'apiId')], ['stageName', lit(stageName)]] },
  })
  const targets: Code[] = [...routes.map((r) => routeVariable(r)), v(stage.variable)]
  const responseTargets = responses.map((r) => (r.variable ? v(r.variable) : call(member({ k: 'this' }, 'node'), 'findChild', [lit(r.path[0])])))
  const extraTargets = routes.flatMap((r) => r.extraPaths.map((p) => call(member({ k: 'this' }, 'node'), 'findChild', [lit(p[0])])))
  ctx.emit(stageId, { k: 'expr', value: call(member(v(variable), 'node'), 'addDependency', [...targets, ...extraTargets, ...responseTargets]) })
  ctx.addResource(stageId, [constructId], 'AWS::ApiGatewayV2::Deployment', { ApiId: ctx.apiRef(), StageName: stageName })
  ctx.dependencies.push({
    from: [constructId],
    to: [...routes.map((r) => r.constructPath), ...routes.flatMap((r) => r.extraPaths), stage.constructPath, ...responses.map((r) => r.path)],
  })
}

function resolveDependencies(ctx: IrContext): void {
  for (const { from, to } of ctx.dependencies) {
    const targets = to.flatMap((p) => ctx.resourcesUnder(p))
    for (const r of ctx.resources) {
      if (!from.every((c, i) => r.path[i] === c)) continue
      const set = new Set([...(r.dependsOn ?? []), ...targets.filter((t) => t !== r.logicalId)])
      r.dependsOn = [...set].sort()
    }
  }
}

/** Everything a route needs in a snippet: integration, authorizer, their targets and roles. */
export function routeClosure(design: Design, routeId: string): string[] {
  const out = new Set<string>([routeId])
  const route = design.routes[routeId]
  const addResource = (id: string | undefined) => {
    if (!id || out.has(id) || !Object.hasOwn(design.resources, id)) return
    out.add(id)
    for (const dep of resourceDependencies(design.resources[id])) addResource(dep)
  }
  const addCredentials = (c: { role: string } | { arn: string } | { caller: true } | undefined) => {
    if (c && 'role' in c) addResource(c.role)
  }
  if (route.integration && Object.hasOwn(design.integrations, route.integration)) {
    const i = design.integrations[route.integration]
    out.add(route.integration)
    // CDK creates a shared integration under the first route that binds it (and the integration's
    // responses and overrides reach it through that route), so the routes sharing it come along.
    for (const [otherId, other] of Object.entries(design.routes)) if (other.integration === route.integration) out.add(otherId)
    addResource(i.target)
    addCredentials(i.credentials)
    for (const dep of referencedEntities(i)) addResource(dep)
  }
  if (route.authorizer && Object.hasOwn(design.authorizers, route.authorizer)) {
    const a = design.authorizers[route.authorizer]
    out.add(route.authorizer)
    addResource(a.function)
    addCredentials(a.credentials)
  }
  // The models of every route in the snippet (routes sharing the integration come along, with their dependencies).
  for (const id of [...out]) {
    const r = design.routes[id]
    if (!r) continue
    for (const name of [...Object.values(r.requestModels ?? {}), ...Object.values(r.responseModels ?? {})]) {
      const model = Object.entries(design.models).find(([, m]) => m.name === name)
      if (model) out.add(model[0])
    }
  }
  out.delete(API_OWNER)
  return [...out]
}

