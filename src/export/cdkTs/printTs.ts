/** Code IR → TypeScript source (statements, imports). */

import type { Json } from '../../model/types'
import type { CdkModule, Code, Props, Stmt, Symbol } from '../ir/code'
import { PSEUDO_CDK, type Expr } from '../ir/expr'
import { pad, wrap } from '../writer/layout'
import { intrinsicCode } from '../ir/intrinsicCode'
import { looksLikeToken, literalSub } from '../ir/tokenLookalikes'
import { tsKey, tsNumber, tsString, tsTemplatePart } from './escape'

const UNIT = '  '

/** Namespace imports (`import * as x from …`); the other modules are imported by name. */
const NAMESPACE: Partial<Record<CdkModule, { alias: string; from: string }>> = {
  apigwv2: { alias: 'apigwv2', from: 'aws-cdk-lib/aws-apigatewayv2' },
  dynamodb: { alias: 'dynamodb', from: 'aws-cdk-lib/aws-dynamodb' },
  sqs: { alias: 'sqs', from: 'aws-cdk-lib/aws-sqs' },
  sns: { alias: 'sns', from: 'aws-cdk-lib/aws-sns' },
  kinesis: { alias: 'kinesis', from: 'aws-cdk-lib/aws-kinesis' },
  events: { alias: 'events', from: 'aws-cdk-lib/aws-events' },
  sfn: { alias: 'sfn', from: 'aws-cdk-lib/aws-stepfunctions' },
  lambda: { alias: 'lambda', from: 'aws-cdk-lib/aws-lambda' },
  iam: { alias: 'iam', from: 'aws-cdk-lib/aws-iam' },
  logs: { alias: 'logs', from: 'aws-cdk-lib/aws-logs' },
  s3: { alias: 's3', from: 'aws-cdk-lib/aws-s3' },
  kms: { alias: 'kms', from: 'aws-cdk-lib/aws-kms' },
  acm: { alias: 'acm', from: 'aws-cdk-lib/aws-certificatemanager' },
}
const NAMED_FROM: Partial<Record<CdkModule, string>> = {
  core: 'aws-cdk-lib',
  integrations: 'aws-cdk-lib/aws-apigatewayv2-integrations',
  authorizers: 'aws-cdk-lib/aws-apigatewayv2-authorizers',
}

/** Collects what the printed code uses, to write the import block afterwards. */
export class TsImports {
  readonly namespaces = new Set<CdkModule>()
  readonly named = new Map<string, Set<string>>()
  /** The printed code calls `literalText` (written once per file by the emitter, `TS_LITERAL_TEXT`). */
  literalText = false

  use(sym: Symbol): string {
    const ns = NAMESPACE[sym.module]
    if (ns) {
      this.namespaces.add(sym.module)
      return `${ns.alias}.${sym.name}`
    }
    this.addNamed(NAMED_FROM[sym.module] ?? 'aws-cdk-lib', sym.name.split('.')[0])
    return sym.name
  }

  addNamed(from: string, name: string): void {
    let names = this.named.get(from)
    if (!names) this.named.set(from, (names = new Set()))
    names.add(name)
  }

  lines(): string[] {
    const out: string[] = []
    const named = [...this.named.entries()].sort(([a], [b]) => (a < b ? -1 : 1))
    for (const [from, names] of named.filter(([f]) => f === 'aws-cdk-lib')) out.push(`import { ${[...names].sort().join(', ')} } from '${from}';`)
    for (const m of [...this.namespaces].sort()) out.push(`import * as ${NAMESPACE[m]!.alias} from '${NAMESPACE[m]!.from}';`)
    for (const [from, names] of named.filter(([f]) => f !== 'aws-cdk-lib')) out.push(`import { ${[...names].sort().join(', ')} } from '${from}';`)
    return out
  }
}

export class TsPrinter {
  constructor(readonly imports: TsImports) {}

