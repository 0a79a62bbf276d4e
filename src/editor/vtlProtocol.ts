/** Messages between `vtlClient.ts` (main thread) and `vtl.worker.ts`. Types only. */
import type { Diagnostic } from '../model/diagnostics'
import type { ValidateOptions } from '../vtl'

export type VtlValidateOptions = ValidateOptions

export interface VtlWorkerRequest {
  id: number
  text: string
  options: VtlValidateOptions
}

export type VtlWorkerResponse = { id: number; ok: true; diagnostics: Diagnostic[] } | { id: number; ok: false; error: string }
