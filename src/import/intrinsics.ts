/**
 * CloudFormation intrinsic functions as the importer sees them: detection, the logical ids a value refers
 * to, and flattening `Fn::Join` / `Fn::Sub` / `Ref` / `Fn::GetAtt` into text with references, so a
 * template or URI can become a design string with `@{entity.attribute}` references.
 */

import type { Json, JsonObject } from '../model/types'
import { INTRINSIC_KEYS } from './parseTemplate'

export const PSEUDO_PARAMETERS: Record<string, string | undefined> = {
  'AWS::Region': 'region',
  'AWS::AccountId': 'accountId',
  'AWS::Partition': 'partition',
  'AWS::URLSuffix': 'urlSuffix',
  'AWS::StackName': 'stackName',
  'AWS::StackId': undefined,
  'AWS::NotificationARNs': undefined,
  'AWS::NoValue': undefined,
}

export function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** The single key of an intrinsic-looking object (`{"Ref": …}`, `{"Fn::X": …}`), else undefined. */
export function intrinsicKey(v: Json | undefined): string | undefined {
  if (!isObject(v)) return undefined
  const keys = Object.keys(v)
  if (keys.length !== 1) return undefined
  const k = keys[0]
  return k === 'Ref' || k === 'Condition' || k.startsWith('Fn::') ? k : undefined
}

export function isIntrinsic(v: Json | undefined): boolean {
  const k = intrinsicKey(v)
  return k !== undefined && k !== 'Condition'
}

/** One step of a path to a value inside a template. */
export type PathSegment = string | number

/**
 * Walks a value depth-first; `visit` sees every node with its path and returns false to skip the node's
 * children. The path array is shared and changes as the walk goes on: copy it to keep it. (One array for the
 * whole walk instead of a copy per node: an import walks every value of the template several times.)
 * Iterative, so deeply nested input cannot overflow the stack.
 */
export function walkJson(value: Json, visit: (v: Json, path: readonly PathSegment[]) => boolean | void, base: readonly PathSegment[] = []): void {
  const path: PathSegment[] = [...base]
  // Pending nodes: value, its key in the parent, and its depth below `base` (0 for the root).
  const values: Json[] = [value]
  const keys: PathSegment[] = [0]
  const depths: number[] = [0]
  while (values.length) {
    const v = values.pop() as Json
    const key = keys.pop() as PathSegment
    const depth = depths.pop() as number
    if (depth > 0) {
      path.length = base.length + depth - 1
      path.push(key)
    }
    if (visit(v, path) === false) continue
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) {
        values.push(v[i])
        keys.push(i)
        depths.push(depth + 1)
      }
    } else if (isObject(v)) {
      const names = Object.keys(v)
      for (let i = names.length - 1; i >= 0; i--) {
        values.push(v[names[i]])
        keys.push(names[i])
        depths.push(depth + 1)
      }
    }
  }
}

/** The first unknown `Fn::` function in a value, with its path. */
export function findUnknownIntrinsic(value: Json, base: PathSegment[] = []): { name: string; path: PathSegment[] } | undefined {
  let found: { name: string; path: PathSegment[] } | undefined
  walkJson(
    value,
    (v, p) => {
      if (found) return false
      if (!isObject(v)) return
      for (const k of Object.keys(v)) {
        if (k.startsWith('Fn::') && !INTRINSIC_KEYS.has(k)) {
          found = { name: k, path: [...p, k] }
          return false
        }
      }
    },
    base,
  )
  return found
}

export interface SubVariable {
  name: string
  /** `A.B` form: the attribute. */
  attribute?: string
}

export type SubPart = string | SubVariable

/** Splits `Fn::Sub` text into literal text and `${…}` variables; `${!x}` is the literal `${x}`. */
export function parseSub(text: string): SubPart[] | undefined {
  const parts: SubPart[] = []
  let literal = ''
  let i = 0
  while (i < text.length) {
    const open = text.indexOf('${', i)
    if (open < 0) {
      literal += text.slice(i)
      break
    }
    literal += text.slice(i, open)
    const close = text.indexOf('}', open + 2)
    if (close < 0) return undefined
    const inner = text.slice(open + 2, close)
    if (inner.startsWith('!')) {
      literal += `\${${inner.slice(1)}}`
    } else {
      const name = inner.trim()
      if (!name) return undefined
      if (literal) parts.push(literal)
      literal = ''
      const dot = name.startsWith('AWS::') ? -1 : name.indexOf('.')
      parts.push(dot < 0 ? { name } : { name: name.slice(0, dot), attribute: name.slice(dot + 1) })
    }
    i = close + 1
  }
  if (literal) parts.push(literal)
  return parts
}

