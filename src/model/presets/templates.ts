/**
 * Starter request templates per AWS action (shapes from each service's API; see the reference notes in
 * /work/shared/reference/vtl.md §6). `@{target.x}` is the integration's target resource (see PRESET_TARGET).
 *
 * Every string that carries message data goes through `$util.escapeJavaScript(...).replaceAll("\\'","'")`
 * (the documented idiom: escapeJavaScript turns `'` into `\'`, which is not valid JSON) or `$util.urlEncode`
 * for form-encoded services, so the rendered body stays valid whatever the client sends.
 */

/** Java-regex idiom that undoes escapeJavaScript's `\'` (invalid in JSON). */
const UNQUOTE = `.replaceAll("\\\\'","'")`

const esc = (expr: string) => `$util.escapeJavaScript(${expr})${UNQUOTE}`

export const TEMPLATES = {
  dynamodbPutItemConnect: `{
  "TableName": "@{target.name}",
  "Item": {
    "connectionId": {"S": "$context.connectionId"},
    "connectedAt": {"N": "$context.connectedAt"},
    "sourceIp": {"S": "$context.identity.sourceIp"}
  }
}`,
  dynamodbGetItem: `{
  "TableName": "@{target.name}",
  "Key": {"id": {"S": "${esc(`$input.path('$.id')`)}"}}
}`,
  dynamodbUpdateItem: `{
  "TableName": "@{target.name}",
  "Key": {"roomId": {"S": "${esc(`$input.path('$.room')`)}"}},
  "UpdateExpression": "SET lastMessage = :m, updatedAt = :t",
  "ExpressionAttributeValues": {
    ":m": {"S": "${esc(`$input.path('$.message')`)}"},
    ":t": {"N": "$context.requestTimeEpoch"}
  }
}`,
  dynamodbDeleteItemDisconnect: `{
  "TableName": "@{target.name}",
  "Key": {"connectionId": {"S": "$context.connectionId"}}
}`,
  dynamodbQuery: `{
  "TableName": "@{target.name}",
  "KeyConditionExpression": "roomId = :r",
  "ExpressionAttributeValues": {":r": {"S": "${esc(`$input.path('$.room')`)}"}},
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
