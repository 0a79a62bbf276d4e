/** Constructors for empty designs and a fluent builder for tests and fixtures. */

import type { Design, DesignDocument, Integration, Resource, Route, Stage } from './types'

export function emptyDesign(name = 'myapi'): Design {
  return {
    api: { name, routeSelectionExpression: '$request.body.action' },
    routes: {},
    integrations: {},
    authorizers: {},
    stages: {},
    resources: {},
    domains: {},
    models: {},
    messages: {},
  }
}

export function emptyDocument(name = 'myapi'): DesignDocument {
  return { design: emptyDesign(name), layout: {} }
}

/** `aDesign().withRoute('connect', {key: '$connect'}).build()` — for tests. */
export class DesignBuilder {
  private readonly design: Design
  constructor(name = 'testapi') {
    this.design = emptyDesign(name)
  }
  with(mutate: (d: Design) => void): this {
    mutate(this.design)
    return this
  }
  withRoute(id: string, route: Route): this {
    this.design.routes[id] = route
    return this
  }
  withIntegration(id: string, integration: Integration): this {
    this.design.integrations[id] = integration
    return this
  }
  withStage(id: string, stage: Stage): this {
    this.design.stages[id] = stage
    return this
  }
  withResource(id: string, resource: Resource): this {
    this.design.resources[id] = resource
    return this
  }
  /** A mock-backed route, the smallest route that passes the checks. */
  withMockRoute(id: string, key: string): this {
    this.design.integrations[`${id}Mock`] = {
      type: 'mock',
      requestTemplates: { $default: '{"statusCode": 200}' },
      templateSelectionExpression: '\\$default',
    }
    this.design.routes[id] = { key, integration: `${id}Mock` }
    return this
  }
  build(): Design {
    return structuredClone(this.design)
  }
  buildDocument(): DesignDocument {
    return { design: this.build(), layout: {} }
  }
}

export function aDesign(name?: string): DesignBuilder {
  return new DesignBuilder(name)
}
