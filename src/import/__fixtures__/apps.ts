/**
 * CDK fixture apps for the import tests: each builds one stack with aws-cdk-lib 2.276 L2 constructs (and the
 * L1 escape hatches of cdk-and-cloudformation.md §5). `synth.ts` synthesizes them all in one process.
 * Roles are granted with explicit `addToPolicy` statements, which is how the exporter writes them.
 */

import { fileURLToPath } from 'node:url'
import { DefaultStackSynthesizer, Duration, RemovalPolicy, Stack, Tags, type App } from 'aws-cdk-lib'
import * as acm from 'aws-cdk-lib/aws-certificatemanager'
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2'
import { WebSocketLambdaAuthorizer, WebSocketIamAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers'
import { WebSocketAwsIntegration, WebSocketLambdaIntegration, WebSocketMockIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations'
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb'
import * as iam from 'aws-cdk-lib/aws-iam'
import * as lambda from 'aws-cdk-lib/aws-lambda'
import * as logs from 'aws-cdk-lib/aws-logs'
import * as events from 'aws-cdk-lib/aws-events'
import * as kinesis from 'aws-cdk-lib/aws-kinesis'
import * as sfn from 'aws-cdk-lib/aws-stepfunctions'
import * as sqs from 'aws-cdk-lib/aws-sqs'
import * as sns from 'aws-cdk-lib/aws-sns'

const HANDLER = 'exports.handler = async () => ({ statusCode: 200 })'

function fn(stack: Stack, id: string): lambda.Function {
  return new lambda.Function(stack, id, { runtime: lambda.Runtime.NODEJS_20_X, handler: 'index.handler', code: lambda.Code.fromInline(HANDLER) })
}

/** Seed (§10) plus SQS with every WebSocketAwsIntegration prop, SNS, Mock two-way with integration response, HTTP. */
export function awsStack(app: App): Stack {
  const stack = new Stack(app, 'AwsStack')
  const table = new dynamodb.Table(stack, 'Table', { partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING }, removalPolicy: RemovalPolicy.DESTROY })
  const queue = new sqs.Queue(stack, 'Queue', { visibilityTimeout: Duration.seconds(60) })
  const topic = new sns.Topic(stack, 'Topic', { displayName: 'events' })
  const role = new iam.Role(stack, 'ApiGatewayRole', { assumedBy: new iam.ServicePrincipal('apigateway.amazonaws.com') })
  role.addToPolicy(new iam.PolicyStatement({ actions: ['dynamodb:PutItem'], resources: [table.tableArn] }))
  role.addToPolicy(new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: [queue.queueArn] }))
  role.addToPolicy(new iam.PolicyStatement({ actions: ['sns:Publish'], resources: [topic.topicArn] }))
  const api = new apigwv2.WebSocketApi(stack, 'mywsapi', { routeSelectionExpression: '$request.body.type' })
  new apigwv2.WebSocketStage(stack, 'mystage', { webSocketApi: api, stageName: 'dev', autoDeploy: true })
  api.addRoute('$connect', {
    integration: new WebSocketAwsIntegration('DynamodbPutItem', {
      integrationUri: `arn:aws:apigateway:${stack.region}:dynamodb:action/PutItem`,
      integrationMethod: apigwv2.HttpMethod.POST,
      credentialsRole: role,
      requestTemplates: { 'application/json': JSON.stringify({ TableName: table.tableName, Item: { id: { S: '$context.requestId' } } }) },
    }),
  })
  api.addRoute('enqueue', {
    integration: new WebSocketAwsIntegration('SqsSend', {
      integrationUri: `arn:aws:apigateway:${stack.region}:sqs:path/${stack.account}/${queue.queueName}`,
      integrationMethod: 'POST',
      credentialsRole: role,
      requestParameters: { 'integration.request.header.Content-Type': "'application/x-www-form-urlencoded'" },
      requestTemplates: { $default: 'Action=SendMessage&MessageBody=$util.urlEncode($input.body)' },
      templateSelectionExpression: '\\$default',
      passthroughBehavior: apigwv2.PassthroughBehavior.NEVER,
      contentHandling: apigwv2.ContentHandling.CONVERT_TO_TEXT,
      timeout: Duration.seconds(5),
    }),
    returnResponse: true,
  })
  api.addRoute('publish', {
    integration: new WebSocketAwsIntegration('SnsPublish', {
      integrationUri: `arn:aws:apigateway:${stack.region}:sns:action/Publish`,
      integrationMethod: 'POST',
      credentialsRole: role,
      requestTemplates: { $default: `TopicArn=${topic.topicArn}&Message=$util.urlEncode($input.body)` },
      templateSelectionExpression: '\\$default',
    }),
  })
  const ping = api.addRoute('ping', {
    integration: new WebSocketMockIntegration('PingMock', { requestTemplates: { $default: '{"statusCode": 200}' }, templateSelectionExpression: '\\$default' }),
    returnResponse: true,
  })
  const integ = ping.node.findChild('PingMock') as apigwv2.WebSocketIntegration
  new apigwv2.CfnIntegrationResponse(stack, 'PingIntegrationResponse', {
    apiId: api.apiId,
    integrationId: integ.integrationId,
    integrationResponseKey: '$default',
    responseTemplates: { $default: '{"action":"pong"}' },
    templateSelectionExpression: '\\$default',
  })
  const httpInteg = new apigwv2.CfnIntegration(stack, 'HttpBackendIntegration', {
    apiId: api.apiId,
    integrationType: 'HTTP_PROXY',
    integrationMethod: 'POST',
    integrationUri: 'https://backend.example.com/messages',
    requestParameters: { 'integration.request.header.connectionId': 'context.connectionId' },
    timeoutInMillis: 10000,
  })
  new apigwv2.CfnRoute(stack, 'HttpRoute', { apiId: api.apiId, routeKey: 'forward', authorizationType: 'NONE', target: `integrations/${httpInteg.ref}` })
  const httpPlain = new apigwv2.CfnIntegration(stack, 'HttpPlainIntegration', {
    apiId: api.apiId,
    integrationType: 'HTTP',
    integrationMethod: 'GET',
    integrationUri: 'https://backend.example.com/status',
    requestTemplates: { $default: '{"id":"$context.connectionId"}' },
    templateSelectionExpression: '\\$default',
  })
  new apigwv2.CfnRoute(stack, 'StatusRoute', { apiId: api.apiId, routeKey: 'status', authorizationType: 'NONE', target: `integrations/${httpPlain.ref}` })
  return stack
}

