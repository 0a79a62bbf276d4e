/**
 * A declarative description of every field the design document holds. One table drives:
 * - validation of parsed files (wrong types become located diagnostics, not crashes),
 * - the canonical key order of the serialiser (so the same document always gives the same bytes),
 * - the inspector forms: labels, help text, and which fields an entity uses (`usedWhen`: per integration type,
 *   route key, …, after the per-type table of websocket-rules §5.2) and which are CloudFormation detail
 *   (`advanced`), see `placeFields`.
 */

import {
  API_KEY_SELECTION_EXPRESSIONS,
  CONNECTION_TYPES,
  CONTENT_HANDLING,
  DELETION_POLICIES,
  HTTP_METHODS,
  INTEGRATION_TYPES,
  IP_ADDRESS_TYPES,
  LOGGING_LEVELS,
  PASSTHROUGH_BEHAVIORS,
  RESOURCE_TYPES,
  STREAM_VIEW_TYPES,
  UPDATE_REPLACE_POLICIES,
  type CollectionName,
  type IntegrationType,
  type ResourceType,
} from './types'

/** How the inspector presents a field. The parser and serialiser ignore these. */
export interface FieldPresentation {
  /** The label in words a user knows, when the field name does not read as one ("API key required"). */
  label?: string
  /** CloudFormation detail: listed under "Advanced (CloudFormation)", collapsed (for some entities only, if a function). */
  advanced?: boolean | ((entity: Readonly<Record<string, unknown>>) => boolean)
  /**
   * Whether an entity uses the field at all (a Lambda proxy integration has no service or action). An unused field
   * is not listed, unless it holds a value (then it is listed under Advanced, where it can be cleared).
   */
  usedWhen?: (entity: Readonly<Record<string, unknown>>) => boolean
}

export type FieldSpec = FieldPresentation &
  (
  /** `intrinsic`: the value may instead be a CloudFormation intrinsic object kept from import (types.ts `CfnString`). */
  | { kind: 'string'; required?: boolean; help?: string; multiline?: boolean; suggestions?: readonly string[]; intrinsic?: boolean }
  | { kind: 'number'; required?: boolean; help?: string; integer?: boolean; min?: number; max?: number; unit?: string }
  | { kind: 'boolean'; required?: boolean; help?: string }
  | { kind: 'enum'; required?: boolean; help?: string; values: readonly string[] }
  /** Id of another entity; `to` limits what it may point at. */
  | { kind: 'ref'; required?: boolean; help?: string; to: readonly RefTarget[] }
  | { kind: 'stringList'; required?: boolean; help?: string }
  | { kind: 'map'; required?: boolean; help?: string; value: FieldSpec; keyHelp?: string; templates?: boolean }
  | { kind: 'object'; required?: boolean; help?: string; fields: FieldsSpec }
  /** Exactly one of the alternatives, told apart by which key is present. */
  | { kind: 'oneOf'; required?: boolean; help?: string; alternatives: Record<string, FieldsSpec> }
  /** Any JSON value, kept as is. */
  | { kind: 'json'; required?: boolean; help?: string }
  )

export type FieldsSpec = Record<string, FieldSpec>

/** What a `ref` may point at: an entity kind, or a resource of a given type. */
export type RefTarget = 'route' | 'integration' | 'authorizer' | 'stage' | 'domain' | 'model' | ResourceType

const cfnExtra: FieldSpec = {
  kind: 'json',
  label: 'Other CloudFormation properties',
  advanced: true,
  help: 'CloudFormation properties the designer does not model; kept verbatim and merged into the exported resource.',
}
const constructId: FieldSpec = {
  kind: 'string',
  label: 'CDK construct id',
  advanced: true,
  help: 'CDK construct id. It decides the CloudFormation logical id; renaming it replaces the resource on deploy.',
}
const resourceOptions: FieldSpec = {
  kind: 'object',
  label: 'Resource attributes',
  advanced: true,
  help: "CloudFormation resource attributes of the entity's resource (CDK cfnOptions), exported in every target.",
  fields: {
    deletionPolicy: { kind: 'enum', values: DELETION_POLICIES, help: 'What CloudFormation does with the resource when the stack deletes it.' },
    updateReplacePolicy: { kind: 'enum', values: UPDATE_REPLACE_POLICIES, help: 'What CloudFormation does with the old resource when an update replaces it.' },
    condition: { kind: 'string', help: 'A condition of the template (design.cloudformation.Conditions): the resource is created only when it holds.' },
    metadata: { kind: 'json', help: 'Resource Metadata, kept verbatim.' },
    dependsOn: { kind: 'stringList', help: 'Entities, or logical ids of verbatim resources, that CloudFormation must create first.' },
  },
}
const removalPolicy: FieldSpec = { kind: 'enum', values: ['destroy', 'retain', 'snapshot'], help: 'What happens to the data when the stack is deleted.' }
const tags: FieldSpec = { kind: 'map', value: { kind: 'string' }, help: 'Tags applied to the resource.' }

/** `usedWhen` for integration fields: the types that use the property (websocket-rules §5.2). */
const forTypes =
  (...types: IntegrationType[]) =>
  (e: Readonly<Record<string, unknown>>) =>
    types.includes(e.type as IntegrationType)
const isConnectRoute = (e: Readonly<Record<string, unknown>>) => e.key === '$connect'
const isTwoWay = (e: Readonly<Record<string, unknown>>) => e.twoWay === true
const isLambdaAuthorizer = (e: Readonly<Record<string, unknown>>) => e.type === 'lambda'

