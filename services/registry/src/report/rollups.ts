/**
 * The registry's dated rollups (migration 1730000000000-ReportRollups) and the SQL selecting each
 * one's owners, for a full rebuild after a bulk load.
 */
export const REGISTRY_ROLLUPS: Record<string, string> = {
  active_cooperatives: "SELECT id FROM cooperative",
  cooperative_members: "SELECT id FROM cooperative",
  group_members: "SELECT id FROM cooperative_group",
  operating_groups: "SELECT id FROM cooperative_group",
};
