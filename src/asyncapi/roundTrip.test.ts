/** design → AsyncAPI → design keeps every route, model, reply, stage, authorizer and server message. */

import { describe, expect, it } from 'vitest'
import { goldenCases } from '../export/__tests__/goldenSupport'
import type { Design } from '../model/types'
import { exportAsyncApi } from './exportAsyncApi'
import { importAsyncApi } from './importAsyncApi'
import { parseAsyncApiText } from './importText'
import { printAsyncApi } from './print'

/** What the message contract carries; integrations and resources are not part of it. */
function contract(d: Design) {
  const routes = Object.fromEntries(
    Object.entries(d.routes).map(([id, r]) => {
      const { integration: _i, authorizer, ...rest } = r
      return [id, { ...rest, authorizer: authorizer ? d.authorizers[authorizer]?.type : undefined }]
    }),
  )
  const authorizers = Object.fromEntries(Object.entries(d.authorizers).map(([id, a]) => [id, { ...a, function: undefined }]))
  const stages = Object.fromEntries(Object.entries(d.stages).map(([id, s]) => [id, { ...s, domainMapping: s.domainMapping ? { ...s.domainMapping, domain: d.domains[s.domainMapping.domain]?.domainName } : undefined }]))
  return { api: d.api, routes, models: d.models, messages: d.messages, stages, authorizers, domains: Object.values(d.domains) }
}

describe('AsyncAPI round trip', () => {
  it.each(goldenCases().map((c) => [c.name, c] as const))('%s', (_name, c) => {
    for (const format of ['yaml', 'json'] as const) {
      const text = printAsyncApi(exportAsyncApi(c.document.design), format)
      const parsed = parseAsyncApiText(text)
      if (!parsed.ok) throw new Error(parsed.errors[0].message)
      const r = importAsyncApi(parsed.doc)
      if (!r.ok) throw new Error(r.errors[0].message)
      expect(contract(r.design)).toEqual(contract(c.document.design))
      // Integrations come back as Mock placeholders, shared the way the originals were.
      for (const [id, route] of Object.entries(c.document.design.routes)) {
        expect(!!r.design.routes[id].integration, id).toBe(!!route.integration)
        if (route.integration) expect(r.design.integrations[r.design.routes[id].integration!].type).toBe('mock')
      }
    }
  })
})
