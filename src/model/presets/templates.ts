/**
 * Starter request templates per AWS action (shapes from each service's API; see the reference notes in
 * /work/shared/reference/vtl.md §6). `@{target.x}` is the integration's target resource (see PRESET_TARGET).
 *
 * DynamoDB templates are functions of the table's partition key (name and type), so a preset wired to a table
 * keyed `id` writes `"id": {...}` rather than a name the table does not have.
 *
 * Every string that carries message data goes through `$util.escapeJavaScript(...).replaceAll("\\'","'")`
 * (the documented idiom: escapeJavaScript turns `'` into `\'`, which is not valid JSON) or `$util.urlEncode`
 * for form-encoded services, so the rendered body stays valid whatever the client sends.
 */

/** Java-regex idiom that undoes escapeJavaScript's `\'` (invalid in JSON). */
const UNQUOTE = `.replaceAll("\\\\'","'")`

const esc = (expr: string) => `$util.escapeJavaScript(${expr})${UNQUOTE}`

/** The table's partition key; DynamoDB templates are written against it so requests match the table. */
export interface TableKey {
  name: string
  type: 'S' | 'N' | 'B'
}

export const TEMPLATES = {
  dynamodbPutItemConnect: (k: TableKey) => `{
  "TableName": "@{target.name}",
  "Item": {
    "${k.name}": {"${k.type}": "$context.connectionId"},
    "connectedAt": {"N": "$context.connectedAt"},
    "sourceIp": {"S": "$context.identity.sourceIp"}
  }
}`,
  dynamodbGetItem: (k: TableKey) => `{
  "TableName": "@{target.name}",
  "Key": {"${k.name}": {"${k.type}": "${esc(`$input.path('$.${k.name}')`)}"}}
}`,
  dynamodbUpdateItem: (k: TableKey) => `{
  "TableName": "@{target.name}",
  "Key": {"${k.name}": {"${k.type}": "${esc(`$input.path('$.${k.name}')`)}"}},
  "UpdateExpression": "SET lastMessage = :m, updatedAt = :t",
  "ExpressionAttributeValues": {
    ":m": {"S": "${esc(`$input.path('$.message')`)}"},
    ":t": {"N": "$context.requestTimeEpoch"}
  }
}`,
  dynamodbDeleteItemDisconnect: (k: TableKey) => `{
  "TableName": "@{target.name}",
  "Key": {"${k.name}": {"${k.type}": "$context.connectionId"}}
}`,
  dynamodbQuery: (k: TableKey) => `{
  "TableName": "@{target.name}",
  "KeyConditionExpression": "#k = :k",
  "ExpressionAttributeNames": {"#k": "${k.name}"},
  "ExpressionAttributeValues": {":k": {"${k.type}": "${esc(`$input.path('$.${k.name}')`)}"}},
  "Limit": 50
}`,
  sqsSendMessage:
    'Action=SendMessage' +
    '&MessageBody=$util.urlEncode($input.body)' +
    '&MessageAttribute.1.Name=connectionId' +
    '&MessageAttribute.1.Value.DataType=String' +
    '&MessageAttribute.1.Value.StringValue=$util.urlEncode($context.connectionId)',
  sqsSendMessageFifo:
    'Action=SendMessage' +
    '&MessageBody=$util.urlEncode($input.body)' +
    '&MessageGroupId=$util.urlEncode($context.connectionId)' +
    '&MessageDeduplicationId=$util.urlEncode($context.requestId)' +
    '&MessageAttribute.1.Name=connectionId' +
    '&MessageAttribute.1.Value.DataType=String' +
    '&MessageAttribute.1.Value.StringValue=$util.urlEncode($context.connectionId)',
  snsPublish: 'Action=Publish&TopicArn=$util.urlEncode("@{target.arn}")&Message=$util.urlEncode($input.body)',
  kinesisPutRecord: `{
  "StreamName": "@{target.name}",
  "Data": "$util.base64Encode($input.body)",
  "PartitionKey": "$context.connectionId"
}`,
  eventBridgePutEvents: `{
  "Entries": [{
    "EventBusName": "@{target.name}",
    "Source": "socket-studio.websocket",
    "DetailType": "$context.routeKey",
    "Detail": "${esc('$input.body')}"
  }]
}`,
  stepFunctionsStart: `{
  "stateMachineArn": "@{target.arn}",
  "input": "${esc('$input.body')}"
}`,
  lambdaNonProxy: `{
  "connectionId": "$context.connectionId",
  "routeKey": "$context.routeKey",
  "body": $input.json('$')
}`,
  mock: '{"statusCode": 200}',
} as const
