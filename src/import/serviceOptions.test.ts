/**
 * Issue 9 item 13: the service options import models as fields when a template writes them the way the L2
 * constructs do (table class, deletion protection and encryption of a table; a queue's encryption; a topic's
 * deduplication, signature version and tracing; a bus description; a log group class), and keeps verbatim,
 * in `cfnExtra`, every other shape of the same property. The export side is proven by corpus apps
 * DynamoTableOptions, SqsQueueOptions and MessagingOptions (real synth in both CDK languages).
 */
import { describe, expect, it } from 'vitest'
import { importTemplateSync } from '.'
import type { Resource } from '../model/types'
import { exportDesign } from '../export'
import { emptyDesign } from '../model/builders'
import { deleteEntities } from '../model/ops/edit'

/**
 * A template with one WebSocket API whose integrations name the given resources (import models what the API
 * uses and keeps the rest verbatim); returns the imported resources by construct id.
 */
function importResources(resources: Record<string, { Type: string; Properties: Record<string, unknown> }>): Record<string, Resource> {
  const integrations = Object.fromEntries(
    Object.keys(resources).map((id) => [
      `${id}Integration`,
      {
        Type: 'AWS::ApiGatewayV2::Integration',
        Properties: { ApiId: { Ref: 'Api' }, IntegrationType: 'MOCK', RequestTemplates: { $default: { 'Fn::Sub': `{"statusCode": 200, "target": "\${${id}}"}` } } },
      },
    ]),
  )
  const template = {
    Resources: {
      Api: { Type: 'AWS::ApiGatewayV2::Api', Properties: { Name: 'opts', ProtocolType: 'WEBSOCKET', RouteSelectionExpression: '$request.body.action' } },
      ...integrations,
      ...resources,
    },
  }
  const r = importTemplateSync(JSON.stringify(template), {})
  if (!r.ok) throw new Error(JSON.stringify(r.errors))
  return Object.fromEntries(Object.values(r.document.design.resources).map((res) => [res.constructId ?? '', res]))
}

const TABLE = { AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }], BillingMode: 'PAY_PER_REQUEST' }

