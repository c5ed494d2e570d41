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
export type { CacheEntry, CacheOptions, CachePlacement, CacheRange, CacheWrite, TogglCache } from './cache/types.ts'
export type { CacheChange, CacheChannel, CacheMessage, QuotaNews } from './cache/channel.ts'
export { OrganizationEndpoint, type OrganizationRef } from './endpoints/organizations/organizations.ts'
export { OrganizationUserEndpoint } from './endpoints/organizations/organization-users.ts'
export { GroupEndpoint, type GroupRef } from './endpoints/organizations/groups.ts'
export { OwnerEndpoint, type OwnershipTransferRef, type TransferFilters } from './endpoints/organizations/owner.ts'
export { OrganizationWorkspaceEndpoint, type WorkspaceRef } from './endpoints/organizations/organization-workspaces.ts'
export { RoleEndpoint } from './endpoints/organizations/roles.ts'
export { SegmentationEndpoint } from './endpoints/organizations/segmentation.ts'
export { InvitationEndpoint } from './endpoints/organizations/invitations.ts'
export { QuotaEndpoint } from './endpoints/organizations/quota.ts'
export { UserEndpoint } from './endpoints/tracking/user.ts'
export { WorkspaceEndpoint } from './endpoints/tracking/workspaces.ts'
export { ProjectEndpoint, type ProjectRef } from './endpoints/tracking/projects.ts'
export { ClientEndpoint, type ClientRef } from './endpoints/tracking/clients.ts'
export { TagEndpoint, type TagRef } from './endpoints/tracking/tags.ts'
export { TaskEndpoint, type TaskRef } from './endpoints/tracking/tasks.ts'
export { WebhookEndpoint, type WebhookSubscriptionRef } from './endpoints/webhooks/subscriptions.ts'
export { SummaryReportEndpoint } from './endpoints/reports/summary.ts'
export { DetailedReportEndpoint, type DetailedPage } from './endpoints/reports/detailed.ts'
export { WeeklyReportEndpoint } from './endpoints/reports/weekly.ts'
export type { ReportFormat } from './endpoints/reports/files.ts'
export { PageIterator, type CursorPage, type Page, type PageWalk } from './endpoints/pages.ts'
export type { CallOptions, ReadOptions } from './endpoints/arguments.ts'
export * from './schemas/index.ts'
export {
  TimeEntryEndpoint,
  TrackerEndpoint,
  type CurrentOptions,
  type TimeEntryRef,
  type TimeEntrySyncOptions,
} from './endpoints/tracking/time-entries.ts'
export type { TimeEntryQuery } from './endpoints/tracking/time-entry-sync.ts'
export type { CatalogueQuery } from './endpoints/tracking/catalogue-sync.ts'
export type { SyncResult } from './endpoints/sync.ts'
