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
export { OrganizationUserEndpoint } from './endpoints/organization-users.ts'
export { GroupEndpoint, type GroupRef } from './endpoints/groups.ts'
export { OwnerEndpoint, type OwnershipTransferRef, type TransferFilters } from './endpoints/owner.ts'
export { OrganizationWorkspaceEndpoint, type WorkspaceRef } from './endpoints/organization-workspaces.ts'
export { RoleEndpoint } from './endpoints/roles.ts'
export { SegmentationEndpoint } from './endpoints/segmentation.ts'
export { InvitationEndpoint } from './endpoints/invitations.ts'
export { QuotaEndpoint } from './endpoints/quota.ts'
export { PageIterator, type Page } from './endpoints/pages.ts'
export type { CallOptions, ReadOptions } from './endpoints/arguments.ts'
export * from './schemas/index.ts'
