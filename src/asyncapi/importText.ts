/**
 * AsyncAPI text (YAML or JSON, 2.x or 3.x) → design document laid out in columns (src/layout's columnLayout, as the
 * CloudFormation import does: synchronous, deterministic, no elkjs in the CLI or the import worker). 2.x documents are converted to
 * 3.0 with `@asyncapi/converter` (the AsyncAPI project's own converter; it runs in the browser too). Never throws.
 */

import { convert } from '@asyncapi/converter'
import { load } from 'js-yaml'
import { columnLayout } from '../layout/columnLayout'
import type { ImportResult } from '../import/types'
import type { Diagnostic } from '../model/diagnostics'
import type { DesignDocument, Json } from '../model/types'
import { AAI, importAsyncApi } from './importAsyncApi'

export type AsyncApiTextImport = { ok: true; document: DesignDocument; diagnostics: Diagnostic[] } | { ok: false; errors: Diagnostic[] }

/** AsyncAPI files are at most a few hundred KB; this bounds the work a hostile file can cause. */
const MAX_BYTES = 5 * 1024 * 1024

export { looksLikeAsyncApi } from './detect'

export function parseAsyncApiText(text: string): { ok: true; doc: Json; diagnostics: Diagnostic[] } | { ok: false; errors: Diagnostic[] } {
  if (text.length > MAX_BYTES) return { ok: false, errors: [{ code: AAI.notAsyncApi, severity: 'error', message: `The file is larger than ${MAX_BYTES / 1024 / 1024} MB.` }] }
  let doc: unknown
  try {
    doc = text.trimStart().startsWith('{') ? JSON.parse(text) : load(text, { json: true })
  } catch (e) {
    return { ok: false, errors: [{ code: AAI.notAsyncApi, severity: 'error', message: `The file is neither JSON nor YAML: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}` }] }
  }
  const diagnostics: Diagnostic[] = []
  const version = typeof doc === 'object' && doc !== null ? (doc as { asyncapi?: unknown }).asyncapi : undefined
  if (typeof version === 'string' && /^2\./.test(version)) {
    try {
      doc = convert(doc as Parameters<typeof convert>[0], '3.0.0')
      diagnostics.push({ code: AAI.converted, severity: 'info', message: `AsyncAPI ${version} converted to 3.0.0 with @asyncapi/converter.` })
    } catch (e) {
      return { ok: false, errors: [{ code: AAI.version, severity: 'error', message: `AsyncAPI ${version} could not be converted to 3.0: ${e instanceof Error ? e.message : String(e)}` }] }
    }
  }
  return { ok: true, doc: doc as Json, diagnostics }
}

export async function importAsyncApiText(text: string): Promise<AsyncApiTextImport> {
  const parsed = parseAsyncApiText(text)
  if (!parsed.ok) return parsed
  const r = importAsyncApi(parsed.doc)
  if (!r.ok) return r
  return { ok: true, document: { design: r.design, layout: columnLayout(r.design) }, diagnostics: [...parsed.diagnostics, ...r.diagnostics] }
}

/**
 * The AsyncAPI import in the import dialog's result shape (the dialog shows CloudFormation and AsyncAPI imports the
 * same way): every route, model, stage, authorizer and server message is an imported item.
 */
export async function importAsyncApiForDialog(text: string): Promise<ImportResult> {
  const r = await importAsyncApiText(text)
  if (!r.ok) return r
  const d = r.document.design
  const items = (kind: string, ids: Record<string, { name?: string; key?: string }>) =>
    Object.entries(ids).map(([id, e]) => ({ logicalId: id, type: `AsyncAPI ${kind}`, detail: `${kind} ${e.key ?? e.name ?? id}` }))
  return {
    ok: true,
    document: r.document,
    diagnostics: r.diagnostics,
    apiLogicalId: d.api.name,
    format: text.trimStart().startsWith('{') ? 'json' : 'yaml',
    summary: {
      imported: [...items('route', d.routes), ...items('model', d.models), ...items('stage', d.stages), ...items('authorizer', d.authorizers as Record<string, { name?: string }>), ...items('server message', d.messages)],
      generated: Object.keys(d.integrations).map((id) => ({ logicalId: id, type: 'Mock placeholder', detail: 'integration to wire' })),
      verbatim: [],
      skipped: [],
    },
  }
}
