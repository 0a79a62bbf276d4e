/**
 * The `x-amazon-apigateway-*` extensions an AsyncAPI export writes for what AsyncAPI cannot say. Each one carries
 * design fields verbatim, so an import restores them; docs/asyncapi.md documents every name in this table.
 */

export const X = {
  /** info: the API's own fields (`name`, `routeSelectionExpression`, `apiKeySelectionExpression`, …). */
  api: 'x-amazon-apigateway-api',
  /** channel: the `$connect` / `$disconnect` routes, which are not messages (route fields + integration type). */
  lifecycleRoutes: 'x-amazon-apigateway-lifecycle-routes',
  /** operation: the route it stands for (`routeId`, `key`, `integrationType`, model selection, …). */
  route: 'x-amazon-apigateway-route',
  /** server: the stage (all stage fields) or the custom domain it stands for. */
  stage: 'x-amazon-apigateway-stage',
  domain: 'x-amazon-apigateway-domain',
  /** security scheme: the authorizer it stands for; channel: `{ type: 'AWS_IAM' }` for IAM (SigV4) on $connect. */
  authorizer: 'x-amazon-apigateway-authorizer',
  iam: 'x-amazon-apigateway-iam-authorizer',
  /** components.schemas entry: the model (`name`, `contentType`, `description`, and the draft-4 original if changed). */
  model: 'x-amazon-apigateway-model',
  /** message: the server message (`id`) sent through @connections. */
  serverMessage: 'x-amazon-apigateway-server-message',
} as const
