import type { DynamoDbTable, KeyAttribute, Resource } from '../types'
import type { CheckContext, Rule } from './context'

/** The retention periods CloudWatch Logs accepts (days). */
export const LOG_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const

/** Target-resource rules that CDK does not check at synth time. */
export const resourceRules: Rule = (ctx) => {
  for (const [id, res] of Object.entries(ctx.design.resources)) {
    if (res.type === 'sqs-queue' && res.queueName) {
      if (res.fifo && !res.queueName.endsWith('.fifo')) ctx.report('MDL046', id, ['queueName'], `FIFO queue names must end in .fifo ("${res.queueName}").`)
      if (!res.fifo && res.queueName.endsWith('.fifo')) ctx.report('MDL046', id, ['fifo'], `"${res.queueName}" ends in .fifo but the queue is not FIFO.`)
    }
    if (res.type === 'sns-topic' && res.topicName && res.fifo && !res.topicName.endsWith('.fifo')) {
      ctx.report('MDL046', id, ['topicName'], `FIFO topic names must end in .fifo ("${res.topicName}").`)
    }
    if ((res.type === 'sqs-queue' || res.type === 'sns-topic') && res.contentBasedDeduplication && !res.fifo) {
      ctx.report('MDL085', id, ['contentBasedDeduplication'], `Content-based deduplication needs a FIFO ${res.type === 'sqs-queue' ? 'queue' : 'topic'}; turn on fifo, or turn deduplication off.`)
    }
    if (res.type === 'sqs-queue' && !res.fifo) {
      if (res.deduplicationScope) ctx.report('MDL085', id, ['deduplicationScope'], 'A deduplication scope needs a FIFO queue; turn on fifo, or remove it.')
      if (res.fifoThroughputLimit) ctx.report('MDL085', id, ['fifoThroughputLimit'], 'A FIFO throughput limit needs a FIFO queue; turn on fifo, or remove it.')
    }
    kmsRules(ctx, id, res)
    if (res.type === 'sqs-queue' && res.redriveAllowPolicy) {
      const { permission, sourceQueueArns } = res.redriveAllowPolicy
      const count = sourceQueueArns?.length ?? 0
      if (permission === 'byQueue' && (count < 1 || count > 10)) ctx.report('MDL092', id, ['redriveAllowPolicy', 'sourceQueueArns'], `byQueue needs between 1 and 10 source queues; this policy lists ${count}.`)
      if (permission !== 'byQueue' && count) ctx.report('MDL092', id, ['redriveAllowPolicy', 'sourceQueueArns'], `Source queues go only with byQueue; with ${permission} remove them, or choose byQueue.`)
    }
    if (res.type === 'dynamodb-table' && res.billingMode !== 'PAY_PER_REQUEST') {
      for (const field of ['maxReadRequestUnits', 'maxWriteRequestUnits'] as const) {
        if (res[field] !== undefined) ctx.report('MDL093', id, [field], `${field} limits an on-demand table; this table is provisioned, so the limit is not written. Make it PAY_PER_REQUEST, or remove the limit.`)
      }
    }
    if (res.type === 'dynamodb-table') indexRules(ctx, id, res)
    if (res.type === 'iam-role' && res.path !== undefined && !/^\/(?:[\u0021-\u007e]*\/)?$/.test(res.path)) {
      ctx.report('MDL091', id, ['path'], `An IAM path starts and ends with / and holds printable ASCII between ("${res.path}" does not).`)
    }
    if (res.type === 'lambda-function' && res.logFormat !== 'JSON') {
      for (const field of ['applicationLogLevel', 'systemLogLevel'] as const) {
        if (res[field]) ctx.report('MDL094', id, [field], `Log levels need JSON logs; set the log format to JSON, or remove ${field}.`)
      }
    }
    if (res.type === 'lambda-function' && res.snapStart && !SNAPSTART_RUNTIME.test(res.runtime)) {
      ctx.report('MDL095', id, ['snapStart'], `SnapStart runs on Java 11+, Python 3.12+ and .NET 8+ runtimes, not ${res.runtime}; change the runtime, or turn SnapStart off.`)
    }
    if (res.type === 'lambda-function' && res.snapStart && !publishesVersions(ctx)) {
      ctx.report('MDL096', id, ['snapStart'], 'SnapStart applies only to published versions, and this design publishes none; add an AWS::Lambda::Version to the verbatim resources, or turn SnapStart off.')
    }
    if (res.type === 'sns-topic' && res.archiveRetentionDays !== undefined && !res.fifo) {
      ctx.report('MDL085', id, ['archiveRetentionDays'], 'Message archiving needs a FIFO topic; turn on fifo, or remove the archive retention.')
    }
    if (res.type === 'lambda-function' && (res.layers?.length ?? 0) > 5) {
      ctx.report('MDL090', id, ['layers'], `Lambda takes at most five layers per function; this one lists ${res.layers!.length}.`)
    }
    const dlq = res.type === 'sqs-queue' && res.deadLetterQueue ? res.deadLetterQueue.queue : undefined
    if (res.type === 'sqs-queue' && dlq !== undefined) {
      const target = Object.prototype.hasOwnProperty.call(ctx.design.resources, dlq) ? ctx.design.resources[dlq] : undefined
      if (dlq === id) ctx.report('MDL088', id, ['deadLetterQueue', 'queue'], 'A queue cannot be its own dead-letter queue; pick another queue.')
      else if (target?.type === 'sqs-queue' && !!target.fifo !== !!res.fifo) {
        ctx.report('MDL088', id, ['deadLetterQueue', 'queue'], `The dead-letter queue of a ${res.fifo ? 'FIFO' : 'standard'} queue must be ${res.fifo ? 'FIFO' : 'standard'} too; "${dlq}" is ${target.fifo ? 'FIFO' : 'standard'}.`)
      }
    }
    if (res.type === 'eventbridge-bus' && res.description !== undefined && res.description.length > 512) {
      ctx.report('MDL086', id, ['description'], `EventBridge takes bus descriptions of at most 512 characters; this one has ${res.description.length}.`)
    }
    if ('removalPolicy' in res && res.removalPolicy === 'snapshot') {
      ctx.report('MDL054', id, ['removalPolicy'], `CloudFormation can snapshot only volumes and databases, not a ${res.type}; use retain or destroy.`)
    }
    if (res.type === 'log-group' && res.neverExpire && res.retentionDays !== undefined) {
      ctx.report('MDL087', id, ['retentionDays'], `The log group never expires, so the ${res.retentionDays}-day retention is ignored; remove it, or turn off never expire.`)
    }
    if (res.type === 'log-group' && !res.neverExpire && res.retentionDays !== undefined && !(LOG_RETENTION_DAYS as readonly number[]).includes(res.retentionDays)) {
      ctx.report('MDL055', id, ['retentionDays'], `CloudWatch Logs has no ${res.retentionDays}-day retention; pick one of ${LOG_RETENTION_DAYS.join(', ')}.`)
    }
    if (res.type === 'kinesis-stream') {
      if (res.streamMode === 'ON_DEMAND' && res.shardCount !== undefined) {
        ctx.report('MDL082', id, ['shardCount'], 'An on-demand stream scales its shards by itself and takes no shard count; remove it, or make the stream PROVISIONED.')
      }
      if (res.encryption === 'kms' && !res.kmsKeyId) ctx.report('MDL083', id, ['kmsKeyId'], 'KMS encryption needs a key: give its ARN, id or alias/… name, or choose managed for the AWS-managed key.')
      if (res.encryption !== 'kms' && res.kmsKeyId) ctx.report('MDL084', id, ['kmsKeyId'], `The KMS key is ignored because the encryption is ${res.encryption ?? "CDK's default (the AWS-managed key)"}; set encryption to kms to use it.`)
    }
    if (res.type === 'state-machine') {
      try {
        JSON.parse(res.definition)
      } catch (e) {
        ctx.report('MDL053', id, ['definition'], `The state machine definition is not valid JSON: ${e instanceof Error ? e.message : String(e)}`)
      }
    }
  }
}

