/**
 * A tiny, language-neutral description of CDK code: the IR builder decides every construct, prop and
 * escape hatch once as these nodes, and the TypeScript and Python printers only spell them. Names are
 * camelCase here; the Python printer turns members and props into snake_case.
 */

import type { Json } from '../../model/types'
import type { Expr } from './expr'

/** Where a class, enum or function comes from; printers map modules to imports. */
export type CdkModule =
  | 'core'
  | 'apigwv2'
  | 'integrations'
  | 'authorizers'
  | 'dynamodb'
  | 'sqs'
  | 'sns'
  | 'kinesis'
  | 'events'
  | 'sfn'
  | 'lambda'
  | 'iam'
  | 'logs'
  | 's3'
  | 'kms'
  | 'acm'

export interface Symbol {
  module: CdkModule
  /** Dotted name inside the module, e.g. `WebSocketApi`, `AttributeType.STRING`, `Role.fromRoleArn`. */
  name: string
}

export type Code =
  /** A string, possibly interpolating construct attributes and stack pseudo parameters. */
  | { k: 'str'; expr: Expr }
  /**
   * Text CloudFormation takes only as a literal (the template's Description), in a place CDK resolves once.
   * Printed as a plain string unless it looks like a CDK token (`tokenLookalikes.ts`).
   */
  | { k: 'literalText'; text: string }
  | { k: 'num'; value: number }
  | { k: 'bool'; value: boolean }
  /** Plain data (maps with data keys, lists, scalars): printed as object / dict literals, keys never renamed. */
  | { k: 'json'; value: Json }
  /** A map with data keys whose values are code (e.g. request templates with references). */
  | { k: 'map'; entries: [string, Code][] }
  | { k: 'list'; items: Code[] }
  /** A struct: TS object literal with camelCase keys; Python `pyClass(snake_case=…)` or kwargs when passed as props. */
  | { k: 'struct'; pyClass?: Symbol; props: Props }
  | { k: 'var'; name: string }
  | { k: 'this' }
  | { k: 'sym'; sym: Symbol }
  /** `new X(args, {props})` in TS, `X(args, **props)` in Python. */
  | { k: 'new'; sym: Symbol; args: Code[]; props?: Props }
  /** `target.method(args, {props})`. */
  | { k: 'call'; target: Code; method: string; args: Code[]; props?: Props }
  | { k: 'member'; target: Code; name: string }
  /** `(value as Type)` / `typing.cast(Type, value)`. */
  | { k: 'cast'; sym: Symbol; value: Code }
  /** A compact JSON document built from data: `JSON.stringify(…)` / `json.dumps(…, separators=(",", ":"), ensure_ascii=False)`. */
  | { k: 'jsonStringify'; value: Code }

/** Named props in camelCase; undefined values are left out. */
export type Props = [string, Code][]

export type Stmt =
  /** `const name = value` / `name = value`. */
  | { k: 'const'; name: string; value: Code }
  /** An expression evaluated for its effect. */
  | { k: 'expr'; value: Code }
  /** `target.prop = value`. */
  | { k: 'assign'; target: Code; prop: string; value: Code }
  /** A comment line explaining an escape hatch. */
  | { k: 'comment'; text: string }
  | { k: 'blank' }

export const str = (expr: Expr): Code => ({ k: 'str', expr })
export const lit = (text: string): Code => ({ k: 'str', expr: [text] })
export const num = (value: number): Code => ({ k: 'num', value })
export const bool = (value: boolean): Code => ({ k: 'bool', value })
export const v = (name: string): Code => ({ k: 'var', name })
export const sym = (module: CdkModule, name: string): Code => ({ k: 'sym', sym: { module, name } })
export const member = (target: Code, name: string): Code => ({ k: 'member', target, name })
export const call = (target: Code, method: string, args: Code[] = [], props?: Props): Code => ({
  k: 'call',
  target,
  method,
  args,
  props,
})
export const construct = (module: CdkModule, name: string, args: Code[], props?: Props): Code => ({
  k: 'new',
  sym: { module, name },
  args,
  props,
})
export const THIS: Code = { k: 'this' }

/** Props from optional entries, dropping the undefined ones. */
export function props(entries: [string, Code | undefined][]): Props {
  return entries.filter((e): e is [string, Code] => e[1] !== undefined)
}
