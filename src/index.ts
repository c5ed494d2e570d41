export { BasicAuth } from './core/auth.ts'
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
} from './core/errors.ts'
export type { AttemptEvent, EndpointOptions } from './core/options.ts'
export type { QuotaInfo } from './core/quota.ts'
export { createCache, IndexedDbCache, MemoryCache } from './cache/index.ts'
export type { CacheEntry, CacheOptions, TogglCache } from './cache/types.ts'
export { OrganizationEndpoint, type OrganizationRef } from './endpoints/organizations/organizations.ts'
export { OrganizationUserEndpoint } from './endpoints/organizations/organization-users.ts'
export { GroupEndpoint, type GroupRef } from './endpoints/organizations/groups.ts'
export { OwnerEndpoint, type OwnershipTransferRef, type TransferFilters } from './endpoints/organizations/owner.ts'
export { OrganizationWorkspaceEndpoint, type WorkspaceRef } from './endpoints/organizations/organization-workspaces.ts'
export { RoleEndpoint } from './endpoints/organizations/roles.ts'
export { SegmentationEndpoint } from './endpoints/organizations/segmentation.ts'
export { InvitationEndpoint } from './endpoints/organizations/invitations.ts'
export { QuotaEndpoint } from './endpoints/organizations/quota.ts'
export { SummaryReportEndpoint } from './endpoints/reports/summary.ts'
export { DetailedReportEndpoint, type DetailedPage } from './endpoints/reports/detailed.ts'
export { WeeklyReportEndpoint } from './endpoints/reports/weekly.ts'
export type { ReportFormat } from './endpoints/reports/files.ts'
export { PageIterator, type CursorPage, type Page, type PageWalk } from './endpoints/pages.ts'
export type { CallOptions, ReadOptions } from './endpoints/arguments.ts'
export * from './schemas/index.ts'
