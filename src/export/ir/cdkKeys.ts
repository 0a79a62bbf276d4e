/**
 * Map keys CDK cannot carry, and the stand-in names the CDK targets write them under.
 *
 * CDK rebuilds every object it resolves by assigning keys to a plain object (aws-cdk-lib
 * core/lib/private/resolve.ts), so a `__proto__` key sets a prototype instead and is gone from the template;
 * jsii loses it the same way on the way from Python. A key that looks like a CDK token is resolved as one.
 * CDK's override merge (`addPropertyOverride`, `addOverride`; core/lib/private/deep-merge.ts) skips
 * `constructor` and `prototype` keys as well.
 *
 * The CDK targets write each such key under a stand-in name (`socket_studio_key_1`, never a key the design
 * already has), and the generated stack's synthesizer renames the stand-ins back in the synthesized
 * template before CDK hashes it for the asset manifest (`restoredKeys` in the printers). A snippet has no
 * stack of its own to carry that synthesizer, so a snippet that needs stand-ins is refused (EXP019,
 * `exportDesign.ts`). Keys inside a `jsonStringify` are not touched: they become text, not keys.
 */

import type { Json } from '../../model/types'
import type { Code, Props, Stmt } from './code'
import type { IrContext } from './context'
import { looksLikeToken } from './tokenLookalikes'

/** A stand-in name, the key it stands for, and the design entity where the key first occurs. */
export interface RestoredKey {
  standIn: string
  original: string
  owner: string
}
export type RestoredKeys = RestoredKey[]

const OVERRIDES = new Set(['addPropertyOverride', 'addOverride'])

/** Why CDK cannot carry `key`, or undefined when it can. */
export function unwritableKeyReason(key: string, inOverride: boolean): string | undefined {
  if (key === '__proto__') return 'CDK drops a `__proto__` key when it resolves the template'
  if (looksLikeToken(key)) return 'CDK reads it as one of its tokens'
  if (inOverride && (key === 'constructor' || key === 'prototype')) return "CDK's property-override merge skips it"
  return undefined
}

/** Rewrites the statements' unwritable keys to stand-ins; returns the stand-ins the synthesizer must restore. */
export function escapeCdkKeys(ctx: IrContext): RestoredKeys {
  // The synthesizer renames every key equal to a stand-in, so a stand-in must be no text the design has.
  // Collected only once a key needs a stand-in: nearly every design has none.
  let used: Set<string> | undefined
  const usedText = (): Set<string> => {
    if (!used) {
      used = new Set<string>()
      for (const { stmt } of ctx.statements) collectText(stmt, used)
    }
    return used
  }

  const standIns = new Map<string, RestoredKey>()
  let next = 0
  let owner = ''
  const rewrite = new KeyRewriter((key, inOverride) => {
    if (!unwritableKeyReason(key, inOverride)) return key
    let restored = standIns.get(key)
    if (!restored) {
      let standIn: string
      do standIn = `socket_studio_key_${++next}`
      while (usedText().has(standIn))
      restored = { standIn, original: key, owner }
      standIns.set(key, restored)
    }
    return restored.standIn
  })
  for (let i = 0; i < ctx.statements.length; i++) {
    const owned = ctx.statements[i]
    owner = owned.owner
    const stmt = rewrite.stmt(owned.stmt)
    if (stmt !== owned.stmt) ctx.statements[i] = { ...owned, stmt }
  }
  return [...standIns.values()]
}

/** Maps every data key CDK will resolve (object keys, override path segments); returns the same node when nothing changed. */
class KeyRewriter {
  constructor(private readonly key: (key: string, inOverride: boolean) => string) {}

  stmt(s: Stmt): Stmt {
    switch (s.k) {
      case 'const':
      case 'expr': {
        const value = this.code(s.value, false)
        return value === s.value ? s : { ...s, value }
      }
      case 'assign': {
        const target = this.code(s.target, false)
        const value = this.code(s.value, false)
        return target === s.target && value === s.value ? s : { ...s, target, value }
      }
      default:
        return s
    }
  }

