/**
 * Strings with references, resolved for export. Every part is either literal text or an attribute of
 * something the stack owns (with both its CloudFormation intrinsic and its CDK property), or a stack
 * pseudo parameter. Printers turn an Expr into `Fn::Sub`, a TS template literal or a Python f-string.
 */

import type { PseudoAttribute } from '../../model/refs'

export interface AttrRef {
  kind: 'attr'
  /** Variable of the construct in the generated code. */
  variable: string
  /** CDK property (camelCase), e.g. `tableName`, `queueArn`. */
  property: string
  /** CloudFormation: `Ref` when `attribute` is absent, otherwise `Fn::GetAtt`. */
  logicalId: string
  attribute?: string
}

export interface PseudoRef {
  kind: 'pseudo'
  name: PseudoAttribute
}

export type ExprPart = string | AttrRef | PseudoRef
export type Expr = ExprPart[]

export const PSEUDO_CFN: Record<PseudoAttribute, string> = {
  region: 'AWS::Region',
  accountId: 'AWS::AccountId',
  partition: 'AWS::Partition',
  urlSuffix: 'AWS::URLSuffix',
  stackName: 'AWS::StackName',
}

/** The Stack property in CDK (`this.region` / `self.region`). */
export const PSEUDO_CDK: Record<PseudoAttribute, string> = {
  region: 'region',
  accountId: 'account',
  partition: 'partition',
  urlSuffix: 'urlSuffix',
  stackName: 'stackName',
}

/** Joins adjacent literals and drops empty ones, so printers see the simplest form. */
export function normalizeExpr(parts: readonly ExprPart[]): Expr {
  const out: Expr = []
  for (const p of parts) {
    if (typeof p === 'string') {
      if (!p) continue
      const last = out[out.length - 1]
      if (typeof last === 'string') out[out.length - 1] = last + p
      else out.push(p)
    } else out.push(p)
  }
  return out
}
