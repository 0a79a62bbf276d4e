/**
 * CDK grant methods (`table.grantWriteData(role)`, `queue.grantSendMessages(role)`, …) as design data: a role
 * (or a function's service role) lists the grants it was given — `grants: { table: [grantWriteData] }` — and
 * every target writes the same grant: the CDK targets as the grant call on the construct, CloudFormation as the
 * exact statements the call synthesizes to. The statement tables below are what aws-cdk-lib 2.276 writes for
 * each method (actions in its order; proven by synthesizing every method in the import corpus).
 */

import { authorizerPermission, integrationPermission, type PermissionResult } from './permissions'
import { effectiveResourceType, ownEntry } from './queries'
import { isIndexedTable } from './tableAttributes'
import type { Design, EntityId, Json, ResourceType } from './types'

/** How a grant statement names its resource. */
type GrantResource =
  /** `@{x.arn}` */
  | 'arn'
  /** A table: `@{x.arn}`, and `@{x.arn}/index/*` when it has an index (aws-cdk-lib's table grants add it then). */
  | 'tableAndIndexes'
  /** `@{x.arn}` and `@{x.arn}:*` (Lambda: the function and its versions/aliases). */
  | 'arnAndVersions'
  /** `arn:…:execute-api:<region>:<account>:<api id>/*\/*\/@connections/*` (the API) or `/<stage>/*\/@connections/*`. */
  | 'connections'

export interface GrantStatement {
  actions: readonly string[]
  resource: GrantResource
  /** The CDK writes `Resource` as a list for some services (DynamoDB, Lambda) and as a scalar for others. */
  list?: boolean
}

const DDB_READ = ['dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:GetItem', 'dynamodb:Scan', 'dynamodb:ConditionCheckItem', 'dynamodb:DescribeTable']
const DDB_WRITE = ['dynamodb:BatchWriteItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:DescribeTable']
const DDB_STREAM: GrantStatement = { actions: ['dynamodb:GetRecords', 'dynamodb:GetShardIterator'], resource: 'tableAndIndexes', list: true }
const KINESIS_READ = [
  'kinesis:DescribeStreamSummary', 'kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:ListShards', 'kinesis:SubscribeToShard',
  'kinesis:DescribeStream', 'kinesis:ListStreams', 'kinesis:DescribeStreamConsumer',
]
const MANAGE: GrantStatement[] = [{ actions: ['execute-api:ManageConnections'], resource: 'connections' }]

/** What a grant can be given on: a design resource type, the API, or a stage. */
export type Grantable = ResourceType | 'api' | 'stage'

