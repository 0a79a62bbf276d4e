/**
 * The service options of the resources import models (issue 9 item 13): each is taken as a field when the
 * template writes it the way the L2 construct does, and left for `cfnExtra` (kept verbatim) in any other shape.
 * `mapResources.ts` calls these per resource type; global and local indexes are in `mapTableIndexes.ts`.
 */

import type { Json, JsonObject, Resource } from '../model/types'
import { STREAM_VIEW_TYPES } from '../model/types'
import type { ImportContext } from './context'
import { isObject } from './intrinsics'
import { assignDefined, type Props } from './props'

/** Whether `value` is a mapping with exactly these keys (anything more, or an intrinsic, stays verbatim). */
export function hasExactly(value: Json | undefined, keys: string[]): value is JsonObject {
  return isObject(value) && Object.keys(value).length === keys.length && keys.every((k) => Object.prototype.hasOwnProperty.call(value, k))
}

/**
 * A table's expiry attribute, point-in-time recovery and stream: modelled when each is written as the export
 * would write it (a literal attribute name with `Enabled: true`, a literal boolean, a known view type); any other
 * shape (`Enabled: false`, an `Fn::If`, a recovery period) stays verbatim in `cfnExtra`, which keeps it exactly.
 */
export function mapTableOptions(ctx: ImportContext, p: Props, table: Resource & { type: 'dynamodb-table' }): void {
  const ttl = p.raw('TimeToLiveSpecification')
  if (hasExactly(ttl, ['AttributeName', 'Enabled']) && typeof ttl.AttributeName === 'string' && ttl.AttributeName && ttl.Enabled === true) {
    table.timeToLiveAttribute = ttl.AttributeName
    p.take('TimeToLiveSpecification')
  }
  const pitr = p.raw('PointInTimeRecoverySpecification')
  if (hasExactly(pitr, ['PointInTimeRecoveryEnabled']) && typeof pitr.PointInTimeRecoveryEnabled === 'boolean') {
    table.pointInTimeRecovery = pitr.PointInTimeRecoveryEnabled
    p.take('PointInTimeRecoverySpecification')
  }
  assignDefined(table, {
    tableClass: p.enumOf('TableClass', ['STANDARD', 'STANDARD_INFREQUENT_ACCESS'] as const),
    deletionProtection: p.bool('DeletionProtectionEnabled'),
  })
  // `SSEEnabled: true` alone is the AWS-managed key; `false`, a KMS key or a type stay verbatim.
  const sse = p.raw('SSESpecification')
  if (hasExactly(sse, ['SSEEnabled']) && sse.SSEEnabled === true) {
    table.encryption = 'AWS_MANAGED'
    p.take('SSESpecification')
  }
  const customerKey = hasExactly(sse, ['KMSMasterKeyId', 'SSEEnabled', 'SSEType']) && sse.SSEEnabled === true && sse.SSEType === 'KMS' ? keyArnText(ctx, sse.KMSMasterKeyId) : undefined
  if (customerKey !== undefined) {
    Object.assign(table, { encryption: 'CUSTOMER_MANAGED', kmsKeyArn: customerKey })
    p.take('SSESpecification')
  }
  const insights = p.raw('ContributorInsightsSpecification')
  if (hasExactly(insights, ['Enabled']) && typeof insights.Enabled === 'boolean') {
    table.contributorInsights = insights.Enabled
    p.take('ContributorInsightsSpecification')
  }
  // On-demand limits as the L2 writes them: whole numbers, on an on-demand table.
  const limits = p.raw('OnDemandThroughput')
  const limitKeys = isObject(limits) ? Object.keys(limits) : []
  if (table.billingMode === 'PAY_PER_REQUEST' && isObject(limits) && limitKeys.length && limitKeys.every((k) => (k === 'MaxReadRequestUnits' || k === 'MaxWriteRequestUnits') && Number.isInteger(limits[k]) && (limits[k] as number) >= 1)) {
    assignDefined(table, { maxReadRequestUnits: limits.MaxReadRequestUnits as number | undefined, maxWriteRequestUnits: limits.MaxWriteRequestUnits as number | undefined })
    p.take('OnDemandThroughput')
  }
  const warm = p.raw('WarmThroughput')
  const warmKeys = isObject(warm) ? Object.keys(warm) : []
  if (isObject(warm) && warmKeys.length && warmKeys.every((k) => (k === 'ReadUnitsPerSecond' || k === 'WriteUnitsPerSecond') && Number.isInteger(warm[k]) && (warm[k] as number) >= 1)) {
    table.warmThroughput = {
      ...(warm.ReadUnitsPerSecond !== undefined ? { readUnitsPerSecond: warm.ReadUnitsPerSecond as number } : {}),
      ...(warm.WriteUnitsPerSecond !== undefined ? { writeUnitsPerSecond: warm.WriteUnitsPerSecond as number } : {}),
    }
    p.take('WarmThroughput')
  }
  const kinesis = p.raw('KinesisStreamSpecification')
  const kinesisTarget = hasExactly(kinesis, ['StreamArn']) ? arnOf(ctx, kinesis.StreamArn, 'kinesis-stream') : undefined
  if (kinesisTarget !== undefined) {
    table.kinesisStream = kinesisTarget
    p.take('KinesisStreamSpecification')
  }
  const stream = p.raw('StreamSpecification')
  const view = hasExactly(stream, ['StreamViewType']) ? STREAM_VIEW_TYPES.find((t) => t === stream.StreamViewType) : undefined
  if (view) {
    table.streamViewType = view
    p.take('StreamSpecification')
  }
}