describe('service options as fields', () => {
  it('models a table class, deletion protection and the AWS-managed key; keeps SSEEnabled false or a customer key verbatim', () => {
    const r = importResources({
      Plain: { Type: 'AWS::DynamoDB::Table', Properties: { ...TABLE, TableClass: 'STANDARD_INFREQUENT_ACCESS', DeletionProtectionEnabled: true, SSESpecification: { SSEEnabled: true } } },
      Owned: { Type: 'AWS::DynamoDB::Table', Properties: { ...TABLE, SSESpecification: { SSEEnabled: false } } },
      Customer: { Type: 'AWS::DynamoDB::Table', Properties: { ...TABLE, SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: 'alias/mine' } } },
    })
    expect(r.Plain).toMatchObject({ tableClass: 'STANDARD_INFREQUENT_ACCESS', deletionProtection: true, encryption: 'AWS_MANAGED' })
    expect(r.Plain.cfnExtra).toBeUndefined()
    expect(r.Owned).not.toHaveProperty('encryption')
    expect(r.Owned.cfnExtra).toEqual({ SSESpecification: { SSEEnabled: false } })
    expect(r.Customer.cfnExtra).toEqual({ SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: 'alias/mine' } })
  })

  it("models a queue's encryption in each of the L2's shapes, a customer key by ARN included, and keeps a key alias verbatim", () => {
    const r = importResources({
      Sqs: { Type: 'AWS::SQS::Queue', Properties: { SqsManagedSseEnabled: true } },
      Off: { Type: 'AWS::SQS::Queue', Properties: { SqsManagedSseEnabled: false } },
      Kms: { Type: 'AWS::SQS::Queue', Properties: { KmsMasterKeyId: 'alias/aws/sqs' } },
      Own: { Type: 'AWS::SQS::Queue', Properties: { KmsMasterKeyId: 'arn:aws:kms:eu-west-1:111122223333:key/abc', KmsDataKeyReusePeriodSeconds: 600 } },
      Alias: { Type: 'AWS::SQS::Queue', Properties: { KmsMasterKeyId: 'alias/orders', KmsDataKeyReusePeriodSeconds: 600 } },
    })
    expect(r.Sqs).toMatchObject({ encryption: 'SQS_MANAGED' })
    expect(r.Off).toMatchObject({ encryption: 'UNENCRYPTED' })
    expect(r.Kms).toMatchObject({ encryption: 'KMS_MANAGED' })
    for (const id of ['Sqs', 'Off', 'Kms']) expect(r[id].cfnExtra).toBeUndefined()
    expect(r.Own).toMatchObject({ encryption: 'KMS', kmsKeyArn: 'arn:aws:kms:eu-west-1:111122223333:key/abc', dataKeyReuseSeconds: 600 })
    expect(r.Own.cfnExtra).toBeUndefined()
    // kms.Key.fromKeyArn takes only an ARN: an alias stays verbatim, with the reuse period beside it.
    expect(r.Alias).not.toHaveProperty('encryption')
    expect(r.Alias.cfnExtra).toEqual({ KmsMasterKeyId: 'alias/orders', KmsDataKeyReusePeriodSeconds: 600 })
  })

  it("models a topic's deduplication, signature version (CloudFormation reads 2 as \"2\") and tracing, a bus description and a log group class", () => {
    const r = importResources({
      Topic: { Type: 'AWS::SNS::Topic', Properties: { FifoTopic: true, TopicName: 't.fifo', ContentBasedDeduplication: true, SignatureVersion: 2, TracingConfig: 'PassThrough' } },
      Bus: { Type: 'AWS::Events::EventBus', Properties: { Name: 'b', Description: 'the bus' } },
      Logs: { Type: 'AWS::Logs::LogGroup', Properties: { LogGroupClass: 'INFREQUENT_ACCESS', RetentionInDays: 30 } },
    })
    expect(r.Topic).toMatchObject({ contentBasedDeduplication: true, signatureVersion: '2', tracing: 'PassThrough' })
    expect(r.Topic.cfnExtra).toBeUndefined()
    expect(r.Bus).toMatchObject({ description: 'the bus' })
    expect(r.Logs).toMatchObject({ logGroupClass: 'INFREQUENT_ACCESS' })
  })

  it('reads a log group without RetentionInDays as never expiring, and exports it without one (not with CDK\'s 731 days)', () => {
    const r = importResources({ Forever: { Type: 'AWS::Logs::LogGroup', Properties: { LogGroupName: '/ws/forever' } } })
    expect(r.Forever).toMatchObject({ neverExpire: true })
    expect(r.Forever).not.toHaveProperty('retentionDays')
    const design = { ...emptyDesign('logs'), resources: { forever: r.Forever } }
    const cfn = exportDesign({ design, layout: {} }, { target: 'cfn-json' })
    const ts = exportDesign({ design, layout: {} }, { target: 'cdk-ts' })
    if (!cfn.ok || !ts.ok) throw new Error('export failed')
    const group = Object.values((JSON.parse(cfn.files[0].contents) as { Resources: Record<string, { Type: string; Properties: object }> }).Resources).find((x) => x.Type === 'AWS::Logs::LogGroup')
    expect(group?.Properties).toEqual({ LogGroupName: '/ws/forever' })
    expect(ts.files[0].contents).toContain('retention: logs.RetentionDays.INFINITE')
  })
})

