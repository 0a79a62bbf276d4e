/**
 * Least-privilege IAM for AWS service integrations: which action(s) the role API Gateway assumes needs,
 * on which design resource. One table, pure, shared by the exporters (CloudFormation, CDK TS, CDK Python)
 * and the canvas (to show what a generated role will be allowed to do).
 */

import { effectiveResourceType, ownEntry } from './queries'
import type { Design, EntityId, Json, JsonObject, ResourceType } from './types'

export interface RequiredPermission {
  /** IAM actions, e.g. `['dynamodb:PutItem']`. */
  actions: string[]
  /** The design resource the actions apply to (its ARN is the policy resource). */
  resource: EntityId
  /**
   * DynamoDB secondary indexes a Query or Scan reads (`*` when the template picks the name at run time): DynamoDB
   * authorizes those calls on `<table ARN>/index/<name>`, so a grant on the table ARN alone is AccessDenied.
   */
  indexes?: string[]
}

/** The policy resources of a permission, in design text: the ARN, then each index ARN. */
export function permissionResourceTexts(p: RequiredPermission): string[] {
  return [`@{${p.resource}.arn}`, ...(p.indexes ?? []).map((name) => `@{${p.resource}.arn}/index/${name}`)]
}

/**
 * The index names a DynamoDB request template reads through `"IndexName"`: the literal name, or `*` when the
 * value is not a plain literal (a VTL reference or expression picks it per message).
 */
/** What `tracing` adds first to a function's service role (aws-cdk-lib aws-lambda Function, Active and PassThrough alike). */
export const FUNCTION_XRAY_STATEMENT = { Action: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], Effect: 'Allow', Resource: '*' } as const

/** What logging to a log group adds first to a state machine's role (aws-cdk-lib aws-stepfunctions StateMachine `logs`). */
export const STATE_MACHINE_LOGGING_STATEMENT = {
  Action: [
    'logs:CreateLogDelivery', 'logs:GetLogDelivery', 'logs:UpdateLogDelivery', 'logs:DeleteLogDelivery',
    'logs:ListLogDeliveries', 'logs:PutResourcePolicy', 'logs:DescribeResourcePolicies', 'logs:DescribeLogGroups',
  ],
  Effect: 'Allow',
  Resource: '*',
} as const

/** What X-Ray tracing adds to a state machine's role, in aws-cdk-lib's order (aws-stepfunctions StateMachine). */
export const STATE_MACHINE_XRAY_STATEMENT = {
  Action: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords', 'xray:GetSamplingRules', 'xray:GetSamplingTargets'],
  Effect: 'Allow',
  Resource: '*',
} as const

export function templateIndexNames(templates: Record<string, string> | undefined): string[] {
  const names = new Set<string>()
  for (const text of Object.values(templates ?? {})) {
    for (const m of text.matchAll(/"IndexName"\s*:\s*("(?:[^"\\]|\\.)*"|[^,}\s]+)/g)) {
      const literal = /^"([A-Za-z0-9_.-]{3,255})"$/.exec(m[1])
      names.add(literal ? literal[1] : '*')
    }
  }
  return names.has('*') ? ['*'] : [...names].sort()
}

interface ServiceRule {
  /** IAM namespace (the URI service name is the same for every supported service). */
  prefix: string
  /** What the integration's target must be. */
  targets: ResourceType[]
  /** Actions this integration may call; the first is the default for path-style URIs. */
  actions: string[]
}

/** The services API Gateway WebSocket integrations call, with the actions we grant. */
export const SERVICE_PERMISSIONS: Record<string, ServiceRule> = {
  dynamodb: {
    prefix: 'dynamodb',
    targets: ['dynamodb-table'],
    actions: ['PutItem', 'GetItem', 'DeleteItem', 'UpdateItem', 'Query', 'Scan', 'BatchWriteItem', 'BatchGetItem', 'TransactWriteItems'],
  },
  sqs: { prefix: 'sqs', targets: ['sqs-queue'], actions: ['SendMessage', 'SendMessageBatch'] },
  sns: { prefix: 'sns', targets: ['sns-topic'], actions: ['Publish'] },
  kinesis: { prefix: 'kinesis', targets: ['kinesis-stream'], actions: ['PutRecord', 'PutRecords'] },
  events: { prefix: 'events', targets: ['eventbridge-bus'], actions: ['PutEvents'] },
  states: { prefix: 'states', targets: ['state-machine'], actions: ['StartExecution', 'StartSyncExecution'] },
  lambda: { prefix: 'lambda', targets: ['lambda-function'], actions: ['InvokeFunction'] },
}

export type PermissionResult =
  | { ok: true; permission: RequiredPermission }
  /** Nothing to grant (Mock, proxy integrations, HTTP). */
  | { ok: true; permission: undefined }
  | { ok: false; reason: string }

/**
 * A function outside the design, named by CloudFormation the import kept (a parameter ARN, `Fn::ImportValue`, a
 * SAM function kept verbatim): nothing can be generated for it, and the role's own policies (kept from the
 * template) are what allow the call. The checks say so (MDL014 / MDL036 warnings).
 */