/** Lambda proxy routes (shared integration, timeout), two-way route, grantManageConnections, two stages, tags. */
export function chatStack(app: App): Stack {
  const stack = new Stack(app, 'ChatStack')
  const handler = fn(stack, 'Handler')
  const shared = new WebSocketLambdaIntegration('ConnectIntegration', handler)
  const api = new apigwv2.WebSocketApi(stack, 'ChatApi', {
    apiName: 'chat',
    description: 'demo websocket api',
    connectRouteOptions: { integration: shared },
    disconnectRouteOptions: {
      integration: new WebSocketLambdaIntegration('DisconnectIntegration', handler, { timeout: Duration.seconds(10), contentHandling: apigwv2.ContentHandling.CONVERT_TO_TEXT }),
    },
    defaultRouteOptions: { integration: new WebSocketMockIntegration('DefaultMock', { requestTemplates: { 'application/json': '{"statusCode": 200}' }, templateSelectionExpression: '\\$default' }), returnResponse: true },
  })
  api.addRoute('sendMessage', { integration: new WebSocketLambdaIntegration('SendMessageIntegration', handler), returnResponse: true })
  api.addRoute('join', { integration: shared })
  api.grantManageConnections(handler)
  const prod = new apigwv2.WebSocketStage(stack, 'ProdStage', {
    webSocketApi: api,
    stageName: 'prod',
    autoDeploy: true,
    description: 'production',
    throttle: { rateLimit: 100, burstLimit: 50 },
    detailedMetricsEnabled: true,
    stageVariables: { env: 'prod' },
  })
  Tags.of(prod).add('env', 'prod')
  const dev = new apigwv2.WebSocketStage(stack, 'DevStage', { webSocketApi: api, stageName: 'dev' })
  const dep = new apigwv2.CfnDeployment(stack, 'Deployment', { apiId: api.apiId, stageName: 'dev' })
  dep.node.addDependency(dev)
  const cfnStage = dev.node.defaultChild as apigwv2.CfnStage
  cfnStage.addPropertyOverride('DefaultRouteSettings.LoggingLevel', 'ERROR')
  cfnStage.routeSettings = { sendMessage: { ThrottlingRateLimit: 10, ThrottlingBurstLimit: 5 } }
  return stack
}

