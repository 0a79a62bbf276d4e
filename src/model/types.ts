/**
 * The design document: one WebSocket API, its routes, integrations, authorizers, stages and the
 * AWS resources integrations point at. Pure data, serialisable as YAML/JSON, no classes.
 *
 * Conventions:
 * - Every entity lives in a map keyed by its id. Ids are unique across the whole document (so layout,
 *   references and diagnostics can name any entity with one string) and match ENTITY_ID_PATTERN.
 * - Optional fields are omitted rather than set to undefined; the serialiser drops undefined.
 * - `cfnExtra` on an entity holds CloudFormation properties the model does not understand; they are kept
 *   verbatim and merged into the exported resource (the import relies on it).
 * - Strings may embed references to other entities as `@{<entityId>.<attribute>}` (see refs.ts), so an
 *   exporter can emit `${table.tableName}` / `Fn::Sub` instead of a hard-coded name.
 */

export const ENTITY_ID_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{0,127}$/

export type EntityId = string

export const DELETION_POLICIES = ['Delete', 'Retain', 'RetainExceptOnCreate', 'Snapshot'] as const
export const UPDATE_REPLACE_POLICIES = ['Delete', 'Retain', 'Snapshot'] as const

/**
 * CloudFormation resource attributes of an entity's own resource (the one its logical id names: the API's
 * `AWS::ApiGatewayV2::Api`, a table's `AWS::DynamoDB::Table`, …), the same for every entity kind. CDK calls
 * them `cfnOptions`. Exported as written in every target; a resource type's own `removalPolicy` is the L2
 * spelling of the two policies and is overridden by them here.
 */
