export { GroupNameSchema, OrganizationNameSchema, WorkspaceNameSchema } from './names.ts'
export {
  CreatedOrganizationSchema,
  OrganizationListSchema,
  OrganizationSchema,
  type CreatedOrganization,
  type TogglOrganization,
} from './organization.ts'
export { GroupPatchResultSchema, OrganizationGroupSchema } from './groups.ts'
export type { GroupFilters, GroupInput, GroupPatchOperation, GroupPatchResult, OrganizationGroup } from './groups.ts'
export { InvitationResultSchema } from './invitations.ts'
export type { InvitationInfo, InvitationInput, InvitationResult, SentInvitation } from './invitations.ts'
export { OrganizationOwnerSchema, OwnershipTransferSchema } from './owner.ts'
export type { OrganizationOwner, OwnershipTransfer } from './owner.ts'
export { RoleSchema, type TogglRole } from './roles.ts'
export { OrganizationSegmentationSchema } from './segmentation.ts'
export type { OrganizationSegmentation, SegmentationInput } from './segmentation.ts'
export { OrganizationUserSchema } from './users.ts'
export type {
  OrganizationUser,
  OrganizationUserChanges,
  OrganizationUserWorkspaceChange,
  UserFilters,
  UserListing,
  UserPageQuery,
  UserStatus,
} from './users.ts'
export { WorkspaceSchema, WorkspaceStatisticsSchema, WorkspaceUserSchema } from './workspaces.ts'
export type { TogglWorkspace, WorkspaceInput, WorkspaceStatistics, WorkspaceUser, WorkspaceUserFilters } from './workspaces.ts'