/** Lambda authorizer, API key route, custom domain, access logs, dual stack, usage plan; a second API with IAM auth. */
export function authStack(app: App): Stack {
  const stack = new Stack(app, 'AuthStack', { synthesizer: new DefaultStackSynthesizer({ generateBootstrapVersionRule: false }) })
  const authFn = fn(stack, 'AuthFn')
  const backend = fn(stack, 'Backend')
  const api = new apigwv2.WebSocketApi(stack, 'Api', {
    apiKeySelectionExpression: apigwv2.WebSocketApiKeySelectionExpression.HEADER_X_API_KEY,
    ipAddressType: apigwv2.IpAddressType.DUAL_STACK,
    connectRouteOptions: {
      integration: new WebSocketLambdaIntegration('ConnectIntegration', backend),
      authorizer: new WebSocketLambdaAuthorizer('Authorizer', authFn, { authorizerName: 'TokenAuthorizer', identitySource: ['route.request.querystring.token'] }),
    },
  })
  Tags.of(api).add('team', 'realtime')
  ;(api.node.defaultChild as apigwv2.CfnApi).disableExecuteApiEndpoint = true
  new apigwv2.WebSocketRoute(stack, 'EnqueueRoute', {
    webSocketApi: api,
    routeKey: 'enqueue',
    apiKeyRequired: true,
    integration: new WebSocketMockIntegration('EnqueueMock'),
  })
  const domain = new apigwv2.DomainName(stack, 'DomainName', {
    domainName: 'ws.example.com',
    certificate: acm.Certificate.fromCertificateArn(stack, 'Cert', 'arn:aws:acm:us-east-1:123456789012:certificate/abc'),
  })
  const logGroup = new logs.LogGroup(stack, 'AccessLogs', { retention: logs.RetentionDays.ONE_WEEK, removalPolicy: RemovalPolicy.DESTROY })
  const stage = new apigwv2.WebSocketStage(stack, 'Stage', {
    webSocketApi: api,
    stageName: 'v1',
    autoDeploy: true,
    domainMapping: { domainName: domain, mappingKey: 'chat' },
    accessLogSettings: { destination: new apigwv2.LogGroupLogDestination(logGroup) },
  })
  const plan = new apigwv2.UsagePlan(stack, 'Plan', { apiStages: [{ api, stage }], quota: { limit: 1000, period: apigwv2.Period.DAY } })
  plan.addApiKey(new apigwv2.ApiKey(stack, 'Key'))
  const iamApi = new apigwv2.WebSocketApi(stack, 'IamApi', {
    connectRouteOptions: { integration: new WebSocketMockIntegration('IamConnect'), authorizer: new WebSocketIamAuthorizer() },
  })
  new apigwv2.WebSocketStage(stack, 'IamStage', { webSocketApi: iamApi, stageName: 'prod', autoDeploy: true })
  return stack
}