/**
 * The logical id of a state machine's role policy as the L2 writes it (named after its logical id, holding exactly
 * the statements logging and tracing add, in that order), or undefined when the role's policy holds more or is missing.
 */
export function stateMachinePolicy(ctx: ImportContext, role: string, statements: Json[]): string | undefined {
  const policies = [...ctx.resources.values()].filter((r) => r.type === 'AWS::IAM::Policy' && !ctx.consumed.has(r.logicalId) && JSON.stringify(r.props.Roles) === JSON.stringify([{ Ref: role }]))
  const only = policies.length === 1 ? policies[0] : undefined
  if (!only || only.props.PolicyName !== only.logicalId || Object.keys(only.props).length !== 3) return undefined
  return JSON.stringify(only.props.PolicyDocument) === JSON.stringify({ Statement: statements, Version: '2012-10-17' }) ? only.logicalId : undefined
}

/** A state machine's logging configuration as the L2 writes it: one log group of the design, a level, maybe execution data. */
export function stateMachineLogging(ctx: ImportContext, value: Json | undefined): (Resource & { type: 'state-machine' })['logging'] {
  if (!isObject(value) || !Array.isArray(value.Destinations) || value.Destinations.length !== 1) return undefined
  if (!Object.keys(value).every((k) => k === 'Destinations' || k === 'Level' || k === 'IncludeExecutionData')) return undefined
  const dest = value.Destinations[0]
  const arn = hasExactly(dest, ['CloudWatchLogsLogGroup']) && hasExactly(dest.CloudWatchLogsLogGroup, ['LogGroupArn']) ? dest.CloudWatchLogsLogGroup.LogGroupArn : undefined
  const group = arnOf(ctx, arn, 'log-group')
  const level = (['ALL', 'ERROR', 'FATAL', 'OFF'] as const).find((l) => l === value.Level)
  const data = value.IncludeExecutionData
  if (group === undefined || !level || (data !== undefined && typeof data !== 'boolean')) return undefined
  return { destination: group, level, ...(data !== undefined ? { includeExecutionData: data } : {}) }
}

/**
 * The resource types whose tags are a field. A function's and a state machine's constructs also create a role,
 * which `Tags.of` tags the same way: their generated role carries the same tags (cdkGenerated.ts).
 */
export const TAGGED = new Set<string>(['dynamodb-table', 'sqs-queue', 'sns-topic', 'kinesis-stream', 'eventbridge-bus', 'log-group', 'iam-role', 'lambda-function', 'state-machine'])

/**
 * Tags written as a Key/Value list of literal strings with distinct keys, none reserved (`aws:`), become the
 * `tags` map; anything else (an intrinsic value, a repeated key) stays verbatim. The order is not kept: CDK and
 * the export write tags sorted by key, and CloudFormation gives the order no meaning.
 */
export function mapResourceTags(p: Props, resource: { tags?: Record<string, string> }): void {
  const tags = literalTags(p.raw('Tags'))
  if (!tags) return
  resource.tags = tags
  p.take('Tags')
}

/** Tags as a map when they are a Key/Value list of literal strings with distinct keys, none reserved; else undefined. */
export function literalTags(raw: Json | undefined): Record<string, string> | undefined {
  if (!Array.isArray(raw) || !raw.length) return undefined
  const entries: [string, string][] = []
  for (const t of raw) {
    if (!hasExactly(t, ['Key', 'Value']) || typeof t.Key !== 'string' || typeof t.Value !== 'string' || t.Key.startsWith('aws:')) return undefined
    if (entries.some(([k]) => k === t.Key)) return undefined
    entries.push([t.Key, t.Value])
  }
  return Object.fromEntries(entries)
}

/**
 * A queue's redrive policy, when it is what the Queue L2 writes: `deadLetterTargetArn` the `Fn::GetAtt … Arn` of a
 * queue the design holds and a whole `maxReceiveCount`. Anything else (an ARN string, a JSON text, a count as text,
 * `redrivePermission` keys) stays verbatim.
 */