/** Grant method → the statements it adds to the grantee's default policy, per grantable kind. */
export const GRANT_METHODS: Partial<Record<Grantable, Record<string, readonly GrantStatement[]>>> = {
  'dynamodb-table': {
    grantReadData: [{ actions: DDB_READ, resource: 'tableAndIndexes', list: true }, DDB_STREAM],
    grantWriteData: [{ actions: DDB_WRITE, resource: 'tableAndIndexes', list: true }],
    grantReadWriteData: [{ actions: [...DDB_READ.slice(0, -1), ...DDB_WRITE], resource: 'tableAndIndexes', list: true }, DDB_STREAM],
    grantFullAccess: [{ actions: ['dynamodb:*'], resource: 'tableAndIndexes', list: true }],
  },
  'sqs-queue': {
    grantSendMessages: [{ actions: ['sqs:SendMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl'], resource: 'arn' }],
    grantConsumeMessages: [{ actions: ['sqs:ReceiveMessage', 'sqs:ChangeMessageVisibility', 'sqs:GetQueueUrl', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes'], resource: 'arn' }],
  },
  'sns-topic': { grantPublish: [{ actions: ['sns:Publish'], resource: 'arn' }] },
  'kinesis-stream': {
    grantRead: [{ actions: KINESIS_READ, resource: 'arn' }],
    grantWrite: [{ actions: ['kinesis:ListShards', 'kinesis:PutRecord', 'kinesis:PutRecords'], resource: 'arn' }],
    grantReadWrite: [{ actions: [...KINESIS_READ, 'kinesis:PutRecord', 'kinesis:PutRecords'], resource: 'arn' }],
  },
  'eventbridge-bus': { grantPutEventsTo: [{ actions: ['events:PutEvents'], resource: 'arn' }] },
  'state-machine': {
    grantStartExecution: [{ actions: ['states:StartExecution'], resource: 'arn' }],
    grantStartSyncExecution: [{ actions: ['states:StartSyncExecution'], resource: 'arn' }],
  },
  'lambda-function': { grantInvoke: [{ actions: ['lambda:InvokeFunction'], resource: 'arnAndVersions', list: true }] },
  'log-group': { grantWrite: [{ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resource: 'arn' }] },
  api: { grantManageConnections: MANAGE },
  stage: { grantManagementApiAccess: MANAGE },
}

/** Every grant method name, for the schema and the inspector. */
export const GRANT_METHOD_NAMES: readonly string[] = [...new Set(Object.values(GRANT_METHODS).flatMap((m) => Object.keys(m ?? {})))]

/** What kind of grantable an entity is, or undefined. */
export function grantableKind(design: Design, entity: EntityId): Grantable | undefined {
  if (entity === 'api') return 'api'
  if (Object.prototype.hasOwnProperty.call(design.stages, entity)) return 'stage'
  if (!Object.prototype.hasOwnProperty.call(design.resources, entity)) return undefined
  const r = design.resources[entity]
  // Grants on an existing resource would need the L2 `fromXxxArn` import; only modelled resources are grantable.
  return r.type === 'existing' ? undefined : r.type
}

/** The statements of `method` on `entity`, or undefined when that grant does not exist for it. */
export function grantStatements(design: Design, entity: EntityId, method: string): readonly GrantStatement[] | undefined {
  const kind = grantableKind(design, entity)
  const table = kind ? GRANT_METHODS[kind] : undefined
  return table && Object.prototype.hasOwnProperty.call(table, method) ? table[method] : undefined
}

/** A grant statement's resource(s) as design text (`@{table.arn}`, …), in the CDK's order. */
export function grantResourceTexts(design: Design, entity: EntityId, statement: GrantStatement): string[] {
  switch (statement.resource) {
    case 'arn':
      return [`@{${entity}.arn}`]
    case 'tableAndIndexes':
      return isIndexedTable(design, entity) ? [`@{${entity}.arn}`, `@{${entity}.arn}/index/*`] : [`@{${entity}.arn}`]
    case 'arnAndVersions':
      return [`@{${entity}.arn}`, `@{${entity}.arn}:*`]
    case 'connections': {
      const stage = entity === 'api' ? '*' : escapeStar(design.stages[entity].name)
      return [`arn:@{aws.partition}:execute-api:@{aws.region}:@{aws.accountId}:@{api.id}/${stage}/*/@connections/*`]
    }
  }
}

const escapeStar = (name: string) => name.replace(/@\{/g, '@@{')

/** The grant as IAM statements in design text (what CloudFormation gets, references still `@{…}`). */
export function grantStatementJson(design: Design, entity: EntityId, statement: GrantStatement): Json {
  const resources = grantResourceTexts(design, entity, statement)
  return {
    Action: statement.actions.length === 1 ? statement.actions[0] : [...statement.actions],
    Effect: 'Allow',
    Resource: statement.list || resources.length > 1 ? resources : resources[0],
  }
}

/** Every action a role's grants allow on `entity` (for "could be narrower" and to skip covered needs). */
export function grantedActions(design: Design, grants: Record<EntityId, string[]> | undefined, entity: EntityId): string[] {
  const out: string[] = []
  for (const method of (grants && Object.prototype.hasOwnProperty.call(grants, entity) ? grants[entity] : [])) {
    for (const s of grantStatements(design, entity, method) ?? []) if (s.resource !== 'connections') out.push(...s.actions)
  }
  return [...new Set(out)]
}

/** Whether `actions` on `entity` are already allowed by the grants (`dynamodb:*` covers every DynamoDB action). */
export function grantsCover(design: Design, grants: Record<EntityId, string[]> | undefined, entity: EntityId, actions: readonly string[]): boolean {
  const granted = grantedActions(design, grants, entity)
  return actions.every((a) => granted.includes(a) || granted.includes(`${a.split(':')[0]}:*`))
}

/** The resource type a grant target stands for, for messages. */
export function grantTargetType(design: Design, entity: EntityId): string {
  const kind = grantableKind(design, entity)
  if (kind === 'api' || kind === 'stage') return kind
  return effectiveResourceType(design.resources[entity]) ?? 'resource'
}

/** What the integrations and authorizers that use `roleId` as credentials need, per target entity. */
export function roleNeeds(design: Design, roleId: EntityId): Map<EntityId, string[]> {
  const needs = new Map<EntityId, string[]>()
  const add = (r: PermissionResult) => {
    if (!r.ok || !r.permission) return
    const list = needs.get(r.permission.resource) ?? []
    for (const a of r.permission.actions) if (!list.includes(a)) list.push(a)
    needs.set(r.permission.resource, list)
  }
  for (const [id, i] of Object.entries(design.integrations)) if (i.credentials && 'role' in i.credentials && i.credentials.role === roleId) add(integrationPermission(design, id))
  for (const [id, a] of Object.entries(design.authorizers)) if (a.credentials && 'role' in a.credentials && a.credentials.role === roleId) add(authorizerPermission(design, id))
  return needs
}

export interface BroaderGrant {
  entity: EntityId
  /** Every action the role's grants allow on the entity. */
  granted: string[]
  /** What the role's integrations and authorizers need there (may be empty). */
  needed: string[]
}

/** The grants of a credentials role that allow more than its integrations and authorizers use. */
export function broaderGrants(design: Design, roleId: EntityId): BroaderGrant[] {
  const role = Object.prototype.hasOwnProperty.call(design.resources, roleId) ? design.resources[roleId] : undefined
  if (role?.type !== 'iam-role' || !role.grants) return []
  const needs = roleNeeds(design, roleId)
  const out: BroaderGrant[] = []
  for (const entity of Object.keys(role.grants)) {
    const granted = grantedActions(design, role.grants, entity)
    const needed = needs.get(entity) ?? []
    if (granted.some((a) => !needed.includes(a))) out.push({ entity, granted, needed })
  }
  return out
}

/**
 * The role's grants without the broader ones: what it then may do is exactly what its integrations use (the
 * export generates those least-privilege statements). Only ever applied by the user ("narrow" in the inspector).
 */
export function narrowedGrants(design: Design, roleId: EntityId): Record<EntityId, string[]> | undefined {
  const role = ownEntry(design.resources, roleId)
  if (role?.type !== 'iam-role' || !role.grants) return undefined
  const broader = new Set(broaderGrants(design, roleId).map((b) => b.entity))
  const kept = Object.entries(role.grants).filter(([entity]) => !broader.has(entity))
  return kept.length ? Object.fromEntries(kept) : undefined
}
