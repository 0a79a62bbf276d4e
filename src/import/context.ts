/**
 * The import's shared state and the vocabulary every mapping step uses: the template's valid resources, which
 * logical id became which entity, the summary, located diagnostics, and design text for string intrinsics
 * (`Ref` / `Fn::GetAtt` / `Fn::Sub` / `Fn::Join` → `@{entity.attribute}`, through src/model/cfnTypes.ts).
 */

import type { Diagnostic } from '../model/diagnostics'
import { getAttAttributeOf, refAttributeOf } from '../model/cfnTypes'
import { escapeRefText } from '../model/refs'
import { uniqueId } from '../model/queries'
import { emptyDesign } from '../model/builders'
import { SourceMap } from '../model/document/sourceMap'
import type { Design, EntityId, Json, JsonObject } from '../model/types'
import { entityIdBase } from './cdkIds'
import { isObject, PSEUDO_PARAMETERS, referencedIds, toPieces, type PathSegment, type Piece } from './intrinsics'
import { formatPath, ResourceProblem, type Props } from './props'
import type { ApiChoice, ImportSummary } from './types'

export const APIGW = 'AWS::ApiGatewayV2::'
export const API_TYPE = `${APIGW}Api`

export interface ResourceEntry {
  logicalId: string
  type: string
  props: JsonObject
  body: JsonObject
}

export class ImportContext {
  readonly diagnostics: Diagnostic[] = []
  readonly summary: ImportSummary = { imported: [], generated: [], verbatim: [], skipped: [] }
  readonly design: Design = emptyDesign('api')
  /** Valid resources in template order. */
  readonly resources = new Map<string, ResourceEntry>()
  /** Logical id → design entity id. */
  readonly entityOf = new Map<string, EntityId>()
  /** Logical ids handled (modelled or generated); the rest is kept verbatim. */
  readonly consumed = new Set<string>()
  /** Function entity → logical id of its generated service role (its default policy may hold grants). */
  readonly functionRoles = new Map<EntityId, string>()
  readonly parameters: Set<string>
  apiId = ''
  apiHuman = ''

  constructor(
    readonly template: JsonObject,
    readonly source: string,
  ) {
    this.parameters = new Set(isObject(template.Parameters) ? Object.keys(template.Parameters) : [])
  }

  // ---------------------------------------------------------------------------- diagnostics

  private sourceMap?: SourceMap
  locate(path: PathSegment[]): { line: number; column: number } | undefined {
    try {
      this.sourceMap ??= new SourceMap(this.source)
      return this.sourceMap.locate(path.map(String))
    } catch {
      return undefined
    }
  }

  report(code: string, severity: Diagnostic['severity'], message: string, path: PathSegment[], entity?: string): void {
    const d: Diagnostic = { code, severity, message, field: formatPath(path) }
    if (entity) d.entity = entity
    if (severity !== 'info') {
      const range = this.locate(path)
      if (range) d.range = range
    }
    this.diagnostics.push(d)
  }

  skip(logicalId: string, type: string | undefined, code: string, message: string, path: PathSegment[]): void {
    this.report(code, 'warning', `${message} The resource is left out; the rest imports.`, path)
    this.summary.skipped.push({ logicalId, type, detail: message })
    this.consumed.add(logicalId)
    this.resources.delete(logicalId)
  }

  webSocketApis(): ApiChoice[] {
    const out: ApiChoice[] = []
    for (const r of this.resources.values()) {
      if (r.type !== API_TYPE || r.props.ProtocolType !== 'WEBSOCKET') continue
      const routes = [...this.resources.values()].filter((x) => x.type === `${APIGW}Route` && this.refersTo(x.props.ApiId, r.logicalId)).length
      out.push({ logicalId: r.logicalId, name: typeof r.props.Name === 'string' ? r.props.Name : undefined, routes })
    }
    return out
  }

  private referrers?: Map<string, ResourceEntry[]>
  /**
   * The resources whose body names `logicalId` (a `Ref`, `Fn::GetAtt` or `Fn::Sub` reference), in template order.
   * The index is built on the first question from the bodies as parsed (the import never edits a body), so a
   * question per role or function costs a lookup, not a walk of every resource: on the 150-route app the walk
   * per service role was 18 ms of the import. Resources skipped since are left out.
   */
  referrersOf(logicalId: string): ResourceEntry[] {
    if (!this.referrers) {
      this.referrers = new Map()
      for (const r of this.resources.values()) {
        for (const id of new Set(referencedIds(r.body).map((x) => x.id))) {
          const list = this.referrers.get(id)
          if (list) list.push(r)
          else this.referrers.set(id, [r])
        }
      }
    }
    return (this.referrers.get(logicalId) ?? []).filter((r) => this.resources.has(r.logicalId))
  }

