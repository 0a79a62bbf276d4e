/** Design resources → CDK L2 constructs and the CloudFormation they synthesize to (verified against aws-cdk-lib 2.276). */

import { intrinsicCode } from './intrinsicCode'
import { RESOURCE_CFN_TYPES } from '../../model/cfnTypes'
import { l2RemovalPolicy } from '../../model/resourceOptions'
import type { CfnString, Json, JsonObject, KeyAttribute, LambdaFunction, Resource } from '../../model/types'
import { tableAttributes } from '../../model/tableAttributes'
import { FUNCTION_XRAY_STATEMENT, STATE_MACHINE_XRAY_STATEMENT } from '../../model/permissions'
import { ownEntry } from '../../model/queries'
import {
  bool,
  call,
  construct,
  lit,
  num,
  props,
  str,
  sym,
  THIS,
  v,
  type Code,
  type Props,
} from './code'
import { cfnValue } from './cfnValue'
import type { IrContext } from './context'
import { deepMerge } from './context'
import type { AttrRef, Expr } from './expr'
import { pascalCase } from './names'
import { applyTags } from './tags'

const REMOVAL: Record<string, { code: string }> = { destroy: { code: 'DESTROY' }, retain: { code: 'RETAIN' }, snapshot: { code: 'SNAPSHOT' } }

const LAMBDA_RUNTIMES = new Set([
  'nodejs18.x', 'nodejs20.x', 'nodejs22.x', 'python3.9', 'python3.10', 'python3.11', 'python3.12', 'python3.13',
  'java17', 'java21', 'ruby3.3', 'dotnet8', 'provided.al2', 'provided.al2023',
])

export function runtimeMember(runtime: string): string {
  if (runtime.startsWith('provided.')) return runtime.replace('.', '_').toUpperCase()
  return runtime.replace(/([a-z])(\d)/g, '$1_$2').replace(/\./g, '_').toUpperCase()
}

const attr = (variable: string, property: string, logicalId: string, attribute?: string): Expr => {
  const ref: AttrRef = { kind: 'attr', variable, property, logicalId }
  if (attribute) ref.attribute = attribute
  return [ref]
}

export function assumeRolePolicy(service: string): Json {
  return {
    Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: service } }],
    Version: '2012-10-17',
  }
}

const duration = (seconds: number): Code => call(sym('core', 'Duration'), 'seconds', [num(seconds)])

/** The L2's `removalPolicy` prop and the two policies it synthesizes (src/model/resourceOptions.ts knows the defaults). */
function removal(resource: Resource): { prop?: Code; cfn: { deletionPolicy?: string; updateReplacePolicy?: string } } {
  const chosen = 'removalPolicy' in resource && resource.removalPolicy ? REMOVAL[resource.removalPolicy] : undefined
  const cfn = l2RemovalPolicy(resource)
  return {
    prop: chosen ? sym('core', `RemovalPolicy.${chosen.code}`) : undefined,
    cfn: cfn ? { deletionPolicy: cfn, updateReplacePolicy: cfn } : {},
  }
}

/** Applies `cfnExtra` to the resource and, in CDK, as property overrides on the construct's default child. */
export function applyCfnExtra(ctx: IrContext, owner: string, cfnProps: JsonObject, extra: JsonObject | undefined, child: Code, castTo: { module: 'apigwv2' | 'dynamodb' | 'sqs' | 'sns' | 'kinesis' | 'events' | 'sfn' | 'lambda' | 'iam' | 'logs'; name: string }): JsonObject {
  if (!extra || !Object.keys(extra).length) return cfnProps
  ctx.emit(owner, { k: 'comment', text: 'Properties the designer keeps verbatim (no CDK prop for them).' })
  const defaultChild = ctx.defaultChild(owner, child.k === 'var' ? child.name : owner, child, castTo, child.k === 'var' ? child.name : owner)
  for (const [key, value] of Object.entries(extra)) {
    ctx.emit(owner, { k: 'expr', value: call(defaultChild, 'addPropertyOverride', [lit(key), { k: 'json', value }]) })
  }
  return deepMerge(cfnProps, extra)
}