describe('dead-letter queues', () => {
  const queues = (redrive: unknown) =>
    importResources({
      Dead: { Type: 'AWS::SQS::Queue', Properties: {} },
      Inbox: { Type: 'AWS::SQS::Queue', Properties: { RedrivePolicy: redrive } },
    })

  it("models a redrive policy to a queue the design holds as the queue's deadLetterQueue", () => {
    const r = queues({ deadLetterTargetArn: { 'Fn::GetAtt': ['Dead', 'Arn'] }, maxReceiveCount: 4 })
    expect(r.Inbox).toMatchObject({ deadLetterQueue: { queue: 'dead', maxReceiveCount: 4 } })
    expect(r.Inbox.cfnExtra).toBeUndefined()
  })

  it('keeps other shapes verbatim: an ARN text, a count as text, a redrive permission key', () => {
    for (const redrive of [
      { deadLetterTargetArn: 'arn:aws:sqs:eu-west-1:111122223333:elsewhere', maxReceiveCount: 4 },
      { deadLetterTargetArn: { 'Fn::GetAtt': ['Dead', 'Arn'] }, maxReceiveCount: '4' },
      { deadLetterTargetArn: { 'Fn::GetAtt': ['Dead', 'Arn'] }, maxReceiveCount: 4, redrivePermission: 'allowAll' },
    ]) {
      const r = queues(redrive)
      expect(r.Inbox).not.toHaveProperty('deadLetterQueue')
      expect(r.Inbox.cfnExtra).toEqual({ RedrivePolicy: redrive })
    }
  })

  it('deleting the dead-letter queue clears the reference, and the export writes the dead-letter queue first', () => {
    const design = emptyDesign('dlq')
    design.resources.inbox = { type: 'sqs-queue', deadLetterQueue: { queue: 'dead', maxReceiveCount: 2 } }
    design.resources.dead = { type: 'sqs-queue' }
    const ts = exportDesign({ design, layout: {} }, { target: 'cdk-ts' })
    if (!ts.ok) throw new Error(JSON.stringify(ts.diagnostics))
    const code = ts.files[0].contents
    expect(code.indexOf("const dead = new sqs.Queue(this, 'Dead')")).toBeGreaterThan(-1)
    expect(code.indexOf("const dead = new sqs.Queue(this, 'Dead')")).toBeLessThan(code.indexOf('deadLetterQueue: { queue: dead, maxReceiveCount: 2 }'))
    const after = deleteEntities({ design, layout: {} }, ['dead']).design
    expect(after.resources.inbox).toEqual({ type: 'sqs-queue' })
  })

  it('deleting a queue, stream or log group clears every reference field that names it', () => {
    const design = emptyDesign('refs')
    design.resources.dead = { type: 'sqs-queue' }
    design.resources.changes = { type: 'kinesis-stream' }
    design.resources.logs = { type: 'log-group' }
    design.resources.table = { type: 'dynamodb-table', partitionKey: { name: 'id', type: 'S' }, kinesisStream: 'changes' }
    design.resources.bus = { type: 'eventbridge-bus', eventBusName: 'b', deadLetterQueue: 'dead' }
    design.resources.fn = { type: 'lambda-function', runtime: 'nodejs22.x', handler: 'index.handler', code: 'x', deadLetterQueue: 'dead', logGroup: 'logs' }
    design.resources.flow = { type: 'state-machine', definition: '{}', logging: { destination: 'logs', level: 'ALL' } }
    const after = deleteEntities({ design, layout: {} }, ['dead', 'changes', 'logs']).design
    expect(after.resources.table).toEqual({ type: 'dynamodb-table', partitionKey: { name: 'id', type: 'S' } })
    expect(after.resources.bus).toEqual({ type: 'eventbridge-bus', eventBusName: 'b' })
    expect(after.resources.fn).toEqual({ type: 'lambda-function', runtime: 'nodejs22.x', handler: 'index.handler', code: 'x' })
    expect(after.resources.flow).toEqual({ type: 'state-machine', definition: '{}' })
  })
})

