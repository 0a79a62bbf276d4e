/** Code IR → Python source: snake_case members and kwargs, struct classes, `typing.cast`, f-strings. */

import type { Json } from '../../model/types'
import type { CdkModule, Code, Props, Stmt, Symbol } from '../ir/code'
import { PSEUDO_CDK, type Expr } from '../ir/expr'
import { snakeCase } from '../ir/names'
import { pad, wrap } from '../writer/layout'
import { intrinsicCode } from '../ir/intrinsicCode'
import { looksLikeToken, literalSub } from '../ir/tokenLookalikes'
import { pyFStringPart, pyNumber, pyQuote, pyString } from './escape'

const UNIT = '    '

const MODULE: Partial<Record<CdkModule, { alias: string; module: string }>> = {
  apigwv2: { alias: 'apigwv2', module: 'aws_apigatewayv2' },
  dynamodb: { alias: 'dynamodb', module: 'aws_dynamodb' },
  sqs: { alias: 'sqs', module: 'aws_sqs' },
  sns: { alias: 'sns', module: 'aws_sns' },
  kinesis: { alias: 'kinesis', module: 'aws_kinesis' },
  events: { alias: 'events', module: 'aws_events' },
  sfn: { alias: 'sfn', module: 'aws_stepfunctions' },
  lambda: { alias: 'lambda_', module: 'aws_lambda' },
  iam: { alias: 'iam', module: 'aws_iam' },
  logs: { alias: 'logs', module: 'aws_logs' },
  s3: { alias: 's3', module: 'aws_s3' },
  kms: { alias: 'kms', module: 'aws_kms' },
  acm: { alias: 'acm', module: 'aws_certificatemanager' },
}
const NAMED_FROM: Partial<Record<CdkModule, string>> = {
  core: 'aws_cdk',
  integrations: 'aws_cdk.aws_apigatewayv2_integrations',
  authorizers: 'aws_cdk.aws_apigatewayv2_authorizers',
}

export class PyImports {
  readonly modules = new Set<CdkModule>()
  readonly named = new Map<string, Set<string>>()
  typing = false
  json = false
  /** The printed code calls `literal_text` (written once per file by the emitter). */
  literalText = false
  /** The stack file carries the key-restoring synthesizer (`keyRestoringSynthesizer.ts`). */
  restoreKeys = false

  use(sym: Symbol): string {
    const m = MODULE[sym.module]
    if (m) {
      this.modules.add(sym.module)
      return `${m.alias}.${sym.name}`
    }
    this.addNamed(NAMED_FROM[sym.module] ?? 'aws_cdk', sym.name.split('.')[0])
    return sym.name
  }

  addNamed(from: string, name: string): void {
    let names = this.named.get(from)
    if (!names) this.named.set(from, (names = new Set()))
    names.add(name)
  }

  lines(): string[] {
    const out: string[] = []
    const std = [
      ...(this.restoreKeys ? ['import hashlib'] : []),
      ...(this.json || this.restoreKeys ? ['import json'] : []),
      ...(this.restoreKeys ? ['import os'] : []),
      ...(this.typing ? ['import typing'] : []),
      ...(this.literalText ? ['', 'import jsii'] : []),
    ]
    if (std.length) out.push(...std, '')
    const core = [...(this.named.get('aws_cdk') ?? [])].sort()
    const aliased = [...this.modules].sort().map((m) => `${MODULE[m]!.module} as ${MODULE[m]!.alias}`)
    const coreItems = [...core, ...aliased]
    if (coreItems.length) out.push(coreItems.length > 3 ? `from aws_cdk import (\n${coreItems.map((i) => `    ${i},`).join('\n')}\n)` : `from aws_cdk import ${coreItems.join(', ')}`)
    for (const [from, names] of [...this.named.entries()].filter(([f]) => f !== 'aws_cdk').sort(([a], [b]) => (a < b ? -1 : 1))) {
      out.push(`from ${from} import ${[...names].sort().join(', ')}`)
    }
    return out
  }
}

export class PyPrinter {
  constructor(readonly imports: PyImports) {}

  statement(s: Stmt, level: number): string {
    const indent = pad(level, UNIT)
    switch (s.k) {
      case 'const': {
        const name = snakeCase(s.name)
        return `${indent}${name} = ${this.code(s.value, level, indent.length + name.length + 3)}`
      }
      case 'expr':
        return `${indent}${this.code(s.value, level, indent.length)}`
      case 'assign': {
        const target = `${this.code(s.target, level, indent.length)}.${snakeCase(s.prop)}`
        return `${indent}${target} = ${this.code(s.value, level, indent.length + target.length + 3)}`
      }
      case 'comment':
        return `${indent}# ${s.text}`
      case 'blank':
        return ''
    }
  }