export function buildResource(ctx: IrContext, id: string, resource: Resource): void {
  if ('removalPolicy' in resource && resource.removalPolicy === 'snapshot') {
    // CDK accepts it, but CloudFormation allows Snapshot only for volumes and databases, none of which the designer models.
    ctx.error('EXP014', `CloudFormation does not support the snapshot removal policy for ${resource.type}; use retain or destroy.`, id, 'removalPolicy')
  }
  if (resource.type === 'existing') {
    // Nothing to create: references resolve to the ARN, name and URL the design gives.
    ctx.defineAttribute(id, 'arn', ctx.text(resource.arn, id, 'arn'))
    if (resource.name !== undefined) ctx.defineAttribute(id, 'name', ctx.text(resource.name, id, 'name'))
    if (resource.url !== undefined) ctx.defineAttribute(id, 'url', ctx.text(resource.url, id, 'url'))
    return
  }
  if (resource.type === 'iam-role') return // roles are built after the integrations that need them are known
  const constructId = ctx.stackChildId(resource.constructId ?? pascalCase(id))
  const variable = ctx.declareVar(id, id, resource.type.split('-').pop() ?? 'resource')
  const path = [constructId, 'Resource']
  const ref = (property: string, attribute?: string) => attr(variable, property, ctx.resourceLogicalId(path), attribute)
  const text = (value: string, field: string) => ctx.text(value, id, field)
  let cfn: JsonObject = {}
  let construction: Code
  let cast: Parameters<typeof applyCfnExtra>[5]
  let policies: { deletionPolicy?: string; updateReplacePolicy?: string } = {}
  let dependsOn: string[] | undefined
  /** A Kinesis stream's customer key id, set on the L1 after the L2 is built. */
  let kinesisKeyOverride: Code | undefined
  /** Calls on the construct right after it is declared (a table's `addGlobalSecondaryIndex`). */
  const after: Code[] = []

  switch (resource.type) {
    case 'dynamodb-table': {
      const key = (k: { name: string; type: string }): Code => ({
        k: 'struct',
        pyClass: { module: 'dynamodb', name: 'Attribute' },
        props: [['name', lit(k.name)], ['type', sym('dynamodb', `AttributeType.${{ S: 'STRING', N: 'NUMBER', B: 'BINARY' }[k.type]}`)]],
      })
      const rp = removal(resource)
      policies = rp.cfn
      const onDemand = resource.billingMode === 'PAY_PER_REQUEST'
      construction = construct('dynamodb', 'Table', [THIS, lit(constructId)], props([
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
      cfn = {
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
      cast = { module: 'dynamodb', name: 'CfnTable' }
      break
    }
    case 'sqs-queue': {
      const rp = removal(resource)
      // A dead-letter queue the design does not hold (or that is not a queue) is reported by MDL029; nothing to write then.
      const dlq = resource.deadLetterQueue?.queue
      const deadLetter = dlq !== undefined && dlq !== id && ownEntry(ctx.design.resources, dlq)?.type === 'sqs-queue' && ctx.hasVar(dlq) ? resource.deadLetterQueue : undefined
      policies = rp.cfn
      construction = construct('sqs', 'Queue', [THIS, lit(constructId)], props([
        ['queueName', resource.queueName !== undefined ? str(text(resource.queueName, 'queueName')) : undefined],
        ['fifo', resource.fifo !== undefined ? bool(resource.fifo) : undefined],
        ['contentBasedDeduplication', resource.contentBasedDeduplication !== undefined ? bool(resource.contentBasedDeduplication) : undefined],
        ['visibilityTimeout', resource.visibilityTimeoutSeconds !== undefined ? duration(resource.visibilityTimeoutSeconds) : undefined],
        ['retentionPeriod', resource.retentionPeriodSeconds !== undefined ? duration(resource.retentionPeriodSeconds) : undefined],
        ['deliveryDelay', resource.deliveryDelaySeconds !== undefined ? duration(resource.deliveryDelaySeconds) : undefined],
        ['receiveMessageWaitTime', resource.receiveMessageWaitTimeSeconds !== undefined ? duration(resource.receiveMessageWaitTimeSeconds) : undefined],
        ['maxMessageSizeBytes', resource.maxMessageSizeBytes !== undefined ? num(resource.maxMessageSizeBytes) : undefined],
        ['encryption', resource.encryption ? sym('sqs', `QueueEncryption.${resource.encryption}`) : undefined],
        ['deadLetterQueue', deadLetter ? { k: 'struct', pyClass: { module: 'sqs', name: 'DeadLetterQueue' }, props: [['queue', v(ctx.varOf(deadLetter.queue))], ['maxReceiveCount', num(deadLetter.maxReceiveCount)]] } : undefined],
        ['removalPolicy', rp.prop],
      ]))
      if (resource.queueName !== undefined) cfn.QueueName = cfnValue(text(resource.queueName, 'queueName'))
      if (resource.fifo !== undefined) cfn.FifoQueue = resource.fifo
      if (resource.contentBasedDeduplication !== undefined) cfn.ContentBasedDeduplication = resource.contentBasedDeduplication
      if (resource.visibilityTimeoutSeconds !== undefined) cfn.VisibilityTimeout = resource.visibilityTimeoutSeconds
      if (resource.retentionPeriodSeconds !== undefined) cfn.MessageRetentionPeriod = resource.retentionPeriodSeconds
      if (resource.deliveryDelaySeconds !== undefined) cfn.DelaySeconds = resource.deliveryDelaySeconds
      if (resource.receiveMessageWaitTimeSeconds !== undefined) cfn.ReceiveMessageWaitTimeSeconds = resource.receiveMessageWaitTimeSeconds
      if (resource.maxMessageSizeBytes !== undefined) cfn.MaximumMessageSize = resource.maxMessageSizeBytes
      if (deadLetter) cfn.RedrivePolicy = { deadLetterTargetArn: cfnValue(text(`@{${deadLetter.queue}.arn}`, 'deadLetterQueue')), maxReceiveCount: deadLetter.maxReceiveCount }
      if (resource.encryption === 'KMS_MANAGED') cfn.KmsMasterKeyId = 'alias/aws/sqs'
      else if (resource.encryption) cfn.SqsManagedSseEnabled = resource.encryption === 'SQS_MANAGED'
      cast = { module: 'sqs', name: 'CfnQueue' }
      break
    }
    case 'sns-topic': {
      construction = construct('sns', 'Topic', [THIS, lit(constructId)], props([
        ['topicName', resource.topicName !== undefined ? str(text(resource.topicName, 'topicName')) : undefined],
        ['fifo', resource.fifo !== undefined ? bool(resource.fifo) : undefined],
        ['displayName', resource.displayName !== undefined ? str(text(resource.displayName, 'displayName')) : undefined],
        ['contentBasedDeduplication', resource.contentBasedDeduplication !== undefined ? bool(resource.contentBasedDeduplication) : undefined],
        ['signatureVersion', resource.signatureVersion ? lit(resource.signatureVersion) : undefined],
        ['tracingConfig', resource.tracing ? sym('sns', `TracingConfig.${resource.tracing === 'Active' ? 'ACTIVE' : 'PASS_THROUGH'}`) : undefined],
      ]))
      if (resource.displayName !== undefined) cfn.DisplayName = cfnValue(text(resource.displayName, 'displayName'))
      if (resource.contentBasedDeduplication !== undefined) cfn.ContentBasedDeduplication = resource.contentBasedDeduplication
      if (resource.signatureVersion) cfn.SignatureVersion = resource.signatureVersion
      if (resource.tracing) cfn.TracingConfig = resource.tracing
      if (resource.fifo !== undefined) cfn.FifoTopic = resource.fifo
      if (resource.topicName !== undefined) {
        // CDK appends `.fifo` to a FIFO topic's name when it is missing.
        const name = resource.fifo && !resource.topicName.endsWith('.fifo') ? `${resource.topicName}.fifo` : resource.topicName
        cfn.TopicName = cfnValue(text(name, 'topicName'))
      }
      cast = { module: 'sns', name: 'CfnTopic' }
      break
    }
    case 'kinesis-stream': {
      const rp = removal(resource)
      policies = rp.cfn
      const onDemand = resource.streamMode === 'ON_DEMAND'
      // A customer key is given by id, alias or ARN, while the L2 takes only a key construct: the L2 writes the
      // AWS-managed key and the key id is set on the L1 (below), so the synthesized property is exactly the design's.
      const encryption = resource.encryption === 'none' ? 'UNENCRYPTED' : resource.encryption ? 'MANAGED' : undefined
      construction = construct('kinesis', 'Stream', [THIS, lit(constructId)], props([
        ['streamName', resource.streamName !== undefined ? str(text(resource.streamName, 'streamName')) : undefined],
        ['streamMode', resource.streamMode ? sym('kinesis', `StreamMode.${resource.streamMode}`) : undefined],
        ['shardCount', resource.shardCount !== undefined ? num(resource.shardCount) : undefined],
        ['retentionPeriod', resource.retentionPeriodHours !== undefined ? call(sym('core', 'Duration'), 'hours', [num(resource.retentionPeriodHours)]) : undefined],
        ['encryption', encryption ? sym('kinesis', `StreamEncryption.${encryption}`) : undefined],
        ['removalPolicy', rp.prop],
      ]))
      if (resource.streamName !== undefined) cfn.Name = cfnValue(text(resource.streamName, 'streamName'))
      cfn.RetentionPeriodHours = resource.retentionPeriodHours ?? 24
      // CDK gives provisioned streams one shard when none is set, and on-demand streams none.
      if (!onDemand || resource.shardCount !== undefined) cfn.ShardCount = resource.shardCount ?? 1
      if (resource.encryption === 'managed') cfn.StreamEncryption = { EncryptionType: 'KMS', KeyId: 'alias/aws/kinesis' }
      else if (resource.encryption === 'kms') {
        const key = text(resource.kmsKeyId ?? '', 'kmsKeyId')
        cfn.StreamEncryption = { EncryptionType: 'KMS', KeyId: cfnValue(key) }
        kinesisKeyOverride = str(key)
      } else if (resource.encryption === undefined) {
        // The L2 encrypts with the AWS-managed key except in the China regions, through this condition.
        cfn.StreamEncryption = {
          'Fn::If': ['AwsCdkKinesisEncryptedStreamsUnsupportedRegions', { Ref: 'AWS::NoValue' }, { EncryptionType: 'KMS', KeyId: 'alias/aws/kinesis' }],
        }
        ctx.conditions.AwsCdkKinesisEncryptedStreamsUnsupportedRegions = {
          'Fn::Or': [
            { 'Fn::Equals': [{ Ref: 'AWS::Region' }, 'cn-north-1'] },
            { 'Fn::Equals': [{ Ref: 'AWS::Region' }, 'cn-northwest-1'] },
          ],
        }
      }
      if (resource.streamMode) cfn.StreamModeDetails = { StreamMode: resource.streamMode }
      cast = { module: 'kinesis', name: 'CfnStream' }
      break
    }
    case 'eventbridge-bus': {
      construction = construct('events', 'EventBus', [THIS, lit(constructId)], props([
        ['eventBusName', str(text(resource.eventBusName, 'eventBusName'))],
        ['description', resource.description !== undefined ? str(text(resource.description, 'description')) : undefined],
      ]))
      cfn.Name = cfnValue(text(resource.eventBusName, 'eventBusName'))
      if (resource.description !== undefined) cfn.Description = cfnValue(text(resource.description, 'description'))
      cast = { module: 'events', name: 'CfnEventBus' }
      break
    }
    case 'state-machine': {
      const rolePath = [constructId, 'Role', 'Resource']
      const roleId = ctx.resourceLogicalId(rolePath)
      construction = construct('sfn', 'StateMachine', [THIS, lit(constructId)], props([
        ['stateMachineName', resource.stateMachineName !== undefined ? str(text(resource.stateMachineName, 'stateMachineName')) : undefined],
        ['stateMachineType', resource.stateMachineType ? sym('sfn', `StateMachineType.${resource.stateMachineType}`) : undefined],
        ['definitionBody', call(sym('sfn', 'DefinitionBody'), 'fromString', [str(text(resource.definition, 'definition'))])],
        ['tracingEnabled', resource.tracing !== undefined ? bool(resource.tracing) : undefined],
      ]))
      ctx.addResource(id, rolePath, 'AWS::IAM::Role', {
        AssumeRolePolicyDocument: {
          Statement: [
            {
              Action: 'sts:AssumeRole',
              Condition: {
                ArnLike: { 'aws:SourceArn': cfnValue(['arn:', { kind: 'pseudo', name: 'partition' }, ':states:', { kind: 'pseudo', name: 'region' }, ':', { kind: 'pseudo', name: 'accountId' }, ':stateMachine:*']) },
                StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
              },
              Effect: 'Allow',
              Principal: { Service: 'states.amazonaws.com' },
            },
          ],
          Version: '2012-10-17',
        },
      })
      cfn.DefinitionString = cfnValue(text(resource.definition, 'definition'))
      cfn.RoleArn = { 'Fn::GetAtt': [roleId, 'Arn'] }
      if (resource.stateMachineName !== undefined) cfn.StateMachineName = cfnValue(text(resource.stateMachineName, 'stateMachineName'))
      if (resource.stateMachineType) cfn.StateMachineType = resource.stateMachineType
      dependsOn = [roleId]
      if (resource.tracing !== undefined) cfn.TracingConfiguration = { Enabled: resource.tracing }
      if (resource.tracing) {
        // The StateMachine L2 gives its role the X-Ray permissions in a default policy the machine waits for.
        const policyPath = [constructId, 'Role', 'DefaultPolicy', 'Resource']
        ctx.defaultPolicyStatements(id, policyPath, roleId).push(structuredClone(STATE_MACHINE_XRAY_STATEMENT) as unknown as Json)
        dependsOn = [ctx.resourceLogicalId(policyPath), roleId]
      }
      policies = removal(resource).cfn
      cast = { module: 'sfn', name: 'CfnStateMachine' }
      break
    }
    case 'lambda-function': {
      const rolePath = [constructId, 'ServiceRole', 'Resource']
      const roleId = ctx.resourceLogicalId(rolePath)
      // A role kept in cfnExtra (a hand-written function with its own role) is passed in as an imported
      // role, so CDK generates no service role the function would not use.
      const givenRole = resource.cfnExtra?.Role
      const runtime = LAMBDA_RUNTIMES.has(resource.runtime)
        ? sym('lambda', `Runtime.${runtimeMember(resource.runtime)}`)
        : construct('lambda', 'Runtime', [lit(resource.runtime)])
      const env = resource.environment ? Object.entries(resource.environment).map(([k, val]) => [k, text(val, `environment.${k}`)] as [string, Expr]) : undefined
      const code = lambdaCode(ctx, id, constructId, resource)
      const layers = (resource.layers ?? []).map((arn, i) => text(arn, `layers.${i}`))
      const lambdaProps: Props = props([
        ['functionName', resource.functionName !== undefined ? str(text(resource.functionName, 'functionName')) : undefined],
        ['runtime', runtime],
        ['handler', lit(resource.handler)],
        ['code', code.cdk],
        ['timeout', resource.timeoutSeconds !== undefined ? duration(resource.timeoutSeconds) : undefined],
        ['memorySize', resource.memorySize !== undefined ? num(resource.memorySize) : undefined],
        ['description', resource.description !== undefined ? str(text(resource.description, 'description')) : undefined],
        ['architecture', resource.architecture ? sym('lambda', `Architecture.${resource.architecture === 'arm64' ? 'ARM_64' : 'X86_64'}`) : undefined],
        ['reservedConcurrentExecutions', resource.reservedConcurrentExecutions !== undefined ? num(resource.reservedConcurrentExecutions) : undefined],
        ['ephemeralStorageSize', resource.ephemeralStorageMB !== undefined ? call(sym('core', 'Size'), 'mebibytes', [num(resource.ephemeralStorageMB)]) : undefined],
        ['environment', env ? { k: 'map', entries: env.map(([k, e]) => [k, str(e)]) } : undefined],
        ['layers', layers.length ? { k: 'list', items: layers.map((arn, i) => call(sym('lambda', 'LayerVersion'), 'fromLayerVersionArn', [THIS, lit(ctx.stackChildId(`${constructId}Layer${i + 1}`)), str(arn)])) } : undefined],
        ['tracing', resource.tracing ? sym('lambda', `Tracing.${resource.tracing === 'Active' ? 'ACTIVE' : 'PASS_THROUGH'}`) : undefined],
        ['loggingFormat', resource.logFormat ? sym('lambda', `LoggingFormat.${resource.logFormat === 'JSON' ? 'JSON' : 'TEXT'}`) : undefined],
        ['role', givenRole !== undefined ? call(sym('iam', 'Role'), 'fromRoleArn', [THIS, lit(ctx.stackChildId(`${constructId}GivenRole`)), rawString(givenRole)]) : undefined],
      ])
      construction = construct('lambda', 'Function', [THIS, lit(constructId)], lambdaProps)
      if (givenRole === undefined) {
        ctx.addResource(id, rolePath, 'AWS::IAM::Role', {
          AssumeRolePolicyDocument: assumeRolePolicy('lambda.amazonaws.com'),
          ManagedPolicyArns: [cfnValue(['arn:', { kind: 'pseudo', name: 'partition' }, ':iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'])],
        })
        dependsOn = [roleId]
      }
      cfn.Code = code.cfn
      cfn.Handler = resource.handler
      cfn.Role = givenRole ?? { 'Fn::GetAtt': [roleId, 'Arn'] }
      cfn.Runtime = resource.runtime
      if (resource.functionName !== undefined) cfn.FunctionName = cfnValue(text(resource.functionName, 'functionName'))
      if (resource.timeoutSeconds !== undefined) cfn.Timeout = resource.timeoutSeconds
      if (resource.memorySize !== undefined) cfn.MemorySize = resource.memorySize
      if (resource.description !== undefined) cfn.Description = cfnValue(text(resource.description, 'description'))
      if (resource.architecture) cfn.Architectures = [resource.architecture]
      if (resource.reservedConcurrentExecutions !== undefined) cfn.ReservedConcurrentExecutions = resource.reservedConcurrentExecutions
      if (resource.ephemeralStorageMB !== undefined) cfn.EphemeralStorage = { Size: resource.ephemeralStorageMB }
      if (env) cfn.Environment = { Variables: Object.fromEntries(env.map(([k, e]) => [k, cfnValue(e)])) }
      if (layers.length) cfn.Layers = layers.map((e) => cfnValue(e))
      if (resource.logFormat) cfn.LoggingConfig = { LogFormat: resource.logFormat }
      if (resource.tracing) {
        cfn.TracingConfig = { Mode: resource.tracing }
        if (givenRole !== undefined) {
          ctx.error('EXP016', 'A function with its own role (cfnExtra Role) cannot get the generated X-Ray permissions that tracing needs; add them to that role and remove tracing here, or let the export create the role.', id, 'tracing')
        } else {
          // The Function L2 adds these to its service role's default policy as it is built, before any grant.
          ctx.defaultPolicyStatements(id, [constructId, 'ServiceRole', 'DefaultPolicy', 'Resource'], roleId).push(structuredClone(FUNCTION_XRAY_STATEMENT) as unknown as Json)
          dependsOn = [...(dependsOn ?? []), ctx.resourceLogicalId([constructId, 'ServiceRole', 'DefaultPolicy', 'Resource'])]
        }
      }
      cast = { module: 'lambda', name: 'CfnFunction' }
      break
    }
    case 'log-group': {
      if (!resource.neverExpire && resource.retentionDays !== undefined && !retention(resource.retentionDays)) {
        ctx.error('EXP015', `CloudWatch Logs has no ${resource.retentionDays}-day retention; use one of ${Object.keys(RETENTION).join(', ')}.`, id, 'retentionDays')
      }
      const rp = removal(resource)
      policies = rp.cfn
      construction = construct('logs', 'LogGroup', [THIS, lit(constructId)], props([
        ['logGroupName', resource.logGroupName !== undefined ? str(text(resource.logGroupName, 'logGroupName')) : undefined],
        ['retention', resource.neverExpire ? sym('logs', 'RetentionDays.INFINITE') : resource.retentionDays !== undefined ? retention(resource.retentionDays) : undefined],
        ['logGroupClass', resource.logGroupClass ? sym('logs', `LogGroupClass.${resource.logGroupClass}`) : undefined],
        ['removalPolicy', rp.prop],
      ]))
      if (resource.logGroupName !== undefined) cfn.LogGroupName = cfnValue(text(resource.logGroupName, 'logGroupName'))
      if (resource.logGroupClass) cfn.LogGroupClass = resource.logGroupClass
      // CDK's default retention is two years.
      if (!resource.neverExpire) cfn.RetentionInDays = resource.retentionDays ?? 731
      cast = { module: 'logs', name: 'CfnLogGroup' }
      break
    }
  }
  // What `@{id.attribute}` resolves to: the L2 property, synthesized as the table's `Ref` / `Fn::GetAtt`.
  for (const [name, a] of Object.entries(RESOURCE_CFN_TYPES[resource.type].attributes)) ctx.defineAttribute(id, name, ref(a.cdk, a.getAtt))
  ctx.emitConst(id, variable, construction)
  for (const value of after) ctx.emit(id, { k: 'expr', value })
  if ('tags' in resource) cfn = applyTags(ctx, id, v(variable), cfn, resource.tags, 'list')
  if (kinesisKeyOverride && cast) {
    ctx.emit(id, { k: 'comment', text: 'The customer KMS key of the stream, by id, alias or ARN (the L2 takes only a key construct).' })
    const child = ctx.defaultChild(id, variable, { k: 'var', name: variable }, cast, variable)
    ctx.emit(id, { k: 'expr', value: call(child, 'addPropertyOverride', [lit('StreamEncryption.KeyId'), kinesisKeyOverride]) })
  }
  // A function's given role is already the `role` prop; it needs no override.
  const extra = resource.type === 'lambda-function' && resource.cfnExtra?.Role !== undefined ? withoutKey(resource.cfnExtra, 'Role') : resource.cfnExtra
  cfn = applyCfnExtra(ctx, id, cfn, extra, { k: 'var', name: variable }, cast)
  ctx.addResource(id, path, RESOURCE_CFN_TYPES[resource.type].cfnType, cfn, { ...policies, ...(dependsOn ? { dependsOn } : {}) })
}

/** `KeySchema`: the partition key, then the sort key. */
function keySchema(keys: KeyAttribute[]): Json {
  return keys.map((k, i) => ({ AttributeName: k.name, KeyType: i === 0 ? 'HASH' : 'RANGE' }))
}

/**
 * A function's code in both spellings. S3 wins over an asset folder, and either over the inline text (the
 * order `code`, `codeAsset`, `codeS3` are documented to override each other in the schema). The bucket is
 * imported by name (`s3.Bucket.fromBucketName`), which creates nothing and synthesizes to the name itself.
 */
function lambdaCode(ctx: IrContext, id: string, constructId: string, resource: LambdaFunction): { cdk: Code; cfn: Json } {
  const LAMBDA_CODE = sym('lambda', 'Code')
  if (resource.codeS3) {
    const { bucket, key, objectVersion } = resource.codeS3
    const value = (v: CfnString, field: string): { cdk: Code; cfn: Json } => {
      if (typeof v !== 'string') return { cdk: rawString(v), cfn: v }
      const expr = ctx.text(v, id, `codeS3.${field}`)
      return { cdk: str(expr), cfn: cfnValue(expr) }
    }
    const b = value(bucket, 'bucket')
    const k = value(key, 'key')
    const v = objectVersion === undefined ? undefined : value(objectVersion, 'objectVersion')
    const bucketCode = call(sym('s3', 'Bucket'), 'fromBucketName', [THIS, lit(ctx.stackChildId(`${constructId}CodeBucket`)), b.cdk])
    return {
      cdk: call(LAMBDA_CODE, 'fromBucket', v ? [bucketCode, k.cdk, v.cdk] : [bucketCode, k.cdk]),
      cfn: { S3Bucket: b.cfn, S3Key: k.cfn, ...(v ? { S3ObjectVersion: v.cfn } : {}) },
    }
  }
  if (resource.codeAsset !== undefined) {
    // CDK uploads the folder at synth; a CloudFormation template holds only the local path.
    ctx.cfnDiagnostics.push({
      code: 'EXP022',
      severity: 'warning',
      message: `The code of ${id} is the local folder ${resource.codeAsset}: package the template before deploying it (\`aws cloudformation package\` uploads the folder and writes S3Bucket/S3Key), or give the function an S3 location (codeS3).`,
      entity: id,
      field: 'codeAsset',
    })
    // An asset folder is a local path in Code, which `aws cloudformation package` uploads (AWS CLI reference, "package").
    return { cdk: call(LAMBDA_CODE, 'fromAsset', [lit(resource.codeAsset)]), cfn: resource.codeAsset }
  }
  return { cdk: call(LAMBDA_CODE, 'fromInline', [lit(resource.code)]), cfn: { ZipFile: resource.code } }
}

function withoutKey(o: JsonObject, key: string): JsonObject {
  return Object.fromEntries(Object.entries(o).filter(([k]) => k !== key))
}

/** A string prop that may be raw CloudFormation (an intrinsic kept from import): a literal or its CDK expression. */
function rawString(value: Json): Code {
  return typeof value === 'string' ? lit(value) : intrinsicCode(value, 'string') ?? call(sym('core', 'Token'), 'asString', [{ k: 'json', value }])
}

/** `logs.RetentionDays` members by day count (CloudWatch only accepts these values). */
const RETENTION: Record<number, string> = {
  1: 'ONE_DAY', 3: 'THREE_DAYS', 5: 'FIVE_DAYS', 7: 'ONE_WEEK', 14: 'TWO_WEEKS', 30: 'ONE_MONTH', 60: 'TWO_MONTHS',
  90: 'THREE_MONTHS', 120: 'FOUR_MONTHS', 150: 'FIVE_MONTHS', 180: 'SIX_MONTHS', 365: 'ONE_YEAR', 400: 'THIRTEEN_MONTHS',
  545: 'EIGHTEEN_MONTHS', 731: 'TWO_YEARS', 1096: 'THREE_YEARS', 1827: 'FIVE_YEARS', 2192: 'SIX_YEARS', 2557: 'SEVEN_YEARS',
  2922: 'EIGHT_YEARS', 3288: 'NINE_YEARS', 3653: 'TEN_YEARS',
}

/** `logs.RetentionDays.X`, or undefined for a day count CloudWatch does not offer. */
function retention(days: number): Code | undefined {
  return RETENTION[days] ? sym('logs', `RetentionDays.${RETENTION[days]}`) : undefined
}
