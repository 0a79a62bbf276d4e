/** Reading one resource's properties: typed accessors that leave what they do not take for `cfnExtra`. */

import type { Json, JsonObject } from '../model/types'
import { intrinsicKey, isIntrinsic, isObject, type PathSegment } from './intrinsics'

/** A problem with one resource; it is reported and the resource is skipped. */
export class ResourceProblem {
  constructor(
    readonly code: string,
    readonly message: string,
    readonly path: PathSegment[],
  ) {}
}

export function describe(v: Json | undefined): string {
  if (v === undefined) return 'missing'
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'a list'
  if (isObject(v)) return isIntrinsic(v) ? `an intrinsic (${intrinsicKey(v)})` : 'a mapping'
  return `${typeof v} ${JSON.stringify(v).slice(0, 60)}`
}

export function formatPath(path: PathSegment[]): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i ? `.${s}` : s)).join('')
}

/** Reads a resource's properties; what is not taken ends in `cfnExtra`. */
export class Props {
  private readonly used = new Set<string>()
  constructor(
    readonly logicalId: string,
    readonly props: JsonObject,
  ) {}

  has(name: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.props, name)
  }
  raw(name: string): Json | undefined {
    return this.has(name) ? this.props[name] : undefined
  }
  take(name: string): void {
    this.used.add(name)
  }
  /** Whether a property was taken into the model (the rest is kept verbatim). */
  taken(name: string): boolean {
    return this.used.has(name)
  }
  private bad(name: string, expected: string): never {
    throw new ResourceProblem(
      'IMP006',
      `${this.logicalId}: Properties.${name} must be ${expected}, not ${describe(this.props[name])}.`,
      ['Resources', this.logicalId, 'Properties', name],
    )
  }
  /** A literal string (taken); an intrinsic stays for cfnExtra (undefined). */
  str(name: string, required = false): string | undefined {
    const v = this.raw(name)
    if (v === undefined) {
      if (required) this.bad(name, 'a string')
      return undefined
    }
    if (isIntrinsic(v)) return undefined
    this.take(name)
    // CloudFormation reads a number or boolean where a string is expected as its text (`RouteKey: 4711` is "4711").
    if (typeof v === 'number' || typeof v === 'boolean') return String(v)
    if (typeof v !== 'string') this.bad(name, 'a string')
    return v
  }
  /**
   * A required string: a literal is taken; an intrinsic stays verbatim in `cfnExtra` (which overrides the
   * field on export) and the field gets a readable placeholder.
   */
  required(name: string, placeholder: string): string {
    const v = this.raw(name)
    if (v !== undefined && isIntrinsic(v)) {
      const ref = isObject(v) && typeof v.Ref === 'string' ? v.Ref : undefined
      return (ref ?? placeholder).replace(/[^A-Za-z0-9_-]/g, '') || placeholder
    }
    return this.str(name, true) as string
  }
  num(name: string, integer = false): number | undefined {
    const v = this.raw(name)
    if (v === undefined || isIntrinsic(v)) return undefined
    // CloudFormation accepts numbers written as strings; keep those verbatim so they export unchanged.
    if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v)) return undefined
    if (typeof v !== 'number' || (integer && !Number.isInteger(v))) this.bad(name, integer ? 'a whole number' : 'a number')
    this.take(name)
    return v
  }
  bool(name: string): boolean | undefined {
    const v = this.raw(name)
    if (v === undefined || isIntrinsic(v)) return undefined
    if (typeof v === 'string' && (v === 'true' || v === 'false')) return undefined
    if (typeof v !== 'boolean') this.bad(name, 'true or false')
    this.take(name)
    return v
  }
  enumOf<T extends string>(name: string, values: readonly T[]): T | undefined {
    const v = this.raw(name)
    if (v === undefined || isIntrinsic(v)) return undefined
    if (typeof v !== 'string') this.bad(name, `one of ${values.join(', ')}`)
    if (!(values as readonly string[]).includes(v)) return undefined // kept verbatim; the checks will judge it
    this.take(name)
    return v as T
  }
  /** A map of literal strings, or undefined (kept verbatim) when any value is not a literal string. */
  strMap(name: string): Record<string, string> | undefined {
    const v = this.raw(name)
    if (v === undefined || isIntrinsic(v)) return undefined
    if (!isObject(v)) this.bad(name, 'a mapping')
    if (!Object.values(v).every((x) => typeof x === 'string')) return undefined
    this.take(name)
    return Object.fromEntries(Object.entries(v)) as Record<string, string>
  }
  extra(): JsonObject | undefined {
    const entries = Object.entries(this.props).filter(([k]) => !this.used.has(k))
    return entries.length ? (Object.fromEntries(entries) as JsonObject) : undefined
  }
}

export function assignDefined<T extends object>(target: T, values: Partial<T>): T {
  for (const [k, v] of Object.entries(values)) if (v !== undefined) (target as Record<string, unknown>)[k] = v
  return target
}