/** Kinesis PutRecord, EventBridge PutEvents, Step Functions StartExecution, Lambda non-proxy; one role for all. */
export function servicesStack(app: App): Stack {
  const stack = new Stack(app, 'ServicesStack')
  const stream = new kinesis.Stream(stack, 'Stream', { shardCount: 2, removalPolicy: RemovalPolicy.DESTROY })
  const bus = new events.EventBus(stack, 'Bus', { eventBusName: 'chat-events' })
  const machine = new sfn.StateMachine(stack, 'Machine', {
    definitionBody: sfn.DefinitionBody.fromString('{"StartAt":"Done","States":{"Done":{"Type":"Succeed"}}}'),
    stateMachineType: sfn.StateMachineType.EXPRESS,
  })
  const worker = fn(stack, 'Worker')
  const role = new iam.Role(stack, 'IntegrationRole', { assumedBy: new iam.ServicePrincipal('apigateway.amazonaws.com') })
  role.addToPolicy(new iam.PolicyStatement({ actions: ['kinesis:PutRecord'], resources: [stream.streamArn] }))
  role.addToPolicy(new iam.PolicyStatement({ actions: ['events:PutEvents'], resources: [bus.eventBusArn] }))
  role.addToPolicy(new iam.PolicyStatement({ actions: ['states:StartExecution'], resources: [machine.stateMachineArn] }))
  role.addToPolicy(new iam.PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [worker.functionArn] }))
  const api = new apigwv2.WebSocketApi(stack, 'ServicesApi', { disableSchemaValidation: true })
  const aws = (id: string, uri: string, template: string) =>
    new WebSocketAwsIntegration(id, { integrationUri: uri, integrationMethod: 'POST', credentialsRole: role, requestTemplates: { $default: template }, templateSelectionExpression: '\\$default' })
  api.addRoute('record', { integration: aws('PutRecord', `arn:${stack.partition}:apigateway:${stack.region}:kinesis:action/PutRecord`, `{"StreamName":"${stream.streamName}","Data":"$util.base64Encode($input.body)","PartitionKey":"$context.connectionId"}`) })
  api.addRoute('event', { integration: aws('PutEvents', `arn:${stack.partition}:apigateway:${stack.region}:events:action/PutEvents`, `{"Entries":[{"EventBusName":"${bus.eventBusName}","Source":"chat","DetailType":"message","Detail":"$util.escapeJavaScript($input.body)"}]}`) })
  api.addRoute('start', { integration: aws('StartExecution', `arn:${stack.partition}:apigateway:${stack.region}:states:action/StartExecution`, `{"stateMachineArn":"${machine.stateMachineArn}","input":"$util.escapeJavaScript($input.body)"}`) })
  api.addRoute('invoke', {
    integration: aws('InvokeWorker', `arn:${stack.partition}:apigateway:${stack.region}:lambda:path/2015-03-31/functions/${worker.functionArn}/invocations`, '$input.body'),
  })
  new apigwv2.WebSocketStage(stack, 'Stage', { webSocketApi: api, stageName: 'prod', autoDeploy: true })
  return stack
}

/** 150 Lambda routes, ~460 resources: the import benchmark. */
export function largeStack(app: App): Stack {
  const stack = new Stack(app, 'LargeStack')
  const handler = fn(stack, 'Handler')
  const api = new apigwv2.WebSocketApi(stack, 'BigApi')
  for (let i = 0; i < 150; i++) {
    const key = i === 0 ? '$connect' : i === 1 ? '$disconnect' : i === 2 ? '$default' : `action${i}`
    api.addRoute(key, { integration: new WebSocketLambdaIntegration(`Route${i}Integration`, handler), returnResponse: i % 30 === 0 })
  }
  api.grantManageConnections(handler)
  new apigwv2.WebSocketStage(stack, 'Stage', { webSocketApi: api, stageName: 'prod', autoDeploy: true })
  return stack
}

/**
 * Function code from a folder, the way nearly every real app ships it (`lambda.Code.fromAsset`): synthesized with
 * asset metadata on, as `cdk synth` writes it, into its own cdk.out (`synth.ts`: `<outdir>/assets`).
 */
export function assetStack(app: App): Stack {
  const stack = new Stack(app, 'AssetStack')
  const handler = new lambda.Function(stack, 'ConnectHandler', {
    runtime: lambda.Runtime.NODEJS_20_X,
    handler: 'index.handler',
    // Resolved here, not at module load: the benchmark bundles this file as CommonJS, where import.meta is empty.
    code: lambda.Code.fromAsset(fileURLToPath(new URL('./assets/connect', import.meta.url))),
  })
  const api = new apigwv2.WebSocketApi(stack, 'AssetApi', { connectRouteOptions: { integration: new WebSocketLambdaIntegration('Connect', handler) } })
  new apigwv2.WebSocketStage(stack, 'AssetStage', { webSocketApi: api, stageName: 'dev', autoDeploy: true })
  return stack
}

export const FIXTURE_STACKS = { AwsStack: awsStack, ChatStack: chatStack, AuthStack: authStack, ServicesStack: servicesStack, LargeStack: largeStack }