const credentials: FieldSpec = {
  kind: 'oneOf',
  help: 'The role API Gateway assumes to call the service. A generated role gets exactly the permissions the action needs.',
  alternatives: {
    role: { role: { kind: 'ref', required: true, to: ['iam-role'] } },
    arn: { arn: { kind: 'string', required: true, help: 'ARN of an existing role.' } },
    caller: { caller: { kind: 'boolean', required: true, help: "Pass the caller's IAM identity (arn:aws:iam::*:user/*)." } },
  },
}

export const API_FIELDS: FieldsSpec = {
  name: { kind: 'string', required: true, help: 'Name of the API (CloudFormation `Name`).' },
  constructId,
  description: { kind: 'string', help: 'Free-text description.' },
  routeSelectionExpression: {
    kind: 'string',
    required: true,
    suggestions: ['$request.body.action', '${request.body.service}/${request.body.action}'],
    help: 'Evaluated against each message to pick the route. A missing path gives "" and non-JSON messages go to $default.',
  },
  apiKeySelectionExpression: {
    kind: 'enum',
    label: 'API key selection expression',
    values: API_KEY_SELECTION_EXPRESSIONS,
    help: 'Where the API key comes from. Required when any route has "API key required".',
  },
  ipAddressType: { kind: 'enum', label: 'IP address type', advanced: true, values: IP_ADDRESS_TYPES, help: 'ipv4 (default) or dualstack.' },
  disableSchemaValidation: { kind: 'boolean', advanced: true, help: 'Skip model validation at deployment.' },
  disableExecuteApiEndpoint: {
    kind: 'boolean',
    label: 'Disable the execute-api endpoint',
    advanced: true,
    help: 'Turn off the default execute-api endpoint; clients then reach the API only through a custom domain.',
  },
  tags,
  resourceOptions,
  cfnExtra,
}

const routeSettingsFields: FieldsSpec = {
  throttlingRateLimit: { kind: 'number', min: 0, unit: 'requests/s', help: 'Steady-state request rate.' },
  throttlingBurstLimit: { kind: 'number', integer: true, min: 0, unit: 'requests', help: 'Burst size.' },
  detailedMetricsEnabled: { kind: 'boolean', help: 'Per-route CloudWatch metrics.' },
  loggingLevel: { kind: 'enum', values: LOGGING_LEVELS, help: 'Execution logging; needs the account CloudWatch role.' },
  dataTraceEnabled: { kind: 'boolean', help: 'Log full request and response data (overrides the logging level).' },
}

export const ROUTE_FIELDS: FieldsSpec = {
  key: {
    kind: 'string',
    label: 'Route key',
    required: true,
    suggestions: ['$connect', '$disconnect', '$default'],
    help: 'Route key: $connect, $disconnect, $default or a custom value matched exactly against the route selection expression.',
  },
  integration: { kind: 'ref', to: ['integration'], help: 'The integration that handles messages on this route.' },
  authorizer: { kind: 'ref', to: ['authorizer'], usedWhen: isConnectRoute, help: 'Only on $connect: authorizes the whole connection.' },
  apiKeyRequired: { kind: 'boolean', label: 'API key required', usedWhen: isConnectRoute, help: 'Require an API key (checked when the connection is made, so on $connect).' },
  twoWay: { kind: 'boolean', label: 'Two-way (reply to the client)', help: 'Send the integration result back to the client (route response $default).' },
  requestParameters: {
    kind: 'map',
    usedWhen: isConnectRoute,
    keyHelp: 'route.request.querystring.<name> or route.request.header.<name>',
    value: { kind: 'object', fields: { required: { kind: 'boolean', required: true } } },
    help: '$connect only: query-string and header inputs of the upgrade request.',
  },
  operationName: { kind: 'string', advanced: true, help: 'Cosmetic operation name.' },
  requestModels: {
    kind: 'map',
    value: { kind: 'string' },
    keyHelp: 'model selection key, or $default',
    help: 'Model name per key (non-proxy integrations only). API Gateway rejects messages that fail the selected model.',
  },
  modelSelectionExpression: {
    kind: 'string',
    suggestions: ['$request.body.action', '\\$default'],
    help: 'Picks the request model key for each message; needed when there is more than a $default model.',
  },
  responseModels: {
    kind: 'map',
    usedWhen: isTwoWay,
    value: { kind: 'string' },
    keyHelp: 'model selection key, or $default',
    help: 'Two-way routes: model name of the reply per key (documents the reply; API Gateway does not validate it).',
  },
  responseModelSelectionExpression: { kind: 'string', usedWhen: isTwoWay, help: 'Picks the response model key.' },
  routeResponseExtra: {
    kind: 'json',
    label: 'Other route response properties',
    advanced: true,
    usedWhen: isTwoWay,
    help: 'CloudFormation properties of the route response kept from import.',
  },
  resourceOptions,
  cfnExtra,
}

const integrationResponseFields: FieldsSpec = {
  templates: { kind: 'map', value: { kind: 'string', multiline: true }, templates: true, help: 'Response templates by key.' },
  templateSelectionExpression: { kind: 'string', help: 'Selects the response template.' },
  contentHandling: { kind: 'enum', values: CONTENT_HANDLING, help: 'Convert the response payload.' },
  responseParameters: { kind: 'map', value: { kind: 'string' } },
  cfnExtra,
}

const AWS_OR_LAMBDA: IntegrationType[] = ['aws', 'lambda', 'lambda-proxy']
const HTTP_TYPES: IntegrationType[] = ['http', 'http-proxy']
/** The types whose request goes through mapping templates (the proxies pass it as is). */
const TEMPLATED: IntegrationType[] = ['aws', 'lambda', 'http', 'mock']
const notHttp = (e: Readonly<Record<string, unknown>>) => !HTTP_TYPES.includes(e.type as IntegrationType)

