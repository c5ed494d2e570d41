export { GroupNameSchema, OrganizationNameSchema, WorkspaceNameSchema } from './names.ts'
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