/** Logical ids (and pseudo parameters, parameter names) a value refers to, with the path of each reference. */
export function referencedIds(value: Json, base: PathSegment[] = []): { id: string; path: PathSegment[] }[] {
  const out: { id: string; path: PathSegment[] }[] = []
  walkJson(
    value,
    (v, p) => {
      const k = intrinsicKey(v)
      if (!k || !isObject(v)) return
      const arg = v[k]
      if (k === 'Ref' && typeof arg === 'string') out.push({ id: arg, path: [...p] })
      else if (k === 'Fn::GetAtt') {
        if (Array.isArray(arg) && typeof arg[0] === 'string') out.push({ id: arg[0], path: [...p] })
        else if (typeof arg === 'string') out.push({ id: arg.split('.')[0], path: [...p] })
      } else if (k === 'Fn::Sub') {
        const text = typeof arg === 'string' ? arg : Array.isArray(arg) && typeof arg[0] === 'string' ? arg[0] : undefined
        const vars = Array.isArray(arg) && isObject(arg[1]) ? arg[1] : {}
        for (const part of text !== undefined ? (parseSub(text) ?? []) : []) {
          if (typeof part !== 'string' && !Object.prototype.hasOwnProperty.call(vars, part.name)) out.push({ id: part.name, path: [...p] })
        }
      }
    },
    base,
  )
  return out
}

/** A piece of flattened text: literal text or a reference. */
export type Piece = string | { ref: string } | { getAtt: string; attribute: string }

/**
 * Flattens a string-valued expression into pieces. Handles plain strings, `Ref`, `Fn::GetAtt`, `Fn::Join`
 * (any delimiter, nested) and `Fn::Sub` (string or `[text, variables]`). Anything else → undefined.
 */
export function toPieces(value: Json, depth = 0): Piece[] | undefined {
  if (depth > 16) return undefined
  if (typeof value === 'string') return [value]
  const k = intrinsicKey(value)
  if (!k || !isObject(value)) return undefined
  const arg = value[k]
  switch (k) {
    case 'Ref':
      return typeof arg === 'string' ? [{ ref: arg }] : undefined
    case 'Fn::GetAtt': {
      if (Array.isArray(arg) && arg.length === 2 && typeof arg[0] === 'string' && typeof arg[1] === 'string') {
        return [{ getAtt: arg[0], attribute: arg[1] }]
      }
      // The long form also accepts "Resource.Attribute" as one string.
      if (typeof arg === 'string' && arg.indexOf('.') > 0) return [{ getAtt: arg.slice(0, arg.indexOf('.')), attribute: arg.slice(arg.indexOf('.') + 1) }]
      return undefined
    }
    case 'Fn::Join': {
      if (!Array.isArray(arg) || arg.length !== 2 || typeof arg[0] !== 'string' || !Array.isArray(arg[1])) return undefined
      const out: Piece[] = []
      for (const [i, item] of arg[1].entries()) {
        if (i > 0 && arg[0]) out.push(arg[0])
        const p = toPieces(item, depth + 1)
        if (!p) return undefined
        out.push(...p)
      }
      return mergeLiterals(out)
    }
    case 'Fn::Sub': {
      const text = typeof arg === 'string' ? arg : Array.isArray(arg) && typeof arg[0] === 'string' ? arg[0] : undefined
      if (text === undefined) return undefined
      const vars = Array.isArray(arg) ? arg[1] : undefined
      if (Array.isArray(arg) && arg.length !== 2) return undefined
      if (vars !== undefined && !isObject(vars)) return undefined
      const parts = parseSub(text)
      if (!parts) return undefined
      const out: Piece[] = []
      for (const part of parts) {
        if (typeof part === 'string') out.push(part)
        else if (vars && Object.prototype.hasOwnProperty.call(vars, part.name)) {
          if (part.attribute) return undefined
          const p = toPieces(vars[part.name], depth + 1)
          if (!p) return undefined
          out.push(...p)
        } else if (part.attribute) out.push({ getAtt: part.name, attribute: part.attribute })
        else out.push({ ref: part.name })
      }
      return mergeLiterals(out)
    }
    default:
      return undefined
  }
}

function mergeLiterals(pieces: Piece[]): Piece[] {
  const out: Piece[] = []
  for (const p of pieces) {
    if (p === '') continue
    const last = out[out.length - 1]
    if (typeof p === 'string' && typeof last === 'string') out[out.length - 1] = last + p
    else out.push(p)
  }
  return out
}