export const INTEGRATION_FIELDS: FieldsSpec = {
  type: { kind: 'enum', required: true, values: INTEGRATION_TYPES, help: 'Integration type.' },
  constructId,
  description: { kind: 'string' },
  service: {
    kind: 'string',
    label: 'AWS service',
    usedWhen: forTypes('aws'),
    help: 'AWS service namespace in the URI, e.g. dynamodb, sqs, sns, kinesis, events, states.',
  },
  // An action-style service (DynamoDB PutItem) has no path, a path-style one (SQS) no action.
  action: { kind: 'string', usedWhen: (e) => e.type === 'aws' && e.path === undefined, help: 'Action-style URI: action/<Action>, e.g. PutItem.' },
  path: { kind: 'string', usedWhen: (e) => e.type === 'aws' && e.action === undefined, help: 'Path-style URI: path/<path>, e.g. @{aws.accountId}/@{queue.name}.' },
  subdomain: { kind: 'string', advanced: true, usedWhen: forTypes('aws'), help: 'Service subdomain, if the service needs one.' },
  region: { kind: 'string', advanced: true, usedWhen: forTypes('aws'), help: 'Region in the URI; defaults to the stack region.' },
  target: {
    kind: 'ref',
    label: 'Acts on',
    usedWhen: forTypes(...AWS_OR_LAMBDA),
    to: [...RESOURCE_TYPES.filter((t) => t !== 'iam-role' && t !== 'log-group')],
    help: 'The resource this integration acts on.',
  },
  uri: {
    kind: 'string',
    label: 'URI',
    // The backend URL of an HTTP integration; for AWS and Lambda an explicit ARN instead of the built one.
    advanced: notHttp,
    usedWhen: forTypes(...AWS_OR_LAMBDA, ...HTTP_TYPES),
    help: 'Integration URI: the backend URL for HTTP, or an explicit ARN overriding service/action.',
  },
  method: {
    kind: 'enum',
    label: 'HTTP method',
    // Always POST for AWS services and Lambda.
    advanced: notHttp,
    usedWhen: forTypes(...AWS_OR_LAMBDA, ...HTTP_TYPES),
    values: HTTP_METHODS,
    help: 'Integration method; POST for every AWS service and Lambda.',
  },
  credentials: { ...credentials, usedWhen: forTypes(...AWS_OR_LAMBDA) },
  passthroughBehavior: {
    kind: 'enum',
    usedWhen: forTypes(...TEMPLATED),
    values: PASSTHROUGH_BEHAVIORS,
    help: 'What happens to a message no template matches: passed through (WHEN_NO_MATCH), rejected (NEVER), or passed only when there are no templates at all.',
  },
  contentHandling: {
    kind: 'enum',
    advanced: true,
    usedWhen: forTypes(...AWS_OR_LAMBDA, 'http'),
    values: CONTENT_HANDLING,
    help: 'Convert base64 text to binary or back.',
  },
  requestParameters: {
    kind: 'map',
    usedWhen: forTypes('aws', 'lambda', ...HTTP_TYPES),
    value: { kind: 'string' },
    keyHelp: 'integration.request.header.<name>',
    help: "Mapped request parameters; values are 'static', route.request.body.<path>, context.<var> or stageVariables.<name>.",
  },
  requestTemplates: {
    kind: 'map',
    usedWhen: forTypes(...TEMPLATED),
    value: { kind: 'string', multiline: true },
    templates: true,
    keyHelp: 'content type or $default',
    help: 'VTL request templates by key; the template selection expression picks one.',
  },
  templateSelectionExpression: {
    kind: 'string',
    usedWhen: forTypes(...TEMPLATED),
    suggestions: ['\\$default'],
    help: 'Picks the request template. Write \\$default (with the backslash) for the literal key.',
  },
  timeoutMs: {
    kind: 'number',
    label: 'Timeout',
    usedWhen: forTypes(...AWS_OR_LAMBDA, ...HTTP_TYPES),
    integer: true,
    min: 50,
    max: 29000,
    unit: 'ms',
    help: '50 ms to 29 s for every WebSocket integration.',
  },
  connectionType: { kind: 'enum', advanced: true, usedWhen: forTypes(...HTTP_TYPES), values: CONNECTION_TYPES, help: 'HTTP integrations: internet or VPC link.' },
  connectionId: { kind: 'string', label: 'VPC link id', advanced: true, usedWhen: forTypes(...HTTP_TYPES), help: 'VPC link id (e.g. ${stageVariables.vpcLinkId}).' },
  responses: {
    kind: 'map',
    label: 'Integration responses',
    usedWhen: forTypes(...TEMPLATED),
    value: { kind: 'object', fields: integrationResponseFields },
    keyHelp: '$default or /regex/',
    help: 'Integration responses: needed for replies from AWS, HTTP and Mock integrations.',
  },
  resourceOptions,
  cfnExtra,
}