  code(c: Code, inOverride: boolean): Code {
    switch (c.k) {
      case 'json': {
        const value = this.json(c.value, inOverride)
        return value === c.value ? c : { k: 'json', value }
      }
      case 'map': {
        let changed = false
        const entries = c.entries.map(([k, v]): [string, Code] => {
          const key = this.key(k, inOverride)
          const value = this.code(v, inOverride)
          if (key !== k || value !== v) changed = true
          return [key, value]
        })
        return changed ? { k: 'map', entries } : c
      }
      case 'list': {
        const items = this.codes(c.items, inOverride)
        return items === c.items ? c : { k: 'list', items }
      }
      case 'struct': {
        const props = this.props(c.props, inOverride)
        return props === c.props ? c : { ...c, props: props ?? [] }
      }
      case 'new': {
        const args = this.codes(c.args, inOverride)
        const props = this.props(c.props, inOverride)
        return args === c.args && props === c.props ? c : { ...c, args, props }
      }
      case 'call': {
        const override = inOverride || OVERRIDES.has(c.method)
        const target = this.code(c.target, inOverride)
        let args = this.codes(c.args, override)
        // The override's dotted path is a chain of keys too, and a tag's key becomes a key of the Tags map.
        const first = c.args[0]
        if (first?.k === 'str' && first.expr.length === 1 && typeof first.expr[0] === 'string') {
          const text = first.expr[0]
          const rewritten = OVERRIDES.has(c.method) ? this.path(text) : isTagAdd(c) ? this.key(text, false) : text
          if (rewritten !== text) args = [{ k: 'str', expr: [rewritten] }, ...args.slice(1)]
        }
        const props = this.props(c.props, override)
        return target === c.target && args === c.args && props === c.props ? c : { ...c, target, args, props }
      }
      case 'member': {
        const target = this.code(c.target, inOverride)
        return target === c.target ? c : { ...c, target }
      }
      case 'cast': {
        const value = this.code(c.value, inOverride)
        return value === c.value ? c : { ...c, value }
      }
      default:
        // `jsonStringify` holds keys that become text; the other kinds hold no keys.
        return c
    }
  }

  /** An override path: segments split at unescaped dots, as CDK's `addOverride` splits them. */
  private path(path: string): string {
    const segments = path.split(/(?<!\\)\./)
    const out = segments.map((s) => {
      const key = s.replace(/\\\./g, '.')
      const mapped = this.key(key, true)
      return mapped === key ? s : mapped
    })
    return out.some((s, i) => s !== segments[i]) ? out.join('.') : path
  }

  private codes(items: Code[], inOverride: boolean): Code[] {
    return mapSame(items, (i) => this.code(i, inOverride))
  }

  private props(props: Props | undefined, inOverride: boolean): Props | undefined {
    if (!props) return props
    return mapSame(props, (p) => {
      const c = this.code(p[1], inOverride)
      return c === p[1] ? p : [p[0], c]
    })
  }

  private json(value: Json, inOverride: boolean): Json {
    if (Array.isArray(value)) return mapSame(value, (v) => this.json(v, inOverride))
    if (!value || typeof value !== 'object') return value
    let changed = false
    // Object.fromEntries defines own properties, so a kept `__proto__` key stays a key.
    const out = Object.fromEntries(
      Object.entries(value).map(([k, v]) => {
        const key = this.key(k, inOverride)
        const j = this.json(v, inOverride)
        if (key !== k || j !== v) changed = true
        return [key, j]
      }),
    )
    return changed ? out : value
  }
}

/** `items.map(f)`, or `items` itself when `f` returned every item unchanged. */
function mapSame<T>(items: T[], f: (item: T) => T): T[] {
  let changed = false
  const out = items.map((i) => {
    const r = f(i)
    if (r !== i) changed = true
    return r
  })
  return changed ? out : items
}

/** `Tags.of(x).add(key, value)`. */
function isTagAdd(c: Extract<Code, { k: 'call' }>): boolean {
  const of = c.target
  return c.method === 'add' && of.k === 'call' && of.method === 'of' && of.target.k === 'sym' && of.target.sym.name === 'Tags'
}

/** Every literal text of a statement: keys, strings, override paths and tag keys alike. */
function collectText(s: Stmt, into: Set<string>): void {
  const visit = (value: unknown): void => {
    if (typeof value === 'string') into.add(value)
    else if (Array.isArray(value)) for (const v of value) visit(v)
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        into.add(k)
        visit(v)
      }
    }
  }
  visit(s)
}
