/**
 * The service options of the resources import models (issue 9 item 13): each is taken as a field when the
 * template writes it the way the L2 construct does, and left for `cfnExtra` (kept verbatim) in any other shape.
 * `mapResources.ts` calls these per resource type; global and local indexes are in `mapTableIndexes.ts`.
 */

import { STATE_MACHINE_XRAY_STATEMENT } from '../model/permissions'
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
export function mapTableOptions(p: Props, table: Resource & { type: 'dynamodb-table' }): void {
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
  const stream = p.raw('StreamSpecification')
  const view = hasExactly(stream, ['StreamViewType']) ? STREAM_VIEW_TYPES.find((t) => t === stream.StreamViewType) : undefined
  if (view) {
    table.streamViewType = view
    p.take('StreamSpecification')
  }
}

/**
 * The logical id of a traced state machine's role policy as the L2 writes it (named after its logical id, holding
 * only the X-Ray statement), or undefined when the role's policy holds more or is missing.
 */
export function tracingPolicy(ctx: ImportContext, role: string): string | undefined {
  const policies = [...ctx.resources.values()].filter((r) => r.type === 'AWS::IAM::Policy' && !ctx.consumed.has(r.logicalId) && JSON.stringify(r.props.Roles) === JSON.stringify([{ Ref: role }]))
  const only = policies.length === 1 ? policies[0] : undefined
  if (!only || only.props.PolicyName !== only.logicalId || Object.keys(only.props).length !== 3) return undefined
  return JSON.stringify(only.props.PolicyDocument) === JSON.stringify({ Statement: [STATE_MACHINE_XRAY_STATEMENT], Version: '2012-10-17' }) ? only.logicalId : undefined
}

/** The resource types whose tags are a field (their constructs create nothing else CDK would tag). */
export const TAGGED = new Set<string>(['dynamodb-table', 'sqs-queue', 'sns-topic', 'kinesis-stream', 'eventbridge-bus', 'log-group'])

/**
 * Tags written as a Key/Value list of literal strings with distinct keys, none reserved (`aws:`), become the
 * `tags` map; anything else (an intrinsic value, a repeated key) stays verbatim. The order is not kept: CDK and
 * the export write tags sorted by key, and CloudFormation gives the order no meaning.
 */
export function mapResourceTags(p: Props, resource: { tags?: Record<string, string> }): void {
  const raw = p.raw('Tags')
  if (!Array.isArray(raw) || !raw.length) return
  const entries: [string, string][] = []
  for (const t of raw) {
    if (!hasExactly(t, ['Key', 'Value']) || typeof t.Key !== 'string' || typeof t.Value !== 'string' || t.Key.startsWith('aws:')) return
    if (entries.some(([k]) => k === t.Key)) return
    entries.push([t.Key, t.Value])
  }
  resource.tags = Object.fromEntries(entries)
  p.take('Tags')
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
export function mapQueueEncryption(p: Props, queue: Resource & { type: 'sqs-queue' }): void {
  const managed = p.raw('SqsManagedSseEnabled')
  const kmsKey = p.raw('KmsMasterKeyId')
  if (typeof managed === 'boolean' && kmsKey === undefined) {
    queue.encryption = managed ? 'SQS_MANAGED' : 'UNENCRYPTED'
    p.take('SqsManagedSseEnabled')
  } else if (managed === undefined && kmsKey === 'alias/aws/sqs') {
    queue.encryption = 'KMS_MANAGED'
    p.take('KmsMasterKeyId')
  }
}