  statement(s: Stmt, level: number): string {
    const indent = pad(level, UNIT)
    switch (s.k) {
      case 'const': {
        // A top-level cast needs no parentheses: `const x = y as T;`.
        const value = s.value.k === 'cast' ? `${this.code(s.value.value, level, indent.length + s.name.length + 9)} as ${this.imports.use(s.value.sym)}` : this.code(s.value, level, indent.length + s.name.length + 9)
        return `${indent}const ${s.name} = ${value};`
      }
      case 'expr':
        return `${indent}${this.code(s.value, level, indent.length)};`
      case 'assign': {
        const target = `${this.code(s.target, level, indent.length)}.${s.prop}`
        return `${indent}${target} = ${this.code(s.value, level, indent.length + target.length + 3)};`
      }
      case 'comment':
        return `${indent}// ${s.text}`
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
        this.imports.addNamed('aws-cdk-lib', 'Token')
        this.imports.addNamed('aws-cdk-lib', 'IResolveContext')
        return `literalText(${tsString(c.text)})`
      case 'num':
        return tsNumber(c.value)
      case 'bool':
        return String(c.value)
      case 'json':
        return this.json(c.value, level, column)
      case 'map':
        return wrap('{ ', c.entries.map(([k, v]) => `${tsKey(k)}: ${this.code(v, level + 1, 0)}`), ' }', level, UNIT, column)
      case 'list':
        return wrap('[', c.items.map((i) => this.code(i, level + 1, 0)), ']', level, UNIT, column)
      case 'struct':
        return this.props(c.props, level, column)
      case 'var':
        return c.name
      case 'this':
        return 'this'
      case 'sym':
        return this.imports.use(c.sym)
      case 'new': {
        const head = `new ${this.imports.use(c.sym)}(`
        return this.args(head, c.args, c.props, level, column)
      }
      case 'call': {
        const head = `${this.code(c.target, level, column)}.${c.method}(`
        return this.args(head, c.args, c.props, level, column)
      }
      case 'member':
        return `${this.code(c.target, level, column)}.${c.name}`
      case 'cast':
        return `(${this.code(c.value, level, column + 1)} as ${this.imports.use(c.sym)})`
      case 'jsonStringify':
        return wrap('JSON.stringify(', [this.code(c.value, level + 1, 0)], ')', level, UNIT, column).replace(/,\n(\s*)\)$/, '\n$1)')
    }
  }

  private args(head: string, args: Code[], props: Props | undefined, level: number, column: number): string {
    const items = args.map((a) => this.code(a, level + 1, 0))
    if (props?.length) {
      // The props object goes last and opens on the call's line, like hand-written CDK code.
      const open = `${head}${items.length ? `${items.join(', ')}, ` : ''}`
      if (!items.some((i) => i.includes('\n'))) return `${open}${this.props(props, level, column + open.length)})`
      items.push(this.props(props, level + 1, 0))
    }
    return wrap(head, items, ')', level, UNIT, column)
  }

  private props(props: Props, level: number, column: number): string {
    // `{ webSocketApi }` rather than `{ webSocketApi: webSocketApi }`.
    const entries = props.map(([k, v]) => (v.k === 'var' && v.name === k ? k : `${tsKey(k)}: ${this.code(v, level + 1, 0)}`))
    return wrap('{ ', entries, ' }', level, UNIT, column)
  }

  expr(expr: Expr): string {
    if (expr.length === 0) return "''"
    if (expr.length === 1 && typeof expr[0] === 'string') return this.text(expr[0])
    if (expr.length === 1) return this.part(expr[0] as Exclude<Expr[number], string>)
    if (expr.some((p) => typeof p === 'string' && looksLikeToken(p))) {
      // A template literal would put the look-alike back into a string CDK scans: join the parts instead.
      const items = expr.map((p) => (typeof p === 'string' ? this.text(p) : this.part(p)))
      return `${this.imports.use({ module: 'core', name: 'Fn' })}.join('', [${items.join(', ')}])`
    }
    return `\`${expr.map((p) => (typeof p === 'string' ? tsTemplatePart(p) : `\${${this.part(p)}}`)).join('')}\``
  }

  /** Literal text; text CDK would read as a token becomes an `Fn.sub` that evaluates to it. */
  private text(text: string): string {
    if (looksLikeToken(text)) {
      const sub = literalSub(text)
      const vars = Object.keys(sub.variables).length ? `, { ${Object.entries(sub.variables).map(([k, v]) => `${k}: ${tsString(v)}`).join(', ')} }` : ''
      return `${this.imports.use({ module: 'core', name: 'Fn' })}.sub(${tsString(sub.body)}${vars})`
    }
    return text.includes('\n') ? `\`${tsTemplatePart(text, true)}\`` : tsString(text)
  }

  private part(p: Exclude<Expr[number], string>): string {
    return p.kind === 'pseudo' ? `this.${PSEUDO_CDK[p.name]}` : `${p.variable}.${p.property}`
  }

  json(value: Json, level: number, column: number): string {
    const intrinsic = intrinsicCode(value)
    if (intrinsic) return this.code(intrinsic, level, column)
    if (value === null) return 'null'
    if (typeof value === 'string') return looksLikeToken(value) ? this.text(value) : tsString(value)
    if (typeof value === 'number') return tsNumber(value)
    if (typeof value === 'boolean') return String(value)
    if (Array.isArray(value)) return wrap('[', value.map((v) => this.json(v, level + 1, 0)), ']', level, UNIT, column)
    return wrap('{ ', Object.entries(value).map(([k, v]) => `${tsKey(k)}: ${this.json(v, level + 1, 0)}`), ' }', level, UNIT, column)
  }
}
