/** A DynamoDB table: `dynamodb.Table`, its indexes through `addGlobalSecondaryIndex` / `addLocalSecondaryIndex`. */

import { bool, call, construct, lit, num, props, str, sym, THIS, v, type Code } from '../code'
import { type BuildInput, type L1Class, type ResourceBuild, type ResourceOf, keyFromArn, removal } from './shared'
import { ownEntry } from '../../../model/queries'
import { cfnValue } from '../cfnValue'
import type { Json, JsonObject, KeyAttribute } from '../../../model/types'
import { tableAttributes } from '../../../model/tableAttributes'

export function buildTable({ ctx, resource, constructId, variable, text }: BuildInput<ResourceOf<'dynamodb-table'>>): ResourceBuild {
  const after: Code[] = []
  const key = (k: { name: string; type: string }): Code => ({
    k: 'struct',
    pyClass: { module: 'dynamodb', name: 'Attribute' },
    props: [['name', lit(k.name)], ['type', sym('dynamodb', `AttributeType.${{ S: 'STRING', N: 'NUMBER', B: 'BINARY' }[k.type]}`)]],
  })
  const rp = removal(resource)
  const policies = rp.cfn
  const onDemand = resource.billingMode === 'PAY_PER_REQUEST'
  // Without a key the L2 would create one; MDL083 refuses that design, so only a named key is written.
  const customerKey = resource.encryption === 'CUSTOMER_MANAGED' && resource.kmsKeyArn ? keyFromArn({ ctx, constructId, text }, resource.kmsKeyArn, 'kmsKeyArn') : undefined
  const stream = resource.kinesisStream !== undefined && ownEntry(ctx.design.resources, resource.kinesisStream)?.type === 'kinesis-stream' && ctx.hasVar(resource.kinesisStream) ? resource.kinesisStream : undefined
  const construction = construct('dynamodb', 'Table', [THIS, lit(constructId)], props([
    ['tableName', resource.tableName !== undefined ? str(text(resource.tableName, 'tableName')) : undefined],
    ['partitionKey', key(resource.partitionKey)],
    ['sortKey', resource.sortKey ? key(resource.sortKey) : undefined],
    ['billingMode', resource.billingMode ? sym('dynamodb', `BillingMode.${resource.billingMode}`) : undefined],
    ['readCapacity', resource.readCapacity !== undefined ? num(resource.readCapacity) : undefined],
    ['writeCapacity', resource.writeCapacity !== undefined ? num(resource.writeCapacity) : undefined],
    ['timeToLiveAttribute', resource.timeToLiveAttribute !== undefined ? lit(resource.timeToLiveAttribute) : undefined],
    ['pointInTimeRecoverySpecification', resource.pointInTimeRecovery !== undefined
      ? { k: 'struct', pyClass: { module: 'dynamodb', name: 'PointInTimeRecoverySpecification' }, props: [['pointInTimeRecoveryEnabled', bool(resource.pointInTimeRecovery)]] }
      : undefined],
    ['stream', resource.streamViewType ? sym('dynamodb', `StreamViewType.${resource.streamViewType}`) : undefined],
    ['tableClass', resource.tableClass ? sym('dynamodb', `TableClass.${resource.tableClass}`) : undefined],
    ['deletionProtection', resource.deletionProtection !== undefined ? bool(resource.deletionProtection) : undefined],
    ['encryption', resource.encryption ? sym('dynamodb', `TableEncryption.${resource.encryption}`) : undefined],
    ['encryptionKey', customerKey?.cdk],
    ['contributorInsightsSpecification', resource.contributorInsights !== undefined
      ? { k: 'struct', pyClass: { module: 'dynamodb', name: 'ContributorInsightsSpecification' }, props: [['enabled', bool(resource.contributorInsights)]] }
      : undefined],
    ['maxReadRequestUnits', onDemand && resource.maxReadRequestUnits !== undefined ? num(resource.maxReadRequestUnits) : undefined],
    ['maxWriteRequestUnits', onDemand && resource.maxWriteRequestUnits !== undefined ? num(resource.maxWriteRequestUnits) : undefined],
    ['kinesisStream', stream ? v(ctx.varOf(stream)) : undefined],
    ['warmThroughput', resource.warmThroughput ? {
      k: 'struct',
      pyClass: { module: 'dynamodb', name: 'WarmThroughput' },
      props: props([
        ['readUnitsPerSecond', resource.warmThroughput.readUnitsPerSecond !== undefined ? num(resource.warmThroughput.readUnitsPerSecond) : undefined],
        ['writeUnitsPerSecond', resource.warmThroughput.writeUnitsPerSecond !== undefined ? num(resource.warmThroughput.writeUnitsPerSecond) : undefined],
      ]),
    } : undefined],
    ['removalPolicy', rp.prop],
  ]))
  const keys = [resource.partitionKey, ...(resource.sortKey ? [resource.sortKey] : [])]
  const indexes = Object.entries(resource.globalSecondaryIndexes ?? {})
  const localIndexes = Object.entries(resource.localSecondaryIndexes ?? {})
  const projectionOf = (index: { projection?: string; nonKeyAttributes?: string[] }): JsonObject =>
    index.projection === 'INCLUDE' ? { NonKeyAttributes: index.nonKeyAttributes ?? [], ProjectionType: 'INCLUDE' } : { ProjectionType: index.projection ?? 'ALL' }
  const projectionProps = (index: { projection?: string; nonKeyAttributes?: string[] }): [string, Code | undefined][] => [
    ['projectionType', index.projection ? sym('dynamodb', `ProjectionType.${index.projection}`) : undefined],
    ['nonKeyAttributes', index.nonKeyAttributes ? { k: 'list', items: index.nonKeyAttributes.map(lit) } : undefined],
  ]
  const cfn: JsonObject = {
    AttributeDefinitions: tableAttributes(resource).map((k) => ({ AttributeName: k.name, AttributeType: k.type })),
    KeySchema: keySchema(keys),
  }
  if (indexes.length) {
    cfn.GlobalSecondaryIndexes = indexes.map(([name, index]): JsonObject => {
      const out: JsonObject = { IndexName: name, KeySchema: keySchema([index.partitionKey, ...(index.sortKey ? [index.sortKey] : [])]), Projection: projectionOf(index) }
      if (!onDemand) out.ProvisionedThroughput = { ReadCapacityUnits: index.readCapacity ?? 5, WriteCapacityUnits: index.writeCapacity ?? 5 }
      return out
    })
    for (const [name, index] of indexes) {
      after.push(call(v(variable), 'addGlobalSecondaryIndex', [], props([
        ['indexName', lit(name)],
        ['partitionKey', key(index.partitionKey)],
        ['sortKey', index.sortKey ? key(index.sortKey) : undefined],
        ...projectionProps(index),
        ['readCapacity', index.readCapacity !== undefined ? num(index.readCapacity) : undefined],
        ['writeCapacity', index.writeCapacity !== undefined ? num(index.writeCapacity) : undefined],
      ])))
    }
  }
  if (localIndexes.length) {
    cfn.LocalSecondaryIndexes = localIndexes.map(([name, index]) => ({ IndexName: name, KeySchema: keySchema([resource.partitionKey, index.sortKey]), Projection: projectionOf(index) }))
    for (const [name, index] of localIndexes) {
      after.push(call(v(variable), 'addLocalSecondaryIndex', [], props([['indexName', lit(name)], ['sortKey', key(index.sortKey)], ...projectionProps(index)])))
    }
  }
  if (onDemand) cfn.BillingMode = 'PAY_PER_REQUEST'
  else cfn.ProvisionedThroughput = { ReadCapacityUnits: resource.readCapacity ?? 5, WriteCapacityUnits: resource.writeCapacity ?? 5 }
  if (resource.tableName !== undefined) cfn.TableName = cfnValue(text(resource.tableName, 'tableName'))
  if (resource.timeToLiveAttribute !== undefined) cfn.TimeToLiveSpecification = { AttributeName: resource.timeToLiveAttribute, Enabled: true }
  if (resource.pointInTimeRecovery !== undefined) cfn.PointInTimeRecoverySpecification = { PointInTimeRecoveryEnabled: resource.pointInTimeRecovery }
  if (resource.streamViewType) cfn.StreamSpecification = { StreamViewType: resource.streamViewType }
  if (resource.tableClass) cfn.TableClass = resource.tableClass
  if (resource.deletionProtection !== undefined) cfn.DeletionProtectionEnabled = resource.deletionProtection
  // An AWS-owned key is DynamoDB's default: CDK writes no SSESpecification for it.
  if (resource.encryption === 'AWS_MANAGED') cfn.SSESpecification = { SSEEnabled: true }
  if (customerKey) cfn.SSESpecification = { KMSMasterKeyId: customerKey.cfn, SSEEnabled: true, SSEType: 'KMS' }
  if (resource.contributorInsights !== undefined) cfn.ContributorInsightsSpecification = { Enabled: resource.contributorInsights }
  // The L2 writes the on-demand limits only for an on-demand table (MDL089 reports them on a provisioned one).
  const maxRead = onDemand ? resource.maxReadRequestUnits : undefined
  const maxWrite = onDemand ? resource.maxWriteRequestUnits : undefined
  if (maxRead !== undefined || maxWrite !== undefined) {
    cfn.OnDemandThroughput = { ...(maxRead !== undefined ? { MaxReadRequestUnits: maxRead } : {}), ...(maxWrite !== undefined ? { MaxWriteRequestUnits: maxWrite } : {}) }
  }
  const warm = resource.warmThroughput
  if (warm) cfn.WarmThroughput = { ...(warm.readUnitsPerSecond !== undefined ? { ReadUnitsPerSecond: warm.readUnitsPerSecond } : {}), ...(warm.writeUnitsPerSecond !== undefined ? { WriteUnitsPerSecond: warm.writeUnitsPerSecond } : {}) }
  if (stream) cfn.KinesisStreamSpecification = { StreamArn: cfnValue(text(`@{${stream}.arn}`, 'kinesisStream')) }
  const cast: L1Class = { module: 'dynamodb', name: 'CfnTable' }
  return { construction, cfn, cast, policies, after }
}

/** `KeySchema`: the partition key, then the sort key. */
function keySchema(keys: KeyAttribute[]): Json {
  return keys.map((k, i) => ({ AttributeName: k.name, KeyType: i === 0 ? 'HASH' : 'RANGE' }))
}