  refersTo(value: Json | undefined, logicalId: string): boolean {
    return isObject(value) && value.Ref === logicalId && Object.keys(value).length === 1
  }

  refTarget(value: Json | undefined): string | undefined {
    if (isObject(value) && typeof value.Ref === 'string' && Object.keys(value).length === 1) return value.Ref
    return undefined
  }

  getAttTarget(value: Json | undefined, attribute: string): string | undefined {
    const p = value === undefined ? undefined : toPieces(value)
    if (p && p.length === 1 && typeof p[0] !== 'string' && 'getAtt' in p[0] && p[0].attribute === attribute) return p[0].getAtt
    return undefined
  }

  text(value: Json | undefined): string | undefined {
    if (value === undefined) return undefined
    const pieces = toPieces(value)
    if (!pieces) return undefined
    return this.piecesText(pieces)
  }

  piecesText(pieces: Piece[]): string | undefined {
    let out = ''
    for (const p of pieces) {
      if (typeof p === 'string') {
        out += escapeRefText(p)
        continue
      }
      const r = this.pieceRef(p)
      if (!r) return undefined
      out += `@{${r.entity}.${r.attribute}}`
    }
    return out
  }

  pieceRef(p: Exclude<Piece, string>): { entity: string; attribute: string } | undefined {
    if ('ref' in p) {
      const pseudo = PSEUDO_PARAMETERS[p.ref]
      if (pseudo) return { entity: 'aws', attribute: pseudo }
      const entity = this.entityOf.get(p.ref)
      const type = this.resources.get(p.ref)?.type
      const attribute = type ? refAttributeOf(type) : undefined
      if (!entity || !attribute) return undefined
      return { entity, attribute }
    }
    const entity = this.entityOf.get(p.getAtt)
    const type = this.resources.get(p.getAtt)?.type
    if (!entity || !type) return undefined
    const attribute = p.attribute === 'Arn' && !type.startsWith(APIGW) ? 'arn' : getAttAttributeOf(type, p.attribute)
    return attribute ? { entity, attribute } : undefined
  }

  resourceRefs(value: Json | undefined): EntityId[] {
    const pieces = value === undefined ? undefined : toPieces(value)
    const out: EntityId[] = []
    for (const p of pieces ?? []) {
      if (typeof p === 'string') continue
      const id = 'ref' in p ? p.ref : p.getAtt
      const entity = this.entityOf.get(id)
      if (entity && Object.hasOwn(this.design.resources, entity) && !out.includes(entity)) out.push(entity)
    }
    return out
  }

  claim(logicalId: string, entity: EntityId, kind: string): void {
    this.entityOf.set(logicalId, entity)
    this.consumed.add(logicalId)
    const type = this.resources.get(logicalId)?.type
    this.summary.imported.push({ logicalId, type, detail: `${kind} ${entity}` })
  }

  /** Generated resource → the entity whose export writes it again (a verbatim `DependsOn` on it follows the export's id). */
  readonly generatedBy = new Map<string, EntityId>()

  generated(logicalId: string, reason: string, owner?: EntityId): void {
    if (owner) this.generatedBy.set(logicalId, owner)
    this.consumed.add(logicalId)
    this.summary.generated.push({ logicalId, type: this.resources.get(logicalId)?.type, detail: reason })
  }

  keepExtra(target: { cfnExtra?: JsonObject }, p: Props, entity: EntityId): void {
    const extra = p.extra()
    if (!extra) return
    target.cfnExtra = extra
    this.report('IMP020', 'info', `${p.logicalId}: ${Object.keys(extra).join(', ')} kept verbatim.`, ['Resources', p.logicalId, 'Properties'], entity)
  }

  newId(base: string): EntityId {
    return uniqueId(this.design, entityIdBase(base))
  }

  guarded(entry: ResourceEntry, fn: () => void): boolean {
    try {
      fn()
      return true
    } catch (e) {
      if (!(e instanceof ResourceProblem)) throw e
      this.skip(entry.logicalId, entry.type, e.code, e.message, e.path)
      return false
    }
  }

  ofType(type: string): ResourceEntry[] {
    return [...this.resources.values()].filter((r) => r.type === `${APIGW}${type}` && this.refersTo(r.props.ApiId, this.apiLogicalId))
  }

  apiLogicalId = ''

  setApi(logicalId: string): void {
    this.apiLogicalId = logicalId
  }
}
