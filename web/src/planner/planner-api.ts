/**
 * Calls of the planner, scenarios and import/export UI. All go through the one typed client of
 * `lib/api.ts`; request and response types are inferred from the API's routes.
 */
import type { InferRequestType, InferResponseType } from 'hono/client';
import { client, unwrap } from '../lib/api';

export type PlanRequest = InferRequestType<typeof client.api.plan.$post>['json'];
export type PlanResult = InferResponseType<typeof client.api.plan.$post, 200>;
export type PlanProposal = PlanResult['proposed'][number];
export type Scenario = InferResponseType<(typeof client.api.scenarios)[':id']['$get'], 200>;
export type ScenarioSite = Scenario['sites'][number];
export type ScenarioCreate = InferRequestType<typeof client.api.scenarios.$post>['json'];
export type ProposedSiteInput = NonNullable<ScenarioCreate['sites']>[number];
export type Comparison = InferResponseType<(typeof client.api.scenarios)[':id']['compare']['$get'], 200>;
export type CompareQuery = InferRequestType<(typeof client.api.scenarios)[':id']['compare']['$get']>['query'];
export type DemandCollection = InferResponseType<typeof client.api.demand.$get, 200>;
export type CoverageReport = InferResponseType<typeof client.api.coverage.$get, 200>;
export type CoverageQuery = InferRequestType<typeof client.api.coverage.$get>['query'];

export const plannerApi = {
  plan: async (req: PlanRequest) => unwrap(await client.api.plan.$post({ json: req })),
  scenarios: async () => (await unwrap(await client.api.scenarios.$get())).scenarios,
  scenario: async (id: string) => unwrap(await client.api.scenarios[':id'].$get({ param: { id } })),
  createScenario: async (body: ScenarioCreate) => unwrap(await client.api.scenarios.$post({ json: body })),
  updateScenario: async (id: string, patch: InferRequestType<(typeof client.api.scenarios)[':id']['$patch']>['json']) =>
    unwrap(await client.api.scenarios[':id'].$patch({ param: { id }, json: patch })),
  deleteScenario: async (id: string) => unwrap(await client.api.scenarios[':id'].$delete({ param: { id } })),
  compare: async (id: string, query: CompareQuery = {}) =>
    unwrap(await client.api.scenarios[':id'].compare.$get({ param: { id }, query })),
  accept: async (id: string, siteIds?: string[]) =>
    unwrap(await client.api.scenarios[':id'].accept.$post({ param: { id }, json: siteIds ? { siteIds } : {} })),
  unaccept: async (id: string, siteId: string) =>
    unwrap(await client.api.scenarios[':id'].unaccept.$post({ param: { id }, json: { siteId } })),
  demand: async () => unwrap(await client.api.demand.$get()),
  coverage: async (query: CoverageQuery) => unwrap(await client.api.coverage.$get({ query })),
};
