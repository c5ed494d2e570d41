export { BasicAuth } from './auth.ts'
export {
  HTTPStatusError,
  InputError,
  NamingError,
  NetworkError,
  PlanRestrictionError,
  QuotaError,
  RateLimitError,
  RequestError,
  ResponseValidationError,
  TimeoutError,
  TogglError,
} from './errors.ts'
export type { AttemptEvent, EndpointOptions } from './options.ts'
export type { QuotaInfo } from './quota.ts'
export { createCache, IndexedDbCache, MemoryCache } from './cache/index.ts'
export type { CacheEntry, CacheOptions, TogglCache } from './cache/types.ts'
export { OrganizationEndpoint, type OrganizationRef } from './endpoints/organizations.ts'
export type { CallOptions, ReadOptions } from './endpoints/arguments.ts'
export {
  CreatedOrganizationSchema,
  OrganizationNameSchema,
  OrganizationSchema,
  WorkspaceNameSchema,
  type CreatedOrganization,
  type TogglOrganization,
} from './schemas/index.ts'