describe('global secondary indexes', () => {
  const KEYS = { KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }], BillingMode: 'PAY_PER_REQUEST' }
  const defs = [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'room', AttributeType: 'S' }, { AttributeName: 'at', AttributeType: 'N' }]
  const byRoom = { IndexName: 'byRoom', KeySchema: [{ AttributeName: 'room', KeyType: 'HASH' }, { AttributeName: 'at', KeyType: 'RANGE' }], Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['text'] } }
  const byAt = { IndexName: 'byAt', KeySchema: [{ AttributeName: 'at', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } }
  const table = (props: Record<string, unknown>) => importResources({ T: { Type: 'AWS::DynamoDB::Table', Properties: { ...KEYS, ...props } } }).T

  it('models the indexes CDK writes, in order, with their projections', () => {
    const t = table({ AttributeDefinitions: defs, GlobalSecondaryIndexes: [byRoom, byAt] })
    expect(t).toMatchObject({
      globalSecondaryIndexes: {
        byRoom: { partitionKey: { name: 'room', type: 'S' }, sortKey: { name: 'at', type: 'N' }, projection: 'INCLUDE', nonKeyAttributes: ['text'] },
        byAt: { partitionKey: { name: 'at', type: 'N' } },
      },
    })
    expect(Object.keys((t as { globalSecondaryIndexes: object }).globalSecondaryIndexes)).toEqual(['byRoom', 'byAt'])
    expect(t.cfnExtra).toBeUndefined()
    const cfn = exportDesign({ design: { ...emptyDesign('gsi'), resources: { t } }, layout: {} }, { target: 'cfn-json' })
    if (!cfn.ok) throw new Error('export failed')
    const written = Object.values((JSON.parse(cfn.files[0].contents) as { Resources: Record<string, { Type: string; Properties: Record<string, unknown> }> }).Resources).find((r) => r.Type === 'AWS::DynamoDB::Table')!
    expect(written.Properties.GlobalSecondaryIndexes).toEqual([byRoom, byAt])
    expect(written.Properties.AttributeDefinitions).toEqual(defs)
  })

  it('models local indexes next to global ones, their attributes after the global ones', () => {
    const local = { IndexName: 'byLikes', KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'likes', KeyType: 'RANGE' }], Projection: { ProjectionType: 'KEYS_ONLY' } }
    const t = table({
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'at', KeyType: 'RANGE' }],
      AttributeDefinitions: [defs[0], defs[2], defs[1], { AttributeName: 'likes', AttributeType: 'N' }],
      GlobalSecondaryIndexes: [byRoom],
      LocalSecondaryIndexes: [local],
    })
    expect(t).toMatchObject({ localSecondaryIndexes: { byLikes: { sortKey: { name: 'likes', type: 'N' }, projection: 'KEYS_ONLY' } } })
    expect(t.cfnExtra).toBeUndefined()
  })

  it('keeps the indexes and definitions verbatim for shapes CDK does not write', () => {
    const insights = { ...byAt, ContributorInsightsSpecification: { Enabled: true } }
    for (const props of [
      { AttributeDefinitions: defs, GlobalSecondaryIndexes: [byRoom, insights] },
      { AttributeDefinitions: [defs[0], defs[2], defs[1]], GlobalSecondaryIndexes: [byRoom, byAt] },
      { AttributeDefinitions: defs, GlobalSecondaryIndexes: [{ ...byAt, ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 } }] },
    ]) {
      const t = table(props)
      expect(t).not.toHaveProperty('globalSecondaryIndexes')
      expect(t.cfnExtra).toMatchObject({ GlobalSecondaryIndexes: props.GlobalSecondaryIndexes, AttributeDefinitions: props.AttributeDefinitions })
    }
  })
})

/** One function with these properties, imported. */
const fn = (props: Record<string, unknown>) =>
  importResources({ Fn: { Type: 'AWS::Lambda::Function', Properties: { Runtime: 'nodejs20.x', Handler: 'index.handler', Code: { ZipFile: 'x' }, ...props } } }).Fn