export interface ResourceOptions {
  deletionPolicy?: (typeof DELETION_POLICIES)[number]
  updateReplacePolicy?: (typeof UPDATE_REPLACE_POLICIES)[number]
  /** A condition of `design.cloudformation.Conditions`. */
  condition?: string
  /** Resource `Metadata`, verbatim (CDK's own `aws:cdk:*` keys are not kept). */
  metadata?: JsonObject
  /**
   * Explicit `DependsOn`: entity ids of this design, or logical ids of resources kept verbatim
   * (`design.cloudformation.Resources`). Exported as the logical ids those get in the export.
   */
  dependsOn?: string[]
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
export type JsonObject = { [key: string]: Json }

// ---------------------------------------------------------------------------------------------- API

export type IpAddressType = 'ipv4' | 'dualstack'
export const IP_ADDRESS_TYPES: readonly IpAddressType[] = ['ipv4', 'dualstack']

export const API_KEY_SELECTION_EXPRESSIONS = [
  '$request.header.x-api-key',
  '$context.authorizer.usageIdentifierKey',
] as const
export type ApiKeySelectionExpression = (typeof API_KEY_SELECTION_EXPRESSIONS)[number]

export interface Api {
  /** `Name` of the API; also the CDK construct id unless `constructId` is set. */
  name: string
  constructId?: string
  description?: string
  /** Default `$request.body.action`. */
  routeSelectionExpression: string
  apiKeySelectionExpression?: string
  ipAddressType?: IpAddressType
  disableSchemaValidation?: boolean
  disableExecuteApiEndpoint?: boolean
  tags?: Record<string, string>
  resourceOptions?: ResourceOptions
  cfnExtra?: JsonObject
}

// ------------------------------------------------------------------------------------------- Routes

export const PREDEFINED_ROUTE_KEYS = ['$connect', '$disconnect', '$default'] as const

export interface Route {
  /** `$connect`, `$disconnect`, `$default` or a custom key (exact, case-sensitive match). */
  key: string
  integration?: EntityId
  /** An authorizer entity (Lambda REQUEST or IAM); only valid on `$connect`. */
  authorizer?: EntityId
  apiKeyRequired?: boolean
  /** Two-way route: `RouteResponseSelectionExpression: $default` plus a `$default` route response. */
  twoWay?: boolean
  /** `$connect` only: `route.request.querystring.<name>` / `route.request.header.<name>` → required? */
  requestParameters?: Record<string, { required: boolean }>
  operationName?: string
  /**
   * Non-proxy integrations only: model name per key; `modelSelectionExpression` picks the key for each message
   * (a single `$default` key needs no expression). API Gateway rejects a message that fails the model.
   */
  requestModels?: Record<string, string>
  modelSelectionExpression?: string
  /** Two-way routes: the `$default` route response's models (documentation; API Gateway does not enforce them). */
  responseModels?: Record<string, string>
  responseModelSelectionExpression?: string
  /** Route response extras kept from import (`ResponseParameters`, …). */
  routeResponseExtra?: JsonObject
  resourceOptions?: ResourceOptions
  cfnExtra?: JsonObject
}

// ------------------------------------------------------------------------------------- Integrations

export const INTEGRATION_TYPES = ['aws', 'lambda-proxy', 'lambda', 'mock', 'http', 'http-proxy'] as const
export type IntegrationType = (typeof INTEGRATION_TYPES)[number]

/** CloudFormation `IntegrationType` for each design integration type. */
export const CFN_INTEGRATION_TYPE: Record<IntegrationType, string> = {
  aws: 'AWS',
  'lambda-proxy': 'AWS_PROXY',
  lambda: 'AWS',
  mock: 'MOCK',
  http: 'HTTP',
  'http-proxy': 'HTTP_PROXY',
}

export const HTTP_METHODS = ['ANY', 'DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'] as const
export type HttpMethod = (typeof HTTP_METHODS)[number]

export const PASSTHROUGH_BEHAVIORS = ['WHEN_NO_MATCH', 'WHEN_NO_TEMPLATES', 'NEVER'] as const
export type PassthroughBehavior = (typeof PASSTHROUGH_BEHAVIORS)[number]

export const CONTENT_HANDLING = ['CONVERT_TO_BINARY', 'CONVERT_TO_TEXT'] as const
export type ContentHandling = (typeof CONTENT_HANDLING)[number]

export const CONNECTION_TYPES = ['INTERNET', 'VPC_LINK'] as const
export type ConnectionType = (typeof CONNECTION_TYPES)[number]

/**
 * Who API Gateway acts as when calling the backend.
 * - `role`: an `iam-role` resource of the design (generated least-privilege, or an existing role by ARN)
 * - `arn`: a role ARN string outside the design
 * - `caller`: pass the caller's identity (`arn:aws:iam::*:user/*`)
 */
export type Credentials = { role: EntityId } | { arn: string } | { caller: true }

export interface IntegrationResponse {
  templates?: Record<string, string>
  templateSelectionExpression?: string
  contentHandling?: ContentHandling
  responseParameters?: Record<string, string>
  cfnExtra?: JsonObject
}

export interface Integration {
  type: IntegrationType
  /** CDK construct id (e.g. `DynamodbPutItem`); defaults to a PascalCase form of the entity id. */
  constructId?: string
  description?: string

  // --- AWS service (type `aws`): the URI is built from these unless `uri` is given.
  /** Service namespace in the URI, e.g. `dynamodb`, `sqs`, `states`, `events`, `kinesis`, `sns`. */
  service?: string
  /** Action style: `action/<Action>`. */
  action?: string
  /** Path style: `path/<path>` (may embed references, e.g. `@{aws.accountId}/@{queue.name}`). */
  path?: string
  /** Optional subdomain prefix (`<subdomain>.<service>`). */
  subdomain?: string
  /** Region in the URI; default is the stack region. */
  region?: string