/** What DynamoDB (and CDK at synth) refuse in a table's global secondary indexes. */
function indexRules(ctx: CheckContext, id: string, table: DynamoDbTable): void {
  const declared = new Map<string, KeyAttribute['type']>()
  const names = [...Object.keys(table.globalSecondaryIndexes ?? {}), ...Object.keys(table.localSecondaryIndexes ?? {})]
  for (const name of new Set(names.filter((n, i) => names.indexOf(n) !== i))) {
    ctx.report('MDL089', id, ['localSecondaryIndexes', name], `Two indexes are named ${name}; index names are unique per table.`)
  }
  for (const k of [table.partitionKey, table.sortKey]) if (k) declared.set(k.name, k.type)
  const local = Object.entries(table.localSecondaryIndexes ?? {})
  if (local.length && !table.sortKey) {
    ctx.report('MDL089', id, ['localSecondaryIndexes'], 'Local secondary indexes need a table with a sort key; give the table one, or make the indexes global.')
  }
  const indexes: [string, string, { partitionKey?: KeyAttribute; sortKey?: KeyAttribute; projection?: string; nonKeyAttributes?: string[]; readCapacity?: number; writeCapacity?: number }][] = [
    ...Object.entries(table.globalSecondaryIndexes ?? {}).map(([n, i]): [string, string, typeof i] => ['globalSecondaryIndexes', n, i]),
    ...local.map(([n, i]): [string, string, typeof i] => ['localSecondaryIndexes', n, i]),
  ]
  for (const [field, name, index] of indexes) {
    const at = [field, name]
    for (const [field, k] of [['partitionKey', index.partitionKey], ['sortKey', index.sortKey]] as const) {
      if (!k) continue
      const type = declared.get(k.name)
      if (type && type !== k.type) ctx.report('MDL089', id, [...at, field], `Index ${name} declares "${k.name}" as ${k.type}, but the table already declares it as ${type}; an attribute has one type.`)
      else declared.set(k.name, k.type)
    }
    if (index.nonKeyAttributes?.length && index.projection !== 'INCLUDE') {
      ctx.report('MDL089', id, [...at, 'nonKeyAttributes'], `Index ${name} lists non-key attributes, which only an INCLUDE projection takes; set the projection to INCLUDE, or remove them.`)
    }
    if (index.projection === 'INCLUDE' && !index.nonKeyAttributes?.length) {
      ctx.report('MDL089', id, [...at, 'nonKeyAttributes'], `Index ${name} has an INCLUDE projection without attributes to include; list them, or choose KEYS_ONLY.`)
    }
    if (table.billingMode === 'PAY_PER_REQUEST' && (index.readCapacity !== undefined || index.writeCapacity !== undefined)) {
      ctx.report('MDL089', id, [...at, index.readCapacity !== undefined ? 'readCapacity' : 'writeCapacity'], `Index ${name} sets a capacity, but the table is on demand (PAY_PER_REQUEST); remove it, or make the table PROVISIONED.`)
    }
  }
}