  code(c: Code, level: number, column: number): string {
    switch (c.k) {
      case 'str':
        return this.expr(c.expr)
      case 'literalText':
        if (!looksLikeToken(c.text)) return this.text(c.text)
        this.imports.literalText = true
        this.imports.typing = true
        for (const name of ['Token', 'IResolvable', 'IPostProcessor', 'IResolveContext']) this.imports.addNamed('aws_cdk', name)
        return `literal_text(${pyString(c.text)})`
      case 'num':
        return pyNumber(c.value)
      case 'bool':
        return c.value ? 'True' : 'False'
      case 'json':
        return this.json(c.value, level, column)
      case 'map':
        return wrap('{', c.entries.map(([k, v]) => `${pyString(k)}: ${this.code(v, level + 1, 0)}`), '}', level, UNIT, column)
      case 'list':
        return wrap('[', c.items.map((i) => this.code(i, level + 1, 0)), ']', level, UNIT, column)
      case 'struct': {
        if (!c.pyClass) return wrap('{', c.props.map(([k, v]) => `${pyString(snakeCase(k))}: ${this.code(v, level + 1, 0)}`), '}', level, UNIT, column)
        return this.args(`${this.imports.use(c.pyClass)}(`, [], c.props, level, column)
      }
      case 'var':
        return snakeCase(c.name)
      case 'this':
        return 'self'
      case 'sym':
        return this.imports.use(c.sym)
      case 'new':
        return this.args(`${this.imports.use(c.sym)}(`, c.args, c.props, level, column)
      case 'call':
        return this.args(`${this.code(c.target, level, column)}.${snakeCase(c.method)}(`, c.args, c.props, level, column)
      case 'member':
        return `${this.code(c.target, level, column)}.${snakeCase(c.name)}`
      case 'jsonStringify':
        // Compact separators and raw non-ASCII: byte-identical to JavaScript's JSON.stringify.
        this.imports.json = true
        return wrap('json.dumps(', [this.code(c.value, level + 1, 0), 'separators=(",", ":")', 'ensure_ascii=False'], ')', level, UNIT, column)
      case 'cast':
        this.imports.typing = true
        return `typing.cast(${this.imports.use(c.sym)}, ${this.code(c.value, level, column)})`
    }
  }

  /** Positional arguments, then props as keyword arguments (jsii flattens the props struct). */
  private args(head: string, args: Code[], props: Props | undefined, level: number, column: number): string {
    const items = [
      ...args.map((a) => this.code(a, level + 1, 0)),
      ...(props ?? []).map(([k, v]) => `${snakeCase(k)}=${this.code(v, level + 1, 0)}`),
    ]
    return wrap(head, items, ')', level, UNIT, column)
  }

  expr(expr: Expr): string {
    if (expr.length === 0) return '""'
    if (expr.length === 1 && typeof expr[0] === 'string') return this.text(expr[0])
    if (expr.length === 1) return this.part(expr[0] as Exclude<Expr[number], string>)
    if (expr.some((p) => typeof p === 'string' && looksLikeToken(p))) {
      // An f-string would put the look-alike back into a string CDK scans: join the parts instead.
      const items = expr.map((p) => (typeof p === 'string' ? this.text(p) : this.part(p)))
      return `${this.imports.use({ module: 'core', name: 'Fn' })}.join("", [${items.join(', ')}])`
    }
    const q = pyQuote(expr.map((p) => (typeof p === 'string' ? p : '')).join(''))
    return `f${q}${expr.map((p) => (typeof p === 'string' ? pyFStringPart(p, q) : `{${this.part(p)}}`)).join('')}${q}`
  }

  /** Literal text; text CDK would read as a token becomes an `Fn.sub` that evaluates to it. */
  private text(text: string): string {
    if (!looksLikeToken(text)) return pyString(text)
    const sub = literalSub(text)
    const vars = Object.keys(sub.variables).length ? `, {${Object.entries(sub.variables).map(([k, v]) => `${pyString(k)}: ${pyString(v)}`).join(', ')}}` : ''
    return `${this.imports.use({ module: 'core', name: 'Fn' })}.sub(${pyString(sub.body)}${vars})`
  }

  private part(p: Exclude<Expr[number], string>): string {
    return p.kind === 'pseudo' ? `self.${snakeCase(PSEUDO_CDK[p.name])}` : `${snakeCase(p.variable)}.${snakeCase(p.property)}`
  }

  json(value: Json, level: number, column: number): string {
    const intrinsic = intrinsicCode(value)
    if (intrinsic) return this.code(intrinsic, level, column)
    if (value === null) return 'None'
    if (typeof value === 'string') return this.text(value)
    if (typeof value === 'number') return pyNumber(value)
    if (typeof value === 'boolean') return value ? 'True' : 'False'
    if (Array.isArray(value)) return wrap('[', value.map((v) => this.json(v, level + 1, 0)), ']', level, UNIT, column)
    return wrap('{', Object.entries(value).map(([k, v]) => `${pyString(k)}: ${this.json(v, level + 1, 0)}`), '}', level, UNIT, column)
  }
}
