/**
 * CDK's logical-id algorithm (aws-cdk-lib `core/lib/private/uniqueid.js`), reproduced so the CloudFormation
 * export uses exactly the ids `cdk synth` gives the generated CDK code. Then the two can be compared resource
 * by resource, and switching a stack between the CDK and the plain template keeps every resource.
 */

import { md5Hex } from './md5'

const HIDDEN_ID = 'Default'
const HIDDEN_FROM_HUMAN_ID = 'Resource'
const HASH_LEN = 8
const MAX_HUMAN_LEN = 240
const MAX_ID_LEN = 255

const alphanumeric = (s: string): string => s.replace(/[^A-Za-z0-9]/g, '')

/** `components` is the construct path below the stack, e.g. `['mywsapi', '$connect-Route', 'Resource']`. */
export function makeUniqueId(components: readonly string[]): string {
  const path = components.filter((c) => c !== HIDDEN_ID)
  if (path.length === 1) {
    const candidate = alphanumeric(path[0])
    if (candidate.length <= MAX_ID_LEN) return candidate
  }
  const hash = md5Hex(path.join('/')).slice(0, HASH_LEN).toUpperCase()
  const human: string[] = []
  for (const c of path) if (!human.length || !human[human.length - 1].endsWith(c)) human.push(c)
  return (
    human
      .filter((c) => c !== HIDDEN_FROM_HUMAN_ID)
      .map(alphanumeric)
      .join('')
      .slice(0, MAX_HUMAN_LEN) + hash
  )
}

/** CDK's `Names.nodeUniqueId`: the same algorithm over the full path including the stack. */
export function nodeUniqueId(stackName: string, components: readonly string[]): string {
  return makeUniqueId([stackName, ...components])
}

/** `constructs` replaces `/` in construct ids with `--`. */
export function sanitizeConstructId(id: string): string {
  return id.replace(/\//g, '--')
}