/** The encryption each resource's customer-managed key field needs, when it needs one (SNS, EventBridge and log groups use the key whenever it is set). */
/** Whether the design's verbatim resources publish any Lambda version (what SnapStart snapshots). */
function publishesVersions(ctx: CheckContext): boolean {
  return Object.values(ctx.design.cloudformation?.Resources ?? {}).some((r) => typeof r === 'object' && r !== null && !Array.isArray(r) && r.Type === 'AWS::Lambda::Version')
}

/** The runtimes Lambda SnapStart supports (Lambda Developer Guide, SnapStart; aws-cdk-lib Runtime.supportsSnapStart). */
const SNAPSTART_RUNTIME = /^(?:java(?:1[1-9]|[2-9]\d)|python3\.(?:1[2-9]|[2-9]\d)|dotnet(?:[89]|\d\d))$/

/** kmsKeyArn on a function (environment encryption), topic, bus or log group is used whenever it is set. */
const KEY_ENCRYPTION: Partial<Record<string, string>> = { 'sqs-queue': 'KMS', 'dynamodb-table': 'CUSTOMER_MANAGED' }

/** Customer-managed keys given by ARN (`kmsKeyArn`): present when the encryption needs one, an ARN, and used. */
function kmsRules(ctx: CheckContext, id: string, res: Resource): void {
  const arn = 'kmsKeyArn' in res ? res.kmsKeyArn : undefined
  const needs = KEY_ENCRYPTION[res.type]
  const encryption = 'encryption' in res ? res.encryption : undefined
  if (needs && encryption === needs && !arn) ctx.report('MDL083', id, ['kmsKeyArn'], `${needs} encryption needs the ARN of the key to encrypt with; give it, or choose a key AWS manages.`)
  if (needs && arn && encryption !== needs) ctx.report('MDL084', id, ['kmsKeyArn'], `The KMS key is ignored because the encryption is ${encryption ?? 'unset'}; set encryption to ${needs} to use it.`)
  // kms.Key.fromKeyArn parses the ARN at synth; a reference (@{…}) is resolved at deploy time.
  if (arn && !arn.includes('@{') && !arn.startsWith('arn:')) ctx.report('MDL083', id, ['kmsKeyArn'], `"${arn}" is not a key ARN (arn:aws:kms:<region>:<account>:key/<id>); key ids and aliases are not accepted here.`)
  if (res.type === 'sqs-queue' && res.dataKeyReuseSeconds !== undefined && res.encryption !== 'KMS' && res.encryption !== 'KMS_MANAGED') {
    ctx.report('MDL084', id, ['dataKeyReuseSeconds'], `A data key reuse period applies only to KMS encryption (KMS or KMS_MANAGED); with ${res.encryption ?? 'encryption unset'} it is not written.`)
  }
}