export const AUTHORIZER_FIELDS: FieldsSpec = {
  type: { kind: 'enum', required: true, values: ['lambda', 'iam'], help: 'Lambda REQUEST authorizer or IAM (SigV4).' },
  function: { kind: 'ref', usedWhen: isLambdaAuthorizer, to: ['lambda-function', 'existing'], help: 'The authorizer function.' },
  identitySource: {
    kind: 'stringList',
    usedWhen: isLambdaAuthorizer,
    help: 'route.request.header.<name>, route.request.querystring.<name>, stageVariables.<name> or context.<name>.',
  },
  name: { kind: 'string', usedWhen: isLambdaAuthorizer, help: 'Authorizer name.' },
  // An IAM "authorizer" is the routes' AWS_IAM authorization type: no resource of its own.
  constructId: { ...constructId, usedWhen: isLambdaAuthorizer },
  credentials: { ...credentials, label: 'Invoke role', advanced: true, usedWhen: isLambdaAuthorizer },
  resourceOptions: { ...resourceOptions, usedWhen: isLambdaAuthorizer },
  cfnExtra: { ...cfnExtra, usedWhen: isLambdaAuthorizer },
}

export const STAGE_FIELDS: FieldsSpec = {
  name: { kind: 'string', required: true, help: 'Stage name: letters, digits, - and _, at most 128.' },
  constructId,
  autoDeploy: { kind: 'boolean', help: 'Deploy every change automatically.' },
  description: { kind: 'string' },
  throttle: {
    kind: 'object',
    help: 'Default throttling for every route.',
    fields: {
      rateLimit: { kind: 'number', min: 0, unit: 'requests/s' },
      burstLimit: { kind: 'number', integer: true, min: 0, unit: 'requests' },
    },
  },
  detailedMetricsEnabled: { kind: 'boolean', help: 'Per-route CloudWatch metrics.' },
  loggingLevel: { kind: 'enum', values: LOGGING_LEVELS, help: 'Execution logging; needs the account CloudWatch role.' },
  dataTraceEnabled: { kind: 'boolean', help: 'Log full request and response data.' },
  stageVariables: { kind: 'map', label: 'Stage variables', value: { kind: 'string' }, help: 'Read in templates as $stageVariables.<name>.' },
  accessLog: {
    kind: 'object',
    help: 'Access logging to CloudWatch Logs.',
    fields: {
      destination: {
        kind: 'oneOf',
        required: true,
        alternatives: {
          logGroup: { logGroup: { kind: 'ref', required: true, to: ['log-group'] } },
          arn: { arn: { kind: 'string', required: true } },
        },
      },
      format: { kind: 'string', help: 'Must include $context.requestId or $context.extendedRequestId.' },
    },
  },
  routeSettings: { kind: 'map', value: { kind: 'object', fields: routeSettingsFields }, keyHelp: 'route key', help: 'Per-route overrides.' },
  domainMapping: {
    kind: 'object',
    help: 'Map a custom domain to this stage.',
    fields: {
      domain: { kind: 'ref', required: true, to: ['domain'] },
      mappingKey: { kind: 'string', help: 'Path under the domain; omit for the root.' },
    },
  },
  deployment: { kind: 'boolean', label: 'Deployment resource', advanced: true, usedWhen: (e) => e.autoDeploy !== true, help: 'Without auto-deploy: emit a Deployment resource for this stage (default on).' },
  tags,
  resourceOptions,
  cfnExtra,
}

export const DOMAIN_FIELDS: FieldsSpec = {
  domainName: { kind: 'string', required: true, help: 'e.g. ws.example.com' },
  certificateArn: { kind: 'string', label: 'Certificate ARN', required: true, help: 'ACM certificate in the same region.' },
  endpointType: { kind: 'enum', advanced: true, values: ['REGIONAL'] },
  securityPolicy: { kind: 'enum', advanced: true, values: ['TLS_1_2'] },
  constructId,
  resourceOptions,
  cfnExtra,
}

export const MODEL_FIELDS: FieldsSpec = {
  name: { kind: 'string', required: true, help: 'Model name: letters and digits only; routes name it in their request models.' },
  contentType: { kind: 'string', required: true, suggestions: ['application/json'], help: 'Content type of the messages it describes.' },
  schema: { kind: 'json', required: true, help: 'JSON Schema draft 4 (the dialect API Gateway validates with).' },
  description: { kind: 'string' },
  resourceOptions,
  cfnExtra,
}

export const MESSAGE_FIELDS: FieldsSpec = {
  name: { kind: 'string', required: true, help: 'Name of a message the backend sends to clients through @connections.' },
  schema: { kind: 'json', required: true, help: 'JSON Schema draft 4 of the message.' },
  description: { kind: 'string' },
}

const keyType: FieldSpec = { kind: 'enum', values: ['S', 'N', 'B'], required: true }
const attribute = (required: boolean): FieldSpec => ({
  kind: 'object',
  required,
  fields: { name: { kind: 'string', required: true }, type: keyType },
})

/** Tags of the resources whose constructs create nothing else that CDK would tag too. */
const resourceTags: FieldSpec = { kind: 'map', value: { kind: 'string' }, keyHelp: 'Tag key', help: 'Tags on this resource. Keys starting with aws: are reserved for AWS.' }

