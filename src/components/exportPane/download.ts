/** Browser-side file delivery for the export pane: download a text file, download several files as a zip, copy text. */
import { strToU8, zipSync, type Zippable } from 'fflate'

export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.rel = 'noopener'
  a.style.display = 'none'
  document.body.appendChild(a)
  a.click()
  a.remove()
  // Revoke after the browser has taken the download.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

export function downloadText(fileName: string, contents: string): void {
  downloadBlob(fileName, new Blob([contents], { type: mimeFor(fileName) }))
}

/** Zips `files` (paths relative to the project root) under a top-level folder `rootFolder/`. */
export function zipFiles(rootFolder: string, files: readonly { path: string; contents: string }[]): Uint8Array {
  const tree: Zippable = {}
  for (const file of files) {
    const path = `${rootFolder}/${file.path.replace(/^\/+/, '')}`
    tree[path] = [strToU8(file.contents), { level: 6 }]
  }
  return zipSync(tree)
}

export function downloadZip(fileName: string, rootFolder: string, files: readonly { path: string; contents: string }[]): void {
  const bytes = zipFiles(rootFolder, files)
  downloadBlob(fileName, new Blob([bytes.slice().buffer as ArrayBuffer], { type: 'application/zip' }))
}

function mimeFor(fileName: string): string {
  if (/\.ya?ml$/i.test(fileName)) return 'application/yaml'
  if (/\.json$/i.test(fileName)) return 'application/json'
  if (/\.py$/i.test(fileName)) return 'text/x-python'
  if (/\.ts$/i.test(fileName)) return 'text/typescript'
  return 'text/plain'
}

/** Copies text; falls back to a hidden textarea + execCommand where the Clipboard API is unavailable or denied. */
export async function copyText(text: string): Promise<void> {
  if (navigator.clipboard?.writeText) {
    try {
      await navigator.clipboard.writeText(text)
      return
    } catch {
      // Permission denied or not focused: try the legacy path below.
    }
  }
  const area = document.createElement('textarea')
  area.value = text
  area.setAttribute('readonly', '')
  area.style.position = 'fixed'
  area.style.opacity = '0'
  document.body.appendChild(area)
  area.select()
  const ok = document.execCommand('copy')
  area.remove()
  if (!ok) throw new Error('The browser did not allow copying to the clipboard.')
}

export function fileBaseName(path: string): string {
  return path.split('/').pop() ?? path
}

export function slug(text: string): string {
  return (
    text
      .trim()
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'api'
  )
}
