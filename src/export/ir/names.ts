/**
 * Identifier spelling shared by the printers: camelCase variables for TypeScript, snake_case for Python,
 * PascalCase construct ids. Variables are reserved in both spellings at once, so two design ids that
 * differ only in case or punctuation never produce the same name in either language.
 */

const TS_RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for function if ' +
    'import in instanceof new null return super switch this throw true try typeof var void while with as implements interface ' +
    'let package private protected public static yield any boolean number string symbol type from of await async constructor ' +
    'undefined arguments eval'
  ).split(' '),
)

export const PY_KEYWORDS = new Set(
  (
    'False None True and as assert async await break class continue def del elif else except finally for from global if import ' +
    'in is lambda nonlocal not or pass raise return try while with yield match case type print self'
  ).split(' '),
)

/** Names the generated files import or define; a variable must never shadow them. */
const MODULE_NAMES = new Set(
  (
    'apigwv2 dynamodb sqs sns kinesis events sfn lambda lambda_ iam logs acm json typing cdk Stack App Duration RemovalPolicy ' +
    'Tags CfnResource CfnOutput Construct constructs aws_cdk scope id props kwargs os sys JSON'
  ).split(' '),
)

function words(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
}

export function pascalCase(text: string): string {
  const out = words(text)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('')
  return /^[A-Za-z]/.test(out) ? out : `X${out}`
}

export function camelCase(text: string): string {
  const p = pascalCase(text)
  return p[0].toLowerCase() + p.slice(1)
}

/** Python's hard keywords (`keyword.kwlist`): jsii appends `_` to props and members named like them. */
const PY_HARD_KEYWORDS = new Set(
  'False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield'.split(' '),
)

/** `apiRole` → `api_role`, `webSocketApi` → `web_socket_api`; hard keywords get a trailing `_` (as jsii does). */
const snakeCache = new Map<string, string>()

export function snakeCase(text: string): string {
  const cached = snakeCache.get(text)
  if (cached !== undefined) return cached
  const s = text
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1_$2')
    .toLowerCase()
  const out = PY_HARD_KEYWORDS.has(s) ? `${s}_` : s
  // Names repeat a lot (props, members); the cache is bounded by the vocabulary of one design.
  if (snakeCache.size < 50_000) snakeCache.set(text, out)
  return out
}

/** Hands out variable names unique in both camelCase and snake_case spelling. */
export class NameRegistry {
  private readonly camel = new Set<string>()
  private readonly snake = new Set<string>()

  take(preferred: string, fallbackSuffix: string): string {
    const base = camelCase(preferred)
    const candidates = [base, camelCase(`${preferred} ${fallbackSuffix}`)]
    for (const c of candidates) if (this.free(c)) return this.claim(c)
    for (let n = 2; ; n++) {
      const c = `${candidates[1]}${n}`
      if (this.free(c)) return this.claim(c)
    }
  }

  private free(name: string): boolean {
    return (
      !TS_RESERVED.has(name) &&
      !MODULE_NAMES.has(name) &&
      !PY_KEYWORDS.has(name) &&
      !this.camel.has(name) &&
      !this.snake.has(snakeCase(name))
    )
  }

  private claim(name: string): string {
    this.camel.add(name)
    this.snake.add(snakeCase(name))
    return name
  }
}
