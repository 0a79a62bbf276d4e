/**
 * The examples gallery's list: the design files in examples/ (the same files the README and the CLI tests use),
 * each loaded only when picked, so they stay out of the first bundle.
 */
export interface Example {
  id: 'seed' | 'chat' | 'sqs-fan-in' | 'mock-ping' | 'lambda-authorizer'
  title: string
  description: string
}

export const EXAMPLES: readonly Example[] = [
  { id: 'seed', title: 'DynamoDB on connect', description: 'The CDK WebSocketAwsIntegration example: $connect writes the request id into a table through PutItem.' },
  { id: 'chat', title: 'Lambda chat', description: 'Connect, send and disconnect routes on Lambda functions that post back through @connections.' },
  { id: 'sqs-fan-in', title: 'SQS fan-in', description: '$default sends every message to an SQS queue, no Lambda in between.' },
  { id: 'mock-ping', title: 'Mock ping', description: 'A two-way Mock route: ping is answered with pong by API Gateway itself.' },
  { id: 'lambda-authorizer', title: 'Lambda authorizer', description: 'A Lambda REQUEST authorizer guarding $connect.' },
]

const FILES = import.meta.glob<string>('../../../examples/*.yaml', { query: '?raw', import: 'default' })

/** The example's design file text. */
export async function loadExampleText(id: Example['id']): Promise<string> {
  const load = FILES[`../../../examples/${id}.yaml`]
  if (!load) throw new Error(`The example ${id} is missing from the build.`)
  return load()
}
