/**
 * Expr → CloudFormation: a literal stays a string, a lone reference becomes `Ref` / `Fn::GetAtt`, anything
 * mixed becomes `Fn::Sub`. When the literal text itself contains `${`, `Fn::Join` is used instead: Fn::Sub's
 * `${!` escape is only defined for a closed `${!…}`, and Join needs no escaping at all.
 */

import type { Json } from '../../model/types'
import { PSEUDO_CFN, type Expr, type ExprPart } from './expr'

function single(part: Exclude<ExprPart, string>): Json {
  if (part.kind === 'pseudo') return { Ref: PSEUDO_CFN[part.name] }
  return part.attribute ? { 'Fn::GetAtt': [part.logicalId, part.attribute] } : { Ref: part.logicalId }
}

export function cfnValue(expr: Expr): Json {
  if (expr.length === 0) return ''
  if (expr.length === 1) return typeof expr[0] === 'string' ? expr[0] : single(expr[0])
  if (expr.some((p) => typeof p === 'string' && p.includes('${'))) {
    return { 'Fn::Join': ['', expr.map((p) => (typeof p === 'string' ? p : single(p)))] }
  }
  const text = expr
    .map((p) => {
      if (typeof p === 'string') return p
      if (p.kind === 'pseudo') return `\${${PSEUDO_CFN[p.name]}}`
      return p.attribute ? `\${${p.logicalId}.${p.attribute}}` : `\${${p.logicalId}}`
    })
    .join('')
  return { 'Fn::Sub': text }
}

/** A map of design strings with references → CloudFormation values. */
export function cfnMap(entries: [string, Expr][]): { [key: string]: Json } {
  return Object.fromEntries(entries.map(([k, e]) => [k, cfnValue(e)]))
}