/** Fields per resource type; `type`, `constructId` and `cfnExtra` are common to all. */
export const RESOURCE_FIELDS: Record<ResourceType, FieldsSpec> = {
  'dynamodb-table': {
    tableName: { kind: 'string', help: 'Physical name; generated when empty.' },
    partitionKey: attribute(true),
    sortKey: attribute(false),
    billingMode: { kind: 'enum', values: ['PROVISIONED', 'PAY_PER_REQUEST'] },
    readCapacity: { kind: 'number', integer: true, min: 1 },
    writeCapacity: { kind: 'number', integer: true, min: 1 },
    timeToLiveAttribute: { kind: 'string', label: 'Time to live attribute', help: 'The attribute that holds each item\'s expiry time (epoch seconds); DynamoDB deletes expired items. Unset: no expiry.' },
    pointInTimeRecovery: { kind: 'boolean', label: 'Point-in-time recovery', help: 'Continuous backups you can restore to any second of the last 35 days.' },
    streamViewType: { kind: 'enum', values: STREAM_VIEW_TYPES, label: 'Stream', help: 'A stream of item changes, and what each record holds. Unset: no stream.' },
    tableClass: { kind: 'enum', values: ['STANDARD', 'STANDARD_INFREQUENT_ACCESS'], label: 'Table class', help: 'Infrequent access stores data for less and charges more per request. Unset: STANDARD.' },
    deletionProtection: { kind: 'boolean', label: 'Deletion protection', help: 'DynamoDB refuses to delete the table, even from CloudFormation, while this is on.' },
    globalSecondaryIndexes: {
      kind: 'map',
      label: 'Global secondary indexes',
      keyHelp: 'Index name',
      help: 'Other keys to query the table by. A Query or Scan on an index names it with "IndexName" in the request template.',
      value: {
        kind: 'object',
        fields: {
          partitionKey: attribute(true),
          sortKey: attribute(false),
          projection: { kind: 'enum', values: ['ALL', 'KEYS_ONLY', 'INCLUDE'], help: 'Which attributes the index holds (ALL when unset).' },
          nonKeyAttributes: { kind: 'stringList', label: 'Non-key attributes', help: 'With INCLUDE: the attributes the index holds besides the keys.' },
          readCapacity: { kind: 'number', integer: true, min: 1, help: 'Provisioned tables only (5 when unset).' },
          writeCapacity: { kind: 'number', integer: true, min: 1, help: 'Provisioned tables only (5 when unset).' },
        },
      },
    },
    localSecondaryIndexes: {
      kind: 'map',
      label: 'Local secondary indexes',
      keyHelp: 'Index name',
      help: "Another sort key for the table's partition key; only when the table has a sort key, and only when it is created.",
      value: {
        kind: 'object',
        fields: {
          sortKey: attribute(true),
          projection: { kind: 'enum', values: ['ALL', 'KEYS_ONLY', 'INCLUDE'], help: 'Which attributes the index holds (ALL when unset).' },
          nonKeyAttributes: { kind: 'stringList', label: 'Non-key attributes', help: 'With INCLUDE: the attributes the index holds besides the keys.' },
        },
      },
    },
    encryption: { kind: 'enum', values: ['AWS_OWNED', 'AWS_MANAGED', 'CUSTOMER_MANAGED'], help: 'The key that encrypts the table at rest: one DynamoDB owns (unset, the default), the AWS-managed KMS key (aws/dynamodb, billed as KMS) or your own key below.' },
    kmsKeyArn: { kind: 'string', label: 'KMS key ARN', usedWhen: (s) => s.encryption === 'CUSTOMER_MANAGED', help: 'The ARN of a customer-managed KMS key (arn:aws:kms:<region>:<account>:key/<id>); may reference another entity (@{id.arn}).' },
    contributorInsights: { kind: 'boolean', label: 'Contributor Insights', help: 'CloudWatch Contributor Insights: the most accessed and most throttled keys (billed per event).' },
    maxReadRequestUnits: { kind: 'number', integer: true, min: 1, label: 'Maximum read request units', usedWhen: (s) => s.billingMode === 'PAY_PER_REQUEST', help: 'On-demand tables: a cap on read request units a second (no cap when unset).' },
    maxWriteRequestUnits: { kind: 'number', integer: true, min: 1, label: 'Maximum write request units', usedWhen: (s) => s.billingMode === 'PAY_PER_REQUEST', help: 'On-demand tables: a cap on write request units a second (no cap when unset).' },
    warmThroughput: {
      kind: 'object',
      label: 'Warm throughput',
      help: 'Throughput the table can serve at once, without scaling up first (billed when raised).',
      fields: {
        readUnitsPerSecond: { kind: 'number', integer: true, min: 1, label: 'Read units a second' },
        writeUnitsPerSecond: { kind: 'number', integer: true, min: 1, label: 'Write units a second' },
      },
    },
    kinesisStream: { kind: 'ref', to: ['kinesis-stream'], label: 'Kinesis stream', help: 'A Kinesis data stream that receives every item change (Kinesis Data Streams for DynamoDB).' },
    removalPolicy,
    tags: resourceTags,
  },
  'sqs-queue': {
    queueName: { kind: 'string' },
    fifo: { kind: 'boolean', help: 'FIFO queue (name must end in .fifo).' },
    contentBasedDeduplication: { kind: 'boolean' },
    visibilityTimeoutSeconds: { kind: 'number', integer: true, min: 0, max: 43200, unit: 's' },
    // The ranges are SQS's (CreateQueue attributes), which aws-cdk-lib's Queue also enforces at synth.
    retentionPeriodSeconds: { kind: 'number', integer: true, min: 60, max: 1209600, unit: 's', label: 'Retention period', help: 'How long SQS keeps a message that nobody deletes (4 days when unset; at most 14 days).' },
    deliveryDelaySeconds: { kind: 'number', integer: true, min: 0, max: 900, unit: 's', label: 'Delivery delay', help: 'How long each new message stays invisible before it can be received (0 when unset).' },
    receiveMessageWaitTimeSeconds: { kind: 'number', integer: true, min: 0, max: 20, unit: 's', label: 'Receive wait time', help: 'Long polling: how long a receive waits for a message to arrive (0 when unset: short polling).' },
    maxMessageSizeBytes: { kind: 'number', integer: true, min: 1024, max: 1048576, unit: 'B', label: 'Maximum message size', help: 'The largest message the queue accepts (256 KiB when unset).' },
    deadLetterQueue: {
      kind: 'object',
      label: 'Dead-letter queue',
      help: 'Where SQS moves a message that was received this many times and never deleted. A FIFO queue needs a FIFO dead-letter queue.',
      fields: {
        queue: { kind: 'ref', required: true, to: ['sqs-queue'] },
        maxReceiveCount: { kind: 'number', required: true, integer: true, min: 1, max: 1000, label: 'Maximum receives' },
      },
    },
    encryption: { kind: 'enum', values: ['SQS_MANAGED', 'KMS_MANAGED', 'KMS', 'UNENCRYPTED'], help: 'Encryption at rest: keys SQS manages, the AWS-managed KMS key (aws/sqs), your own KMS key below, or none. Unset: SQS decides (SQS-managed keys for new queues).' },
    kmsKeyArn: { kind: 'string', label: 'KMS key ARN', usedWhen: (s) => s.encryption === 'KMS', help: 'The ARN of a customer-managed KMS key (arn:aws:kms:<region>:<account>:key/<id>); may reference another entity (@{id.arn}).' },
    dataKeyReuseSeconds: { kind: 'number', integer: true, min: 60, max: 86400, unit: 's', label: 'Data key reuse', usedWhen: (s) => s.encryption === 'KMS' || s.encryption === 'KMS_MANAGED', help: 'How long SQS reuses a data key before calling KMS again (5 minutes when unset).' },
    deduplicationScope: { kind: 'enum', values: ['messageGroup', 'queue'], label: 'Deduplication scope', usedWhen: (s) => s.fifo === true, help: 'FIFO queues: deduplicate within each message group or across the queue (queue when unset).' },
    fifoThroughputLimit: { kind: 'enum', values: ['perQueue', 'perMessageGroupId'], label: 'FIFO throughput limit', usedWhen: (s) => s.fifo === true, help: 'FIFO queues: the throughput quota applies to the queue or to each message group (perMessageGroupId with messageGroup deduplication is high throughput).' },
    redriveAllowPolicy: {
      kind: 'object',
      label: 'Redrive allow policy',
      help: 'Which queues may name this queue as their dead-letter queue.',
      fields: {
        permission: { kind: 'enum', required: true, values: ['allowAll', 'denyAll', 'byQueue'], help: 'Every queue, none, or only the source queues below.' },
        sourceQueueArns: { kind: 'stringList', label: 'Source queue ARNs', help: 'With byQueue: the ARNs of the queues allowed (@{queue.arn}), at most 10.' },
      },
    },
    removalPolicy,
    tags: resourceTags,
  },
  'sns-topic': {
    topicName: { kind: 'string' },
    fifo: { kind: 'boolean' },
    displayName: { kind: 'string' },
    contentBasedDeduplication: { kind: 'boolean', usedWhen: (s) => s.fifo === true, help: 'FIFO topics only: messages with the same body within five minutes are delivered once.' },
    signatureVersion: { kind: 'enum', values: ['1', '2'], label: 'Signature version', help: 'How SNS signs the messages it delivers: 1 (SHA1, the default) or 2 (SHA256).' },
    tracing: { kind: 'enum', values: ['Active', 'PassThrough'], help: 'AWS X-Ray: Active samples and traces published messages; PassThrough only passes a trace header on.' },
    archiveRetentionDays: { kind: 'number', integer: true, min: 1, max: 365, unit: 'days', label: 'Archive retention', usedWhen: (s) => s.fifo === true, help: 'FIFO topics only: keep published messages this many days so subscribers can replay them.' },
    kmsKeyArn: { kind: 'string', label: 'KMS key ARN', help: 'Encrypts messages at rest (unencrypted when unset). The ARN of a customer-managed KMS key (arn:aws:kms:<region>:<account>:key/<id>); may reference another entity (@{id.arn}).' },
    tags: resourceTags,
  },
  'kinesis-stream': {
    streamName: { kind: 'string' },
    streamMode: { kind: 'enum', values: ['PROVISIONED', 'ON_DEMAND'], help: 'ON_DEMAND scales by itself and takes no shard count; unset means provisioned.' },
    shardCount: { kind: 'number', integer: true, min: 1, usedWhen: (s) => s.streamMode !== 'ON_DEMAND', help: 'Provisioned streams only (1 when unset).' },
    retentionPeriodHours: { kind: 'number', integer: true, min: 24, max: 8760, unit: 'h', label: 'Retention period', help: 'How long records stay readable (24 when unset).' },
    encryption: { kind: 'enum', values: ['managed', 'kms', 'none'], help: "Unset: the AWS-managed key except in the China regions (CDK's default). managed: always the AWS-managed key; kms: the key below; none: unencrypted." },
    kmsKeyId: { kind: 'string', label: 'KMS key', usedWhen: (s) => s.encryption === 'kms', help: 'With encryption kms: the key ARN, key id, alias ARN or alias/… name.' },
    removalPolicy,
    tags: resourceTags,
  },
  'eventbridge-bus': {
    eventBusName: { kind: 'string', required: true },
    description: { kind: 'string' },
    eventSourceName: { kind: 'string', label: 'Event source name', help: 'A partner event source (aws.partner/…) this bus receives events from.' },
    deadLetterQueue: { kind: 'ref', to: ['sqs-queue'], label: 'Dead-letter queue', help: 'Where EventBridge puts events it could not deliver to a target.' },
    kmsKeyArn: { kind: 'string', label: 'KMS key ARN', help: 'Encrypts events at rest (an AWS-owned key when unset). The ARN of a customer-managed KMS key (arn:aws:kms:<region>:<account>:key/<id>); may reference another entity (@{id.arn}).' },
    tags: resourceTags,
  },
  'state-machine': {
    stateMachineName: { kind: 'string' },
    stateMachineType: { kind: 'enum', values: ['STANDARD', 'EXPRESS'] },
    definition: { kind: 'string', required: true, multiline: true, help: 'Amazon States Language (JSON).' },
    tracing: { kind: 'boolean', help: 'AWS X-Ray traces of every execution; the state machine role gets the X-Ray permissions.' },
    tags: resourceTags,
    definitionSubstitutions: { kind: 'map', value: { kind: 'string' }, label: 'Definition substitutions', keyHelp: 'Placeholder name', help: 'Values for ${name} placeholders in the definition, e.g. a function ARN (@{fn.arn}).' },
    logging: {
      kind: 'object',
      help: 'Execution history in CloudWatch Logs; the state machine role gets the log delivery permissions.',
      fields: {
        destination: { kind: 'ref', required: true, to: ['log-group'], label: 'Log group' },
        level: { kind: 'enum', values: ['ALL', 'ERROR', 'FATAL', 'OFF'], help: 'Which events are logged (ERROR when unset).' },
        includeExecutionData: { kind: 'boolean', label: 'Include execution data', help: 'Log the input and output of each state, not only the event.' },
      },
    },
  },
  'lambda-function': {
    functionName: { kind: 'string' },
    runtime: { kind: 'string', required: true, suggestions: ['nodejs20.x', 'nodejs22.x', 'python3.12', 'python3.13'] },
    handler: { kind: 'string', required: true },
    code: { kind: 'string', required: true, multiline: true, help: 'Inline source code (leave empty when the code is an asset folder or in S3).' },
    codeAsset: { kind: 'string', help: 'A folder with the function code, relative to the design file; used instead of the inline code.' },
    codeS3: {
      kind: 'object',
      help: 'A zip file in S3 (lambda.Code.fromBucket); used instead of the inline code. Set either this or the asset folder.',
      fields: {
        bucket: { kind: 'string', required: true, intrinsic: true, help: 'Bucket name; may reference another entity (@{id.name}) or be a CloudFormation intrinsic kept from import.' },
        key: { kind: 'string', required: true, intrinsic: true, help: 'Object key of the zip file.' },
        objectVersion: { kind: 'string', intrinsic: true, help: 'Object version, for a versioned bucket.' },
      },
    },
    timeoutSeconds: { kind: 'number', integer: true, min: 1, max: 900, unit: 's' },
    memorySize: { kind: 'number', integer: true, min: 128, max: 10240, unit: 'MB' },
    description: { kind: 'string' },
    architecture: { kind: 'enum', values: ['x86_64', 'arm64'], help: 'The instruction set the function runs on (x86_64 when unset).' },
    reservedConcurrentExecutions: { kind: 'number', integer: true, min: 0, label: 'Reserved concurrency', help: 'Concurrent executions kept for this function, which are also its limit; 0 stops it from running.' },
    ephemeralStorageMB: { kind: 'number', integer: true, min: 512, max: 10240, unit: 'MB', label: 'Ephemeral storage (/tmp)', help: '512 MB when unset.' },
    layers: { kind: 'stringList', help: 'Layer version ARNs (arn:aws:lambda:<region>:<account>:layer:<name>:<version>), at most five, applied in order.' },
    tracing: { kind: 'enum', values: ['Active', 'PassThrough'], help: 'AWS X-Ray: Active samples and traces invocations; PassThrough traces only requests that arrive with a trace header. Either lets the function write traces.' },
    logFormat: { kind: 'enum', values: ['Text', 'JSON'], label: 'Log format', help: 'JSON writes structured log lines (and lets you filter by level); Text when unset.' },
    applicationLogLevel: { kind: 'enum', values: ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL'], label: 'Application log level', usedWhen: (s) => s.logFormat === 'JSON', help: 'JSON logs only: the least severe lines of your code that Lambda keeps (all when unset).' },
    systemLogLevel: { kind: 'enum', values: ['DEBUG', 'INFO', 'WARN'], label: 'System log level', usedWhen: (s) => s.logFormat === 'JSON', help: "JSON logs only: the least severe of Lambda's own lines it keeps (INFO when unset)." },
    logGroup: { kind: 'ref', to: ['log-group'], label: 'Log group', help: 'Write the logs to this log group instead of /aws/lambda/<function name>.' },
    deadLetterQueue: { kind: 'ref', to: ['sqs-queue'], label: 'Dead-letter queue', help: 'Where Lambda sends asynchronous invocations that failed every retry; the function may send to it.' },
    kmsKeyArn: { kind: 'string', label: 'Environment KMS key ARN', help: 'A customer-managed key that encrypts the environment variables at rest (a key Lambda owns when unset).' },
    tags: resourceTags,
    snapStart: { kind: 'boolean', label: 'SnapStart', help: 'Start published versions from a snapshot (Java, Python 3.12+ and .NET 8 runtimes).' },
    runtimeUpdates: { kind: 'enum', values: ['Auto', 'FunctionUpdate'], label: 'Runtime updates', help: 'When Lambda moves the function to a new runtime version: on its own (Auto, the default) or only when the function is updated.' },
    recursiveLoop: { kind: 'enum', values: ['Allow', 'Terminate'], label: 'Recursive loop', help: 'Whether Lambda stops an invocation loop it detects (Terminate, the default) or lets it run.' },
    environment: { kind: 'map', value: { kind: 'string' } },
    manageConnections: { kind: 'boolean', help: 'Allow the function to post messages back to connected clients.' },
    grants: { kind: 'map', value: { kind: 'stringList' }, keyHelp: 'The resource, API or stage granted on.', help: 'CDK grant methods (grantWriteData, grantSendMessages, …) given to this role, per resource; exported as the same grant calls.' },
  },
  'iam-role': {
    roleName: { kind: 'string' },
    description: { kind: 'string' },
    path: { kind: 'string', help: "The role's IAM path, between slashes (/ when unset)." },
    maxSessionDurationSeconds: { kind: 'number', integer: true, min: 3600, max: 43200, unit: 's', label: 'Maximum session duration', help: 'How long a session of this role may last (one hour when unset).' },
    managedPolicyArns: { kind: 'stringList', label: 'Managed policies', help: 'ARNs of managed policies to attach, e.g. arn:@{aws.partition}:iam::aws:policy/AmazonSQSReadOnlyAccess.' },
    permissionsBoundaryArn: { kind: 'string', label: 'Permissions boundary', help: 'ARN of the managed policy that limits what this role may ever do (often required by an organisation).' },
    inlinePolicies: { kind: 'map', value: { kind: 'json' }, label: 'Inline policies', keyHelp: 'Policy name', help: "The role's own policies: each name holds a list of IAM statements." },
    tags: resourceTags,
    existingArn: { kind: 'string', help: 'Use an existing role instead of generating a least-privilege one.' },
    extraStatements: { kind: 'json', label: 'Additional policy statements', help: 'Additional policy statements kept from import.' },
    grants: { kind: 'map', value: { kind: 'stringList' }, keyHelp: 'The resource, API or stage granted on.', help: 'CDK grant methods (grantWriteData, grantSendMessages, …) given to this role, per resource; exported as the same grant calls.' },
  },
  'log-group': {
    logGroupName: { kind: 'string' },
    retentionDays: { kind: 'number', integer: true, min: 1, unit: 'days', usedWhen: (s) => s.neverExpire !== true, help: 'How long CloudWatch keeps each event (731 days, two years, when unset).' },
    neverExpire: { kind: 'boolean', label: 'Never expire', help: 'Keep every event forever (no retention period).' },
    logGroupClass: { kind: 'enum', values: ['STANDARD', 'INFREQUENT_ACCESS'], label: 'Log group class', help: 'Infrequent access costs less to ingest and store, and has no live tail, metric filters or subscription filters. Unset: STANDARD.' },
    kmsKeyArn: { kind: 'string', label: 'KMS key ARN', help: 'Encrypts the log data (the key policy must let CloudWatch Logs use it). The ARN of a customer-managed KMS key (arn:aws:kms:<region>:<account>:key/<id>); may reference another entity (@{id.arn}).' },
    removalPolicy,
    tags: resourceTags,
  },
  existing: {
    kind: {
      kind: 'enum',
      required: true,
      values: RESOURCE_TYPES.filter((t) => t !== 'existing' && t !== 'log-group'),
      help: 'What the existing resource is.',
    },
    arn: { kind: 'string', required: true },
    name: { kind: 'string' },
    url: { kind: 'string', help: 'Queue URL, where the service needs it.' },
  },
}

export const RESOURCE_COMMON_FIELDS: FieldsSpec = {
  type: { kind: 'enum', required: true, values: RESOURCE_TYPES },
  constructId,
}

export function resourceFields(type: ResourceType): FieldsSpec {
  return { ...RESOURCE_COMMON_FIELDS, ...RESOURCE_FIELDS[type], resourceOptions, cfnExtra }
}

export interface FieldPlacement {
  /** The fields the entity uses, in table order. */
  main: string[]
  /** CloudFormation detail, and unused fields that still hold a value. */
  advanced: string[]
}

/** Where the inspector lists each field of `fields` for `entity`: the main form, Advanced, or nowhere. */
export function placeFields(fields: FieldsSpec, entity: Readonly<Record<string, unknown>>): FieldPlacement {
  const main: string[] = []
  const advanced: string[] = []
  for (const [name, spec] of Object.entries(fields)) {
    const used = spec.usedWhen ? spec.usedWhen(entity) : true
    const held = Object.hasOwn(entity, name) && entity[name] !== undefined
    if (!used) {
      if (held) advanced.push(name)
      continue
    }
    const isAdvanced = typeof spec.advanced === 'function' ? spec.advanced(entity) : spec.advanced === true
    ;(isAdvanced ? advanced : main).push(name)
  }
  return { main, advanced }
}

/** Field tables of the entity collections (resources vary by type: see `resourceFields`). */
export const COLLECTION_FIELDS: Record<Exclude<CollectionName, 'resources'>, FieldsSpec> = {
  routes: ROUTE_FIELDS,
  integrations: INTEGRATION_FIELDS,
  authorizers: AUTHORIZER_FIELDS,
  stages: STAGE_FIELDS,
  domains: DOMAIN_FIELDS,
  models: MODEL_FIELDS,
  messages: MESSAGE_FIELDS,
}

/** The field table of one entity of a collection; an unknown resource type has none. */
export function fieldsOf(collection: CollectionName, entity: { type?: unknown }): FieldsSpec {
  if (collection !== 'resources') return COLLECTION_FIELDS[collection]
  return (RESOURCE_TYPES as readonly string[]).includes(entity.type as string) ? resourceFields(entity.type as ResourceType) : {}
}