describe('function layers and log format', () => {

  it('models layers written as text (a region from the stack stays a reference) and a plain log format', () => {
    const f = fn({ Layers: [{ 'Fn::Sub': 'arn:aws:lambda:${AWS::Region}:123456789012:layer:deps:3' }, 'arn:aws:lambda:eu-west-1:123456789012:layer:b:1'], LoggingConfig: { LogFormat: 'JSON' } })
    expect(f).toMatchObject({ layers: ['arn:aws:lambda:@{aws.region}:123456789012:layer:deps:3', 'arn:aws:lambda:eu-west-1:123456789012:layer:b:1'], logFormat: 'JSON' })
    expect(f.cfnExtra?.Layers).toBeUndefined()
    expect(f.cfnExtra?.LoggingConfig).toBeUndefined()
  })

  it('models tracing, and refuses it (EXP016) on a function whose role the export does not create', () => {
    expect(fn({ TracingConfig: { Mode: 'PassThrough' } })).toMatchObject({ tracing: 'PassThrough' })
    const design = emptyDesign('traced')
    design.resources.fn = { type: 'lambda-function', runtime: 'nodejs20.x', handler: 'index.handler', code: 'x', tracing: 'Active', cfnExtra: { Role: 'arn:aws:iam::111122223333:role/own' } }
    const r = exportDesign({ design, layout: {} }, { target: 'cfn-json' })
    expect(r.ok).toBe(false)
    expect(r.diagnostics).toContainEqual(expect.objectContaining({ code: 'EXP016', entity: 'fn', field: 'tracing' }))
  })

  it('models JSON logs with their levels, and keeps a log group the design does not hold verbatim', () => {
    expect(fn({ LoggingConfig: { LogFormat: 'JSON', ApplicationLogLevel: 'WARN', SystemLogLevel: 'INFO' }, RecursiveLoop: 'Allow' })).toMatchObject({ logFormat: 'JSON', applicationLogLevel: 'WARN', systemLogLevel: 'INFO', recursiveLoop: 'Allow' })
    const logging = { LogFormat: 'JSON', LogGroup: '/shared/functions' }
    const f = fn({ LoggingConfig: logging })
    expect(f).not.toHaveProperty('logFormat')
    expect(f.cfnExtra?.LoggingConfig).toEqual(logging)
  })
})

describe('state machine tracing', () => {
  const XRAY = { Action: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords', 'xray:GetSamplingRules', 'xray:GetSamplingTargets'], Effect: 'Allow', Resource: '*' }
  const machine = (statements: unknown[]) => {
    const template = {
      Resources: {
        Api: { Type: 'AWS::ApiGatewayV2::Api', Properties: { Name: 'sm', ProtocolType: 'WEBSOCKET', RouteSelectionExpression: '$request.body.action' } },
        Int: { Type: 'AWS::ApiGatewayV2::Integration', Properties: { ApiId: { Ref: 'Api' }, IntegrationType: 'MOCK', RequestTemplates: { $default: { 'Fn::Sub': '{"statusCode": 200, "m": "${Flow}"}' } } } },
        FlowRole: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: { Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'states.amazonaws.com' } }], Version: '2012-10-17' } } },
        FlowRolePolicy: { Type: 'AWS::IAM::Policy', Properties: { PolicyDocument: { Statement: statements, Version: '2012-10-17' }, PolicyName: 'FlowRolePolicy', Roles: [{ Ref: 'FlowRole' }] } },
        Flow: { Type: 'AWS::StepFunctions::StateMachine', Properties: { DefinitionString: '{}', RoleArn: { 'Fn::GetAtt': ['FlowRole', 'Arn'] }, TracingConfiguration: { Enabled: true } } },
      },
    }
    const r = importTemplateSync(JSON.stringify(template), {})
    if (!r.ok) throw new Error(JSON.stringify(r.errors))
    return { design: r.document.design, summary: r.summary }
  }

  it('models tracing with the X-Ray policy the L2 writes, and reads the policy as generated', () => {
    const { design, summary } = machine([XRAY])
    expect(Object.values(design.resources).find((x) => x.type === 'state-machine')).toMatchObject({ tracing: true })
    expect(summary.generated.map((g) => g.logicalId)).toContain('FlowRolePolicy')
  })

  it('keeps tracing verbatim when the role policy holds more, so no second X-Ray policy is written', () => {
    const { design } = machine([XRAY, { Action: 'lambda:InvokeFunction', Effect: 'Allow', Resource: '*' }])
    const sm = Object.values(design.resources).find((x) => x.type === 'state-machine')!
    expect(sm).not.toHaveProperty('tracing')
    expect(sm.cfnExtra).toEqual({ TracingConfiguration: { Enabled: true } })
  })
})

