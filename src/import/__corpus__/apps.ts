/**
 * The conformance corpus's CDK apps (see README.md for where each pattern comes from). Each function builds one
 * stack with aws-cdk-lib 2.276 the way the CDK docs and integ tests write it; `synth.ts` synthesizes them all in
 * one process. Written for this repository from the patterns read, not copied.
 */

import { Duration, Size, Stack, Tags, type App } from 'aws-cdk-lib'
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2'
import { WebSocketIamAuthorizer, WebSocketLambdaAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers'
import { WebSocketAwsIntegration, WebSocketLambdaIntegration, WebSocketMockIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations'
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb'
import * as events from 'aws-cdk-lib/aws-events'
import * as iam from 'aws-cdk-lib/aws-iam'
import * as kinesis from 'aws-cdk-lib/aws-kinesis'
import * as kms from 'aws-cdk-lib/aws-kms'
import * as lambda from 'aws-cdk-lib/aws-lambda'
import * as logs from 'aws-cdk-lib/aws-logs'
import * as sfn from 'aws-cdk-lib/aws-stepfunctions'
import * as sns from 'aws-cdk-lib/aws-sns'
import * as sqs from 'aws-cdk-lib/aws-sqs'
import { PRESETS } from '../../model/presets/catalog'
import type { Preset } from '../../model/presets/types'

/** The documented idiom that undoes escapeJavaScript's `\\'` (not valid JSON). */
const UNQUOTE = `.replaceAll("\\\\'","'")`

const CODE = 'exports.handler = async (event) => ({ statusCode: 200, body: JSON.stringify(event.requestContext.routeKey) })'

function fn(stack: Stack, id: string): lambda.Function {
  return new lambda.Function(stack, id, { runtime: lambda.Runtime.NODEJS_20_X, handler: 'index.handler', code: lambda.Code.fromInline(CODE) })
}

function apiWithStage(stack: Stack, id = 'WsApi'): apigwv2.WebSocketApi {
  const api = new apigwv2.WebSocketApi(stack, id)
  new apigwv2.WebSocketStage(stack, `${id}Stage`, { webSocketApi: api, stageName: 'prod', autoDeploy: true })
  return api
}

/** A stack with a WebSocket API and its dev stage, and the role its AWS integrations use. */
function apiStack(app: App, name: string): { s: Stack; api: apigwv2.WebSocketApi; role: iam.Role } {
  const s = new Stack(app, name)
  return { s, api: apiWithStage(s), role: apiRole(s) }
}

function apiRole(stack: Stack): iam.Role {
  return new iam.Role(stack, 'ApiRole', { assumedBy: new iam.ServicePrincipal('apigateway.amazonaws.com') })
}

/** A WebSocketAwsIntegration on a route, the way the CDK docs wire a service action. */
function awsRoute(stack: Stack, api: apigwv2.WebSocketApi, routeKey: string, id: string, service: string, action: string, role: iam.IRole, template: string): void {
  api.addRoute(routeKey, {
    integration: new WebSocketAwsIntegration(id, {
      integrationUri: `arn:aws:apigateway:${stack.region}:${service}:action/${action}`,
      integrationMethod: apigwv2.HttpMethod.POST,
      credentialsRole: role,
      requestTemplates: { $default: template },
      templateSelectionExpression: '\\$default',
    }),
  })
}

/** A route (`$default` unless told) → SQS SendMessage, the path-style URI the CDK's integ.sqs test uses. */
function sqsRoute(s: Stack, api: apigwv2.WebSocketApi, q: sqs.IQueue, role: iam.IRole, route = { key: '$default', id: 'SendMessage', params: '' }): void {
    api.addRoute(route.key, {
      integration: new WebSocketAwsIntegration(route.id, {
        integrationUri: `arn:aws:apigateway:${s.region}:sqs:path/${s.account}/${q.queueName}`,
        integrationMethod: apigwv2.HttpMethod.POST,
        credentialsRole: role,
        requestParameters: { 'integration.request.header.Content-Type': "'application/x-www-form-urlencoded'" },
        requestTemplates: { $default: `Action=SendMessage${route.params}&MessageBody=$util.urlEncode($input.body)` },
        templateSelectionExpression: '\\$default',
      }),
    })
}

function table(stack: Stack): dynamodb.Table {
  return new dynamodb.Table(stack, 'Connections', { partitionKey: { name: 'connectionId', type: dynamodb.AttributeType.STRING } })
}

const putItem = (t: dynamodb.ITable) => JSON.stringify({ TableName: t.tableName, Item: { connectionId: { S: '$context.connectionId' } } })
const getItem = (t: dynamodb.ITable) => JSON.stringify({ TableName: t.tableName, Key: { connectionId: { S: '$context.connectionId' } } })

// ------------------------------------------------------------------------------------ one app per grant method

export const GRANT_APPS: Record<string, (app: App) => Stack> = {
  GrantReadData: (app) => {
    const s = new Stack(app, 'GrantReadData'); const api = apiWithStage(s); const t = table(s); const role = apiRole(s)
    t.grantReadData(role)
    awsRoute(s, api, 'get', 'GetItem', 'dynamodb', 'GetItem', role, getItem(t))
    return s
  },
  GrantWriteData: (app) => {
    const s = new Stack(app, 'GrantWriteData'); const api = apiWithStage(s); const t = table(s); const role = apiRole(s)
    t.grantWriteData(role)
    awsRoute(s, api, '$connect', 'PutItem', 'dynamodb', 'PutItem', role, putItem(t))
    return s
  },
  GrantReadWriteData: (app) => {
    const s = new Stack(app, 'GrantReadWriteData'); const api = apiWithStage(s); const t = table(s); const role = apiRole(s)
    t.grantReadWriteData(role)
    awsRoute(s, api, '$connect', 'PutItem', 'dynamodb', 'PutItem', role, putItem(t))
    awsRoute(s, api, 'get', 'GetItem', 'dynamodb', 'GetItem', role, getItem(t))
    return s
  },
  GrantFullAccess: (app) => {
    const s = new Stack(app, 'GrantFullAccess'); const api = apiWithStage(s); const t = table(s); const role = apiRole(s)
    t.grantFullAccess(role)
    awsRoute(s, api, '$connect', 'PutItem', 'dynamodb', 'PutItem', role, putItem(t))
    return s
  },
  GrantSendMessages: (app) => {
    const s = new Stack(app, 'GrantSendMessages'); const api = apiWithStage(s); const q = new sqs.Queue(s, 'Inbox'); const role = apiRole(s)
    q.grantSendMessages(role)
    sqsRoute(s, api, q, role)
    return s
  },
  GrantConsumeMessages: (app) => {
    const s = new Stack(app, 'GrantConsumeMessages'); const api = apiWithStage(s); const q = new sqs.Queue(s, 'Inbox'); const role = apiRole(s)
    q.grantSendMessages(role)
    q.grantConsumeMessages(role)
    sqsRoute(s, api, q, role)
    return s
  },
  GrantPublish: (app) => {
    const s = new Stack(app, 'GrantPublish'); const api = apiWithStage(s); const topic = new sns.Topic(s, 'Events'); const role = apiRole(s)
    topic.grantPublish(role)
    awsRoute(s, api, 'publish', 'Publish', 'sns', 'Publish', role, `Action=Publish&TopicArn=$util.urlEncode('${topic.topicArn}')&Message=$util.urlEncode($input.body)`)
    return s
  },
  GrantStreamWrite: (app) => {
    const s = new Stack(app, 'GrantStreamWrite'); const api = apiWithStage(s); const k = new kinesis.Stream(s, 'Clicks'); const role = apiRole(s)
    k.grantWrite(role)
    awsRoute(s, api, 'click', 'PutRecord', 'kinesis', 'PutRecord', role, `{"StreamName":"${k.streamName}","Data":"$util.base64Encode($input.body)","PartitionKey":"$context.connectionId"}`)
    return s
  },
  GrantStreamRead: (app) => {
    const s = new Stack(app, 'GrantStreamRead'); const api = apiWithStage(s); const k = new kinesis.Stream(s, 'Clicks'); const role = apiRole(s)
    k.grantRead(role)
    k.grantWrite(role)
    awsRoute(s, api, 'click', 'PutRecord', 'kinesis', 'PutRecord', role, `{"StreamName":"${k.streamName}","Data":"$util.base64Encode($input.body)","PartitionKey":"$context.connectionId"}`)
    return s
  },
  GrantStreamReadWrite: (app) => {
    const s = new Stack(app, 'GrantStreamReadWrite'); const api = apiWithStage(s); const k = new kinesis.Stream(s, 'Clicks'); const role = apiRole(s)
    k.grantReadWrite(role)
    awsRoute(s, api, 'click', 'PutRecords', 'kinesis', 'PutRecords', role, `{"StreamName":"${k.streamName}","Records":[{"Data":"$util.base64Encode($input.body)","PartitionKey":"$context.connectionId"}]}`)
    return s
  },
  GrantPutEventsTo: (app) => {
    const s = new Stack(app, 'GrantPutEventsTo'); const api = apiWithStage(s); const bus = new events.EventBus(s, 'Bus', { eventBusName: 'chat-events' }); const role = apiRole(s)
    bus.grantPutEventsTo(role)
    awsRoute(s, api, 'emit', 'PutEvents', 'events', 'PutEvents', role, `{"Entries":[{"EventBusName":"${bus.eventBusName}","Source":"chat","DetailType":"message","Detail":"$util.escapeJavaScript($input.body)${UNQUOTE}"}]}`)
    return s
  },
  GrantStartExecution: (app) => {
    const s = new Stack(app, 'GrantStartExecution'); const api = apiWithStage(s)
    const m = new sfn.StateMachine(s, 'Flow', { definitionBody: sfn.DefinitionBody.fromString('{"StartAt":"Done","States":{"Done":{"Type":"Succeed"}}}') })
    const role = apiRole(s)
    m.grantStartExecution(role)
    awsRoute(s, api, 'start', 'StartExecution', 'states', 'StartExecution', role, `{"stateMachineArn":"${m.stateMachineArn}","input":"$util.escapeJavaScript($input.body)${UNQUOTE}"}`)
    return s
  },
  GrantStartSyncExecution: (app) => {
    const s = new Stack(app, 'GrantStartSyncExecution'); const api = apiWithStage(s)
    // Traced, as express workflows often are (the StateMachine tracingEnabled prop).
    const m = new sfn.StateMachine(s, 'Flow', { stateMachineType: sfn.StateMachineType.EXPRESS, tracingEnabled: true, definitionBody: sfn.DefinitionBody.fromString('{"StartAt":"Done","States":{"Done":{"Type":"Succeed"}}}') })
    const role = apiRole(s)
    m.grantStartSyncExecution(role)
    awsRoute(s, api, 'run', 'StartSyncExecution', 'states', 'StartSyncExecution', role, `{"stateMachineArn":"${m.stateMachineArn}","input":"$util.escapeJavaScript($input.body)${UNQUOTE}"}`)
    return s
  },
  GrantInvoke: (app) => {
    const s = new Stack(app, 'GrantInvoke'); const api = apiWithStage(s); const handler = fn(s, 'Worker'); const role = apiRole(s)
    handler.grantInvoke(role)
    api.addRoute('work', {
      integration: new WebSocketAwsIntegration('InvokeWorker', {
        integrationUri: `arn:aws:apigateway:${s.region}:lambda:path/2015-03-31/functions/${handler.functionArn}/invocations`,
        integrationMethod: apigwv2.HttpMethod.POST,
        credentialsRole: role,
      }),
    })
    return s
  },
  GrantLogWrite: (app) => {
    const s = new Stack(app, 'GrantLogWrite'); const api = new apigwv2.WebSocketApi(s, 'WsApi'); const t = table(s); const role = apiRole(s)
    const lg = new logs.LogGroup(s, 'AccessLogs')
    const stage = new apigwv2.WebSocketStage(s, 'WsApiStage', { webSocketApi: api, stageName: 'prod', autoDeploy: true })
    const cfnStage = stage.node.defaultChild as apigwv2.CfnStage
    cfnStage.accessLogSettings = { destinationArn: lg.logGroupArn, format: '$context.requestId $context.routeKey' }
    t.grantWriteData(role)
    lg.grantWrite(role)
    awsRoute(s, api, '$connect', 'PutItem', 'dynamodb', 'PutItem', role, putItem(t))
    return s
  },
  GrantManageConnections: (app) => {
    const s = new Stack(app, 'GrantManageConnections'); const api = apiWithStage(s); const handler = fn(s, 'Broadcast')
    api.grantManageConnections(handler)
    api.addRoute('broadcast', { integration: new WebSocketLambdaIntegration('BroadcastIntegration', handler) })
    return s
  },
  GrantManagementApiAccess: (app) => {
    const s = new Stack(app, 'GrantManagementApiAccess'); const api = new apigwv2.WebSocketApi(s, 'WsApi'); const handler = fn(s, 'Broadcast')
    const stage = new apigwv2.WebSocketStage(s, 'WsApiStage', { webSocketApi: api, stageName: 'prod', autoDeploy: true })
    stage.grantManagementApiAccess(handler)
    api.addRoute('broadcast', { integration: new WebSocketLambdaIntegration('BroadcastIntegration', handler) })
    return s
  },
  GrantTableToFunction: (app) => {
    // The simple-websockets-chat-app shape: handlers granted on the connections table, one grants ManageConnections.
    const s = new Stack(app, 'GrantTableToFunction'); const api = apiWithStage(s); const t = table(s)
    const connect = fn(s, 'OnConnect'); const send = fn(s, 'SendMessage')
    t.grantWriteData(connect)
    t.grantReadData(send)
    api.grantManageConnections(send)
    api.addRoute('$connect', { integration: new WebSocketLambdaIntegration('ConnectIntegration', connect) })
    api.addRoute('sendmessage', { integration: new WebSocketLambdaIntegration('SendIntegration', send) })
    return s
  },
}

// ------------------------------------------------------------------------- the CDK integ tests' construct patterns

export const PATTERN_APPS: Record<string, (app: App) => Stack> = {
  /**
   * Issue 9 item 12: a Query on a global secondary index, with the least privilege DynamoDB needs (the table and
   * the index ARN), as the DynamoDB developer guide's IAM examples for indexes write it.
   */
  DynamoQueryOnIndex: (app) => {
    const { s, api, role } = apiStack(app, 'DynamoQueryOnIndex')
    const t = new dynamodb.Table(s, 'Messages', { partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING } })
    t.addGlobalSecondaryIndex({ indexName: 'byRoom', partitionKey: { name: 'room', type: dynamodb.AttributeType.STRING } })
    role.addToPolicy(new iam.PolicyStatement({ actions: ['dynamodb:Query'], resources: [t.tableArn, `${t.tableArn}/index/byRoom`] }))
    const query = JSON.stringify({ TableName: t.tableName, IndexName: 'byRoom', KeyConditionExpression: 'room = :r', ExpressionAttributeValues: { ':r': { S: "$input.path('$.room')" } } })
    awsRoute(s, api, 'history', 'QueryRoom', 'dynamodb', 'Query', role, query)
    return s
  },
  /**
   * Issue 9 item 13: the table options apps set most (an expiry attribute, continuous backups, a change stream), as
   * the aws-dynamodb Table props document them, on a table a route writes to. Import models them as table fields.
   */
  DynamoTableOptions: (app) => {
    const { s, api, role } = apiStack(app, 'DynamoTableOptions')
    const t = new dynamodb.Table(s, 'Sessions', {
      partitionKey: { name: 'connectionId', type: dynamodb.AttributeType.STRING },
      timeToLiveAttribute: 'expiresAt',
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      stream: dynamodb.StreamViewType.NEW_AND_OLD_IMAGES,
      tableClass: dynamodb.TableClass.STANDARD_INFREQUENT_ACCESS,
      deletionProtection: true,
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
    })
    t.addGlobalSecondaryIndex({ indexName: 'byExpiry', partitionKey: { name: 'expiresAt', type: dynamodb.AttributeType.NUMBER }, projectionType: dynamodb.ProjectionType.KEYS_ONLY, readCapacity: 2, writeCapacity: 2 })
    t.addGlobalSecondaryIndex({ indexName: 'byUser', partitionKey: { name: 'userId', type: dynamodb.AttributeType.STRING }, sortKey: { name: 'expiresAt', type: dynamodb.AttributeType.NUMBER }, projectionType: dynamodb.ProjectionType.INCLUDE, nonKeyAttributes: ['room'] })
    t.grantWriteData(role)
    const put = JSON.stringify({ TableName: t.tableName, Item: { connectionId: { S: '$context.connectionId' }, expiresAt: { N: '$context.requestTimeEpoch' } } })
    awsRoute(s, api, 'remember', 'RememberSession', 'dynamodb', 'PutItem', role, put)
    return s
  },
  /**
   * Issue 9 item 13: a queue with the timing and size options the aws-sqs Queue props document (retention, delivery
   * delay, long polling, maximum message size), fed by a $default SendMessage route through `grantSendMessages`.
   */
  SqsQueueOptions: (app) => {
    const { s, api, role } = apiStack(app, 'SqsQueueOptions')
    const q = new sqs.Queue(s, 'Inbox', {
      retentionPeriod: Duration.days(4),
      deliveryDelay: Duration.seconds(10),
      receiveMessageWaitTime: Duration.seconds(20),
      maxMessageSizeBytes: 524288,
      encryption: sqs.QueueEncryption.KMS_MANAGED,
    })
    q.grantSendMessages(role)
    sqsRoute(s, api, q, role)
    return s
  },
  /**
   * Issue 9 item 13: a table with a global and two local secondary indexes (`addLocalSecondaryIndex`, the aws-dynamodb
   * Table API), granted with `grantReadWriteData` (which then names `<table ARN>/index/*`) and queried on a local index.
   */
  DynamoLocalIndexes: (app) => {
    const { s, api, role } = apiStack(app, 'DynamoLocalIndexes')
    const t = new dynamodb.Table(s, 'Messages', { partitionKey: { name: 'room', type: dynamodb.AttributeType.STRING }, sortKey: { name: 'at', type: dynamodb.AttributeType.NUMBER }, billingMode: dynamodb.BillingMode.PAY_PER_REQUEST })
    t.addGlobalSecondaryIndex({ indexName: 'byAuthor', partitionKey: { name: 'author', type: dynamodb.AttributeType.STRING }, sortKey: { name: 'at', type: dynamodb.AttributeType.NUMBER } })
    t.addLocalSecondaryIndex({ indexName: 'byLikes', sortKey: { name: 'likes', type: dynamodb.AttributeType.NUMBER }, projectionType: dynamodb.ProjectionType.INCLUDE, nonKeyAttributes: ['text'] })
    t.addLocalSecondaryIndex({ indexName: 'byEdited', sortKey: { name: 'editedAt', type: dynamodb.AttributeType.NUMBER }, projectionType: dynamodb.ProjectionType.KEYS_ONLY })
    t.grantReadWriteData(role)
    const query = JSON.stringify({ TableName: t.tableName, IndexName: 'byLikes', KeyConditionExpression: 'room = :r', ExpressionAttributeValues: { ':r': { S: "$input.path('$.room')" } } })
    awsRoute(s, api, 'top', 'TopMessages', 'dynamodb', 'Query', role, query)
    return s
  },
  /**
   * Issue 9 item 13: the integration role with the aws-iam Role props people set (a description, a path, a longer
   * session, an AWS managed policy by name), sending to a queue through `grantSendMessages`.
   */
  RoleOptions: (app) => {
    const s = new Stack(app, 'RoleOptions'); const api = apiWithStage(s)
    const role = new iam.Role(s, 'ApiRole', {
      assumedBy: new iam.ServicePrincipal('apigateway.amazonaws.com'),
      description: 'Lets the WebSocket API send to the inbox',
      path: '/websocket/',
      maxSessionDuration: Duration.hours(2),
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonSQSReadOnlyAccess')],
    })
    const q = new sqs.Queue(s, 'Inbox')
    q.grantSendMessages(role)
    sqsRoute(s, api, q, role)
    return s
  },
  /**
   * A grant on a table whose index the user changed with an escape hatch (contributor insights through
   * `addPropertyOverride`): the index stays verbatim, so the grant's `<table ARN>/index/*` statement is kept as a
   * statement, which the CDK targets must write with string tokens for `PolicyStatement.fromJson`.
   */
  GrantOnOverriddenIndex: (app) => {
    const { s, api, role } = apiStack(app, 'GrantOnOverriddenIndex')
    const t = new dynamodb.Table(s, 'Messages', { partitionKey: { name: 'room', type: dynamodb.AttributeType.STRING }, sortKey: { name: 'at', type: dynamodb.AttributeType.NUMBER } })
    t.addGlobalSecondaryIndex({ indexName: 'byAuthor', partitionKey: { name: 'author', type: dynamodb.AttributeType.STRING } })
    ;(t.node.defaultChild as dynamodb.CfnTable).addPropertyOverride('GlobalSecondaryIndexes.0.ContributorInsightsSpecification', { Enabled: true })
    t.grantWriteData(role)
    const put = JSON.stringify({ TableName: t.tableName, Item: { room: { S: '$input.path(\'$.room\')' }, at: { N: '$context.requestTimeEpoch' } } })
    awsRoute(s, api, 'post', 'PostMessage', 'dynamodb', 'PutItem', role, put)
    return s
  },
  /**
   * Issue 9 item 13: a queue with a dead-letter queue (`deadLetterQueue: { queue, maxReceiveCount }`, the aws-sqs
   * Queue props; the redrive policy as the SQS Developer Guide describes it), fed by `$default` through
   * `grantSendMessages`, and a FIFO pair, the FIFO dead-letter queue a FIFO queue needs.
   */
  SqsDeadLetterQueue: (app) => {
    const { s, api, role } = apiStack(app, 'SqsDeadLetterQueue')
    const dead = new sqs.Queue(s, 'DeadLetters', { retentionPeriod: Duration.days(14) })
    const inbox = new sqs.Queue(s, 'Inbox', { deadLetterQueue: { queue: dead, maxReceiveCount: 3 } })
    inbox.grantSendMessages(role)
    sqsRoute(s, api, inbox, role)
    const fifoDead = new sqs.Queue(s, 'OrdersDead', { fifo: true })
    const orders = new sqs.Queue(s, 'Orders', { fifo: true, contentBasedDeduplication: true, deadLetterQueue: { queue: fifoDead, maxReceiveCount: 5 } })
    orders.grantSendMessages(role)
    sqsRoute(s, api, orders, role, { key: 'order', id: 'SendOrder', params: '&MessageGroupId=$context.connectionId' })
    return s
  },
  /**
   * Issue 9 item 13: a FIFO topic with content-based deduplication, SHA256 signatures and X-Ray tracing (the
   * aws-sns Topic props), published to by a route through `grantPublish`; an event bus with a description, put to
   * through `grantPutEventsTo`; and an infrequent-access log group the stage writes its access logs to.
   */
  MessagingOptions: (app) => {
    const s = new Stack(app, 'MessagingOptions'); const api = new apigwv2.WebSocketApi(s, 'WsApi'); const role = apiRole(s)
    const archive = new logs.LogGroup(s, 'Archive', { logGroupClass: logs.LogGroupClass.INFREQUENT_ACCESS, retention: logs.RetentionDays.INFINITE })
    const stage = new apigwv2.WebSocketStage(s, 'WsApiStage', { webSocketApi: api, stageName: 'prod', autoDeploy: true })
    ;(stage.node.defaultChild as apigwv2.CfnStage).accessLogSettings = { destinationArn: archive.logGroupArn, format: '$context.requestId $context.routeKey' }
    const topic = new sns.Topic(s, 'Orders', {
      fifo: true,
      topicName: 'orders',
      contentBasedDeduplication: true,
      signatureVersion: '2',
      tracingConfig: sns.TracingConfig.ACTIVE,
    })
    topic.grantPublish(role)
    Tags.of(topic).add('team', 'orders')
    Tags.of(topic).add('app', 'shop')
    awsRoute(s, api, 'order', 'PublishOrder', 'sns', 'Publish', role, `Action=Publish&TopicArn=$util.urlEncode('${topic.topicArn}')&MessageGroupId=$context.connectionId&Message=$util.urlEncode($input.body)`)
    const bus = new events.EventBus(s, 'Bus', { eventBusName: 'orders-bus', description: 'Order events from the WebSocket API' })
    bus.grantPutEventsTo(role)
    awsRoute(s, api, 'emit', 'EmitOrder', 'events', 'PutEvents', role, `{"Entries":[{"EventBusName":"${bus.eventBusName}","Source":"orders","DetailType":"order","Detail":"$util.escapeJavaScript($input.body)${UNQUOTE}"}]}`)
    return s
  },
  /**
   * Issue 9 item 13: one customer-managed KMS key, imported by ARN (`kms.Key.fromKeyArn`, as the aws-kms docs show
   * for keys made elsewhere), encrypting a table (with contributor insights, on-demand limits and a Kinesis
   * streaming destination), a FIFO dead-letter queue (data key reuse, a byQueue redrive allow policy), a topic, an
   * event bus (with its own dead-letter queue) and a log group; the queue feeding the dead-letter queue has a
   * deduplication scope and throughput limit (high-throughput FIFO, as the SQS Developer Guide describes it).
   */
  CustomerKeys: (app) => {
    const s = new Stack(app, 'CustomerKeys'); const api = new apigwv2.WebSocketApi(s, 'WsApi'); const role = apiRole(s)
    const key = kms.Key.fromKeyArn(s, 'SharedKey', `arn:aws:kms:${s.region}:${s.account}:key/1234abcd-12ab-34cd-56ef-1234567890ab`)
    const changes = new kinesis.Stream(s, 'Changes', { streamMode: kinesis.StreamMode.ON_DEMAND })
    const sessions = new dynamodb.Table(s, 'Sessions', {
      partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: key,
      contributorInsightsSpecification: { enabled: true },
      maxReadRequestUnits: 500,
      maxWriteRequestUnits: 200,
      kinesisStream: changes,
      warmThroughput: { readUnitsPerSecond: 12000, writeUnitsPerSecond: 4000 },
    })
    const dead = new sqs.Queue(s, 'Dead', {
      fifo: true,
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: key,
      dataKeyReuse: Duration.hours(1),
      redriveAllowPolicy: { redrivePermission: sqs.RedrivePermission.BY_QUEUE, sourceQueues: [sqs.Queue.fromQueueArn(s, 'Replay', `arn:aws:sqs:${s.region}:${s.account}:replay.fifo`)] },
    })
    const inbox = new sqs.Queue(s, 'Inbox', {
      fifo: true,
      deduplicationScope: sqs.DeduplicationScope.MESSAGE_GROUP,
      fifoThroughputLimit: sqs.FifoThroughputLimit.PER_MESSAGE_GROUP_ID,
      encryption: sqs.QueueEncryption.KMS_MANAGED,
      dataKeyReuse: Duration.minutes(10),
      deadLetterQueue: { queue: dead, maxReceiveCount: 3 },
    })
    inbox.grantSendMessages(role)
    sqsRoute(s, api, inbox, role, { key: '$default', id: 'SendMessage', params: '&MessageGroupId=$context.connectionId' })
    const alerts = new sns.Topic(s, 'Alerts', { masterKey: key, fifo: true, messageRetentionPeriodInDays: 30 })
    const busDead = new sqs.Queue(s, 'BusDead')
    const bus = new events.EventBus(s, 'Bus', { eventBusName: 'keyed-bus', kmsKey: key, deadLetterQueue: busDead })
    const audit = new logs.LogGroup(s, 'Audit', { encryptionKey: key, retention: logs.RetentionDays.ONE_MONTH })
    // The $connect function names the other resources, so import models them (it keeps unused ones verbatim).
    const handler = fn(s, 'OnConnect')
    handler.addEnvironment('SESSIONS', sessions.tableName)
    handler.addEnvironment('ALERTS', alerts.topicArn)
    handler.addEnvironment('BUS', bus.eventBusName)
    handler.addEnvironment('AUDIT', audit.logGroupName)
    api.addRoute('$connect', { integration: new WebSocketLambdaIntegration('ConnectIntegration', handler) })
    return s
  },
  /**
   * Issue 9 item 13: a credentials role bounded by a permissions boundary, with two inline policies (one naming a
   * log group by an Fn::Sub ARN) and a tag, that starts a state machine which logs every event with its execution
   * data to a log group and is traced (its role's default policy: the log delivery statement, then X-Ray's).
   */
  RoleAndWorkflowOptions: (app) => {
    const s = new Stack(app, 'RoleAndWorkflowOptions'); const api = apiWithStage(s)
    const history = new logs.LogGroup(s, 'FlowHistory', { retention: logs.RetentionDays.TWO_WEEKS })
    const m = new sfn.StateMachine(s, 'Flow', {
      definitionBody: sfn.DefinitionBody.fromString('{"StartAt":"Done","States":{"Done":{"Type":"Succeed"}}}'),
      stateMachineType: sfn.StateMachineType.EXPRESS,
      definitionSubstitutions: { stage: 'prod', region: s.region },
      logs: { destination: history, level: sfn.LogLevel.ALL, includeExecutionData: true },
      tracingEnabled: true,
    })
    const role = new iam.Role(s, 'ApiRole', {
      assumedBy: new iam.ServicePrincipal('apigateway.amazonaws.com'),
      permissionsBoundary: iam.ManagedPolicy.fromManagedPolicyArn(s, 'Boundary', `arn:${s.partition}:iam::${s.account}:policy/ws-boundary`),
      inlinePolicies: {
        audit: new iam.PolicyDocument({ statements: [new iam.PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [`arn:${s.partition}:logs:${s.region}:${s.account}:log-group:/ws/*`] })] }),
        config: new iam.PolicyDocument({ statements: [new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::ws-config/*'] })] }),
      },
    })
    Tags.of(role).add('owner', 'realtime')
    Tags.of(m).add('flow', 'start')
    m.grantStartExecution(role)
    awsRoute(s, api, 'start', 'StartExecution', 'states', 'StartExecution', role, `{"stateMachineArn":"${m.stateMachineArn}","input":"$util.escapeJavaScript($input.body)${UNQUOTE}"}`)
    return s
  },
  /**
   * Issue 9 item 13: a function logging JSON at chosen levels into its own log group, with a dead-letter queue for
   * failed asynchronous invocations (whose sqs:SendMessage statement the L2 writes first in the service role's
   * default policy, before tracing's and a grant's), environment variables encrypted with a key by ARN, and
   * recursive loops allowed, behind $default.
   */
  LambdaLoggingAndDeadLetters: (app) => {
    const s = new Stack(app, 'LambdaLoggingAndDeadLetters')
    const logs_ = new logs.LogGroup(s, 'HandlerLogs', { retention: logs.RetentionDays.ONE_WEEK })
    const failed = new sqs.Queue(s, 'FailedInvocations', { retentionPeriod: Duration.days(14) })
    const sessions = table(s)
    const handler = new lambda.Function(s, 'Handler', {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline(CODE),
      loggingFormat: lambda.LoggingFormat.JSON,
      applicationLogLevelV2: lambda.ApplicationLogLevel.WARN,
      systemLogLevelV2: lambda.SystemLogLevel.INFO,
      logGroup: logs_,
      deadLetterQueue: failed,
      environmentEncryption: kms.Key.fromKeyArn(s, 'EnvKey', `arn:aws:kms:${s.region}:${s.account}:key/1234abcd-12ab-34cd-56ef-1234567890ab`),
      recursiveLoop: lambda.RecursiveLoop.ALLOW,
      runtimeManagementMode: lambda.RuntimeManagementMode.FUNCTION_UPDATE,
      tracing: lambda.Tracing.ACTIVE,
      environment: { SESSIONS: sessions.tableName },
    })
    sessions.grantReadWriteData(handler)
    // Tags.of reaches the service role the construct created, too.
    Tags.of(handler).add('team', 'realtime')
    new apigwv2.WebSocketApi(s, 'WsApi', { defaultRouteOptions: { integration: new WebSocketLambdaIntegration('DefaultIntegration', handler) } })
    return s
  },
  /**
   * Issue 9 item 13: a function with the options the aws-lambda Function props document most (a description, the
   * Arm architecture, reserved concurrency, a larger /tmp), behind the $default route.
   */
  LambdaFunctionOptions: (app) => {
    const s = new Stack(app, 'LambdaFunctionOptions')
    const handler = new lambda.Function(s, 'Handler', {
      runtime: lambda.Runtime.NODEJS_20_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline(CODE),
      description: 'Answers every message',
      architecture: lambda.Architecture.ARM_64,
      reservedConcurrentExecutions: 10,
      ephemeralStorageSize: Size.mebibytes(2048),
      // A public layer by ARN, as the Lambda docs and Powertools publish them, and structured logs.
      layers: [lambda.LayerVersion.fromLayerVersionArn(s, 'Powertools', `arn:aws:lambda:${s.region}:094274105915:layer:AWSLambdaPowertoolsTypeScriptV2:20`)],
      loggingFormat: lambda.LoggingFormat.JSON,
      tracing: lambda.Tracing.ACTIVE,
    })
    const api = new apigwv2.WebSocketApi(s, 'WsApi', { defaultRouteOptions: { integration: new WebSocketLambdaIntegration('DefaultIntegration', handler) } })
    // After tracing's X-Ray statement, in the same default policy.
    api.grantManageConnections(handler)
    new apigwv2.WebSocketStage(s, 'Stage', { webSocketApi: api, stageName: 'dev', autoDeploy: true })
    return s
  },
  /** Issue 9 item 13: every Kinesis stream mode and encryption the Stream construct offers, each behind a route. */
  KinesisStreamShapes: (app) => {
    const s = new Stack(app, 'KinesisStreamShapes')
    const api = apiWithStage(s)
    const role = apiRole(s)
    const streams = [
      new kinesis.Stream(s, 'OnDemand', { streamMode: kinesis.StreamMode.ON_DEMAND, retentionPeriod: Duration.hours(48), encryption: kinesis.StreamEncryption.MANAGED }),
      new kinesis.Stream(s, 'Provisioned', { streamMode: kinesis.StreamMode.PROVISIONED, shardCount: 3, encryption: kinesis.StreamEncryption.UNENCRYPTED }),
      new kinesis.Stream(s, 'CustomerKey', {
        encryption: kinesis.StreamEncryption.KMS,
        encryptionKey: kms.Key.fromKeyArn(s, 'StreamKey', 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab'),
        retentionPeriod: Duration.days(7),
      }),
    ]
    streams.forEach((k, i) => {
      k.grantWrite(role)
      awsRoute(s, api, `record${i}`, `PutRecord${i}`, 'kinesis', 'PutRecord', role, `{"StreamName":"${k.streamName}","Data":"$util.base64Encode($input.body)","PartitionKey":"$context.connectionId"}`)
    })
    return s
  },
  LambdaRoutes: (app) => {
    const s = new Stack(app, 'LambdaRoutes')
    const api = new apigwv2.WebSocketApi(s, 'ChatApi', {
      connectRouteOptions: { integration: new WebSocketLambdaIntegration('ConnectIntegration', fn(s, 'Connect')) },
      disconnectRouteOptions: { integration: new WebSocketLambdaIntegration('DisconnectIntegration', fn(s, 'Disconnect')) },
      defaultRouteOptions: { integration: new WebSocketLambdaIntegration('DefaultIntegration', fn(s, 'Default')) },
    })
    api.addRoute('sendmessage', { integration: new WebSocketLambdaIntegration('SendIntegration', fn(s, 'Send')), returnResponse: true })
    new apigwv2.WebSocketStage(s, 'ChatStage', { webSocketApi: api, stageName: 'dev', autoDeploy: true })
    return s
  },
  SharedLambdaIntegration: (app) => {
    const s = new Stack(app, 'SharedLambdaIntegration')
    const api = apiWithStage(s)
    const shared = new WebSocketLambdaIntegration('SharedIntegration', fn(s, 'Handler'))
    api.addRoute('$connect', { integration: shared })
    api.addRoute('$disconnect', { integration: shared })
    api.addRoute('ping', { integration: shared })
    return s
  },
  MockRouteResponse: (app) => {
    const s = new Stack(app, 'MockRouteResponse')
    const api = apiWithStage(s)
    api.addRoute('test', { integration: new WebSocketMockIntegration('MockIntegration'), returnResponse: true })
    api.addRoute('$default', { integration: new WebSocketMockIntegration('DefaultMock', { requestTemplates: { $default: '{"statusCode": 200}' }, templateSelectionExpression: '\\$default' }) })
    return s
  },
  SqsIntegration: (app) => {
    const s = new Stack(app, 'SqsIntegration')
    const api = apiWithStage(s)
    const q = new sqs.Queue(s, 'Queue', { visibilityTimeout: Duration.seconds(30) })
    const role = apiRole(s)
    role.addToPolicy(new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: [q.queueArn] }))
    api.addRoute('$default', {
      integration: new WebSocketAwsIntegration('SqsIntegration', {
        integrationUri: `arn:aws:apigateway:${s.region}:sqs:path/${s.account}/${q.queueName}`,
        integrationMethod: apigwv2.HttpMethod.POST,
        credentialsRole: role,
        requestParameters: { 'integration.request.header.Content-Type': "'application/x-www-form-urlencoded'" },
        requestTemplates: { $default: 'Action=SendMessage&MessageGroupId=$input.path(\'$.MessageGroupId\')&MessageBody=$util.urlEncode($input.body)' },
        templateSelectionExpression: '\\$default',
        passthroughBehavior: apigwv2.PassthroughBehavior.NEVER,
      }),
    })
    return s
  },
  IamAuthorizer: (app) => {
    const s = new Stack(app, 'IamAuthorizer')
    const api = new apigwv2.WebSocketApi(s, 'WsApi', {
      connectRouteOptions: { integration: new WebSocketMockIntegration('ConnectMock'), authorizer: new WebSocketIamAuthorizer() },
    })
    new apigwv2.WebSocketStage(s, 'WsApiStage', { webSocketApi: api, stageName: 'prod', autoDeploy: true })
    return s
  },
  LambdaAuthorizer: (app) => {
    const s = new Stack(app, 'LambdaAuthorizer')
    const authFn = fn(s, 'AuthHandler')
    const api = new apigwv2.WebSocketApi(s, 'WsApi', {
      connectRouteOptions: {
        integration: new WebSocketLambdaIntegration('ConnectIntegration', fn(s, 'ConnectHandler')),
        authorizer: new WebSocketLambdaAuthorizer('Authorizer', authFn, { identitySource: ['route.request.querystring.token'] }),
      },
    })
    new apigwv2.WebSocketStage(s, 'WsApiStage', { webSocketApi: api, stageName: 'prod', autoDeploy: true })
    return s
  },
  ApiKeys: (app) => {
    const s = new Stack(app, 'ApiKeys')
    const api = new apigwv2.WebSocketApi(s, 'WsApi', { apiKeySelectionExpression: apigwv2.WebSocketApiKeySelectionExpression.HEADER_X_API_KEY })
    new apigwv2.WebSocketStage(s, 'WsApiStage', { webSocketApi: api, stageName: 'prod', autoDeploy: true })
    new apigwv2.WebSocketRoute(s, 'ConnectRoute', { webSocketApi: api, routeKey: '$connect', integration: new WebSocketMockIntegration('ConnectMock'), apiKeyRequired: true })
    return s
  },
  TwoStages: (app) => {
    const s = new Stack(app, 'TwoStages')
    const api = new apigwv2.WebSocketApi(s, 'WsApi')
    api.addRoute('$default', { integration: new WebSocketLambdaIntegration('DefaultIntegration', fn(s, 'Default')) })
    new apigwv2.WebSocketStage(s, 'Dev', { webSocketApi: api, stageName: 'dev', autoDeploy: true })
    new apigwv2.WebSocketStage(s, 'Prod', { webSocketApi: api, stageName: 'prod', autoDeploy: true, throttle: { rateLimit: 100, burstLimit: 50 }, description: 'production' })
    return s
  },
  DisableExecuteApiEndpoint: (app) => {
    const s = new Stack(app, 'DisableExecuteApiEndpoint')
    const api = new apigwv2.WebSocketApi(s, 'WsApi', { description: 'only through a custom domain' })
    ;(api.node.defaultChild as apigwv2.CfnApi).disableExecuteApiEndpoint = true
    new apigwv2.WebSocketStage(s, 'WsApiStage', { webSocketApi: api, stageName: 'prod', autoDeploy: true })
    api.addRoute('$default', { integration: new WebSocketMockIntegration('DefaultMock') })
    return s
  },
  HttpIntegration: (app) => {
    const s = new Stack(app, 'HttpIntegration')
    const api = apiWithStage(s)
    const integ = new apigwv2.CfnIntegration(s, 'ProxyIntegration', { apiId: api.apiId, integrationType: 'HTTP_PROXY', integrationUri: 'https://example.com/ws', integrationMethod: 'POST' })
    new apigwv2.CfnRoute(s, 'ProxyRoute', { apiId: api.apiId, routeKey: '$default', target: `integrations/${integ.ref}` })
    return s
  },
}

// ------------------------------------------------------------------------------------ one app per integration preset

/** The preset's target as a CDK construct, and its design attributes as CDK tokens. */
function presetTarget(s: Stack, p: Preset): { arn: string; attrs: Record<string, string> } | undefined {
  switch (p.targetType) {
    case 'dynamodb-table': {
      const key = p.keyDefault ?? { name: 'id', type: 'S' as const }
      const t = new dynamodb.Table(s, 'Target', { partitionKey: { name: key.name, type: { S: dynamodb.AttributeType.STRING, N: dynamodb.AttributeType.NUMBER, B: dynamodb.AttributeType.BINARY }[key.type] } })
      return { arn: t.tableArn, attrs: { name: t.tableName, arn: t.tableArn } }
    }
    case 'sqs-queue': {
      const fifo = p.id.endsWith('fifo')
      const q = new sqs.Queue(s, 'Target', fifo ? { fifo: true, contentBasedDeduplication: true } : {})
      return { arn: q.queueArn, attrs: { name: q.queueName, arn: q.queueArn, url: q.queueUrl } }
    }
    case 'sns-topic': {
      const t = new sns.Topic(s, 'Target')
      return { arn: t.topicArn, attrs: { name: t.topicName, arn: t.topicArn } }
    }
    case 'kinesis-stream': {
      const k = new kinesis.Stream(s, 'Target')
      return { arn: k.streamArn, attrs: { name: k.streamName, arn: k.streamArn } }
    }
    case 'eventbridge-bus': {
      const b = new events.EventBus(s, 'Target', { eventBusName: 'preset-bus' })
      return { arn: b.eventBusArn, attrs: { name: b.eventBusName, arn: b.eventBusArn } }
    }
    case 'state-machine': {
      const m = new sfn.StateMachine(s, 'Target', {
        stateMachineType: p.action === 'StartSyncExecution' ? sfn.StateMachineType.EXPRESS : undefined,
        definitionBody: sfn.DefinitionBody.fromString('{"StartAt":"Done","States":{"Done":{"Type":"Succeed"}}}'),
      })
      return { arn: m.stateMachineArn, attrs: { name: m.stateMachineName, arn: m.stateMachineArn } }
    }
    case 'lambda-function': {
      const f = fn(s, 'Target')
      return { arn: f.functionArn, attrs: { name: f.functionName, arn: f.functionArn } }
    }
    default:
      return undefined
  }
}

/** `@{target.x}` / `@{aws.accountId}` / `@{aws.region}` in preset text → CDK tokens. */
function presetText(s: Stack, text: string, attrs: Record<string, string>): string {
  return text.replace(/@\{(target|aws)\.([A-Za-z]+)\}/g, (whole, entity: string, attr: string) => {
    if (entity === 'aws') return attr === 'accountId' ? s.account : attr === 'region' ? s.region : whole
    return attrs[attr] ?? whole
  })
}

export const PRESET_APPS: Record<string, (app: App) => Stack> = Object.fromEntries(
  PRESETS.map((p) => {
    const name = `Preset${p.id.split('-').map((w) => w[0].toUpperCase() + w.slice(1)).join('')}`
    return [name, (app: App) => {
      const s = new Stack(app, name)
      const api = apiWithStage(s)
      const target = presetTarget(s, p)
      const templates = Object.fromEntries(Object.entries(p.requestTemplates ?? {}).map(([k, t]) => [k, presetText(s, t, target?.attrs ?? {})]))
      if (p.integrationType === 'mock') {
        api.addRoute(p.routeKey ?? '$default', { integration: new WebSocketMockIntegration('PresetMock', { requestTemplates: templates, templateSelectionExpression: p.templateSelectionExpression }) })
        return s
      }
      const role = apiRole(s)
      role.addToPolicy(new iam.PolicyStatement({ actions: [...p.iamActions], resources: [target!.arn] }))
      const uri = p.integrationType === 'lambda'
        ? `arn:aws:apigateway:${s.region}:lambda:path/2015-03-31/functions/${target!.arn}/invocations`
        : p.path !== undefined
          ? `arn:aws:apigateway:${s.region}:${p.service}:path/${presetText(s, p.path, target!.attrs)}`
          : `arn:aws:apigateway:${s.region}:${p.service}:action/${p.action}`
      api.addRoute(p.routeKey ?? 'send', {
        integration: new WebSocketAwsIntegration('PresetIntegration', {
          integrationUri: uri,
          integrationMethod: p.method ?? 'POST',
          credentialsRole: role,
          requestTemplates: templates,
          templateSelectionExpression: p.templateSelectionExpression,
          requestParameters: p.requestParameters,
          passthroughBehavior: p.passthroughBehavior ? apigwv2.PassthroughBehavior[p.passthroughBehavior] : undefined,
        }),
      })
      return s
    }]
  }),
)

export const CORPUS_APPS: Record<string, (app: App) => Stack> = { ...GRANT_APPS, ...PATTERN_APPS, ...PRESET_APPS }