export function mapDeadLetterQueue(ctx: ImportContext, p: Props, queue: Resource & { type: 'sqs-queue' }): void {
  const redrive = p.raw('RedrivePolicy')
  if (!hasExactly(redrive, ['deadLetterTargetArn', 'maxReceiveCount'])) return
  const count = redrive.maxReceiveCount
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) return
  const target = /^@\{([^.}]+)\.arn\}$/.exec(ctx.text(redrive.deadLetterTargetArn) ?? '')?.[1]
  if (target === undefined || !Object.hasOwn(ctx.design.resources, target) || ctx.design.resources[target].type !== 'sqs-queue') return
  queue.deadLetterQueue = { queue: target, maxReceiveCount: count }
  p.take('RedrivePolicy')
}

/**
 * A queue's encryption, when written as the Queue L2 writes it: `SqsManagedSseEnabled` alone (true or false), or
 * the AWS-managed key alone (`KmsMasterKeyId: alias/aws/sqs`). A customer key, or both, stay verbatim.
 */
export function mapQueueEncryption(ctx: ImportContext, p: Props, queue: Resource & { type: 'sqs-queue' }): void {
  const managed = p.raw('SqsManagedSseEnabled')
  const kmsKey = p.raw('KmsMasterKeyId')
  const customerKey = managed === undefined && kmsKey !== 'alias/aws/sqs' ? keyArnText(ctx, kmsKey) : undefined
  if (typeof managed === 'boolean' && kmsKey === undefined) {
    queue.encryption = managed ? 'SQS_MANAGED' : 'UNENCRYPTED'
    p.take('SqsManagedSseEnabled')
  } else if (managed === undefined && kmsKey === 'alias/aws/sqs') {
    queue.encryption = 'KMS_MANAGED'
    p.take('KmsMasterKeyId')
  } else if (customerKey !== undefined) {
    Object.assign(queue, { encryption: 'KMS', kmsKeyArn: customerKey })
    p.take('KmsMasterKeyId')
  }
  // The L2 writes a data key reuse period only beside a KMS key.
  if (queue.encryption === 'KMS' || queue.encryption === 'KMS_MANAGED') assignDefined(queue, { dataKeyReuseSeconds: p.num('KmsDataKeyReusePeriodSeconds', true) })
  assignDefined(queue, {
    deduplicationScope: p.enumOf('DeduplicationScope', ['messageGroup', 'queue'] as const),
    fifoThroughputLimit: p.enumOf('FifoThroughputLimit', ['perQueue', 'perMessageGroupId'] as const),
  })
  // A redrive allow policy as an object (the L2's shape); one written as JSON text stays verbatim.
  const allow = p.raw('RedriveAllowPolicy')
  const permission = isObject(allow) ? (['allowAll', 'denyAll', 'byQueue'] as const).find((x) => x === allow.redrivePermission) : undefined
  const keys = isObject(allow) ? Object.keys(allow) : []
  if (isObject(allow) && permission && keys.every((k) => k === 'redrivePermission' || k === 'sourceQueueArns')) {
    const sources = allow.sourceQueueArns
    const texts = Array.isArray(sources) ? sources.map((s) => ctx.text(s)) : []
    if (sources === undefined || (Array.isArray(sources) && texts.every((t) => t !== undefined))) {
      queue.redriveAllowPolicy = { permission, ...(texts.length ? { sourceQueueArns: texts as string[] } : {}) }
      p.take('RedriveAllowPolicy')
    }
  }
}

/** A customer-managed key's ARN as design text (an `arn:` text or a reference); an id, an alias or an intrinsic the design cannot say stays verbatim. */
export function keyArnText(ctx: ImportContext, value: Json | undefined): string | undefined {
  const text = value === undefined ? undefined : ctx.text(value)
  return text !== undefined && (text.startsWith('arn:') || text.startsWith('@{')) ? text : undefined
}

/** A `kmsKeyArn` field read from `property` (SNS topics, event buses, log groups: the key is used whenever it is set). */
export function mapKeyArn(ctx: ImportContext, p: Props, resource: { kmsKeyArn?: string }, property: string): void {
  const arn = keyArnText(ctx, p.raw(property))
  if (arn === undefined) return
  resource.kmsKeyArn = arn
  p.take(property)
}

/** The design entity a `Fn::GetAtt [<logical id>, Arn]` names, when it is of this type. */
function arnOf(ctx: ImportContext, value: Json | undefined, type: Resource['type']): string | undefined {
  const target = /^@\{([^.}]+)\.arn\}$/.exec(ctx.text(value ?? null) ?? '')?.[1]
  return target !== undefined && Object.hasOwn(ctx.design.resources, target) && ctx.design.resources[target].type === type ? target : undefined
}