  /** The resource this integration acts on (table, queue, function, …); drives URI, templates and IAM. */
  target?: EntityId
  /** Explicit URI: required for `http`/`http-proxy`; overrides the built URI for `aws`. */
  uri?: string
  method?: HttpMethod
  credentials?: Credentials
  passthroughBehavior?: PassthroughBehavior
  contentHandling?: ContentHandling
  /** `integration.request.header.<name>` → source expression (`'static'`, `route.request.body.x`, `context.x`, …). */
  requestParameters?: Record<string, string>
  /** Content type or `$default` → VTL template text. */
  requestTemplates?: Record<string, string>
  templateSelectionExpression?: string
  /** 50–29 000 ms. */
  timeoutMs?: number
  connectionType?: ConnectionType
  connectionId?: string
  /** Integration responses by `IntegrationResponseKey` (`$default` or `/regex/`). */
  responses?: Record<string, IntegrationResponse>
  resourceOptions?: ResourceOptions
  cfnExtra?: JsonObject
}

// -------------------------------------------------------------------------------------- Authorizers

export type AuthorizerType = 'lambda' | 'iam'

export interface Authorizer {
  type: AuthorizerType
  /** Lambda: the function entity (or an `existing` resource holding a function ARN). */
  function?: EntityId
  /** Lambda: identity sources, default `['route.request.header.Authorization']`. */
  identitySource?: string[]
  /** Lambda: the authorizer `Name`; defaults to the construct id. */
  name?: string
  constructId?: string
  /** Optional role API Gateway uses to invoke the authorizer function. */
  credentials?: Credentials
  resourceOptions?: ResourceOptions
  cfnExtra?: JsonObject
}

// ------------------------------------------------------------------------------------------- Stages

export const LOGGING_LEVELS = ['OFF', 'ERROR', 'INFO'] as const
export type LoggingLevel = (typeof LOGGING_LEVELS)[number]

export interface RouteSettings {
  throttlingRateLimit?: number
  throttlingBurstLimit?: number
  detailedMetricsEnabled?: boolean
  loggingLevel?: LoggingLevel
  dataTraceEnabled?: boolean
}

export interface AccessLogSettings {
  /** A `log-group` resource of the design, or a destination ARN. */
  destination: { logGroup: EntityId } | { arn: string }
  format?: string
}

export interface Stage {
  /** `StageName`: letters, digits, `-`, `_`, at most 128. */
  name: string
  constructId?: string
  autoDeploy?: boolean
  description?: string
  throttle?: { rateLimit?: number; burstLimit?: number }
  detailedMetricsEnabled?: boolean
  loggingLevel?: LoggingLevel
  dataTraceEnabled?: boolean
  stageVariables?: Record<string, string>
  accessLog?: AccessLogSettings
  /** Per-route overrides keyed by route key. */
  routeSettings?: Record<string, RouteSettings>
  /** Custom domain mapping. */
  domainMapping?: { domain: EntityId; mappingKey?: string }
  /** With `autoDeploy` off: emit a Deployment for this stage (default true when autoDeploy is off). */
  deployment?: boolean
  tags?: Record<string, string>
  resourceOptions?: ResourceOptions
  cfnExtra?: JsonObject
}

export interface DomainName {
  domainName: string
  certificateArn: string
  endpointType?: 'REGIONAL'
  securityPolicy?: 'TLS_1_2'
  constructId?: string
  resourceOptions?: ResourceOptions
  cfnExtra?: JsonObject
}

/** `AWS::ApiGatewayV2::Model` (JSON Schema draft 4), referenced by route `requestModels`. */
export interface Model {
  name: string
  contentType: string
  schema: Json
  description?: string
  resourceOptions?: ResourceOptions
  cfnExtra?: JsonObject
}

/**
 * A message the backend sends to clients through the `@connections` API (`PostToConnection`). API Gateway has
 * no resource for it; it is the server half of the message contract (AsyncAPI `send` operations).
 */
export interface ServerMessage {
  name: string
  /** JSON Schema draft 4, like models. */
  schema: Json
  description?: string
}

// ---------------------------------------------------------------------------------------- Resources

export const RESOURCE_TYPES = [
  'dynamodb-table',
  'sqs-queue',
  'sns-topic',
  'kinesis-stream',
  'eventbridge-bus',
  'state-machine',
  'lambda-function',
  'iam-role',
  'log-group',
  'existing',
] as const
export type ResourceType = (typeof RESOURCE_TYPES)[number]

/** What each record of a DynamoDB stream holds (`StreamSpecification.StreamViewType`). */
export const STREAM_VIEW_TYPES = ['NEW_IMAGE', 'OLD_IMAGE', 'NEW_AND_OLD_IMAGES', 'KEYS_ONLY'] as const
export type StreamViewType = (typeof STREAM_VIEW_TYPES)[number]

export type RemovalPolicy = 'destroy' | 'retain' | 'snapshot'

export interface KeyAttribute {
  name: string
  type: 'S' | 'N' | 'B'
}

/** A local secondary index: the table's partition key with another sort key (`LocalSecondaryIndexes`, CDK `addLocalSecondaryIndex`). */
export interface LocalSecondaryIndex {
  sortKey: KeyAttribute
  projection?: 'ALL' | 'KEYS_ONLY' | 'INCLUDE'
  nonKeyAttributes?: string[]
}

/** A global secondary index (`GlobalSecondaryIndexes`, CDK `addGlobalSecondaryIndex`). */
export interface GlobalSecondaryIndex {
  partitionKey: KeyAttribute
  sortKey?: KeyAttribute
  /** Which attributes the index holds; unset is ALL. */
  projection?: 'ALL' | 'KEYS_ONLY' | 'INCLUDE'
  /** With INCLUDE: the attributes besides the keys. */
  nonKeyAttributes?: string[]
  /** Provisioned tables only; 5 when unset, as CDK writes. */
  readCapacity?: number
  writeCapacity?: number
}

export interface DynamoDbTable {
  type: 'dynamodb-table'
  tableName?: string
  partitionKey: KeyAttribute
  sortKey?: KeyAttribute
  billingMode?: 'PROVISIONED' | 'PAY_PER_REQUEST'
  readCapacity?: number
  writeCapacity?: number
  /** The attribute holding each item's expiry time (CloudFormation `TimeToLiveSpecification`, enabled). */
  timeToLiveAttribute?: string
  /** Continuous backups (`PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled`). */
  pointInTimeRecovery?: boolean
  /** A DynamoDB stream of item changes (`StreamSpecification.StreamViewType`). */
  streamViewType?: StreamViewType
  /** `TableClass`; unset is STANDARD. */
  tableClass?: 'STANDARD' | 'STANDARD_INFREQUENT_ACCESS'
  /** `DeletionProtectionEnabled`: DynamoDB refuses to delete the table while it is on. */
  deletionProtection?: boolean
  /**
   * Server-side encryption key: AWS owned (DynamoDB's default, no `SSESpecification`), the AWS-managed KMS key
   * (`SSEEnabled: true`) or the customer-managed key `kmsKeyArn` (`SSEType: KMS`).
   */
  encryption?: 'AWS_OWNED' | 'AWS_MANAGED' | 'CUSTOMER_MANAGED'
  /** With `encryption: CUSTOMER_MANAGED`: the key's ARN (`SSESpecification.KMSMasterKeyId`). */
  kmsKeyArn?: string
  /** CloudWatch Contributor Insights on the table (`ContributorInsightsSpecification.Enabled`). */
  contributorInsights?: boolean
  /** On-demand tables: the most read / write request units a second (`OnDemandThroughput`). */
  maxReadRequestUnits?: number
  maxWriteRequestUnits?: number
  /** A Kinesis stream of the design that receives the table's item changes (`KinesisStreamSpecification.StreamArn`). */
  kinesisStream?: EntityId
  /** Pre-warmed throughput the table can serve at once (`WarmThroughput`, units a second). */
  warmThroughput?: { readUnitsPerSecond?: number; writeUnitsPerSecond?: number }
  /** Global secondary indexes by index name, in the template's order. */
  globalSecondaryIndexes?: Record<string, GlobalSecondaryIndex>
  /** Local secondary indexes by index name (the table needs a sort key). */
  localSecondaryIndexes?: Record<string, LocalSecondaryIndex>
  removalPolicy?: RemovalPolicy
  /** Resource tags (`Tags`, a Key/Value list); CDK writes them sorted by key. */
  tags?: Record<string, string>
}

export interface SqsQueue {
  type: 'sqs-queue'
  queueName?: string
  fifo?: boolean
  contentBasedDeduplication?: boolean
  visibilityTimeoutSeconds?: number
  /** How long SQS keeps a message (`MessageRetentionPeriod`, 60 s to 14 days). */
  retentionPeriodSeconds?: number
  /** How long each new message stays invisible (`DelaySeconds`, 0 to 900). */
  deliveryDelaySeconds?: number
  /** Long polling: how long a receive waits for a message (`ReceiveMessageWaitTimeSeconds`, 0 to 20). */
  receiveMessageWaitTimeSeconds?: number
  /** The largest message the queue takes (`MaximumMessageSize`, 1 KiB to 1 MiB). */
  maxMessageSizeBytes?: number
  /** Server-side encryption: SQS-managed keys (`SqsManagedSseEnabled: true`), the AWS-managed KMS key (`KmsMasterKeyId: alias/aws/sqs`) or none (`SqsManagedSseEnabled: false`). */
  encryption?: 'SQS_MANAGED' | 'KMS_MANAGED' | 'KMS' | 'UNENCRYPTED'
  /** With `encryption: KMS`: the customer-managed key's ARN (`KmsMasterKeyId`). */
  kmsKeyArn?: string
  /** With a KMS key (KMS or KMS_MANAGED): how long SQS reuses a data key (`KmsDataKeyReusePeriodSeconds`, 60 to 86,400). */
  dataKeyReuseSeconds?: number
  /** FIFO queues: whether deduplication is per message group or per queue (`DeduplicationScope`). */
  deduplicationScope?: 'messageGroup' | 'queue'
  /** FIFO queues: whether the throughput quota is per queue or per message group (`FifoThroughputLimit`). */
  fifoThroughputLimit?: 'perQueue' | 'perMessageGroupId'
  /** Which queues may use this one as their dead-letter queue (`RedriveAllowPolicy`). */
  redriveAllowPolicy?: { permission: 'allowAll' | 'denyAll' | 'byQueue'; sourceQueueArns?: string[] }
  /** Where SQS moves a message received `maxReceiveCount` times without being deleted (`RedrivePolicy`). */
  deadLetterQueue?: { queue: EntityId; maxReceiveCount: number }
  removalPolicy?: RemovalPolicy
  /** Resource tags (`Tags`, a Key/Value list); CDK writes them sorted by key. */
  tags?: Record<string, string>
}

export interface SnsTopic {
  type: 'sns-topic'
  topicName?: string
  fifo?: boolean
  displayName?: string
  /** FIFO topics only: deduplicate by a hash of the message body. */
  contentBasedDeduplication?: boolean
  /** How SNS signs its messages: `1` (SHA1, SNS's default) or `2` (SHA256). */
  signatureVersion?: '1' | '2'
  /** AWS X-Ray tracing of published messages (`TracingConfig`). */
  tracing?: 'Active' | 'PassThrough'
  /** The customer-managed KMS key that encrypts messages at rest, by ARN (`KmsMasterKeyId`); unencrypted when unset. */
  kmsKeyArn?: string
  /** FIFO topics: how many days SNS archives messages for replay (`ArchivePolicy.MessageRetentionPeriod`, 1 to 365). */
  archiveRetentionDays?: number
  /** Resource tags (`Tags`, a Key/Value list); CDK writes them sorted by key. */
  tags?: Record<string, string>
}

export interface KinesisStream {
  type: 'kinesis-stream'
  streamName?: string
  /** `ON_DEMAND` streams scale by themselves and take no shard count. Unset: provisioned, as CloudFormation assumes. */
  streamMode?: 'PROVISIONED' | 'ON_DEMAND'
  /** Provisioned streams only; 1 when unset. */
  shardCount?: number
  /** 24 (the default) to 8760. */
  retentionPeriodHours?: number
  /**
   * Unset: CDK's default, the AWS-managed key except in the China regions (where Kinesis has none), through a
   * condition. `managed`: always the AWS-managed key. `kms`: the key in `kmsKeyId`. `none`: unencrypted.
   */
  encryption?: 'managed' | 'kms' | 'none'
  /** With `encryption: kms`: key ARN, key id, alias ARN or alias name (`alias/…`), as Kinesis accepts. */
  kmsKeyId?: string
  removalPolicy?: RemovalPolicy
  /** Resource tags (`Tags`, a Key/Value list); CDK writes them sorted by key. */
  tags?: Record<string, string>
}

export interface EventBridgeBus {
  type: 'eventbridge-bus'
  eventBusName: string
  description?: string
  /** The customer-managed KMS key that encrypts events, by ARN (`KmsKeyIdentifier`); an AWS-owned key when unset. */
  kmsKeyArn?: string
  /** A partner event source the bus receives from (`EventSourceName`, `aws.partner/…`). */
  eventSourceName?: string
  /** A queue of the design for events the bus could not deliver (`DeadLetterConfig.Arn`). */
  deadLetterQueue?: EntityId
  /** Resource tags (`Tags`, a Key/Value list); CDK writes them sorted by key. */
  tags?: Record<string, string>
}

export interface StateMachine {
  type: 'state-machine'
  stateMachineName?: string
  stateMachineType?: 'STANDARD' | 'EXPRESS'
  /** Amazon States Language definition as JSON text. */
  definition: string
  /** AWS X-Ray tracing of executions (`TracingConfiguration.Enabled`); on, it gives the role the X-Ray permissions. */
  tracing?: boolean
  /**
   * Execution history into a log group of the design (`LoggingConfiguration`): the level (ERROR when unset) and
   * whether input and output are logged; it gives the role the log delivery permissions.
   */
  logging?: { destination: EntityId; level?: 'ALL' | 'ERROR' | 'FATAL' | 'OFF'; includeExecutionData?: boolean }
  /** Values for `${name}` placeholders in the definition (`DefinitionSubstitutions`); may reference entities (@{id.arn}). */
  definitionSubstitutions?: Record<string, string>
  /** Resource tags (`Tags`, a Key/Value list), on the state machine and the role it creates; CDK writes them sorted by key. */
  tags?: Record<string, string>
}

export interface LambdaFunction {
  type: 'lambda-function'
  functionName?: string
  runtime: string
  handler: string
  /** Inline source code (empty when the code comes from `codeAsset` or `codeS3`). */
  code: string
  /**
   * A folder holding the function's code, relative to the design file (CDK `lambda.Code.fromAsset`); when set it is
   * used instead of `code`. The emulator's `serve` runs it from there.
   */
  codeAsset?: string
  /** A zip file in S3 (CloudFormation `Code.S3Bucket`/`S3Key`, CDK `lambda.Code.fromBucket`); used instead of `code`. */
  codeS3?: LambdaS3Code
  timeoutSeconds?: number
  memorySize?: number
  description?: string
  /** The instruction set (`Architectures`, one of them); x86_64 when unset. */
  architecture?: 'x86_64' | 'arm64'
  /** Concurrency kept for this function, and its limit (`ReservedConcurrentExecutions`). */
  reservedConcurrentExecutions?: number
  /** `/tmp` size in MB (`EphemeralStorage.Size`, 512 to 10,240). */
  ephemeralStorageMB?: number
  /** Lambda layer version ARNs, in order (`Layers`). */
  layers?: string[]
  /** The format of the function's logs (`LoggingConfig.LogFormat`); unset is Text. */
  logFormat?: 'Text' | 'JSON'
  /** AWS X-Ray tracing (`TracingConfig.Mode`); either mode gives the service role the X-Ray write permissions. */
  tracing?: 'Active' | 'PassThrough'
  /** With JSON logs: the least severe application log lines Lambda keeps (`LoggingConfig.ApplicationLogLevel`). */
  applicationLogLevel?: 'TRACE' | 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'FATAL'
  /** With JSON logs: the least severe of Lambda's own log lines it keeps (`LoggingConfig.SystemLogLevel`). */
  systemLogLevel?: 'DEBUG' | 'INFO' | 'WARN'
  /** A log group of the design the function writes to instead of `/aws/lambda/<name>` (`LoggingConfig.LogGroup`). */
  logGroup?: EntityId
  /** A queue of the design for asynchronous invocations that failed (`DeadLetterConfig.TargetArn`); the service role may send to it. */
  deadLetterQueue?: EntityId
  /** The customer-managed KMS key that encrypts the environment variables, by ARN (`KmsKeyArn`). */
  kmsKeyArn?: string
  /** Resource tags (`Tags`, a Key/Value list), on the function and the service role it creates; CDK writes them sorted by key. */
  tags?: Record<string, string>
  /** What Lambda does when it detects a recursive loop (`RecursiveLoop`); Terminate when unset. */
  recursiveLoop?: 'Allow' | 'Terminate'
  /** SnapStart for published versions (`SnapStart.ApplyOn: PublishedVersions`); Java, Python 3.12+ and .NET 8 runtimes. */
  snapStart?: boolean
  /** When Lambda moves the function to a new runtime version (`RuntimeManagementConfig.UpdateRuntimeOn`); Auto when unset. */
  runtimeUpdates?: 'Auto' | 'FunctionUpdate'
  environment?: Record<string, string>
  /** Grant `execute-api:ManageConnections` on the API so the function can post back to clients. */
  manageConnections?: boolean
  /** CDK grants to the function's service role: entity id → grant methods (src/model/grants.ts). */
  grants?: Record<EntityId, string[]>
}

/**
 * A value CloudFormation reads as a string: a string (which may embed `@{id.attr}` references), or an intrinsic
 * kept from import that names what the design holds verbatim (`{ Ref: ServerlessDeploymentBucket }`, a
 * parameter), written again as it is.
 */
export type CfnString = string | JsonObject

export interface LambdaS3Code {
  bucket: CfnString
  key: CfnString
  objectVersion?: CfnString
}

export interface IamRole {
  type: 'iam-role'
  roleName?: string
  description?: string
  /** The role's IAM path (`Path`); `/` when unset. */
  path?: string
  /** How long a session of this role may last (`MaxSessionDuration`, 3600–43200 s; 3600 when unset). */
  maxSessionDurationSeconds?: number
  /** Managed policies attached to the role, by ARN (`ManagedPolicyArns`). */
  managedPolicyArns?: string[]
  /** The managed policy that bounds what the role may ever do, by ARN (`PermissionsBoundary`). */
  permissionsBoundaryArn?: string
  /** The role's own inline policies: policy name → its statements (`Policies`, each with `Version: 2012-10-17`). */
  inlinePolicies?: Record<string, Json[]>
  /** Resource tags (`Tags`, a Key/Value list); CDK writes them sorted by key. */
  tags?: Record<string, string>
  /** ARN of a role that already exists; when absent the exporter generates a least-privilege role. */
  existingArn?: string
  /** Extra policy statements kept from import (beyond what the integrations need). */
  extraStatements?: Json[]
  /**
   * CDK grants to this role: entity id → grant methods (`{ table: ['grantWriteData'] }`, src/model/grants.ts).
   * What they allow is not generated again as least-privilege statements.
   */
  grants?: Record<EntityId, string[]>
}

export interface LogGroup {
  type: 'log-group'
  logGroupName?: string
  /** Days CloudWatch keeps each event; unset is CDK's default, 731 (two years). */
  retentionDays?: number
  /** Keep events forever: the template has no `RetentionInDays` (CDK `RetentionDays.INFINITE`). */
  neverExpire?: boolean
  /** `LogGroupClass`; unset is STANDARD. Infrequent access costs less and offers fewer features. */
  logGroupClass?: 'STANDARD' | 'INFREQUENT_ACCESS'
  /** The customer-managed KMS key that encrypts the log data, by ARN (`KmsKeyId`). */
  kmsKeyArn?: string
  removalPolicy?: RemovalPolicy
  /** Resource tags (`Tags`, a Key/Value list); CDK writes them sorted by key. */
  tags?: Record<string, string>
}

/** A resource the stack does not own, referenced by ARN (and name where the URI needs it). */
export interface ExistingResource {
  type: 'existing'
  /** What kind of thing it is, so integrations know which URI/IAM to use. */
  kind: Exclude<ResourceType, 'existing' | 'log-group'>
  arn: string
  name?: string
  /** Queue URL / account-relative path when the service needs it. */
  url?: string
}

export type ResourceBody =
  | DynamoDbTable
  | SqsQueue
  | SnsTopic
  | KinesisStream
  | EventBridgeBus
  | StateMachine
  | LambdaFunction
  | IamRole
  | LogGroup
  | ExistingResource

export type Resource = ResourceBody & { constructId?: string; resourceOptions?: ResourceOptions; cfnExtra?: JsonObject }

// ------------------------------------------------------------------------------------------- Layout

export interface Position {
  x: number
  y: number
}

/** Canvas positions, kept apart from entities; exporters never read them. */
export type Layout = Record<EntityId, Position>

// ------------------------------------------------------------------------------------------- Design

/** CloudFormation sections kept verbatim from an imported template and exported again unchanged. */
export interface VerbatimCfn {
  Parameters?: JsonObject
  Conditions?: JsonObject
  Mappings?: JsonObject
  Outputs?: JsonObject
  Metadata?: JsonObject
  Rules?: JsonObject
  Transform?: Json
  Description?: string
  /** Resources unrelated to the API, by logical id. */
  Resources?: JsonObject
  /**
   * Import: original logical id → design entity, for every modelled resource the verbatim parts above refer
   * to (`Ref`, `Fn::GetAtt`, `Fn::Sub`). An export that gives the entity another logical id rewrites those
   * references with it. Not a template section; never emitted.
   */
  logicalIds?: Record<string, EntityId>
}

export interface Design {
  api: Api
  routes: Record<EntityId, Route>
  integrations: Record<EntityId, Integration>
  authorizers: Record<EntityId, Authorizer>
  stages: Record<EntityId, Stage>
  resources: Record<EntityId, Resource>
  domains: Record<EntityId, DomainName>
  models: Record<EntityId, Model>
  messages: Record<EntityId, ServerMessage>
  /** Kept verbatim from import. */
  cloudformation?: VerbatimCfn
  /** Emulator message scripts by name (connect, send, expect); shape checked by src/emulator/scripts.ts. */
  scripts?: JsonObject
  /** Unknown top-level design fields, kept verbatim. */
  extra?: JsonObject
}

/** The in-memory document: the design plus its canvas layout. */
export interface DesignDocument {
  design: Design
  layout: Layout
}

/** Entity collections by kind, in document order. */
export const COLLECTIONS = [
  'routes',
  'integrations',
  'authorizers',
  'stages',
  'resources',
  'domains',
  'models',
  'messages',
] as const
export type CollectionName = (typeof COLLECTIONS)[number]

export type EntityKind = 'api' | 'route' | 'integration' | 'authorizer' | 'stage' | 'resource' | 'domain' | 'model' | 'message'

export const COLLECTION_KIND: Record<CollectionName, EntityKind> = {
  routes: 'route',
  integrations: 'integration',
  authorizers: 'authorizer',
  stages: 'stage',
  resources: 'resource',
  domains: 'domain',
  models: 'model',
  messages: 'message',
}

/** The API entity's fixed id (for layout and diagnostics). */
export const API_ENTITY_ID = 'api'