describe('resource tags', () => {
  it('models literal Key/Value tags as a map, and the export writes them sorted by key, as CDK does', () => {
    const q = importResources({ Q: { Type: 'AWS::SQS::Queue', Properties: { Tags: [{ Key: 'team', Value: 'chat' }, { Key: 'app', Value: 'ws' }] } } }).Q
    expect(q).toMatchObject({ tags: { team: 'chat', app: 'ws' } })
    expect(q.cfnExtra).toBeUndefined()
    const cfn = exportDesign({ design: { ...emptyDesign('tags'), resources: { q } }, layout: {} }, { target: 'cfn-json' })
    const ts = exportDesign({ design: { ...emptyDesign('tags'), resources: { q } }, layout: {} }, { target: 'cdk-ts' })
    if (!cfn.ok || !ts.ok) throw new Error('export failed')
    const queue = Object.values((JSON.parse(cfn.files[0].contents) as { Resources: Record<string, { Type: string; Properties: { Tags?: unknown } }> }).Resources).find((r) => r.Type === 'AWS::SQS::Queue')!
    expect(queue.Properties.Tags).toEqual([{ Key: 'app', Value: 'ws' }, { Key: 'team', Value: 'chat' }])
    expect(ts.files[0].contents).toContain("Tags.of(q).add('app', 'ws');")
  })

  it('keeps tags verbatim when one is reserved (aws:), repeated or not a literal', () => {
    for (const tags of [
      [{ Key: 'aws:cloudformation:stack-name', Value: 'x' }],
      [{ Key: 'a', Value: '1' }, { Key: 'a', Value: '2' }],
      [{ Key: 'a', Value: { Ref: 'AWS::StackName' } }],
    ]) {
      const q = importResources({ Q: { Type: 'AWS::SQS::Queue', Properties: { Tags: tags } } }).Q
      expect(q).not.toHaveProperty('tags')
      expect(q.cfnExtra).toEqual({ Tags: tags })
    }
  })
})

describe('the checks that come with them', () => {
  it('refuses content-based deduplication on a standard queue or topic (MDL085), which SQS, SNS and CDK all reject', () => {
    const r = importResources({
      Q: { Type: 'AWS::SQS::Queue', Properties: { ContentBasedDeduplication: true } },
      T: { Type: 'AWS::SNS::Topic', Properties: { ContentBasedDeduplication: true } },
    })
    expect(r.Q).toMatchObject({ contentBasedDeduplication: true })
    const imported = { design: { ...emptyDesign('dedup'), resources: { t: r.T } }, layout: {} }
    const e = exportDesign(imported, { target: 'cdk-ts' })
    expect(e.ok).toBe(false)
    expect(e.diagnostics).toContainEqual(expect.objectContaining({ code: 'MDL085', severity: 'error', field: 'contentBasedDeduplication' }))
  })
})