/** An event bus's partner event source and dead-letter queue (a queue of the design, as the L2 writes it). */
export function mapBusOptions(ctx: ImportContext, p: Props, bus: Resource & { type: 'eventbridge-bus' }): void {
  const source = ctx.text(p.raw('EventSourceName'))
  if (source !== undefined) {
    bus.eventSourceName = source
    p.take('EventSourceName')
  }
  assignDefined(bus, { deadLetterQueue: deadLetterConfigQueue(ctx, p, 'Arn') })
  mapKeyArn(ctx, p, bus, 'KmsKeyIdentifier')
}

/** `DeadLetterConfig: { <key>: Fn::GetAtt [<queue>, Arn] }` naming a queue of the design (taken), or undefined. */
function deadLetterConfigQueue(ctx: ImportContext, p: Props, key: 'Arn' | 'TargetArn'): string | undefined {
  const config = p.raw('DeadLetterConfig')
  const queue = hasExactly(config, [key]) ? arnOf(ctx, config[key], 'sqs-queue') : undefined
  if (queue !== undefined) p.take('DeadLetterConfig')
  return queue
}

const APPLICATION_LOG_LEVELS = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL'] as const
const SYSTEM_LOG_LEVELS = ['DEBUG', 'INFO', 'WARN'] as const

/**
 * A function's logging configuration (format; with JSON, the levels; a log group of the design by `Ref`), its
 * dead-letter queue (a queue of the design; cdkGenerated.ts reads the role statement the L2 writes for it), its
 * environment key by ARN and its recursive-loop setting, each as the Function L2 writes them.
 */
export function mapFunctionOptions(ctx: ImportContext, p: Props, fn: Resource & { type: 'lambda-function' }): void {
  const logging = p.raw('LoggingConfig')
  const keys = isObject(logging) ? Object.keys(logging) : []
  const format = isObject(logging) ? (['Text', 'JSON'] as const).find((f) => f === logging.LogFormat) : undefined
  const application = isObject(logging) ? APPLICATION_LOG_LEVELS.find((l) => l === logging.ApplicationLogLevel) : undefined
  const system = isObject(logging) ? SYSTEM_LOG_LEVELS.find((l) => l === logging.SystemLogLevel) : undefined
  const groupTarget = isObject(logging) && logging.LogGroup !== undefined ? /^@\{([^.}]+)\.name\}$/.exec(ctx.text(logging.LogGroup) ?? '')?.[1] : undefined
  const group = groupTarget !== undefined && Object.hasOwn(ctx.design.resources, groupTarget) && ctx.design.resources[groupTarget].type === 'log-group' ? groupTarget : undefined
  const understood = isObject(logging) && keys.length > 0 && (format !== undefined || group !== undefined) &&
    keys.every((k) => (k === 'LogFormat' && format) || (k === 'LogGroup' && group) || (k === 'ApplicationLogLevel' && application && format === 'JSON') || (k === 'SystemLogLevel' && system && format === 'JSON'))
  if (understood) {
    assignDefined(fn, { logFormat: format, applicationLogLevel: application, systemLogLevel: system, logGroup: group })
    p.take('LoggingConfig')
  }
  assignDefined(fn, { deadLetterQueue: deadLetterConfigQueue(ctx, p, 'TargetArn') })
  mapKeyArn(ctx, p, fn, 'KmsKeyArn')
  assignDefined(fn, { recursiveLoop: p.enumOf('RecursiveLoop', ['Allow', 'Terminate'] as const) })
  const snap = p.raw('SnapStart')
  // `ApplyOn: None` (what the L2 never writes) stays verbatim.
  if (hasExactly(snap, ['ApplyOn']) && snap.ApplyOn === 'PublishedVersions') {
    fn.snapStart = true
    p.take('SnapStart')
  }
  // A runtime version ARN (Manual) stays verbatim: the design names no version.
  const runtime = p.raw('RuntimeManagementConfig')
  if (hasExactly(runtime, ['UpdateRuntimeOn']) && (runtime.UpdateRuntimeOn === 'Auto' || runtime.UpdateRuntimeOn === 'FunctionUpdate')) {
    fn.runtimeUpdates = runtime.UpdateRuntimeOn
    p.take('RuntimeManagementConfig')
  }
}

/** The statement the Function L2 writes first in its service role's default policy for a dead-letter queue. */
export function deadLetterStatement(queueLogicalId: string): Json {
  return { Action: 'sqs:SendMessage', Effect: 'Allow', Resource: { 'Fn::GetAtt': [queueLogicalId, 'Arn'] } }
}

