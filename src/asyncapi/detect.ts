/** Cheap detection of AsyncAPI text, kept apart so the app shell can use it without loading the importer. */

/** True when the text is an AsyncAPI document (an `asyncapi:` version field at the top level). */
export function looksLikeAsyncApi(text: string): boolean {
  return /^\s*\{?\s*["']?asyncapi["']?\s*:\s*["']?[0-9]/m.test(text.slice(0, 20_000))
}
