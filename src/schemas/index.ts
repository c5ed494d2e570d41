export { OrganizationNameSchema, WorkspaceNameSchema } from './names.ts'
export {
  CreatedOrganizationSchema,
  OrganizationListSchema,
  OrganizationSchema,
  type CreatedOrganization,
  type TogglOrganization,
} from './organization.ts'