describe('customer keys and the options that go with them', () => {
  const KEY = 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab'
  it('models customer keys by ARN on a queue, topic, table, bus and log group; keeps a key id or alias verbatim', () => {
    const r = importResources({
      Queue: { Type: 'AWS::SQS::Queue', Properties: { FifoQueue: true, KmsMasterKeyId: KEY, KmsDataKeyReusePeriodSeconds: 3600, DeduplicationScope: 'messageGroup', FifoThroughputLimit: 'perMessageGroupId', RedriveAllowPolicy: { redrivePermission: 'byQueue', sourceQueueArns: ['arn:aws:sqs:eu-west-1:123456789012:a.fifo'] } } },
      ByAlias: { Type: 'AWS::SQS::Queue', Properties: { KmsMasterKeyId: 'alias/mine' } },
      Topic: { Type: 'AWS::SNS::Topic', Properties: { KmsMasterKeyId: { 'Fn::Sub': 'arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/k' } } },
      Table: { Type: 'AWS::DynamoDB::Table', Properties: { ...TABLE, SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: KEY }, ContributorInsightsSpecification: { Enabled: true }, OnDemandThroughput: { MaxReadRequestUnits: 500 } } },
      Bus: { Type: 'AWS::Events::EventBus', Properties: { Name: 'b', KmsKeyIdentifier: KEY } },
      Logs: { Type: 'AWS::Logs::LogGroup', Properties: { KmsKeyId: KEY, RetentionInDays: 30 } },
    })
    expect(r.Queue).toMatchObject({ encryption: 'KMS', kmsKeyArn: KEY, dataKeyReuseSeconds: 3600, deduplicationScope: 'messageGroup', fifoThroughputLimit: 'perMessageGroupId', redriveAllowPolicy: { permission: 'byQueue', sourceQueueArns: ['arn:aws:sqs:eu-west-1:123456789012:a.fifo'] } })
    expect(r.Queue.cfnExtra).toBeUndefined()
    expect(r.ByAlias).toMatchObject({ cfnExtra: { KmsMasterKeyId: 'alias/mine' } })
    expect(r.Topic).toMatchObject({ kmsKeyArn: 'arn:@{aws.partition}:kms:@{aws.region}:@{aws.accountId}:key/k' })
    expect(r.Table).toMatchObject({ encryption: 'CUSTOMER_MANAGED', kmsKeyArn: KEY, contributorInsights: true, maxReadRequestUnits: 500 })
    expect(r.Table.cfnExtra).toBeUndefined()
    expect(r.Bus).toMatchObject({ kmsKeyArn: KEY })
    expect(r.Logs).toMatchObject({ kmsKeyArn: KEY, retentionDays: 30 })
    for (const res of [r.Topic, r.Bus, r.Logs]) expect(res.cfnExtra).toBeUndefined()
  })

  it('keeps on-demand limits on a provisioned table and a redrive allow policy written as JSON text verbatim', () => {
    const r = importResources({
      Table: { Type: 'AWS::DynamoDB::Table', Properties: { ...TABLE, BillingMode: 'PROVISIONED', ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 }, OnDemandThroughput: { MaxReadRequestUnits: 5 } } },
      Queue: { Type: 'AWS::SQS::Queue', Properties: { RedriveAllowPolicy: '{"redrivePermission":"denyAll"}' } },
    })
    expect(r.Table).toMatchObject({ cfnExtra: { OnDemandThroughput: { MaxReadRequestUnits: 5 } } })
    expect(r.Queue).toMatchObject({ cfnExtra: { RedriveAllowPolicy: '{"redrivePermission":"denyAll"}' } })
  })
})

describe('warm throughput, message archives, SnapStart and runtime updates', () => {
  it('models each in the shape the L2 writes', () => {
    const r = importResources({
      Table: { Type: 'AWS::DynamoDB::Table', Properties: { ...TABLE, WarmThroughput: { ReadUnitsPerSecond: 12000, WriteUnitsPerSecond: 4000 } } },
      Topic: { Type: 'AWS::SNS::Topic', Properties: { FifoTopic: true, ArchivePolicy: { MessageRetentionPeriod: 30 } } },
    })
    expect(r.Table).toMatchObject({ warmThroughput: { readUnitsPerSecond: 12000, writeUnitsPerSecond: 4000 } })
    expect(r.Topic).toMatchObject({ fifo: true, archiveRetentionDays: 30 })
    for (const res of [r.Table, r.Topic]) expect(res.cfnExtra).toBeUndefined()
  })
  it('keeps a pinned runtime version and SnapStart None verbatim', () => {
    const pinned = { UpdateRuntimeOn: 'Manual', RuntimeVersionArn: 'arn:aws:lambda:eu-west-1::runtime:abc' }
    const f = fn({ SnapStart: { ApplyOn: 'None' }, RuntimeManagementConfig: pinned })
    expect(f).not.toHaveProperty('snapStart')
    expect(f.cfnExtra).toEqual({ SnapStart: { ApplyOn: 'None' }, RuntimeManagementConfig: pinned })
    expect(fn({ SnapStart: { ApplyOn: 'PublishedVersions' }, RuntimeManagementConfig: { UpdateRuntimeOn: 'FunctionUpdate' } })).toMatchObject({ snapStart: true, runtimeUpdates: 'FunctionUpdate' })
  })
})
