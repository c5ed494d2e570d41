export {
  ClientNameSchema,
  FullNameSchema,
  GroupNameSchema,
  OrganizationNameSchema,
  ProjectNameSchema,
  TagNameSchema,
  TaskNameSchema,
  WorkspaceNameSchema,
} from './names.ts'
export {
  CreatedOrganizationSchema,
  OrganizationListSchema,
  OrganizationSchema,
  type CreatedOrganization,
  type TogglOrganization,
} from './organizations/organizations.ts'
export { GroupPatchResultSchema, OrganizationGroupSchema } from './organizations/groups.ts'
export type { GroupFilters, GroupInput, GroupPatchOperation, GroupPatchResult, OrganizationGroup } from './organizations/groups.ts'
export { InvitationResultSchema } from './organizations/invitations.ts'
export type { InvitationInfo, InvitationInput, InvitationResult, SentInvitation } from './organizations/invitations.ts'
export { OrganizationOwnerSchema, OwnershipTransferSchema } from './organizations/owner.ts'
export type { OrganizationOwner, OwnershipTransfer } from './organizations/owner.ts'
export { RoleSchema, type TogglRole } from './organizations/roles.ts'
export { OrganizationSegmentationSchema } from './organizations/segmentation.ts'
export type { OrganizationSegmentation, SegmentationInput } from './organizations/segmentation.ts'
export { OrganizationUserSchema } from './organizations/organization-users.ts'
export type {
  OrganizationUser,
  OrganizationUserChanges,
  OrganizationUserWorkspaceChange,
  UserFilters,
  UserListing,
  UserPageQuery,
  UserStatus,
} from './organizations/organization-users.ts'
export { WorkspaceSchema, WorkspaceStatisticsSchema, WorkspaceUserSchema } from './organizations/organization-workspaces.ts'
export type { TogglWorkspace, WorkspaceInput, WorkspaceStatistics, WorkspaceUser, WorkspaceUserFilters } from './organizations/organization-workspaces.ts'
export { PreferencesSchema, UserSchema, UserWithRelatedDataSchema } from './tracking/user.ts'
export type { PreferenceChanges, TogglPreferences, TogglUser, TogglUserWithRelatedData, UserChanges, UserQuery } from './tracking/user.ts'
export { ListedWorkspaceSchema, TrackerConstraintsSchema, WorkspaceMemberSchema } from './tracking/workspaces.ts'
export type {
  ListedWorkspace,
  MyWorkspaceFilters,
  TrackerConstraints,
  WorkspaceChanges,
  WorkspaceMember,
  WorkspaceMemberFilters,
} from './tracking/workspaces.ts'
export { ColorInputSchema, ProjectSchema } from './tracking/projects.ts'
export type {
  MyProjectFilters,
  ProjectChanges,
  ProjectDeletion,
  ProjectFilters,
  ProjectInput,
  ProjectPatchOperation,
  TogglProject,
} from './tracking/projects.ts'
export { ClientSchema } from './tracking/clients.ts'
export type { ClientFilters, ClientInput, ClientRestore, MyClientFilters, TogglClient } from './tracking/clients.ts'
export { TagSchema } from './tracking/tags.ts'
export type { MyTagFilters, TagFilters, TogglTag } from './tracking/tags.ts'
export { TaskSchema } from './tracking/tasks.ts'
export type { MyTaskFilters, TaskChanges, TaskFilters, TaskInput, TaskPatchOperation, TogglTask } from './tracking/tasks.ts'
export { BulkPatchResultSchema } from './tracking/patch.ts'
export type { BulkPatchResult, PatchOperation } from './tracking/patch.ts'
export { CurrentTimeEntrySchema, elapsedSeconds, isRunning, TimeEntryPatchResultSchema, TimeEntrySchema } from './tracking/time-entries.ts'
export type {
  TimeEntryChanges,
  TimeEntryInput,
  TimeEntryPatchOperation,
  TimeEntryPatchPath,
  TimeEntryPatchResult,
  TimeEntryRange,
  TimeEntryStart,
  TogglTimeEntry,
} from './tracking/time-entries.ts'
export {
  WebhookEventFiltersSchema,
  WebhookLimitsSchema,
  WebhookStatusSchema,
  WebhookSubscriptionInputSchema,
  WebhookSubscriptionSchema,
} from './webhooks/subscriptions.ts'
export type { WebhookEntity, WebhookEventFilter, WebhookLimits, WebhookStatus, WebhookSubscription, WebhookSubscriptionInput } from './webhooks/subscriptions.ts'
export { ReportTotalsSchema } from './reports/common.ts'
export type { BillableRate, ReportTotals } from './reports/common.ts'
export { ProjectUserSummarySchema, SummaryReportSchema } from './reports/summary.ts'
export type {
  ProjectUserSummary,
  ReportRangeInput,
  SummaryExportInput,
  SummaryGroup,
  SummaryGrouping,
  SummaryPdfExportInput,
  SummaryReport,
  SummaryReportInput,
  SummarySubGroup,
} from './reports/summary.ts'
export { DetailedRowSchema } from './reports/detailed.ts'
export type {
  DetailedCursor,
  DetailedExportInput,
  DetailedPdfExportInput,
  DetailedReportInput,
  DetailedRow,
  DetailedTotalsInput,
} from './reports/detailed.ts'
export { WeeklyRowSchema } from './reports/weekly.ts'
export type { WeeklyExportInput, WeeklyPdfExportInput, WeeklyReportInput, WeeklyRow } from './reports/weekly.ts'
