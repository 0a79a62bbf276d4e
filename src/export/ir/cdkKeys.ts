/**
 * Map keys the CDK targets cannot write. CDK rebuilds every object it resolves by assigning keys to a plain
 * object (aws-cdk-lib core/lib/private/resolve.ts), so a `__proto__` key sets a prototype instead and is
 * gone from the template; jsii refuses it outright in Python. A key that looks like a CDK token is resolved
 * as one, and a key must resolve to a plain string. CDK's override merge (`addPropertyOverride`,
 * `addOverride`; core/lib/private/deep-merge.ts) skips `constructor` and `prototype` keys as well. All of
 * these are refused (EXP019) rather than lost: the CloudFormation targets keep them.
 */

import type { Json } from '../../model/types'
import type { Code, Stmt } from './code'
import type { IrContext } from './context'
import { looksLikeToken } from './tokenLookalikes'

export function checkCdkKeys(ctx: IrContext): void {
  const reported = new Set<string>()
  for (const { owner, stmt } of ctx.statements) {
    for (const [key, inOverride] of stmtKeys(stmt)) {
      const why =
        key === '__proto__'
          ? 'CDK drops a `__proto__` key when it resolves the template'
          : looksLikeToken(key)
            ? 'CDK reads it as one of its tokens'
            : inOverride && (key === 'constructor' || key === 'prototype')
              ? "CDK's property-override merge skips it"
              : undefined
      if (!why || reported.has(`${owner}\0${key}`)) continue
      reported.add(`${owner}\0${key}`)
      ctx.cdkDiagnostics.push({
        code: 'EXP019',
        severity: 'error',
        message: `The map key "${key}" cannot be written as CDK code (${why}); export it as CloudFormation, or rename the key.`,
        entity: owner,
      })
    }
  }
}

type Key = [key: string, inOverride: boolean]

const OVERRIDES = new Set(['addPropertyOverride', 'addOverride'])

function* stmtKeys(s: Stmt): Generator<Key> {
  if (s.k === 'const' || s.k === 'expr') yield* codeKeys(s.value, false)
  else if (s.k === 'assign') {
    yield* codeKeys(s.target, false)
    yield* codeKeys(s.value, false)
  }
}

function* codeKeys(c: Code, inOverride: boolean): Generator<Key> {
  switch (c.k) {
    case 'json':
      yield* jsonKeys(c.value, inOverride)
      return
    case 'map':
      for (const [k, v] of c.entries) {
        yield [k, inOverride]
        yield* codeKeys(v, inOverride)
      }
      return
    case 'list':
      for (const i of c.items) yield* codeKeys(i, inOverride)
      return
    case 'struct':
      for (const [, v] of c.props) yield* codeKeys(v, inOverride)
      return
    case 'new':
    case 'call': {
      const override = inOverride || (c.k === 'call' && OVERRIDES.has(c.method))
      if (c.k === 'call') {
        yield* codeKeys(c.target, inOverride)
        // The override's dotted path is a chain of keys too.
        if (override && c.args[0]?.k === 'str' && typeof c.args[0].expr[0] === 'string') for (const k of c.args[0].expr[0].split('.')) yield [k, true]
      }
      for (const a of c.args) yield* codeKeys(a, override)
      for (const [, v] of c.props ?? []) yield* codeKeys(v, override)
      return
    }
    case 'member':
      yield* codeKeys(c.target, inOverride)
      return
    case 'cast':
    case 'jsonStringify':
      yield* codeKeys(c.value, inOverride)
      return
    default:
      return
  }
}

function* jsonKeys(value: Json, inOverride: boolean): Generator<Key> {
  if (Array.isArray(value)) for (const v of value) yield* jsonKeys(v, inOverride)
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      yield [k, inOverride]
      yield* jsonKeys(v, inOverride)
    }
  }
}
