/**
 * Golden files (node-only test support). Every example in `examples/` and every case in goldenCases.ts
 * is exported to every target and shape; outputs live in `src/export/__golden__/<case>/expected/<target>/`.
 * `UPDATE_GOLDEN=1` rewrites them (and the cases' `design.yaml`).
 */

import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { parseDocument } from '../../model/document/parse'
import { serializeDocument } from '../../model/document/serialize'
import type { DesignDocument } from '../../model/types'
import { exportDesign, EXPORT_TARGETS } from '..'
import type { ExportOptions, GeneratedFile } from '../types'
import { ROOT } from './checkDirs'
import { GOLDEN_CASES } from './goldenCases'

export const GOLDEN_DIR = join(ROOT, 'src', 'export', '__golden__')
export const EXAMPLES_DIR = join(ROOT, 'examples')
export const UPDATE = process.env.UPDATE_GOLDEN === '1'

export interface GoldenCase {
  name: string
  document: DesignDocument
  source: string
}

function read(path: string): DesignDocument {
  const parsed = parseDocument(readFileSync(path, 'utf8'))
  if (!parsed.ok) throw new Error(`${path}: ${parsed.errors.map((e) => e.message).join('; ')}`)
  return parsed.document
}

/** Examples first, then the exporter's own cases (their design.yaml is written from goldenCases.ts on update). */
export function goldenCases(): GoldenCase[] {
  const examples = existsSync(EXAMPLES_DIR)
    ? readdirSync(EXAMPLES_DIR)
        .filter((f) => f.endsWith('.yaml'))
        .sort()
        .map((f) => ({ name: `example-${basename(f, '.yaml')}`, document: read(join(EXAMPLES_DIR, f)), source: join(EXAMPLES_DIR, f) }))
    : []
  const own = Object.entries(GOLDEN_CASES).map(([name, make]) => {
    const path = join(GOLDEN_DIR, name, 'design.yaml')
    if (UPDATE) {
      mkdirSync(dirname(path), { recursive: true })
      writeFileSync(path, serializeDocument(make()))
    }
    return { name, document: read(path), source: path }
  })
  return [...examples, ...own]
}

/** The variants golden-tested per target. */
export function variants(target: ExportOptions['target'], document: DesignDocument): { label: string; options: ExportOptions }[] {
  if (target === 'cfn-json' || target === 'cfn-yaml') return [{ label: 'template', options: { target } }]
  if (target === 'asyncapi') return [{ label: 'document', options: { target } }]
  const routeIds = Object.keys(document.design.routes)
  return [
    { label: 'project', options: { target, shape: 'project' } },
    { label: 'snippet', options: { target, shape: 'snippet' } },
    ...(routeIds.length ? [{ label: `route-${routeIds[0]}`, options: { target, shape: 'snippet' as const, routeId: routeIds[0] } }] : []),
  ]
}

export function generate(document: DesignDocument, options: ExportOptions): GeneratedFile[] {
  const result = exportDesign(document, options)
  if (!result.ok) throw new Error(`export failed: ${result.diagnostics.map((d) => `${d.code} ${d.message}`).join('; ')}`)
  return result.files
}

export function expectedDir(caseName: string, target: string, label: string): string {
  return join(GOLDEN_DIR, caseName, 'expected', target, label)
}

export function readExpected(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  const walk = (d: string, prefix: string) => {
    if (!existsSync(d)) return
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const rel = prefix ? `${prefix}/${entry.name}` : entry.name
      if (entry.isDirectory()) walk(join(d, entry.name), rel)
      else out[rel] = readFileSync(join(d, entry.name), 'utf8')
    }
  }
  walk(dir, '')
  return out
}

export function writeExpected(dir: string, files: GeneratedFile[]): void {
  rmSync(dir, { recursive: true, force: true })
  for (const f of files) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true })
    writeFileSync(join(dir, f.path), f.contents)
  }
}

export const TARGET_IDS = EXPORT_TARGETS.map((t) => t.id)