const OUTSIDE: PermissionResult = { ok: true, permission: undefined }

/** The permission an integration's credentials role needs. */
export function integrationPermission(design: Design, integrationId: EntityId): PermissionResult {
  const integration = ownEntry(design.integrations, integrationId)
  if (!integration) return { ok: false, reason: `no integration "${integrationId}"` }
  if (integration.type === 'lambda' && !integration.target && integration.cfnExtra?.IntegrationUri !== undefined) return OUTSIDE
  if (integration.type === 'lambda') return targetPermission(design, integration.target, 'lambda', 'InvokeFunction')
  if (integration.type !== 'aws') return { ok: true, permission: undefined }
  const service = integration.service
  if (!service) return { ok: false, reason: 'an AWS integration needs a service to derive its permission' }
  const rule = ownEntry(SERVICE_PERMISSIONS, service)
  if (!rule) return { ok: false, reason: `no permission rule for service "${service}"` }
  const action = integration.action ?? (service === 'lambda' ? 'InvokeFunction' : rule.actions[0])
  if (!rule.actions.includes(action)) {
    return { ok: false, reason: `action "${action}" is not one of ${rule.actions.join(', ')} for ${service}` }
  }
  const result = targetPermission(design, integration.target, service, action)
  if (result.ok && result.permission && service === 'dynamodb' && (action === 'Query' || action === 'Scan')) {
    const indexes = templateIndexNames(integration.requestTemplates)
    if (indexes.length) result.permission.indexes = indexes
  }
  return result
}

/** The permission an authorizer's credentials role needs: invoke the authorizer function. */
export function authorizerPermission(design: Design, authorizerId: EntityId): PermissionResult {
  const authorizer = ownEntry(design.authorizers, authorizerId)
  if (!authorizer) return { ok: false, reason: `no authorizer "${authorizerId}"` }
  if (authorizer.type !== 'lambda') return { ok: true, permission: undefined }
  if (!authorizer.function && authorizer.cfnExtra?.AuthorizerUri !== undefined) return OUTSIDE
  return targetPermission(design, authorizer.function, 'lambda', 'InvokeFunction')
}

function targetPermission(design: Design, target: EntityId | undefined, service: string, action: string): PermissionResult {
  const rule = SERVICE_PERMISSIONS[service]
  if (!target) return { ok: false, reason: `the integration has no target resource to grant ${rule.prefix}:${action} on` }
  const type = effectiveResourceType(ownEntry(design.resources, target))
  if (!type || !rule.targets.includes(type)) {
    return { ok: false, reason: `${rule.prefix}:${action} needs a ${rule.targets.join(' or ')} target, "${target}" is ${type ?? 'not a resource'}` }
  }
  return { ok: true, permission: { actions: [`${rule.prefix}:${action}`], resource: target } }
}

/**
 * The logical id of a Lambda permission kept verbatim from import that already lets API Gateway invoke
 * `functionId` from any API (`lambda:InvokeFunction` for `apigateway.amazonaws.com`, no `SourceArn`, not
 * conditional): the Serverless Framework's `<Fn>LambdaPermissionWebsockets`. It covers every route the
 * exporter would write a per-route permission for, so the export writes none (a second, narrower one would
 * change nothing but the resource count). Undefined when there is none; the first in template order wins.
 */
export function keptInvokePermission(design: Design, functionId: EntityId): string | undefined {
  const cfn = design.cloudformation
  const originals = new Set(Object.entries(cfn?.logicalIds ?? {}).filter(([, entity]) => entity === functionId).map(([logicalId]) => logicalId))
  if (!originals.size) return undefined
  for (const [logicalId, body] of Object.entries(cfn?.Resources ?? {})) {
    if (!isObject(body) || body.Type !== 'AWS::Lambda::Permission' || body.Condition !== undefined || !isObject(body.Properties)) continue
    const p = body.Properties
    if (p.Action !== 'lambda:InvokeFunction' || p.Principal !== 'apigateway.amazonaws.com' || p.SourceArn !== undefined || p.SourceAccount !== undefined) continue
    const name = functionNameTarget(p.FunctionName)
    if (name !== undefined && originals.has(name)) return logicalId
  }
  return undefined
}

const isObject = (v: Json | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v)

/** The logical id a permission's `FunctionName` names: `Ref` (the name) or `Fn::GetAtt [id, Arn]`. */
function functionNameTarget(v: Json | undefined): string | undefined {
  if (!isObject(v)) return undefined
  if (typeof v.Ref === 'string') return v.Ref
  const att = v['Fn::GetAtt']
  if (Array.isArray(att) && att.length === 2 && att[1] === 'Arn' && typeof att[0] === 'string') return att[0]
  if (typeof att === 'string' && att.endsWith('.Arn')) return att.slice(0, -'.Arn'.length)
  return undefined
}

/** The trust policy CDK writes for a role a service assumes (`new iam.ServicePrincipal(service)`). */
export function assumeRolePolicy(service: string): Json {
  return { Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: service } }], Version: '2012-10-17' }
}
