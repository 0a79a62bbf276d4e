/**
 * Browser file plumbing: open and save design files with the File System Access API where the browser has
 * it (the chosen file is remembered so Save writes back to it), download/upload otherwise; and share links
 * that carry the whole design, compressed, in the URL fragment (never sent to a server).
 *
 * The file parser and printer (js-yaml) and the compressor (fflate) are imported when a file, a save or a share
 * link needs them, not at start-up: the first paint of the seed uses none of them (issue 12, initial JS budget).
 */
import type { ParseResult } from '../../model/document/parse'
import type { DesignDocument } from '../../model/types'

const documentParser = () => import('../../model/document/parse')
const documentPrinter = () => import('../../model/document/serialize')
const compressor = () => import('fflate')

/** Design file text → design document (the file parser, loaded on first use). */
export async function parseDesignText(text: string): Promise<ParseResult> {
  return (await documentParser()).parseDocument(text)
}

interface FileHandleLike {
  name: string
  getFile(): Promise<File>
  createWritable?(): Promise<{ write(data: string): Promise<void>; close(): Promise<void> }>
}

type PickerWindow = Window & {
  showOpenFilePicker?: (options?: unknown) => Promise<FileHandleLike[]>
  showSaveFilePicker?: (options?: unknown) => Promise<FileHandleLike>
}

const FILE_TYPES = [{ description: 'socket-studio design', accept: { 'application/yaml': ['.yaml', '.yml'], 'application/json': ['.json'] } }]

let currentHandle: FileHandleLike | undefined

export function hasFileSystemAccess(): boolean {
  return typeof (window as PickerWindow).showOpenFilePicker === 'function'
}

export function forgetFileHandle(): void {
  currentHandle = undefined
}

function isAbort(e: unknown): boolean {
  return e instanceof DOMException && e.name === 'AbortError'
}

/**
 * Lets the person pick a file with the File System Access API; undefined when cancelled. Call `adopt()` once
 * the file opened successfully, so later saves write back to it (a file that failed to open is never
 * overwritten).
 */
export async function pickFileWithFsa(): Promise<{ file: File; adopt: () => void } | undefined | 'unavailable'> {
  const w = window as PickerWindow
  if (!w.showOpenFilePicker) return 'unavailable'
  try {
    const [handle] = await w.showOpenFilePicker({ types: FILE_TYPES, multiple: false })
    const file = await handle.getFile()
    return { file, adopt: () => (currentHandle = handle) }
  } catch (e) {
    if (isAbort(e)) return undefined
    throw e
  }
}

/** A CloudFormation template (JSON or YAML) rather than a design file: it goes to the import. */
export function looksLikeCloudFormation(text: string): boolean {
  if (/^\s*["']?format["']?\s*:\s*["']?socket-studio\/design/m.test(text)) return false
  return /AWSTemplateFormatVersion|["']?Type["']?\s*:\s*["']?AWS::[A-Za-z0-9]+::/.test(text)
}

export type SaveOutcome = { saved: true; name: string; how: 'file' | 'download' } | { saved: false }

/** Saves the document; `saveAs` always asks for a (new) file. */
export async function saveDesign(doc: DesignDocument, fileName: string, saveAs = false): Promise<SaveOutcome> {
  const format = /\.json$/i.test(fileName) ? 'json' : 'yaml'
  const text = (await documentPrinter()).serializeDocument(doc, format)
  const w = window as PickerWindow
  if (w.showSaveFilePicker) {
    try {
      if (!currentHandle?.createWritable || saveAs) currentHandle = await w.showSaveFilePicker({ suggestedName: fileName, types: FILE_TYPES })
      const writable = await currentHandle.createWritable!()
      await writable.write(text)
      await writable.close()
      return { saved: true, name: currentHandle.name, how: 'file' }
    } catch (e) {
      if (isAbort(e)) return { saved: false }
      throw e
    }
  }
  downloadText(text, fileName, format === 'json' ? 'application/json' : 'application/yaml')
  return { saved: true, name: fileName, how: 'download' }
}

export function downloadText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

// ------------------------------------------------------------------------------------------ share links

const SHARE_PREFIX = '#design='

function toBase64Url(bytes: Uint8Array): string {
  let bin = ''
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

function fromBase64Url(text: string): Uint8Array {
  const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'))
  const out = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i)
  return out
}

export async function shareUrl(doc: DesignDocument, base: string = location.href): Promise<string> {
  const [{ deflateSync, strToU8 }, { serializeDocument }] = await Promise.all([compressor(), documentPrinter()])
  const packed = toBase64Url(deflateSync(strToU8(serializeDocument(doc, 'json')), { level: 9 }))
  return `${base.split('#')[0]}${SHARE_PREFIX}${packed}`
}

export const DAMAGED_SHARE_LINK =
  'This share link is damaged or incomplete (it may have been cut off when it was copied), so it holds no design. Your design is unchanged; ask for the link again.'

/**
 * The design carried by a share link's fragment: undefined when there is none, else the parse result. A
 * decompressor or parser chunk that fails to load rejects (the caller says so); a damaged link resolves to DOC001.
 */
export async function readShareFragment(hash: string = location.hash): Promise<ParseResult | undefined> {
  if (!hash.startsWith(SHARE_PREFIX)) return undefined
  const [{ inflateSync, strFromU8 }, { parseDocument }] = await Promise.all([compressor(), documentParser()])
  try {
    return parseDocument(strFromU8(inflateSync(fromBase64Url(hash.slice(SHARE_PREFIX.length)))))
  } catch {
    // The decompressor's own words ("invalid block type") tell a person nothing: say what happened and what to do.
    return {
      ok: false,
      errors: [{ code: 'DOC001', severity: 'error', message: DAMAGED_SHARE_LINK }],
    }
  }
}
