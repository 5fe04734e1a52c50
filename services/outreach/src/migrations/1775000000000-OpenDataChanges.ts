import { createChangeTracking, dropChangeTracking } from "@camau/shared";
import { MigrationInterface, QueryRunner } from "typeorm";
import { OUTREACH_TRACKED_TABLES } from "../openData";

/** When each table last changed (open_data_change), for the open-data downloads' ETag and Last-Modified. */
export class OpenDataChanges1775000000000 implements MigrationInterface {
  name = "OpenDataChanges1775000000000";

  async up(q: QueryRunner): Promise<void> {
    await createChangeTracking(q, OUTREACH_TRACKED_TABLES);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropChangeTracking(q, OUTREACH_TRACKED_TABLES);
  }
}
